#include "server/storage/pg/pg_catalog_repository.h"

#include "common/money/money_json.h"
#include "server/storage/pg/event_rows.h"
#include "server/storage/pg/inventory_sql.h"
#include "server/storage/pg/sql_values.h"
#include "server/storage/pg/transaction.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <pqxx/pqxx>

namespace usher::server::pg {

using storage::EventId;

namespace {

SeatStatus statusOf(const pqxx::field& field) {
    return parseSeatStatus(field.as<std::string>()).value_or(SeatStatus::Blocked);
}

Money moneyOf(std::int64_t amount, const std::string& currency) {
    return Money{amount, Currency::fromCode(currency).value_or(Currency{})};
}

} // namespace

void PgCatalogRepository::upsertVenue(const storage::VenueRecord& venue) {
    inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        tx.exec_params("INSERT INTO venues (id, name, city, timezone) VALUES ($1, $2, $3, $4) "
                       "ON CONFLICT (id) DO UPDATE SET name = excluded.name, city = excluded.city, "
                       "timezone = excluded.timezone",
                       venue.id, venue.name, venue.city, venue.timezone);
    });
}

int PgCatalogRepository::addLayoutVersion(const std::string& venueId, const boost::json::value& layout) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        return tx
            .exec_params1(
                "INSERT INTO venue_layouts (venue_id, version, layout) "
                "SELECT $1, coalesce(max(version), 0) + 1, $2::jsonb FROM venue_layouts WHERE venue_id = $1 "
                "RETURNING version",
                venueId, boost::json::serialize(layout))[0]
            .as<int>();
    });
}

EventId PgCatalogRepository::createEvent(const storage::NewEvent& event) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        const auto& e = event.event;
        const std::optional<std::string> doorsAt = microsText(e.doorsAt);
        const auto id =
            tx.exec_params1(
                  "INSERT INTO events (venue_id, layout_version, layout, name, category, description, "
                  "starts_at, "
                  "sale_starts_at, sale_ends_at, currency, price_table, min_price, max_price, "
                  "hold_ttl_seconds, "
                  "max_tickets_per_order, max_tickets_per_customer, status, doors_at) VALUES ($1, $2, "
                  "$3::jsonb, $4, $5, $6, "
                  "usher_ts($7), usher_ts($8), usher_ts($9), $10, $11::jsonb, $12, $13, $14, $15, $16, $17, "
                  "usher_ts($18)) "
                  "RETURNING id",
                  e.venueId, event.layoutVersion, boost::json::serialize(e.layout), e.name, e.category,
                  e.description, micros(e.startsAt), micros(e.saleStartsAt), micros(e.saleEndsAt),
                  event.currency, boost::json::serialize(e.priceTable), event.minPrice, event.maxPrice,
                  e.holdTtlSeconds, e.maxTicketsPerOrder, e.maxTicketsPerCustomer,
                  std::string(protocol::toString(e.status)), nullable(doorsAt))[0]
                .as<EventId>();
        insertSeatRows(tx, id, event.seats);
        insertGaRows(tx, id, event.gaAreas);
        return id;
    });
}

std::int64_t PgCatalogRepository::eventCount() {
    return inTransaction(m_pool, [](pqxx::transaction_base& tx) {
        return tx.exec1("SELECT count(*) FROM events")[0].as<std::int64_t>();
    });
}

namespace {

// Two columns, total and available, for the event `e`.
const std::string kAvailabilityColumns =
    "(SELECT count(*) FROM event_seats s WHERE s.event_id = e.id) "
    " + (SELECT coalesce(sum(capacity), 0) FROM event_ga_areas g WHERE g.event_id = e.id), "
    "(SELECT count(*) FROM event_seats s WHERE s.event_id = e.id AND " +
    kSeatIsFree + ") + (SELECT coalesce(sum(" + kGaAreaAvailable +
    "), 0) FROM event_ga_areas g WHERE g.event_id = e.id)";

protocol::Availability availabilityOf(const pqxx::field& total, const pqxx::field& available) {
    protocol::Availability out;
    out.total = total.as<std::int64_t>();
    out.available = std::min(available.as<std::int64_t>(), out.total);
    return out;
}

} // namespace

