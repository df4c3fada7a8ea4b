#pragma once

#include "common/protocol/orders.h"
#include "server/security/ticket_signer.h"
#include "server/services/caller.h"
#include "server/services/event_batcher.h"
#include "server/services/event_catalog.h"
#include "server/services/inventory_listener.h"
#include "server/services/outcome.h"
#include "server/services/payment_gateway.h"
#include "server/services/shift_service.h"
#include "server/storage/inventory_repository.h"
#include "server/storage/order_repository.h"

#include <chrono>
#include <string_view>

namespace usher::server::services {

struct CommitResult {
    protocol::OrderResponse order;
    bool replayed = false; // the stored answer to an earlier request with the same key
};

struct OrderPolicy {
    // An unanswered idempotency claim older than this belongs to an attempt presumed dead, and the
    // next request with the key takes it over.
    std::chrono::seconds staleClaimAfter{std::chrono::minutes(2)};
};

// Orders: a hold committed into a paid order with signed tickets, order lookup, and refunds.
// Customers see only their own holds and orders (404 for anyone else's); staff see all. Commits
// and refunds are idempotent per (caller, Idempotency-Key): a replay returns the stored answer,
// the same key with another body is 422, a request while the first runs is 409 (retry after 1 s).
// Only a success is stored: after any failure the key may be retried.
class OrderService {
public:
    OrderService(storage::OrderRepository& orders, storage::InventoryRepository& inventory,
                 EventCatalog& events, PaymentGateway& gateway, const security::TicketSigner& signer,
                 InventoryListener& listener, ShiftService& shifts, OrderPolicy policy = {});

    // 201 either way (replayed or not). 400 bad ticket_types, tenders that do not add up, customer
    // fields or a shift on an online payment; 402 card declined (the hold stays as it was); 403
    // cash or card_present by a customer; 404 unknown, foreign or already committed hold; 409 in
    // flight, or shift-not-open for box-office tenders without the clerk's open shift; 410 hold
    // expired or released (also when it expired while the card was charged: the charge is
    // refunded); 422 key reused; 504 gateway timeout (retry with the same key: the charge is not
    // repeated).
    Outcome<CommitResult> commit(const Caller& caller, std::string_view holdId,
                                 std::string_view idempotencyKey, const protocol::CommitRequest& request);
    Outcome<protocol::OrderResponse> order(const Caller& caller, std::string_view orderId);
    // Staff only (a customer's own order: 403; anyone else's: 404). 400 for ticket ids not of
    // this order; 409 for tickets already refunded or checked in, or nothing left to refund. For
    // test_card orders the money goes back through the gateway after the refund is stored; 504 when
    // the gateway does not confirm (retry with the same key to confirm). Orders paid at the box
    // office are refunded through the refunding clerk's open shift (409 shift-not-open without
    // one); for online orders `shift_id` is ignored.
    Outcome<protocol::RefundResponse> refund(const Caller& caller, std::string_view orderId,
                                             std::string_view idempotencyKey,
                                             const protocol::RefundRequest& request);
    // Everything left of an order whose event was cancelled (the caller is the admin who cancelled
    // it): the money goes back the way it came, outside any shift: card payments through the
    // gateway, cash and card_present refunds are owed and paid out at the box office on
    // presentation. Repeating it replays the stored refund.
    Outcome<protocol::RefundResponse> refundCancelled(const Caller& caller, std::string_view orderId,
                                                      const std::string& reason);
    // Staff only. Orders by number, or by the customer's name or email (a part of it, any case),
    // newest first. 400 for an empty or over-long text or a limit outside 1..50.
    Outcome<protocol::OrderSearchResult> search(const Caller& caller, std::string_view text,
                                                std::size_t limit);
    // Staff only: a new code and signature for a valid ticket (a reprint); the old code is void.
    // 404 unknown ticket; 409 ticket-not-valid for a refunded or checked-in one.
    Outcome<protocol::Ticket> reissue(const Caller& caller, std::string_view ticketId);

private:
    Outcome<CommitResult> commitClaimed(const Caller& caller, const std::string& holdId,
                                        const protocol::CommitRequest& request,
                                        const storage::ClaimToken& claim,
                                        const std::string& paymentReference);
    // The idempotent part of a refund: claim the key, refund, answer, settle with the gateway.
    Outcome<protocol::RefundResponse> refundOnce(const Caller& caller, const storage::StoredOrder& order,
                                                 std::string_view idempotencyKey,
                                                 const protocol::RefundRequest& request,
                                                 const std::optional<std::string>& shiftId);
    Outcome<protocol::RefundResponse> refundClaimed(const Caller& caller, const storage::StoredOrder& order,
                                                    const protocol::RefundRequest& request,
                                                    const std::optional<std::string>& shiftId,
                                                    const storage::ClaimToken& claim);
    // Gives a test_card refund's money back through the gateway; idempotent, so replays call it again.
    Outcome<Done> settleGatewayRefund(const storage::StoredOrder& order,
                                      const protocol::RefundResponse& refund);
    void releaseQuietly(const storage::ClaimToken& claim) noexcept;

    storage::OrderRepository& m_orders;
    storage::InventoryRepository& m_inventory;
    EventCatalog& m_events;
    PaymentGateway& m_gateway;
    const security::TicketSigner& m_signer;
    InventoryListener& m_listener;
    ShiftService& m_shifts;
    OrderPolicy m_policy;
    EventBatcher<storage::OrderPlan, storage::CommitOutcome> m_commitBatches;
};

inline constexpr std::size_t kMaxOrderSearchResults = 50;

// The wire form of a stored order.
protocol::OrderResponse toOrderResponse(const storage::StoredOrder& order);
// What a ticket's signature covers; a scanner verifies TicketSigner::verify(key, fields, signature).
security::TicketFields ticketFields(const protocol::Ticket& ticket, std::string_view eventId,
                                    std::string_view orderId);

} // namespace usher::server::services
