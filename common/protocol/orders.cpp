#include "common/protocol/orders.h"

#include "common/money/money_json.h"
#include "common/protocol/time_json.h"

#include <limits>

namespace usher::protocol {

namespace {

constexpr std::size_t kMaxReferenceLength = 128;
constexpr std::size_t kMaxTicketCodeLength = 64;
constexpr std::size_t kMaxSignatureLength = 256;

// Cash a client hands over: never negative, and small enough that change cannot overflow.
void decodeTendered(json::Decoder& d, const boost::json::value& v, Money& out) {
    const std::size_t before = d.errorCount();
    decode(d, v, out);
    if (d.errorCount() == before && (out.amount < 0 || out.amount > kMaxClientAmount)) {
        auto scope = d.at("amount");
        d.fail("must be between 0 and " + std::to_string(kMaxClientAmount));
    }
}

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

} // namespace

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
        fields.optional("token", Ignore{});
        return;
    }
    // Fields of another method are left unread and so reported as unknown.
    switch (method) {
    case PaymentMethod::Cash: {
        CashPayment cash;
        fields.required("tendered", with([&](json::Decoder& dd, const boost::json::value& value) {
                            decodeTendered(dd, value, cash.tendered);
                        }));
        out = cash;
        break;
    }
    case PaymentMethod::CardPresent: {
        CardPresentPayment card;
        fields.required("reference", Line{card.reference, 1, kMaxReferenceLength});
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

void readFields(json::Decoder&, json::ObjectReader& fields, CommitRequest& out) {
    fields.required("payment", out.payment);
    fields.optional("ticket_types", with([&](json::Decoder& dd, const boost::json::value& value) {
                        decodeTicketTypes(dd, value, out.ticketTypes);
                    }));
}

void writeFields(const CommitRequest& request, boost::json::object& out) {
    out["payment"] = toJson(request.payment);
    if (!request.ticketTypes.empty()) {
        boost::json::object types;
        for (const auto& [line, type] : request.ticketTypes) {
            types[line] = type;
        }
        out["ticket_types"] = std::move(types);
    }
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
}

void readFields(json::Decoder&, json::ObjectReader& fields, RefundRequest& out) {
    fields.required("reason", Line{out.reason, 1, kMaxReasonLength});
    fields.optional("tickets",
                    IdList{out.tickets, 1, static_cast<std::size_t>(kMaxTicketsPerRequest), "ticket id"});
}

void writeFields(const RefundRequest& request, boost::json::object& out) {
    out["reason"] = request.reason;
    if (!request.tickets.empty()) {
        out["tickets"] = toJsonArray(request.tickets);
    }
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
    return boost::json::object{{"refund_id", response.refundId},
                               {"order_id", response.orderId},
                               {"amount", toJson(response.amount)},
                               {"tickets", toJsonArray(response.tickets)}};
}

void decode(json::Decoder& d, const boost::json::value& v, RefundResponse& out) {
    json::ObjectReader fields(d, v);
    fields.required("refund_id", id(out.refundId));
    fields.required("order_id", id(out.orderId));
    fields.required("amount", out.amount);
    fields.required("tickets", IdList{out.tickets, 0, std::numeric_limits<std::size_t>::max(), "ticket id"});
}

} // namespace usher::protocol
