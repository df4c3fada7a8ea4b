#include "server/storage/pg/change_log.h"

#include "server/storage/pg/sql_values.h"

#include <map>
#include <pqxx/pqxx>

namespace usher::server::pg {

void appendChanges(pqxx::transaction_base& tx, storage::EventId event, const ChangeBatch& changes) {
    if (changes.empty()) {
        return;
    }
    const auto count = static_cast<std::int64_t>(changes.seats.size() + changes.ga.size());
    // The event row stays locked until the commit, which also delivers the notification.
    static const std::string advance = std::string("UPDATE events SET last_seq = last_seq + $2 WHERE id = $1 "
                                                   "RETURNING last_seq, pg_notify('") +
                                       kInventoryChannel + "', id::text)";
    const auto last =
        execPrepared(tx, "usher_advance_seq", advance, event, count).at(0)[0].as<std::int64_t>();
    const std::int64_t first = last - count + 1;
    if (!changes.seats.empty()) {
        std::vector<std::string> ids;
        std::vector<std::string> states;
        for (const auto& [id, state] : changes.seats) {
            ids.push_back(id);
            states.push_back(state);
        }
        execPrepared(tx, "usher_log_seat_changes",
                     "INSERT INTO inventory_changes (event_id, seq, seat_id, state) "
                     "SELECT $1, $2 + c.ord - 1, c.seat, c.state "
                     "FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS c(seat, state, ord)",
                     event, first, textArray(ids), textArray(states));
    }
    if (!changes.ga.empty()) {
        std::vector<std::string> areas;
        std::vector<std::int64_t> available;
        for (const auto& [area, places] : changes.ga) {
            areas.push_back(area);
            available.push_back(places);
        }
        tx.exec_params("INSERT INTO inventory_changes (event_id, seq, ga_area_id, ga_available) "
                       "SELECT $1, $2 + c.ord - 1, c.area, c.available "
                       "FROM unnest($3::text[], $4::int[]) WITH ORDINALITY AS c(area, available, ord)",
                       event, first + static_cast<std::int64_t>(changes.seats.size()), textArray(areas),
                       bigintArray(available));
    }
}

void releaseGaPlaces(pqxx::transaction_base& tx, storage::EventId event, const pqxx::result& releasedLines,
                     ChangeBatch& changes) {
    std::map<std::string, std::int64_t> released;
    for (const auto& row : releasedLines) {
        released[row[0].as<std::string>()] += row[1].as<std::int64_t>();
    }
    if (released.empty()) {
        return;
    }
    std::vector<std::string> areas;
    std::vector<std::int64_t> quantities;
    for (const auto& [area, quantity] : released) {
        areas.push_back(area);
        quantities.push_back(quantity);
    }
    const auto updated = tx.exec_params(
        "UPDATE event_ga_areas a SET held = a.held - r.quantity "
        "FROM unnest($2::text[], $3::int[]) AS r(area, quantity) "
        "WHERE a.event_id = $1 AND a.area_id = r.area RETURNING a.area_id, a.capacity - a.held - a.sold",
        event, textArray(areas), bigintArray(quantities));
    for (const auto& row : updated) {
        changes.ga.emplace_back(row[0].as<std::string>(), row[1].as<int>());
    }
}

} // namespace usher::server::pg
