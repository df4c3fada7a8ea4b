#pragma once

#include "common/money/money.h"
#include "common/pricing/tenders.h"
#include "common/protocol/orders.h"
#include "common/util/expected.h"
#include "common/util/time.h"
#include "server/storage/catalog_repository.h"
#include "server/storage/user_repository.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace usher::server::storage {

// ---- Idempotency records (DESIGN.md invariant 4) ----------------------------------------------

// One request that carries an Idempotency-Key. Keys are per user; the scope names the operation
// ("commit:<hold id>", "refund:<order id>") and the hash covers the scope and the request body.
struct IdempotencyRequest {
    UserId user = 0;
    std::string key;
    std::string scope;
    std::string requestHash;
};

enum class ClaimStatus {
    Claimed,  // this request owns the key now: new, or taken over from an attempt presumed dead
    Replay,   // an earlier request with the same body succeeded; `response` is its answer
    InFlight, // an earlier request with the same body is still running
    Mismatch, // the key was used for another operation or another body
};

// Names one attempt's claim on a key. After a takeover the dead attempt's late writes no longer
// match, so they can neither finish nor drop the claim of the attempt that replaced it.
struct ClaimToken {
    UserId user = 0;
    std::string key;
    std::int64_t attempt = 0;
};

struct IdempotencyClaim {
    ClaimStatus status = ClaimStatus::Claimed;
    ClaimToken token;       // when Claimed
    std::string response;   // when Replay: the stored response body
    int responseStatus = 0; // when Replay: its HTTP status
};

// ---- Orders -----------------------------------------------------------------------------------

enum class Channel { Online, BoxOffice };

// One tender of an order, or one way a refund's money went back.
using PaymentRecord = TenderLine;

// A ticket made by the service (id, code and signature) before the order is written.
struct NewTicket {
    std::string id;
    std::optional<std::string> seat;
    std::optional<std::string> gaArea;
    std::string ticketType;
    std::int64_t price = 0; // minor units of the order's currency
    std::string code;
    std::string signature;
};

struct StoredTicket {
    std::string id;
    std::optional<std::string> seat;
    std::optional<std::string> gaArea;
    std::string ticketType;
    Money price;
    std::string code;
    std::string signature;
    protocol::TicketStatus status = protocol::TicketStatus::Valid;
};

struct StoredOrder {
    std::string id;
    std::string number; // for people: "U-100001"
    EventId eventId = 0;
    UserId user = 0; // the hold's owner: the customer, or the clerk who sold it
    std::string holdId;
    Channel channel = Channel::Online;
    protocol::OrderStatus status = protocol::OrderStatus::Paid;
    Money total;
    std::optional<Money> change; // cash only
    Timestamp createdAt;
    std::vector<StoredTicket> tickets;   // in position order
    std::vector<PaymentRecord> payments; // the charges, in the order they were given
    std::optional<std::string> shiftId;  // box office: the shift that took the money
    std::optional<std::string> customerName;
    std::optional<std::string> customerEmail;
};

// Serialises what was just written as the answer a replay returns. Runs inside the transaction,
// possibly more than once (a retried transaction), so it must not have side effects.
using OrderResponseWriter = std::function<std::string(const StoredOrder&)>;

// Turns an active hold into a paid order, decided by the service: prices, tickets and payment.
struct OrderPlan {
    std::string orderId; // a fresh UUID
    std::string holdId;
    EventId eventId = 0;
    UserId actor = 0; // who commits: the hold's owner or a clerk
    Channel channel = Channel::Online;
    Money total;
    std::optional<std::int64_t> changeDue;
    std::vector<NewTicket> tickets; // one per seat of the hold and one per GA place
    std::vector<PaymentRecord> payments;
    std::optional<std::string> shiftId; // must still be open when the order is written
    std::optional<std::string> customerName;
    std::optional<std::string> customerEmail;
    ClaimToken claim;
    OrderResponseWriter response;
};

enum class CommitError {
    HoldGone,      // released, expired (swept or not), or a seat or place no longer held by it
    HoldCommitted, // the hold already is an order
    ClaimLost,     // another attempt took the idempotency key over; nothing was written
    ShiftClosed,   // the plan's shift was closed meanwhile
};
using CommitOutcome = Expected<StoredOrder, CommitError>;

// ---- Refunds ----------------------------------------------------------------------------------

