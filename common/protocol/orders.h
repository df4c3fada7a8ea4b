#pragma once

#include "common/json/decoder.h"
#include "common/money/money.h"
#include "common/protocol/codec.h"
#include "common/util/time.h"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace usher::protocol {

enum class PaymentMethod { Cash, CardPresent, TestCard };
inline constexpr NameTable<PaymentMethod, 3> kPaymentMethodNames{{
    {"cash", PaymentMethod::Cash},
    {"card_present", PaymentMethod::CardPresent},
    {"test_card", PaymentMethod::TestCard},
}};
std::string_view toString(PaymentMethod method);

// {"method": "cash", "tendered": {money}}: staff only; the change comes back in the order.
struct CashPayment {
    Money tendered;

    bool operator==(const CashPayment&) const = default;
};

// {"method": "card_present", "reference": "..."}: staff only; the external terminal's reference.
struct CardPresentPayment {
    std::string reference;

    bool operator==(const CardPresentPayment&) const = default;
};

// {"method": "test_card", "token": "tok_visa"}: online, through the payment gateway interface.
struct TestCardPayment {
    std::string token;

    bool operator==(const TestCardPayment&) const = default;
};

using Payment = std::variant<CashPayment, CardPresentPayment, TestCardPayment>;
PaymentMethod methodOf(const Payment& payment);

// Body of POST /api/v1/holds/{id}/commit (with an Idempotency-Key header). `ticketTypes` maps a
// seat id or GA area to a ticket type id; lines not named get the event's default ticket type.
struct CommitRequest {
    Payment payment;
    std::map<std::string, std::string> ticketTypes; // "ticket_types", omitted when empty

    bool operator==(const CommitRequest&) const = default;
};

enum class OrderStatus { Paid, PartiallyRefunded, Refunded };
inline constexpr NameTable<OrderStatus, 3> kOrderStatusNames{{
    {"paid", OrderStatus::Paid},
    {"partially_refunded", OrderStatus::PartiallyRefunded},
    {"refunded", OrderStatus::Refunded},
}};
std::string_view toString(OrderStatus status);

enum class TicketStatus { Valid, CheckedIn, Refunded };
inline constexpr NameTable<TicketStatus, 3> kTicketStatusNames{{
    {"valid", TicketStatus::Valid},
    {"checked_in", TicketStatus::CheckedIn},
    {"refunded", TicketStatus::Refunded},
}};
std::string_view toString(TicketStatus status);

// One ticket per seat or GA place: exactly one of `seat` and `gaArea` is set.
struct Ticket {
    std::string id;
    std::string code; // the random scanner code (base32)
    std::optional<std::string> seat;
    std::optional<std::string> gaArea; // "ga_area"
    std::string ticketType;            // "ticket_type"
    Money price;
    TicketStatus status = TicketStatus::Valid;
    std::optional<std::string> signature; // Ed25519 over the ticket fields, for offline scanners

    bool operator==(const Ticket&) const = default;
};

// 201 answer to commit, and GET /api/v1/orders/{id}. `number` is the order number printed for
// people; `change` is set only for cash.
struct OrderResponse {
    std::string orderId;
    std::string number;
    std::string eventId;
    OrderStatus status = OrderStatus::Paid;
    Money total;
    std::vector<Ticket> tickets;
    std::optional<Money> change;
    Timestamp createdAt;

    bool operator==(const OrderResponse&) const = default;
};

// Body of POST /api/v1/orders/{id}/refunds. No `tickets` refunds every ticket not yet refunded.
struct RefundRequest {
    std::string reason;
    std::vector<std::string> tickets;

    bool operator==(const RefundRequest&) const = default;
};
inline constexpr std::size_t kMaxReasonLength = 500;

struct RefundResponse {
    std::string refundId;
    std::string orderId;
    Money amount;
    std::vector<std::string> tickets; // ids of the tickets refunded

    bool operator==(const RefundResponse&) const = default;
};

boost::json::value toJson(const Payment& payment);
boost::json::value toJson(const CommitRequest& request);
boost::json::value toJson(const Ticket& ticket);
boost::json::value toJson(const OrderResponse& response);
boost::json::value toJson(const RefundRequest& request);
boost::json::value toJson(const RefundResponse& response);

void decode(json::Decoder& d, const boost::json::value& v, Payment& out);
void decode(json::Decoder& d, const boost::json::value& v, CommitRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, Ticket& out);
void decode(json::Decoder& d, const boost::json::value& v, OrderResponse& out);
void decode(json::Decoder& d, const boost::json::value& v, RefundRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, RefundResponse& out);

// The request fields inside a larger object (the WebSocket "commit" and "refund" messages).
void readFields(json::Decoder& d, json::ObjectReader& fields, CommitRequest& out);
void writeFields(const CommitRequest& request, boost::json::object& out);
void readFields(json::Decoder& d, json::ObjectReader& fields, RefundRequest& out);
void writeFields(const RefundRequest& request, boost::json::object& out);

} // namespace usher::protocol
