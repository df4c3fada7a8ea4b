#include "server/storage/pg/event_writes.h"

#include "server/storage/pg/change_log.h"
#include "server/storage/pg/transaction.h"
#include "server/storage/storage_error.h"

#include <optional>

namespace usher::server::pg {

EventWriteQueue::EventWriteQueue(ConnectionPool& pool, std::size_t maxBatch)
    : m_pool(pool), m_lanes(maxBatch, [this](storage::EventId event, const std::vector<Pending*>& batch) {
          runBatch(event, batch);
      }) {}

void EventWriteQueue::run(storage::EventId event, Write write) {
    Pending pending{std::move(write), nullptr};
    m_lanes.submit(event, pending);
    if (pending.error) {
        std::rethrow_exception(pending.error);
    }
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
    withRetries(m_pool, [&](ConnectionPool::Lease& lease) {
        ManualTransaction transaction(lease);
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
    });
}

} // namespace usher::server::pg
