#include "common/protocol/orders.h"

#include "common/money/money_json.h"
#include "common/protocol/auth.h"
#include "common/protocol/time_json.h"

#include <limits>

namespace usher::protocol {

namespace {

constexpr std::size_t kMaxReferenceLength = 128;
constexpr std::size_t kMaxTicketCodeLength = 64;
constexpr std::size_t kMaxSignatureLength = 256;

void decodeTicketTypes(json::Decoder& d, const boost::json::value& v,
                       std::map<std::string, std::string>& out) {
    const auto* object = v.if_object();
    if (object == nullptr) {
        d.fail("expected an object");
        return;
    }
    if (object->empty()) {
        d.fail("must not be empty");
        return;
    }
    if (object->size() > static_cast<std::size_t>(kMaxTicketsPerRequest)) {
        d.fail("must have at most " + std::to_string(kMaxTicketsPerRequest) + " entries");
        return;
    }
    for (const auto& item : *object) {
        const std::string key(item.key());
        if (key.empty() || key.size() > kMaxIdLength || hasControlCharacters(key)) {
            // Reported on the object: a path ending in a bad key would be unreadable itself.
            d.fail("keys must be seat ids or GA areas of 1 to " + std::to_string(kMaxIdLength) +
                   " characters without control characters");
            continue;
        }
        auto scope = d.at(item.key());
        std::string ticketType;
        const std::size_t before = d.errorCount();
        decode(d, item.value(), id(ticketType));
        if (d.errorCount() == before) {
            out[key] = std::move(ticketType);
        }
    }
}

void decodePayments(json::Decoder& d, const boost::json::value& v, std::vector<Payment>& out) {
    const auto* items = arrayOf(d, v, 2, kMaxPaymentsPerOrder);
    if (items == nullptr) {
        return;
    }
    out.resize(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
        auto scope = d.at(i);
        decode(d, (*items)[i], out[i]);
    }
}

void decodeCustomerEmail(json::Decoder& d, const boost::json::value& v, std::optional<std::string>& out) {
    const std::size_t before = d.errorCount();
    decode(d, v, OptionalLine{out, 1, kMaxEmailLength});
    if (d.errorCount() == before && out && !isEmailShaped(*out)) {
        d.fail("must be an email address such as \"name@example.com\"");
        out.reset();
    }
}

void putOptional(boost::json::object& out, std::string_view key, const std::optional<std::string>& value) {
    if (value) {
        out[key] = *value;
    }
}

} // namespace

void decode(json::Decoder& d, const boost::json::value& v, ClientMoney money) {
    const std::size_t before = d.errorCount();
    decode(d, v, money.out);
    if (d.errorCount() == before &&
        (money.out.amount < money.minAmount || money.out.amount > kMaxClientAmount)) {
        auto scope = d.at("amount");
        d.fail("must be between " + std::to_string(money.minAmount) + " and " +
               std::to_string(kMaxClientAmount));
    }
}

std::string_view toString(PaymentMethod method) {
    return nameOf(kPaymentMethodNames, method);
}

std::string_view toString(OrderStatus status) {
    return nameOf(kOrderStatusNames, status);
}

std::string_view toString(TicketStatus status) {
    return nameOf(kTicketStatusNames, status);
}

PaymentMethod methodOf(const Payment& payment) {
    if (std::holds_alternative<CashPayment>(payment)) {
        return PaymentMethod::Cash;
    }
    return std::holds_alternative<CardPresentPayment>(payment) ? PaymentMethod::CardPresent
                                                               : PaymentMethod::TestCard;
}

boost::json::value toJson(const Payment& payment) {
    boost::json::object out{{"method", toString(methodOf(payment))}};
    if (const auto* cash = std::get_if<CashPayment>(&payment)) {
        out["tendered"] = toJson(cash->tendered);
    } else if (const auto* card = std::get_if<CardPresentPayment>(&payment)) {
        out["reference"] = card->reference;
        if (card->amount) {
            out["amount"] = toJson(*card->amount);
        }
    } else {
        out["token"] = std::get<TestCardPayment>(payment).token;
    }
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, Payment& out) {
    json::ObjectReader fields(d, v);
    if (!fields.isObject()) {
        return;
    }
    PaymentMethod method = PaymentMethod::Cash;
    const std::size_t before = d.errorCount();
    fields.required("method", json::oneOf(method, kPaymentMethodNames));
    if (d.errorCount() != before) {
        // Without a method the other fields cannot be judged; only the method is reported.
        fields.optional("tendered", Ignore{});
        fields.optional("reference", Ignore{});
        fields.optional("amount", Ignore{});
        fields.optional("token", Ignore{});
        return;
    }
    // Fields of another method are left unread and so reported as unknown.
    switch (method) {
    case PaymentMethod::Cash: {
        CashPayment cash;
        fields.required("tendered", ClientMoney{cash.tendered, 0});
        out = cash;
        break;
    }
    case PaymentMethod::CardPresent: {
        CardPresentPayment card;
        fields.required("reference", Line{card.reference, 1, kMaxReferenceLength});
        fields.optional("amount", with([&](json::Decoder& dd, const boost::json::value& value) {
                            decode(dd, value, ClientMoney{card.amount.emplace(), 1});
                        }));
        out = std::move(card);
        break;
    }
    case PaymentMethod::TestCard: {
        TestCardPayment card;
        fields.required("token", Line{card.token, 1, kMaxReferenceLength});
        out = std::move(card);
        break;
    }
    }
}

void readFields(json::Decoder& d, json::ObjectReader& fields, CommitRequest& out) {
    if (fields.isObject() && fields.has("payments")) {
        if (fields.has("payment")) {
            d.fail("expected exactly one of \"payment\" or \"payments\"");
            fields.optional("payment", Ignore{});
        }
        fields.required("payments", with([&](json::Decoder& dd, const boost::json::value& value) {
                            decodePayments(dd, value, out.payments);
                        }));
    } else {
        out.payments.resize(1);
        fields.required("payment", out.payments.front());
    }
    fields.optional("ticket_types", with([&](json::Decoder& dd, const boost::json::value& value) {
                        decodeTicketTypes(dd, value, out.ticketTypes);
                    }));
    fields.optional("shift_id", optionalId(out.shiftId));
    fields.optional("customer_name", OptionalLine{out.customerName, 1, kMaxCustomerFieldLength});
    fields.optional("customer_email", with([&](json::Decoder& dd, const boost::json::value& value) {
                        decodeCustomerEmail(dd, value, out.customerEmail);
                    }));
}

void writeFields(const CommitRequest& request, boost::json::object& out) {
    if (request.payments.size() == 1) {
        out["payment"] = toJson(request.payments.front());
    } else {
        out["payments"] = toJsonArray(request.payments);
    }
    if (!request.ticketTypes.empty()) {
        boost::json::object types;
        for (const auto& [line, type] : request.ticketTypes) {
            types[line] = type;
        }
        out["ticket_types"] = std::move(types);
    }
    putOptional(out, "shift_id", request.shiftId);
    putOptional(out, "customer_name", request.customerName);
    putOptional(out, "customer_email", request.customerEmail);
}

boost::json::value toJson(const CommitRequest& request) {
    boost::json::object out;
    writeFields(request, out);
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, CommitRequest& out) {
    json::ObjectReader fields(d, v);
    readFields(d, fields, out);
}

boost::json::value toJson(const Ticket& ticket) {
    boost::json::object out{{"id", ticket.id}, {"code", ticket.code}};
    if (ticket.seat) {
        out["seat"] = *ticket.seat;
    }
    if (ticket.gaArea) {
        out["ga_area"] = *ticket.gaArea;
    }
    out["ticket_type"] = ticket.ticketType;
    out["price"] = toJson(ticket.price);
    out["status"] = toString(ticket.status);
    if (ticket.signature) {
        out["signature"] = *ticket.signature;
    }
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, Ticket& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("code", Line{out.code, 1, kMaxTicketCodeLength});
    fields.optional("seat", optionalId(out.seat));
    fields.optional("ga_area", optionalId(out.gaArea));
    if (fields.isObject() && fields.has("seat") == fields.has("ga_area")) {
        d.fail("expected exactly one of \"seat\" or \"ga_area\"");
    }
    fields.required("ticket_type", id(out.ticketType));
    fields.required("price", out.price);
    fields.required("status", json::oneOf(out.status, kTicketStatusNames));
    fields.optional("signature", OptionalLine{out.signature, 1, kMaxSignatureLength});
}

boost::json::value toJson(const OrderResponse& response) {
    boost::json::object out{{"order_id", response.orderId},
                            {"number", response.number},
                            {"event_id", response.eventId},
                            {"status", toString(response.status)},
                            {"total", toJson(response.total)},
                            {"tickets", toJsonArray(response.tickets)},
                            {"created_at", formatTimestamp(response.createdAt)}};
    if (response.change) {
        out["change"] = toJson(*response.change);
    }
    if (!response.payments.empty()) {
        out["payments"] = toJsonArray(response.payments);
    }
    putOptional(out, "customer_name", response.customerName);
    putOptional(out, "customer_email", response.customerEmail);
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, OrderResponse& out) {
    json::ObjectReader fields(d, v);
    fields.required("order_id", id(out.orderId));
    fields.required("number", id(out.number));
    fields.required("event_id", id(out.eventId));
    fields.required("status", json::oneOf(out.status, kOrderStatusNames));
    fields.required("total", out.total);
    fields.required("tickets", out.tickets);
    fields.optional("change", out.change);
    fields.required("created_at", Rfc3339{out.createdAt});
    fields.optional("payments", out.payments);
    fields.optional("customer_name", OptionalLine{out.customerName, 1, kMaxCustomerFieldLength});
    fields.optional("customer_email", OptionalLine{out.customerEmail, 1, kMaxEmailLength});
}

boost::json::value toJson(const PaymentLine& line) {
    boost::json::object out{{"method", toString(line.method)}, {"amount", toJson(line.amount)}};
    if (line.tendered) {
        out["tendered"] = toJson(*line.tendered);
    }
    putOptional(out, "reference", line.reference);
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, PaymentLine& out) {
    json::ObjectReader fields(d, v);
    fields.required("method", json::oneOf(out.method, kPaymentMethodNames));
    fields.required("amount", out.amount);
    fields.optional("tendered", out.tendered);
    fields.optional("reference", OptionalLine{out.reference, 1, kMaxReferenceLength});
}

boost::json::value toJson(const OrderSummary& summary) {
    boost::json::object out{
        {"order_id", summary.orderId},        {"number", summary.number},
        {"event_id", summary.eventId},        {"event_name", summary.eventName},
        {"status", toString(summary.status)}, {"total", toJson(summary.total)},
        {"tickets", summary.tickets},         {"created_at", formatTimestamp(summary.createdAt)}};
    putOptional(out, "customer_name", summary.customerName);
    putOptional(out, "customer_email", summary.customerEmail);
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, OrderSummary& out) {
    json::ObjectReader fields(d, v);
    fields.required("order_id", id(out.orderId));
    fields.required("number", id(out.number));
    fields.required("event_id", id(out.eventId));
    fields.required("event_name", Line{out.eventName, 1, kMaxNameLength});
    fields.required("status", json::oneOf(out.status, kOrderStatusNames));
    fields.required("total", out.total);
    fields.required("tickets", json::inRange(out.tickets, 0, kMaxTicketsPerRequest));
    fields.required("created_at", Rfc3339{out.createdAt});
    fields.optional("customer_name", OptionalLine{out.customerName, 1, kMaxCustomerFieldLength});
    fields.optional("customer_email", OptionalLine{out.customerEmail, 1, kMaxEmailLength});
}

boost::json::value toJson(const OrderSearchResult& result) {
    return boost::json::object{{"data", toJsonArray(result.data)}};
}

void decode(json::Decoder& d, const boost::json::value& v, OrderSearchResult& out) {
    json::ObjectReader fields(d, v);
    fields.required("data", out.data);
}

void readFields(json::Decoder&, json::ObjectReader& fields, RefundRequest& out) {
    fields.required("reason", Line{out.reason, 1, kMaxReasonLength});
    fields.optional("tickets",
                    IdList{out.tickets, 1, static_cast<std::size_t>(kMaxTicketsPerRequest), "ticket id"});
    fields.optional("shift_id", optionalId(out.shiftId));
}

void writeFields(const RefundRequest& request, boost::json::object& out) {
    out["reason"] = request.reason;
    if (!request.tickets.empty()) {
        out["tickets"] = toJsonArray(request.tickets);
    }
    putOptional(out, "shift_id", request.shiftId);
}

boost::json::value toJson(const RefundRequest& request) {
    boost::json::object out;
    writeFields(request, out);
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, RefundRequest& out) {
    json::ObjectReader fields(d, v);
    readFields(d, fields, out);
}

boost::json::value toJson(const RefundResponse& response) {
    boost::json::object out{{"refund_id", response.refundId},
                            {"order_id", response.orderId},
                            {"amount", toJson(response.amount)},
                            {"tickets", toJsonArray(response.tickets)}};
    if (!response.payments.empty()) {
        out["payments"] = toJsonArray(response.payments);
    }
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, RefundResponse& out) {
    json::ObjectReader fields(d, v);
    fields.required("refund_id", id(out.refundId));
    fields.required("order_id", id(out.orderId));
    fields.required("amount", out.amount);
    fields.required("tickets", IdList{out.tickets, 0, std::numeric_limits<std::size_t>::max(), "ticket id"});
    fields.optional("payments", out.payments);
}

} // namespace usher::protocol
