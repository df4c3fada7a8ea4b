#pragma once

#include "common/util/batch_lanes.h"
#include "common/util/expected.h"
#include "server/storage/catalog_repository.h"
#include "server/storage/pg/connection_pool.h"

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <pqxx/pqxx>

namespace usher::server::pg {

// Group commit per event (DESIGN.md section 3, stage 2). Every write to an event's inventory locks
// the event row first and keeps it until commit, which is what makes the change log gap-free, but
// it also means writes to one event take turns, each waiting for its own WAL flush. Here they share
// turns instead: while one transaction is in the database, the writes that arrive for the same
// event queue up, and the first of them then runs the whole queue in one transaction with one
// commit. Each write runs in a savepoint of its own, so it still succeeds or fails alone.
class EventWriteQueue {
public:
    // `tx` is the shared transaction with the event row already locked; `nowMicros` is the
    // database's now. Return false to undo this write's own changes (it then still counts as done).
    using Write = std::function<bool(pqxx::transaction_base& tx, std::int64_t nowMicros)>;

    explicit EventWriteQueue(ConnectionPool& pool, std::size_t maxBatch = 256);

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

// Runs `body(tx)` as one write to `event` through the pool's queue and returns what it returned. An
// Expected holding an error undoes the write's changes; any other result keeps them.
template <typename Body>
auto writeToEvent(ConnectionPool& pool, storage::EventId event, Body&& body) {
    using Result = decltype(body(std::declval<pqxx::transaction_base&>()));
    std::optional<Result> result;
    pool.eventWrites().run(event, [&](pqxx::transaction_base& tx, std::int64_t) {
        result.emplace(body(tx));
        return detail::succeeded(*result);
    });
    return std::move(*result);
}

} // namespace usher::server::pg
