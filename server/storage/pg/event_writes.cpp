#include "server/storage/pg/event_writes.h"

#include "server/storage/pg/change_log.h"
#include "server/storage/pg/transaction.h"
#include "server/storage/storage_error.h"

#include <deque>
#include <exception>
#include <optional>

namespace usher::server::pg {

struct EventWriteQueue::Pending {
    Write write;
    std::exception_ptr error;
    bool done = false;
};

// One event's queue; `busy` while a thread (the leader) is in the database for it.
struct EventWriteQueue::Lane {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Pending*> queue;
    bool busy = false;
};

std::shared_ptr<EventWriteQueue::Lane> EventWriteQueue::laneFor(storage::EventId event) {
    std::lock_guard lock(m_lanesMutex);
    std::shared_ptr<Lane>& lane = m_lanes[event];
    if (!lane) {
        lane = std::make_shared<Lane>();
    }
    return lane;
}

void EventWriteQueue::run(storage::EventId event, Write write) {
    std::shared_ptr<Lane> lane = laneFor(event);
    Pending pending{std::move(write), nullptr, false};
    std::unique_lock lock(lane->mutex);
    lane->queue.push_back(&pending);
    // Wait while someone else leads; when they finish, either this write was in their batch or the
    // lane is free and this thread leads the next one.
    lane->changed.wait(lock, [&] { return pending.done || !lane->busy; });
    if (!pending.done) {
        lead(event, *lane, pending, lock);
    }
    if (pending.error) {
        std::rethrow_exception(pending.error);
    }
}

void EventWriteQueue::lead(storage::EventId event, Lane& lane, const Pending& own,
                           std::unique_lock<std::mutex>& lock) {
    // Batches are taken from the front, so the leader's own write may need more than one batch when
    // the queue is long. Then the lane goes to whoever waits next.
    lane.busy = true;
    while (!own.done) {
        std::vector<Pending*> batch;
        while (!lane.queue.empty() && batch.size() < m_maxBatch) {
            batch.push_back(lane.queue.front());
            lane.queue.pop_front();
        }
        lock.unlock();
        std::exception_ptr failure;
        try {
            runBatch(event, batch);
        } catch (...) {
            failure = std::current_exception();
        }
        lock.lock();
        for (Pending* pending : batch) {
            if (failure) {
                pending->error = failure;
            }
            pending->done = true;
        }
        lane.changed.notify_all();
    }
    lane.busy = false;
    lane.changed.notify_all();
}

namespace {

// A transaction driven by hand on a nontransaction: pqxx 6 closes a pqxx::work at the first failed
// statement, but a failed write must only roll back to its savepoint.
class ManualTransaction {
public:
    explicit ManualTransaction(ConnectionPool::Lease& lease) : m_lease(lease), m_tx(*lease) {
        m_tx.exec0("BEGIN");
    }
    ~ManualTransaction() {
        if (m_open) {
            try {
                m_tx.exec0("ROLLBACK");
            } catch (...) {
                m_lease.discard(); // do not hand a connection in an unknown state back
            }
        }
    }
    ManualTransaction(const ManualTransaction&) = delete;
    ManualTransaction& operator=(const ManualTransaction&) = delete;

    pqxx::nontransaction& tx() { return m_tx; }
    void commit() {
        m_open = false;
        try {
            m_tx.exec0("COMMIT");
        } catch (const pqxx::broken_connection& error) {
            m_lease.discard();
            throw pqxx::in_doubt_error(std::string("the connection broke during COMMIT: ") + error.what());
        }
    }

private:
    ConnectionPool::Lease& m_lease;
    pqxx::nontransaction m_tx;
    bool m_open = true;
};

} // namespace

void EventWriteQueue::runBatch(storage::EventId event, const std::vector<Pending*>& batch) {
    for (int attempt = 1;; ++attempt) {
        std::optional<ConnectionPool::Lease> lease;
        try {
            lease.emplace(m_pool.acquire());
            ManualTransaction transaction(*lease);
            pqxx::nontransaction& tx = transaction.tx();
            const std::int64_t now = lockEvent(tx, event);
            for (Pending* pending : batch) {
                pending->error = nullptr;
                tx.exec0("SAVEPOINT usher_write");
                bool keep = false;
                try {
                    keep = pending->write(tx, now);
                } catch (const pqxx::broken_connection&) {
                    throw;
                } catch (const pqxx::transaction_rollback&) {
                    throw; // a deadlock or serialization failure reruns the whole batch
                } catch (...) {
                    pending->error = std::current_exception();
                }
                tx.exec0(keep && !pending->error ? "RELEASE SAVEPOINT usher_write"
                                                 : "ROLLBACK TO SAVEPOINT usher_write");
            }
            transaction.commit();
            return;
        } catch (const pqxx::in_doubt_error&) {
            throw;
        } catch (const pqxx::transaction_rollback&) {
            if (attempt == kMaxTransactionAttempts) {
                throw;
            }
        } catch (const pqxx::broken_connection& error) {
            if (lease) {
                lease->discard();
            }
            if (attempt == kMaxTransactionAttempts) {
                throw storage::StorageUnavailable(error.what());
            }
        } catch (const PoolTimeout& error) {
            throw storage::StorageUnavailable(error.what());
        }
    }
}

} // namespace usher::server::pg
