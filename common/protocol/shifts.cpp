#include "common/protocol/shifts.h"

#include "common/money/money_json.h"
#include "common/protocol/time_json.h"

#include <boost/json/object.hpp>

#include <limits>

namespace usher::protocol {

namespace {

void putMoney(boost::json::object& out, std::string_view key, const std::optional<Money>& money) {
    if (money) {
        out[key] = toJson(*money);
    }
}

} // namespace

std::string_view toString(ShiftStatus status) {
    return nameOf(kShiftStatusNames, status);
}

boost::json::value toJson(const OpenShiftRequest& request) {
    return boost::json::object{{"device", request.device}, {"opening_float", toJson(request.openingFloat)}};
}

void decode(json::Decoder& d, const boost::json::value& v, OpenShiftRequest& out) {
    json::ObjectReader fields(d, v);
    fields.required("device", Line{out.device, 1, kMaxNameLength});
    fields.required("opening_float", ClientMoney{out.openingFloat, 0});
}

boost::json::value toJson(const CloseShiftRequest& request) {
    boost::json::object out{{"counted_cash", toJson(request.countedCash)}};
    putMoney(out, "counted_card_present", request.countedCard);
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, CloseShiftRequest& out) {
    json::ObjectReader fields(d, v);
    fields.required("counted_cash", ClientMoney{out.countedCash, 0});
    fields.optional("counted_card_present", with([&](json::Decoder& dd, const boost::json::value& value) {
                        decode(dd, value, ClientMoney{out.countedCard.emplace(), 0});
                    }));
}

boost::json::value toJson(const TenderTotals& totals) {
    boost::json::object out{{"method", toString(totals.method)},
                            {"sales", toJson(totals.sales)},
                            {"refunds", toJson(totals.refunds)},
                            {"expected", toJson(totals.expected)}};
    putMoney(out, "counted", totals.counted);
    putMoney(out, "variance", totals.variance);
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, TenderTotals& out) {
    json::ObjectReader fields(d, v);
    fields.required("method", json::oneOf(out.method, kPaymentMethodNames));
    fields.required("sales", out.sales);
    fields.required("refunds", out.refunds);
    fields.required("expected", out.expected);
    fields.optional("counted", out.counted);
    fields.optional("variance", out.variance);
}

boost::json::value toJson(const TicketTypeTotals& totals) {
    return boost::json::object{{"ticket_type", totals.ticketType},
                               {"sold", totals.sold},
                               {"sold_amount", toJson(totals.soldAmount)},
                               {"refunded", totals.refunded},
                               {"refunded_amount", toJson(totals.refundedAmount)}};
}

void decode(json::Decoder& d, const boost::json::value& v, TicketTypeTotals& out) {
    json::ObjectReader fields(d, v);
    fields.required("ticket_type", id(out.ticketType));
    fields.required("sold", json::inRange(out.sold, 0, std::numeric_limits<int>::max()));
    fields.required("sold_amount", out.soldAmount);
    fields.required("refunded", json::inRange(out.refunded, 0, std::numeric_limits<int>::max()));
    fields.required("refunded_amount", out.refundedAmount);
}

boost::json::value toJson(const ShiftReport& report) {
    boost::json::object out{
        {"shift_id", report.shiftId},        {"device", report.device},
        {"clerk_id", report.clerkId},        {"clerk_name", report.clerkName},
        {"status", toString(report.status)}, {"opened_at", formatTimestamp(report.openedAt)}};
    if (report.closedAt) {
        out["closed_at"] = formatTimestamp(*report.closedAt);
    }
    out["opening_float"] = toJson(report.openingFloat);
    out["orders"] = report.orders;
    out["refunds"] = report.refunds;
    out["tenders"] = toJsonArray(report.tenders);
    out["ticket_types"] = toJsonArray(report.ticketTypes);
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, ShiftReport& out) {
    json::ObjectReader fields(d, v);
    fields.required("shift_id", id(out.shiftId));
    fields.required("device", Line{out.device, 1, kMaxNameLength});
    fields.required("clerk_id", id(out.clerkId));
    fields.required("clerk_name", Line{out.clerkName, 1, kMaxNameLength});
    fields.required("status", json::oneOf(out.status, kShiftStatusNames));
    fields.required("opened_at", Rfc3339{out.openedAt});
    fields.optional("closed_at", with([&](json::Decoder& dd, const boost::json::value& value) {
                        decode(dd, value, Rfc3339{out.closedAt.emplace()});
                    }));
    fields.required("opening_float", out.openingFloat);
    fields.required("orders", json::inRange(out.orders, 0, std::numeric_limits<int>::max()));
    fields.required("refunds", json::inRange(out.refunds, 0, std::numeric_limits<int>::max()));
    fields.required("tenders", out.tenders);
    fields.required("ticket_types", out.ticketTypes);
}

} // namespace usher::protocol
