#pragma once

#include "server/storage/catalog_repository.h"

#include <pqxx/transaction>
#include <string>
#include <utility>
#include <vector>

namespace usher::server::pg {

// The changes one transaction makes to an event's inventory, appended to inventory_changes with the
// next sequence numbers. The caller must hold the event row lock (lockEvent), which is what keeps
// the sequence gap-free and in commit order.
struct ChangeBatch {
    std::vector<std::pair<std::string, std::string>> seats; // seat id, new state
    std::vector<std::pair<std::string, int>> ga;            // area id, places now available

    bool empty() const { return seats.empty() && ga.empty(); }
};

// Locks the event's row (every inventory writer takes it first, so they never deadlock) and
// returns the database's now in microseconds; throws when the event does not exist.
std::int64_t lockEvent(pqxx::transaction_base& tx, storage::EventId event);
void appendChanges(pqxx::transaction_base& tx, storage::EventId event, const ChangeBatch& changes);
// Subtracts released places from GA counters and records each area's new availability.
void releaseGaPlaces(pqxx::transaction_base& tx, storage::EventId event, const pqxx::result& releasedLines,
                     ChangeBatch& changes);

} // namespace usher::server::pg
