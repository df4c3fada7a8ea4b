#pragma once

#include "server/storage/order_repository.h"
#include "server/storage/pg/connection_pool.h"

namespace usher::server::pg {

class PgOrderRepository final : public storage::OrderRepository {
public:
    explicit PgOrderRepository(ConnectionPool& pool) : m_pool(pool) {}

    storage::IdempotencyClaim claimIdempotencyKey(const storage::IdempotencyRequest& request,
                                                  std::chrono::seconds staleAfter) override;
    void releaseIdempotencyKey(const storage::ClaimToken& token) override;
    std::vector<storage::CommitOutcome> commitOrders(storage::EventId event,
                                                     std::span<const storage::OrderPlan> plans) override;
    std::optional<storage::StoredOrder> findOrder(std::string_view orderId) override;
    Expected<storage::StoredRefund, storage::RefundRefused>
    refundOrder(const storage::RefundPlan& plan) override;
    std::vector<protocol::OrderSummary> searchOrders(std::string_view text, std::size_t limit) override;
    std::optional<storage::TicketOfOrder> findTicket(std::string_view ticketId) override;
    Expected<storage::StoredTicket, storage::ReissueError>
    reissueTicket(const storage::ReissuePlan& plan) override;

private:
    ConnectionPool& m_pool;
};

// "U-100001": the order number printed for people, from the order_numbers sequence.
std::string formatOrderNumber(std::int64_t sequenceValue);

} // namespace usher::server::pg
