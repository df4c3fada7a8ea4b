#include "server/storage/pg/event_rows.h"

#include "server/storage/pg/sql_values.h"

#include <boost/json/parse.hpp>

namespace usher::server::pg {

void insertSeatRows(pqxx::transaction_base& tx, storage::EventId event,
                    std::span<const storage::SeatRow> seats) {
    std::vector<std::string> ids;
    std::vector<std::string> categories;
    std::vector<std::string> blocked;
    for (const auto& seat : seats) {
        ids.push_back(seat.id);
        categories.push_back(seat.category);
        blocked.push_back(seat.blocked);
    }
    tx.exec_params(
        "INSERT INTO event_seats (event_id, seat_id, category, state, block_reason) "
        "SELECT $1, s.id, s.category, CASE WHEN s.blocked = '' THEN 'available' ELSE 'blocked' END, "
        "nullif(s.blocked, '') FROM unnest($2::text[], $3::text[], $4::text[]) AS s(id, category, blocked)",
        event, textArray(ids), textArray(categories), textArray(blocked));
}

void insertGaRows(pqxx::transaction_base& tx, storage::EventId event, std::span<const storage::GaRow> areas) {
    for (const auto& area : areas) {
        tx.exec_params(
            "INSERT INTO event_ga_areas (event_id, area_id, category, capacity) VALUES ($1, $2, $3, $4)",
            event, area.id, area.category, area.capacity);
    }
}

const std::string kEventRecordColumns =
    "e.id, e.venue_id, v.name, v.city, v.timezone, e.name, e.category, e.description, usher_us(e.starts_at), "
    "usher_us(e.sale_starts_at), usher_us(e.sale_ends_at), e.layout::text, e.price_table::text, "
    "e.hold_ttl_seconds, e.max_tickets_per_order, e.max_tickets_per_customer, e.status, "
    "usher_us(e.doors_at), "
    "e.revision, e.layout_version FROM events e JOIN venues v ON v.id = e.venue_id";

storage::EventRecord eventRecordOf(const pqxx::row& row) {
    storage::EventRecord event;
    event.id = row[0].as<storage::EventId>();
    event.venueId = row[1].as<std::string>();
    event.venueName = row[2].as<std::string>();
    event.city = row[3].as<std::string>();
    event.venueTimezone = row[4].as<std::string>();
    event.name = row[5].as<std::string>();
    event.category = row[6].as<std::string>();
    event.description = row[7].as<std::string>();
    event.startsAt = timestampOf(row[8]);
    event.saleStartsAt = timestampOf(row[9]);
    event.saleEndsAt = timestampOf(row[10]);
    event.layout = boost::json::parse(row[11].c_str());
    event.priceTable = boost::json::parse(row[12].c_str());
    event.holdTtlSeconds = row[13].as<int>();
    event.maxTicketsPerOrder = row[14].as<int>();
    event.maxTicketsPerCustomer = row[15].as<int>();
    event.status = protocol::valueOf(protocol::kEventStatusNames, row[16].c_str()).value();
    if (!row[17].is_null()) {
        event.doorsAt = timestampOf(row[17]);
    }
    event.revision = row[18].as<int>();
    event.layoutVersion = row[19].as<int>();
    return event;
}

} // namespace usher::server::pg
