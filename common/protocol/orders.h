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

// Money a client states (cash tendered, a card's part, cash counted): in minAmount ..
// kMaxClientAmount, so that sums and differences cannot overflow.
struct ClientMoney {
    Money& out;
    std::int64_t minAmount = 0;
};
void decode(json::Decoder& d, const boost::json::value& v, ClientMoney money);

// {"method": "cash", "tendered": {money}}: staff only; the change comes back in the order.
struct CashPayment {
    Money tendered;

    bool operator==(const CashPayment&) const = default;
};

// {"method": "card_present", "reference": "...", "amount": {money}}: staff only; the external
// terminal's reference. `amount` is what the card paid: required in a split tender, the whole
// total when absent.
struct CardPresentPayment {
    std::string reference;
    std::optional<Money> amount{};

    bool operator==(const CardPresentPayment&) const = default;
};

// {"method": "test_card", "token": "tok_visa"}: online, through the payment gateway interface.
struct TestCardPayment {
    std::string token;

    bool operator==(const TestCardPayment&) const = default;
};

using Payment = std::variant<CashPayment, CardPresentPayment, TestCardPayment>;
PaymentMethod methodOf(const Payment& payment);

// At most this many tenders in one split payment (cash and up to three cards).
inline constexpr std::size_t kMaxPaymentsPerOrder = 4;

// Body of POST /api/v1/holds/{id}/commit (with an Idempotency-Key header). One tender travels as
// "payment", a split tender as "payments" (2 to kMaxPaymentsPerOrder: card_present amounts, and
// cash for the rest). `ticketTypes` maps a seat id or GA area to a ticket type id; lines not named
// get the event's default ticket type. Box-office tenders name the clerk's open shift, and may
// name the customer so that the order can be found later.
struct CommitRequest {
    std::vector<Payment> payments;
    std::map<std::string, std::string> ticketTypes{}; // "ticket_types", omitted when empty
    std::optional<std::string> shiftId{};             // "shift_id"
    std::optional<std::string> customerName{};        // "customer_name"
    std::optional<std::string> customerEmail{};       // "customer_email"

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

// Money that moved: a tender of an order, or how a refund went back. `tendered` is the cash
// handed over; `reference` the card terminal's or the gateway's reference.
struct PaymentLine {
    PaymentMethod method = PaymentMethod::Cash;
    Money amount;
    std::optional<Money> tendered;
    std::optional<std::string> reference;

    bool operator==(const PaymentLine&) const = default;
};

// 201 answer to commit, and GET /api/v1/orders/{id}. `number` is the order number printed for
// people; `change` is set only for cash; `payments` are the tenders, in the order given.
struct OrderResponse {
    std::string orderId;
    std::string number;
    std::string eventId;
    OrderStatus status = OrderStatus::Paid;
    Money total;
    std::vector<Ticket> tickets;
    std::optional<Money> change;
    Timestamp createdAt;
    std::vector<PaymentLine> payments{};
    std::optional<std::string> customerName{};
    std::optional<std::string> customerEmail{};

    bool operator==(const OrderResponse&) const = default;
};

// Body of POST /api/v1/orders/{id}/refunds. No `tickets` refunds every ticket not yet refunded.
// A refund of box-office tenders names the refunding clerk's open shift.
struct RefundRequest {
    std::string reason;
    std::vector<std::string> tickets{};
    std::optional<std::string> shiftId{}; // "shift_id"

    bool operator==(const RefundRequest&) const = default;
};
inline constexpr std::size_t kMaxReasonLength = 500;

struct RefundResponse {
    std::string refundId;
    std::string orderId;
    Money amount;
    std::vector<std::string> tickets;    // ids of the tickets refunded
    std::vector<PaymentLine> payments{}; // how the money goes back: cash first, then cards

    bool operator==(const RefundResponse&) const = default;
};

// One row of GET /api/v1/orders?q=: what a clerk needs to tell orders apart.
struct OrderSummary {
    std::string orderId;
    std::string number;
    std::string eventId;
    std::string eventName;
    OrderStatus status = OrderStatus::Paid;
    Money total;
    int tickets = 0;
    std::optional<std::string> customerName;
    std::optional<std::string> customerEmail;
    Timestamp createdAt;

    bool operator==(const OrderSummary&) const = default;
};

// Answer of GET /api/v1/orders?q=: newest first, at most `limit`.
struct OrderSearchResult {
    std::vector<OrderSummary> data;

    bool operator==(const OrderSearchResult&) const = default;
};
inline constexpr std::size_t kMaxCustomerFieldLength = 200;

boost::json::value toJson(const Payment& payment);
boost::json::value toJson(const CommitRequest& request);
boost::json::value toJson(const Ticket& ticket);
boost::json::value toJson(const OrderResponse& response);
boost::json::value toJson(const RefundRequest& request);
boost::json::value toJson(const RefundResponse& response);
boost::json::value toJson(const PaymentLine& line);
boost::json::value toJson(const OrderSummary& summary);
boost::json::value toJson(const OrderSearchResult& result);

void decode(json::Decoder& d, const boost::json::value& v, Payment& out);
void decode(json::Decoder& d, const boost::json::value& v, CommitRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, Ticket& out);
void decode(json::Decoder& d, const boost::json::value& v, OrderResponse& out);
void decode(json::Decoder& d, const boost::json::value& v, RefundRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, RefundResponse& out);
void decode(json::Decoder& d, const boost::json::value& v, PaymentLine& out);
void decode(json::Decoder& d, const boost::json::value& v, OrderSummary& out);
void decode(json::Decoder& d, const boost::json::value& v, OrderSearchResult& out);

// The request fields inside a larger object (the WebSocket "commit" and "refund" messages).
void readFields(json::Decoder& d, json::ObjectReader& fields, CommitRequest& out);
void writeFields(const CommitRequest& request, boost::json::object& out);
void readFields(json::Decoder& d, json::ObjectReader& fields, RefundRequest& out);
void writeFields(const RefundRequest& request, boost::json::object& out);

} // namespace usher::protocol
