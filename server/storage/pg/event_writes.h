#pragma once

#include "common/util/batch_lanes.h"
#include "common/util/expected.h"
#include "server/storage/catalog_repository.h"
#include "server/storage/pg/change_log.h"
#include "server/storage/pg/connection_pool.h"

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <pqxx/pqxx>

namespace usher::server::pg {

// Group commit per event (DESIGN.md section 3, stage 2). Writes to one event's inventory that
// arrive while the event's transactions are in the database queue up, and the first of them then
// runs the whole queue in one transaction with one commit; each write runs in a savepoint of its
// own, so it still succeeds or fails alone. Up to `maxRunning` such transactions per event overlap:
// seats, GA areas, holds and claims are arbitrated by their own row locks (taken in one order:
// users, holds, seats, GA areas, the audit head), and the event row is locked only by the last
// statement, which appends the transaction's changes to the change log (appendChanges), so
// transactions of one event wait for each other only from there to their commit.
class EventWriteQueue {
public:
    // `tx` is the shared transaction; `nowMicros` is the database's now. The write reports the
    // inventory changes it makes in `changes` (the queue logs them once, at the end). Return false
    // to undo this write's own changes (it then still counts as done).
    using Write =
        std::function<bool(pqxx::transaction_base& tx, std::int64_t nowMicros, ChangeBatch& changes)>;

    explicit EventWriteQueue(ConnectionPool& pool, std::size_t maxBatch = 256, int maxRunning = 2);

    // Returns once the transaction holding the write has committed. Rethrows what the write threw
    // (its changes undone, the others unaffected) or what failed the whole transaction: a lost or
    // busy database as storage::StorageUnavailable, a commit of unknown outcome as pqxx::in_doubt_error.
    // Serialization failures and deadlocks rerun the whole batch, so writes must be safe to run again.
    void run(storage::EventId event, Write write);

private:
    struct Pending {
        Write write;
        std::exception_ptr error; // what this write alone threw
    };

    void runBatch(storage::EventId event, const std::vector<Pending*>& batch);

    ConnectionPool& m_pool;
    BatchLanes<storage::EventId, Pending> m_lanes;
};

namespace detail {
template <typename T>
bool succeeded(const T&) {
    return true;
}
template <typename T, typename E>
bool succeeded(const Expected<T, E>& result) {
    return result.hasValue();
}
} // namespace detail

// Runs `body(tx, changes)` as one write to `event` through the pool's queue and returns what it
// returned. An Expected holding an error undoes the write's changes; any other result keeps them.
template <typename Body>
auto writeToEvent(ConnectionPool& pool, storage::EventId event, Body&& body) {
    using Result = decltype(body(std::declval<pqxx::transaction_base&>(), std::declval<ChangeBatch&>()));
    std::optional<Result> result;
    pool.eventWrites().run(event, [&](pqxx::transaction_base& tx, std::int64_t, ChangeBatch& changes) {
        result.emplace(body(tx, changes));
        return detail::succeeded(*result);
    });
    return std::move(*result);
}

} // namespace usher::server::pg