struct StoredRefund {
    std::string id;
    std::string orderId;
    EventId eventId = 0;
    Money amount;
    std::vector<std::string> tickets; // ids of the tickets refunded, in position order
    protocol::OrderStatus orderStatus = protocol::OrderStatus::Refunded;
    std::vector<PaymentRecord> payments; // how the money goes back: cash first, then cards
};

using RefundResponseWriter = std::function<std::string(const StoredRefund&)>;

struct RefundPlan {
    std::string refundId; // a fresh UUID
    std::string orderId;
    UserId actor = 0;
    std::string reason;
    std::vector<std::string> tickets;            // empty: every ticket still valid
    std::optional<std::string> paymentReference; // test_card: the gateway refund's reference
    std::optional<std::string> shiftId;          // must still be open when the refund is written
    ClaimToken claim;
    RefundResponseWriter response;
};

enum class RefundError {
    OrderNotFound,
    UnknownTicket,   // tickets[ticketIndex] is not a ticket of this order
    NotRefundable,   // tickets[ticketIndex] is already refunded or checked in
    NothingToRefund, // a full refund of an order without a valid ticket
    ClaimLost,
    ShiftClosed, // the plan's shift was closed meanwhile
};

struct RefundRefused {
    RefundError error = RefundError::OrderNotFound;
    std::size_t ticketIndex = 0;
};

// ---- Reissued tickets -------------------------------------------------------------------------

struct TicketOfOrder {
    StoredTicket ticket;
    std::string orderId;
    EventId eventId = 0;
};

struct ReissuePlan {
    std::string ticketId;
    std::string oldCode;
    std::string newCode;
    std::string newSignature;
    UserId actor = 0;
};

enum class ReissueError {
    NotFound,
    NotValid, // refunded or checked in
    Changed,  // reissued by someone else meanwhile
};

// Orders, refunds and the idempotency records that make both safe to retry. Every write that
// changes inventory appends to the event's change log in the same transaction (last, which locks
// the event row until the commit), like InventoryRepository.
class OrderRepository {
public:
    virtual ~OrderRepository() = default;

    // Claims `request.key` for this attempt in a transaction of its own, before any money moves.
    // An unfinished claim older than `staleAfter` belongs to an attempt presumed dead and is taken
    // over.
    virtual IdempotencyClaim claimIdempotencyKey(const IdempotencyRequest& request,
                                                 std::chrono::seconds staleAfter) = 0;
    // Drops an unfinished claim so that the client may retry with the same key. A claim with a
    // stored response, or one that another attempt took over, is left alone.
    virtual void releaseIdempotencyKey(const ClaimToken& token) = 0;

    // One transaction for every plan of the event, each decided on its own and in order: the hold's
    // seats and places become sold (exact expiry: a seat whose hold time has passed does not
    // match), the order, its tickets and payment are written, the hold becomes committed, the
    // changes are logged, the claim gets its response, the audit log its row. Set-based: the
    // statements per call do not grow with the number of plans.
    virtual std::vector<CommitOutcome> commitOrders(EventId event, std::span<const OrderPlan> plans) = 0;
    CommitOutcome commitOrder(const OrderPlan& plan) {
        return std::move(commitOrders(plan.eventId, std::span(&plan, 1)).front());
    }
    // Nullopt for an unknown or malformed id.
    virtual std::optional<StoredOrder> findOrder(std::string_view orderId) = 0;
    // Orders whose number is `text` (any case), or whose customer's name or email contains it
    // (any case), newest first. The customer is the one named at the box office, else the account.
    virtual std::vector<protocol::OrderSummary> searchOrders(std::string_view text, std::size_t limit) = 0;
    // The ticket with this id and its order's event; nullopt when unknown.
    virtual std::optional<TicketOfOrder> findTicket(std::string_view ticketId) = 0;
    // Gives a valid ticket a new code and signature and voids the old code, audited. Refused when
    // the ticket is no longer valid or its code is no longer `oldCode` (a concurrent reissue).
    virtual Expected<StoredTicket, ReissueError> reissueTicket(const ReissuePlan& plan) = 0;
    // One transaction: tickets refunded, seats back on sale and GA places back, logged, the refund
    // and its payment row written, the order's status updated, the claim answered, audited.
    virtual Expected<StoredRefund, RefundRefused> refundOrder(const RefundPlan& plan) = 0;
};

} // namespace usher::server::storage
