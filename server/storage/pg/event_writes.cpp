#include "server/storage/pg/event_writes.h"

#include "server/storage/pg/change_log.h"
#include "server/storage/pg/transaction.h"
#include "server/storage/storage_error.h"

#include <optional>

namespace usher::server::pg {

EventWriteQueue::EventWriteQueue(ConnectionPool& pool, std::size_t maxBatch, int maxRunning)
    : m_pool(pool),
      m_lanes(
          maxBatch,
          [this](storage::EventId event, const std::vector<Pending*>& batch) { runBatch(event, batch); },
          maxRunning) {}

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
    explicit ManualTransaction(ConnectionPool::Lease& lease) : m_lease(lease), m_tx(*lease) {}
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

    // Starts the transaction and returns the database's now in microseconds (one round trip). The
    // expression is usher_us's, written out: a simple query is planned every time, and inlining the
    // function made that plan cost three times as much.
    std::int64_t begin() {
        return m_tx.exec("BEGIN; SELECT (extract(epoch FROM now()) * 1000000)::bigint")[0][0]
            .as<std::int64_t>();
    }
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
    // A write alone needs no savepoint: undoing it is rolling the transaction back.
    const bool alone = batch.size() == 1;
    withRetries(m_pool, [&](ConnectionPool::Lease& lease) {
        ManualTransaction transaction(lease);
        const std::int64_t now = transaction.begin();
        pqxx::nontransaction& tx = transaction.tx();
        ChangeBatch changes;
        bool anyKept = false;
        for (Pending* pending : batch) {
            pending->error = nullptr;
            if (!alone) {
                tx.exec0("SAVEPOINT usher_write");
            }
            ChangeBatch own;
            bool keep = false;
            try {
                keep = pending->write(tx, now, own);
            } catch (const pqxx::broken_connection&) {
                throw;
            } catch (const pqxx::transaction_rollback&) {
                throw; // a deadlock or serialization failure reruns the whole batch
            } catch (...) {
                pending->error = std::current_exception();
            }
            keep = keep && !pending->error;
            if (!alone) {
                tx.exec0(keep ? "RELEASE SAVEPOINT usher_write" : "ROLLBACK TO SAVEPOINT usher_write");
            }
            if (keep) {
                changes.append(own);
                anyKept = true;
            }
        }
        if (!anyKept) {
            return; // nothing to keep: the transaction rolls back
        }
        appendChanges(tx, event, changes); // last: it locks the event row until the commit
        transaction.commit();
    });
}

} // namespace usher::server::pg
