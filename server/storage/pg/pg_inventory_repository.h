#pragma once

#include "server/storage/inventory_repository.h"
#include "server/storage/pg/connection_pool.h"

namespace usher::server::pg {

class PgInventoryRepository final : public storage::InventoryRepository {
public:
    explicit PgInventoryRepository(ConnectionPool& pool,
                                   storage::HoldCondition condition = storage::HoldCondition::Safe);

    std::vector<storage::HoldOutcome> createHolds(storage::EventId event,
                                                  std::span<const storage::HoldPlan> plans) override;
    std::optional<storage::StoredHold> findHold(std::string_view holdId) override;
    Expected<Timestamp, storage::HoldChangeError> extendHold(std::string_view holdId, std::chrono::seconds by,
                                                             const storage::ExtendPolicy& policy) override;
    std::vector<storage::ReleaseOutcome> releaseHolds(storage::EventId event,
                                                      std::span<const std::string> holdIds) override;
    storage::SeatChangeOutcome changeHoldSeats(std::string_view holdId,
                                               const storage::SeatChange& change) override;
    int expireHolds(int limit) override;
    std::vector<std::string> availableSeats(storage::EventId event) override;

private:
    ConnectionPool& m_pool;
    storage::HoldCondition m_condition;
};

} // namespace usher::server::pg
