#pragma once

#include "common/util/batch_lanes.h"
#include "server/storage/catalog_repository.h"

#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace usher::server::services {

// Coalesces requests of one kind for one event into one call of a set-based repository operation
// (createHolds, releaseHolds, commitOrders): while one call is in the database, requests for the same
// event queue up, and the first of them then takes the whole queue as the next call, whose
// statements work on every plan at once however many there are. Each plan still succeeds or fails on
// its own. (The storage layer's EventWriteQueue then shares one transaction between the calls of the
// different kinds.) Requests for different events never wait for each other.
template <typename Plan, typename Outcome>
class EventBatcher {
public:
    // One outcome per plan, in order.
    using BulkCall = std::function<std::vector<Outcome>(storage::EventId, std::span<const Plan>)>;

    explicit EventBatcher(BulkCall call, std::size_t maxBatch = 256)
        : m_lanes(maxBatch,
                  [call = std::move(call)](storage::EventId event, const std::vector<Pending*>& batch) {
                      std::vector<Plan> plans;
                      plans.reserve(batch.size());
                      for (const Pending* pending : batch) {
                          plans.push_back(pending->plan);
                      }
                      std::vector<Outcome> outcomes = call(event, plans);
                      for (std::size_t i = 0; i < batch.size(); ++i) {
                          batch[i]->outcome.emplace(std::move(outcomes.at(i)));
                      }
                  }) {}

    // Blocks until the plan's batch has run. Rethrows what the call threw for the batch (for
    // example storage::StorageUnavailable), in every thread whose plan was in it.
    Outcome submit(storage::EventId event, Plan plan) {
        Pending pending{std::move(plan), std::nullopt};
        m_lanes.submit(event, pending);
        return std::move(*pending.outcome);
    }

private:
    struct Pending {
        Plan plan;
        std::optional<Outcome> outcome;
    };

    BatchLanes<storage::EventId, Pending> m_lanes;
};

} // namespace usher::server::services
