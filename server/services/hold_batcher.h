#pragma once

#include "server/storage/inventory_repository.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace usher::server::services {

// Coalesces hold requests for one event into one createHolds call: while one call is in the
// database, requests for the same event queue up, and the first of them then takes the whole queue
// as one call, whose statements work on every plan at once (set-based), however many there are.
// Each plan stays all-or-nothing on its own. (The storage layer's EventWriteQueue then shares the
// transaction with the event's other writes; this saves the statements per hold on top.) Requests
// for different events never wait for each other.
class HoldBatcher {
public:
    explicit HoldBatcher(storage::InventoryRepository& inventory, std::size_t maxBatch = 128)
        : m_inventory(inventory), m_maxBatch(maxBatch) {}

    // Blocks until the plan's batch has committed. Rethrows what the repository threw for the batch
    // (StorageUnavailable), in every thread whose plan was in it.
    storage::HoldOutcome submit(storage::EventId event, storage::HoldPlan plan);

private:
    struct Pending;
    struct Lane;

    std::shared_ptr<Lane> laneFor(storage::EventId event);
    void runBatches(storage::EventId event, Lane& lane, const Pending& own,
                    std::unique_lock<std::mutex>& lock);

    storage::InventoryRepository& m_inventory;
    const std::size_t m_maxBatch;
    std::mutex m_lanesMutex;
    std::unordered_map<storage::EventId, std::shared_ptr<Lane>> m_lanes;
};

} // namespace usher::server::services
