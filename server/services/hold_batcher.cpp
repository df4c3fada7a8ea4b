#include "server/services/hold_batcher.h"

namespace usher::server::services {

HoldBatcher::HoldBatcher(storage::InventoryRepository& inventory, std::size_t maxBatch)
    : m_lanes(maxBatch, [&inventory](storage::EventId event, const std::vector<Pending*>& batch) {
          std::vector<storage::HoldPlan> plans;
          plans.reserve(batch.size());
          for (const Pending* pending : batch) {
              plans.push_back(pending->plan);
          }
          std::vector<storage::HoldOutcome> outcomes = inventory.createHolds(event, plans);
          for (std::size_t i = 0; i < batch.size(); ++i) {
              batch[i]->outcome = std::move(outcomes.at(i));
          }
      }) {}

storage::HoldOutcome HoldBatcher::submit(storage::EventId event, storage::HoldPlan plan) {
    Pending pending{std::move(plan), std::nullopt};
    m_lanes.submit(event, pending);
    return std::move(*pending.outcome);
}

} // namespace usher::server::services
