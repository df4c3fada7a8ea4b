#include "server/services/hold_batcher.h"

#include <deque>
#include <exception>
#include <optional>

namespace usher::server::services {

struct HoldBatcher::Pending {
    storage::HoldPlan plan;
    std::optional<storage::HoldOutcome> outcome;
    std::exception_ptr error;
    bool done = false;
};

// One event's queue. `busy` while a thread is in the database for it; that thread is the leader.
struct HoldBatcher::Lane {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Pending*> queue;
    bool busy = false;
};

std::shared_ptr<HoldBatcher::Lane> HoldBatcher::laneFor(storage::EventId event) {
    std::lock_guard lock(m_lanesMutex);
    std::shared_ptr<Lane>& lane = m_lanes[event];
    if (!lane) {
        lane = std::make_shared<Lane>();
    }
    return lane;
}

storage::HoldOutcome HoldBatcher::submit(storage::EventId event, storage::HoldPlan plan) {
    std::shared_ptr<Lane> lane = laneFor(event);
    Pending pending{std::move(plan), std::nullopt, nullptr, false};
    std::unique_lock lock(lane->mutex);
    lane->queue.push_back(&pending);
    // Wait while someone else leads; when they finish, either our plan was in their batch or the
    // lane is free and we lead the next one.
    lane->changed.wait(lock, [&] { return pending.done || !lane->busy; });
    if (!pending.done) {
        runBatches(event, *lane, pending, lock);
    }
    if (pending.error) {
        std::rethrow_exception(pending.error);
    }
    return std::move(*pending.outcome);
}

void HoldBatcher::runBatches(storage::EventId event, Lane& lane, const Pending& own,
                             std::unique_lock<std::mutex>& lock) {
    // Batches are taken from the front, so the leader's own plan may need more than one when the
    // queue is longer than a batch. Then the lane goes to whoever waits next.
    lane.busy = true;
    while (!own.done) {
        std::vector<Pending*> batch;
        while (!lane.queue.empty() && batch.size() < m_maxBatch) {
            batch.push_back(lane.queue.front());
            lane.queue.pop_front();
        }
        lock.unlock();
        std::vector<storage::HoldPlan> plans;
        plans.reserve(batch.size());
        for (Pending* p : batch) {
            plans.push_back(std::move(p->plan));
        }
        std::vector<storage::HoldOutcome> outcomes;
        std::exception_ptr error;
        try {
            outcomes = m_inventory.createHolds(event, plans);
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (error) {
                batch[i]->error = error;
            } else {
                batch[i]->outcome = std::move(outcomes.at(i));
            }
            batch[i]->done = true;
        }
        lane.changed.notify_all();
    }
    lane.busy = false;
    lane.changed.notify_all();
}

} // namespace usher::server::services