std::vector<storage::EventListItem> PgCatalogRepository::listEvents(const storage::EventFilter& filter) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        // Optional filters are NULL parameters; the keyset cursor is (starts_at, id).
        const auto rows = tx.exec_params(
            "SELECT e.id, e.name, v.name, v.city, e.category, usher_us(e.starts_at), e.currency, "
            "e.min_price, "
            "e.max_price, "
            " " +
                kAvailabilityColumns +
                " FROM events e JOIN venues v ON v.id = e.venue_id "
                "WHERE e.status = 'on_sale' AND ($1::text IS NULL OR e.name ILIKE '%' || $1 || '%' OR v.name "
                "ILIKE '%' || $1 || '%') "
                "AND ($2::text IS NULL OR lower(v.city) = lower($2)) "
                "AND ($3::text IS NULL OR lower(e.category) = lower($3)) "
                "AND ($4::bigint IS NULL OR e.starts_at >= usher_ts($4)) "
                "AND ($5::bigint IS NULL OR e.starts_at < usher_ts($5)) "
                "AND ($6::bigint IS NULL OR (e.starts_at, e.id) > (usher_ts($6), $7::bigint)) "
                "ORDER BY e.starts_at, e.id LIMIT $8",
            nullable(filter.text), nullable(filter.city), nullable(filter.category),
            nullable(filter.from ? std::optional(std::to_string(micros(*filter.from))) : std::nullopt),
            nullable(filter.to ? std::optional(std::to_string(micros(*filter.to))) : std::nullopt),
            nullable(filter.after ? std::optional(std::to_string(micros(filter.after->first)))
                                  : std::nullopt),
            nullable(filter.after ? std::optional(std::to_string(filter.after->second)) : std::nullopt),
            filter.limit + 1);
        std::vector<storage::EventListItem> items;
        for (const auto& row : rows) {
            storage::EventListItem item;
            item.id = row[0].as<EventId>();
            item.startsAt = timestampOf(row[5]);
            auto& s = item.summary;
            s.id = std::to_string(item.id);
            s.name = row[1].as<std::string>();
            s.venue = row[2].as<std::string>();
            s.city = row[3].as<std::string>();
            s.category = row[4].as<std::string>();
            s.startsAt = item.startsAt;
            const std::string currency = row[6].as<std::string>();
            s.priceRange = {moneyOf(row[7].as<std::int64_t>(), currency),
                            moneyOf(row[8].as<std::int64_t>(), currency)};
            s.availability = availabilityOf(row[9], row[10]);
            items.push_back(std::move(item));
        }
        return items;
    });
}

std::optional<storage::EventRecord> PgCatalogRepository::findEvent(EventId id) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<storage::EventRecord> {
        const auto rows = tx.exec_params("SELECT " + kEventRecordColumns + " WHERE e.id = $1", id);
        if (rows.empty()) {
            return std::nullopt;
        }
        return eventRecordOf(rows[0]);
    });
}

protocol::Availability PgCatalogRepository::availability(EventId id) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        const auto row =
            tx.exec_params1("SELECT " + kAvailabilityColumns + " FROM events e WHERE e.id = $1", id);
        return availabilityOf(row[0], row[1]);
    });
}

std::optional<storage::SeatmapState> PgCatalogRepository::seatmap(EventId id) {
    auto& pool = m_pool;
    auto lease = pool.acquire();
    // One snapshot for the seq and every state, so a client applying changes after `seq` is exact.
    pqxx::transaction<pqxx::isolation_level::repeatable_read, pqxx::readwrite_policy::read_only> tx(*lease);
    const auto head = tx.exec_params("SELECT last_seq FROM events WHERE id = $1", id);
    if (head.empty()) {
        return std::nullopt;
    }
    storage::SeatmapState state;
    state.seq = head[0][0].as<std::int64_t>();
    const auto seats = tx.exec_params(
        "SELECT seat_id, " + kEffectiveSeatState + " FROM event_seats WHERE event_id = $1", id);
    state.seats.reserve(seats.size());
    for (const auto& row : seats) {
        state.seats.push_back({row[0].as<std::string>(), statusOf(row[1])});
    }
    for (const auto& row :
         tx.exec_params("SELECT g.area_id, " + kGaAreaAvailable +
                            " FROM event_ga_areas g WHERE g.event_id = $1 ORDER BY g.area_id",
                        id)) {
        state.ga.push_back({row[0].as<std::string>(), row[1].as<std::int64_t>()});
    }
    tx.commit();
    return state;
}

std::optional<std::int64_t> PgCatalogRepository::lastSeq(EventId id) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<std::int64_t> {
        const auto rows = tx.exec_params("SELECT last_seq FROM events WHERE id = $1", id);
        if (rows.empty()) {
            return std::nullopt;
        }
        return rows[0][0].as<std::int64_t>();
    });
}

std::optional<storage::ChangePage> PgCatalogRepository::changesSince(EventId id, std::int64_t since,
                                                                     int limit) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<storage::ChangePage> {
        const auto head = tx.exec_params("SELECT last_seq, (SELECT min(seq) FROM inventory_changes WHERE "
                                         "event_id = $1) FROM events WHERE id = $1",
                                         id);
        if (head.empty()) {
            return std::nullopt;
        }
        storage::ChangePage page;
        page.lastSeq = head[0][0].as<std::int64_t>();
        const bool logEmpty = head[0][1].is_null();
        if (since < page.lastSeq && !logEmpty && since < head[0][1].as<std::int64_t>() - 1) {
            page.expired = true;
            return page;
        }
        for (const auto& row : tx.exec_params("SELECT seq, seat_id, state, ga_area_id, ga_available "
                                              "FROM inventory_changes WHERE event_id = $1 AND seq > $2 "
                                              "ORDER BY seq LIMIT $3",
                                              id, since, limit)) {
            protocol::ChangeEntry entry;
            entry.seq = row[0].as<std::int64_t>();
            if (!row[1].is_null()) {
                entry.change = protocol::SeatChange{row[1].as<std::string>(), statusOf(row[2])};
            } else {
                entry.change = protocol::GaAvailability{row[3].as<std::string>(), row[4].as<std::int64_t>()};
            }
            page.changes.push_back(std::move(entry));
        }
        return page;
    });
}

} // namespace usher::server::pg
