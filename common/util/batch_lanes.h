#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace usher {

// Leader/follower batching per key, for work that is cheaper in bulk (database round trips,
// commits). Callers that arrive while `maxRunning` batches for their key run queue up; when one
// ends, the first of them runs the whole queue (up to maxBatch items) as the next batch, in arrival
// order, while the others wait for it. Different keys never wait for each other. Thread-safe.
template <typename Key, typename Item>
class BatchLanes {
public:
    // Runs one batch; what it throws reaches every caller whose item was in the batch.
    using RunBatch = std::function<void(const Key&, const std::vector<Item*>&)>;

    BatchLanes(std::size_t maxBatch, RunBatch runBatch, int maxRunning = 1)
        : m_maxBatch(maxBatch), m_maxRunning(maxRunning), m_runBatch(std::move(runBatch)) {}

    // Returns once `item` was part of a batch that ran (in this thread or another).
    void submit(const Key& key, Item& item) {
        std::shared_ptr<Lane> lane = laneFor(key);
        Slot slot(&item);
        std::unique_lock lock(lane->mutex);
        lane->queue.push_back(&slot);
        slot.wake.wait(lock, [&] { return slot.taken || lane->running < m_maxRunning; });
        if (!slot.taken) {
            lead(key, *lane, slot, lock);
        }
        slot.wake.wait(lock, [&] { return slot.done; }); // another leader's batch may hold it
        if (slot.error) {
            std::rethrow_exception(slot.error);
        }
    }

private:
    // Each waiting caller sleeps on its own condition: a finished batch wakes its own callers and
    // the next would-be leader, not every caller of the lane.
    struct Slot {
        explicit Slot(Item* i) : item(i) {}
        Item* item;
        std::exception_ptr error = nullptr;
        bool taken = false; // in a batch that runs
        bool done = false;
        std::condition_variable wake;
    };
    struct Lane {
        std::mutex mutex;
        std::deque<Slot*> queue;
        int running = 0; // leaders running a batch
    };

    std::shared_ptr<Lane> laneFor(const Key& key) {
        std::lock_guard lock(m_lanesMutex);
        std::shared_ptr<Lane>& lane = m_lanes[key];
        if (!lane) {
            lane = std::make_shared<Lane>();
        }
        return lane;
    }

    // Runs batches from the front of the queue until one held the leader's own item (it is still
    // queued, so every batch has at least one item); then its place goes to whoever waits next.
    void lead(const Key& key, Lane& lane, const Slot& own, std::unique_lock<std::mutex>& lock) {
        ++lane.running;
        while (!own.taken) {
            std::vector<Slot*> batch;
            while (!lane.queue.empty() && batch.size() < m_maxBatch) {
                batch.push_back(lane.queue.front());
                batch.back()->taken = true;
                lane.queue.pop_front();
            }
            lock.unlock();
            std::vector<Item*> items;
            items.reserve(batch.size());
            for (Slot* slot : batch) {
                items.push_back(slot->item);
            }
            std::exception_ptr failure;
            try {
                m_runBatch(key, items);
            } catch (...) {
                failure = std::current_exception();
            }
            lock.lock();
            for (Slot* slot : batch) {
                slot->error = failure;
                slot->done = true;
                slot->wake.notify_one();
            }
        }
        --lane.running;
        if (!lane.queue.empty()) {
            lane.queue.front()->wake.notify_one(); // the next leader
        }
    }

    const std::size_t m_maxBatch;
    const int m_maxRunning;
    const RunBatch m_runBatch;
    std::mutex m_lanesMutex;
    std::map<Key, std::shared_ptr<Lane>> m_lanes;
};

} // namespace usher
