#pragma once

#include "common/util/batch_lanes.h"
#include "server/storage/inventory_repository.h"

#include <optional>

namespace usher::server::services {

// Coalesces hold requests for one event into one createHolds call: while one call is in the
// database, requests for the same event queue up, and the first of them then takes the whole queue
// as one call, whose statements work on every plan at once (set-based), however many there are.
// Each plan stays all-or-nothing on its own. (The storage layer's EventWriteQueue then shares the
// transaction with the event's other writes; this saves the statements per hold on top.) Requests
// for different events never wait for each other.
class HoldBatcher {
public:
    explicit HoldBatcher(storage::InventoryRepository& inventory, std::size_t maxBatch = 128);

    // Blocks until the plan's batch has committed. Rethrows what the repository threw for the batch
    // (StorageUnavailable), in every thread whose plan was in it.
    storage::HoldOutcome submit(storage::EventId event, storage::HoldPlan plan);

private:
    struct Pending {
        storage::HoldPlan plan;
        std::optional<storage::HoldOutcome> outcome;
    };

    BatchLanes<storage::EventId, Pending> m_lanes;
};

} // namespace usher::server::services
