#pragma once

#include "server/storage/catalog_repository.h"

#include <pqxx/transaction>
#include <string>
#include <utility>
#include <vector>

namespace usher::server::pg {

// The changes one transaction makes to an event's inventory, appended to inventory_changes with the
// next sequence numbers by appendChanges.
struct ChangeBatch {
    std::vector<std::pair<std::string, std::string>> seats; // seat id, new state
    std::vector<std::pair<std::string, int>> ga;            // area id, places now available

    bool empty() const { return seats.empty() && ga.empty(); }
    void append(const ChangeBatch& more) {
        seats.insert(seats.end(), more.seats.begin(), more.seats.end());
        ga.insert(ga.end(), more.ga.begin(), more.ga.end());
    }
};

// The channel on which every transaction that appends to an event's change log notifies, with the
// event id as payload (PgInventoryNotifications listens).
inline constexpr const char* kInventoryChannel = "usher_inventory";

// Numbers the changes with the event's next sequence numbers, appends them and notifies
// kInventoryChannel (delivered when the transaction commits). Advancing
// events.last_seq locks the event's row until the transaction ends, so a transaction must do this
// last, after every other lock it takes: then the sequence is gap-free and in commit order, and
// writers of one event wait for each other only here.
void appendChanges(pqxx::transaction_base& tx, storage::EventId event, const ChangeBatch& changes);
// Subtracts released places from GA counters and records each area's new availability.
void releaseGaPlaces(pqxx::transaction_base& tx, storage::EventId event, const pqxx::result& releasedLines,
                     ChangeBatch& changes);

} // namespace usher::server::pg
