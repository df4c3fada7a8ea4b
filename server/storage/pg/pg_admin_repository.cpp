#include "server/storage/pg/pg_admin_repository.h"

#include "common/protocol/time_json.h"
#include "server/storage/pg/audit_log.h"
#include "server/storage/pg/change_log.h"
#include "server/storage/pg/event_rows.h"
#include "server/storage/pg/event_writes.h"
#include "server/storage/pg/inventory_sql.h"
#include "server/storage/pg/sql_values.h"
#include "server/storage/pg/transaction.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <map>
#include <set>

namespace usher::server::pg {

using storage::BlockReleaseOutcome;
using storage::EventId;
using storage::RevisedWrite;
using storage::RevisionOutcome;

namespace {

namespace bj = boost::json;

storage::VenueRow venueRowOf(const pqxx::row& row) {
    storage::VenueRow venue;
    venue.venue.id = row[0].as<std::string>();
    venue.venue.name = row[1].as<std::string>();
    venue.venue.city = row[2].as<std::string>();
    venue.venue.timezone = row[3].as<std::string>();
    venue.revision = row[4].as<int>();
    if (!row[5].is_null()) {
        venue.layoutVersion = row[5].as<int>();
    }
    return venue;
}

const std::string kVenueColumns =
    "v.id, v.name, v.city, v.timezone, v.revision, "
    "(SELECT max(version) FROM venue_layouts l WHERE l.venue_id = v.id) FROM venues v";

std::optional<Timestamp> optionalTimestamp(const pqxx::field& field) {
    return field.is_null() ? std::nullopt : std::optional(timestampOf(field));
}

bj::array jsonStrings(const std::vector<std::string>& values) {
    bj::array out;
    for (const auto& value : values) {
        out.emplace_back(value);
    }
    return out;
}

std::vector<std::string> stringsOf(const pqxx::field& field) {
    std::vector<std::string> out;
    const bj::value parsed = bj::parse(field.c_str());
    for (const auto& value : parsed.as_array()) {
        out.emplace_back(value.as_string());
    }
    return out;
}

// Seats of the event that are free (available, or held by a hold whose time is up) and in `seats`,
// locked; the others are returned as refused.
std::vector<std::string> refusedSeats(pqxx::transaction_base& tx, EventId event,
                                      const std::vector<std::string>& seats) {
    const auto free =
        tx.exec_params("SELECT seat_id FROM event_seats WHERE event_id = $1 AND seat_id = ANY($2::text[]) "
                       "AND " +
                           kSeatIsFree + " ORDER BY seat_id FOR UPDATE",
                       event, textArray(seats));
    std::set<std::string> ok;
    for (const auto& row : free) {
        ok.insert(row[0].as<std::string>());
    }
    std::vector<std::string> refused;
    for (const auto& seat : seats) {
        if (ok.count(seat) == 0) {
            refused.push_back(seat);
        }
    }
    return refused;
}

void noteSeats(ChangeBatch& changes, const pqxx::result& rows, const std::string& state) {
    for (const auto& row : rows) {
        changes.seats.emplace_back(row[0].as<std::string>(), state);
    }
}

protocol::BlockInfo blockOf(const pqxx::row& row) {
    protocol::BlockInfo block;
    block.id = row[0].as<std::string>();
    block.eventId = std::to_string(row[1].as<EventId>());
    block.reason = row[2].as<std::string>();
    block.color = row[3].as<std::string>();
    block.releaseAt = optionalTimestamp(row[4]);
    block.releasedAt = optionalTimestamp(row[5]);
    block.seats = stringsOf(row[6]);
    return block;
}

const std::string kBlockColumns =
    "b.id, b.event_id, b.reason, b.color, usher_us(b.release_at), usher_us(b.released_at), "
    "coalesce((SELECT json_agg(s.seat_id ORDER BY s.seat_id) FROM event_seats s WHERE s.block_id = b.id), "
    "'[]')::text FROM seat_blocks b";

protocol::AllotmentInfo allotmentOf(const pqxx::row& row) {
    protocol::AllotmentInfo allotment;
    allotment.id = row[0].as<std::string>();
    allotment.eventId = std::to_string(row[1].as<EventId>());
    allotment.channel = row[2].as<std::string>();
    allotment.device = optionalText(row[3]);
    allotment.note = row[4].as<std::string>();
    allotment.releasedAt = optionalTimestamp(row[5]);
    allotment.seats = stringsOf(row[6]);
    const bj::value places = bj::parse(row[7].c_str());
    for (const auto& line : places.as_array()) {
        allotment.ga.push_back(
            {std::string(line.at("area").as_string()), static_cast<int>(line.at("quantity").as_int64())});
    }
    return allotment;
}

// Seats stay listed after a release (for the record) only while they are allotted; a released
// allotment lists its standing places.
const std::string kAllotmentColumns =
    "a.id, a.event_id, a.channel, d.name, a.note, usher_us(a.released_at), "
    "coalesce((SELECT json_agg(s.seat_id ORDER BY s.seat_id) FROM event_seats s "
    "WHERE s.event_id = a.event_id AND s.allotment = a.id::text), '[]')::text, "
    "coalesce((SELECT json_agg(json_build_object('area', g.area_id, 'quantity', g.quantity) ORDER BY "
    "g.area_id) "
    "FROM allotment_ga_places g WHERE g.allotment_id = a.id), '[]')::text "
    "FROM allotments a LEFT JOIN devices d ON d.id = a.device_id";

storage::UserRecord userOf(const pqxx::row& row) {
    storage::UserRecord user;
    user.id = row[0].as<storage::UserId>();
    user.email = row[1].as<std::string>();
    user.name = row[2].as<std::string>();
    user.role = protocol::valueOf(protocol::kRoleNames, row[3].c_str()).value();
    user.disabled = row[4].as<bool>();
    return user;
}

// The seats a release gives back: blocked or allotted ones go back on sale; an allotted seat held
// by its owner stays held (its hold decides) and returns to available when that hold ends.
void releaseSeats(pqxx::transaction_base& tx, EventId event, const std::string& column, const std::string& id,
                  ChangeBatch& changes) {
    if (column == "block_id") {
        noteSeats(changes,
                  tx.exec_params(
                      "UPDATE event_seats SET state = 'available', block_id = NULL, block_reason = NULL "
                      "WHERE event_id = $1 AND block_id = $2::uuid AND state = 'blocked' RETURNING seat_id",
                      event, id),
                  "available");
    } else {
        noteSeats(
            changes,
            tx.exec_params("UPDATE event_seats SET state = 'available', allotment = NULL "
                           "WHERE event_id = $1 AND allotment = $2 AND state = 'allotted' RETURNING seat_id",
                           event, id),
            "available");
        tx.exec_params("UPDATE event_seats SET allotment = NULL WHERE event_id = $1 AND allotment = $2",
                       event, id);
    }
}

} // namespace

// --- Venues and layouts ------------------------------------------------------------------------------

std::vector<storage::VenueRow> PgAdminRepository::listVenues() {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        std::vector<storage::VenueRow> venues;
        for (const auto& row : tx.exec("SELECT " + kVenueColumns + " ORDER BY v.name, v.id")) {
            venues.push_back(venueRowOf(row));
        }
        return venues;
    });
}

std::optional<storage::VenueRow> PgAdminRepository::findVenue(const std::string& id) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<storage::VenueRow> {
        const auto rows = tx.exec_params("SELECT " + kVenueColumns + " WHERE v.id = $1", id);
        if (rows.empty()) {
            return std::nullopt;
        }
        return venueRowOf(rows[0]);
    });
}

RevisedWrite PgAdminRepository::createVenue(const storage::VenueRecord& venue, storage::UserId actor) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        const auto inserted =
            tx.exec_params("INSERT INTO venues (id, name, city, timezone) VALUES ($1, $2, $3, $4) "
                           "ON CONFLICT (id) DO NOTHING RETURNING revision",
                           venue.id, venue.name, venue.city, venue.timezone);
        if (inserted.empty()) {
            return RevisedWrite{RevisionOutcome::Exists, 0};
        }
        auditAppend(tx, actor, "venue.created", "venue:" + venue.id,
                    bj::object{{"name", venue.name}, {"city", venue.city}, {"timezone", venue.timezone}});
        return RevisedWrite{RevisionOutcome::Written, inserted[0][0].as<int>()};
    });
}

RevisedWrite PgAdminRepository::updateVenue(const storage::VenueRecord& venue, int expectedRevision,
                                            storage::UserId actor) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        const auto current = tx.exec_params("SELECT revision FROM venues WHERE id = $1 FOR UPDATE", venue.id);
        if (current.empty()) {
            return RevisedWrite{RevisionOutcome::NotFound, 0};
        }
        if (current[0][0].as<int>() != expectedRevision) {
            return RevisedWrite{RevisionOutcome::Stale, current[0][0].as<int>()};
        }
        const int revision = tx.exec_params1("UPDATE venues SET name = $2, city = $3, timezone = $4, "
                                             "revision = revision + 1 WHERE id = $1 RETURNING revision",
                                             venue.id, venue.name, venue.city, venue.timezone)[0]
                                 .as<int>();
        auditAppend(tx, actor, "venue.updated", "venue:" + venue.id,
                    bj::object{{"name", venue.name}, {"city", venue.city}, {"timezone", venue.timezone}});
        return RevisedWrite{RevisionOutcome::Written, revision};
    });
}

std::optional<storage::LayoutRow> PgAdminRepository::layout(const std::string& venueId,
                                                            std::optional<int> version) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<storage::LayoutRow> {
        const auto rows =
            version
                ? tx.exec_params(
                      "SELECT version, layout::text FROM venue_layouts WHERE venue_id = $1 AND version = $2",
                      venueId, *version)
                : tx.exec_params("SELECT version, layout::text FROM venue_layouts WHERE venue_id = $1 "
                                 "ORDER BY version DESC LIMIT 1",
                                 venueId);
        if (rows.empty()) {
            return std::nullopt;
        }
        return storage::LayoutRow{rows[0][0].as<int>(), bj::parse(rows[0][1].c_str())};
    });
}

RevisedWrite PgAdminRepository::publishLayout(const std::string& venueId, int expectedVersion,
                                              const bj::value& layout, storage::UserId actor) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        // The venue's row serialises publishers: the second of two concurrent ones sees the first's
        // version and is told its edit is stale.
        if (tx.exec_params("SELECT 1 FROM venues WHERE id = $1 FOR UPDATE", venueId).empty()) {
            return RevisedWrite{RevisionOutcome::NotFound, 0};
        }
        const int latest =
            tx.exec_params1("SELECT coalesce(max(version), 0) FROM venue_layouts WHERE venue_id = $1",
                            venueId)[0]
                .as<int>();
        if (latest != expectedVersion) {
            return RevisedWrite{RevisionOutcome::Stale, latest};
        }
        tx.exec_params("INSERT INTO venue_layouts (venue_id, version, layout) VALUES ($1, $2, $3::jsonb)",
                       venueId, latest + 1, bj::serialize(layout));
        auditAppend(tx, actor, "layout.published", "venue:" + venueId, bj::object{{"version", latest + 1}});
        return RevisedWrite{RevisionOutcome::Written, latest + 1};
    });
}

// --- Events ------------------------------------------------------------------------------------------

std::vector<storage::EventRecord> PgAdminRepository::listEvents() {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        std::vector<storage::EventRecord> events;
        for (const auto& row : tx.exec("SELECT " + kEventRecordColumns + " ORDER BY e.starts_at, e.id")) {
            events.push_back(eventRecordOf(row));
        }
        return events;
    });
}

Expected<int, storage::EventChangeRefused> PgAdminRepository::updateEvent(const storage::EventChange& change,
                                                                          storage::UserId actor) {
    using Result = Expected<int, storage::EventChangeRefused>;
    const storage::EventRecord& e = change.record;
    return writeToEvent(m_pool, e.id, [&](pqxx::transaction_base& tx, ChangeBatch& changes) -> Result {
        if (change.layout) {
            // Every seat row locked first (the order sales lock them in), then checked against the
            // new layout: sold, held and allotted seats must all still exist.
            std::set<std::string> kept;
            for (const auto& seat : change.layout->seats) {
                kept.insert(seat.id);
            }
            std::vector<std::string> lost;
            std::vector<std::string> removed;
            for (const auto& row : tx.exec_params("SELECT seat_id, " + kEffectiveSeatState +
                                                      ", allotment FROM event_seats WHERE event_id = $1 "
                                                      "ORDER BY seat_id FOR UPDATE",
                                                  e.id)) {
                const std::string seat = row[0].as<std::string>();
                if (kept.count(seat) != 0) {
                    continue;
                }
                const std::string state = row[1].as<std::string>();
                if (state == "available" || (state == "blocked" && row[2].is_null())) {
                    removed.push_back(seat);
                } else {
                    lost.push_back(seat);
                }
            }
            std::set<std::string> keptAreas;
            for (const auto& area : change.layout->gaAreas) {
                keptAreas.insert(area.id);
            }
            for (const auto& row :
                 tx.exec_params("SELECT area_id, held + sold + "
                                "(SELECT count(*) FROM allotment_ga_places p JOIN allotments a "
                                "ON a.id = p.allotment_id WHERE p.event_id = g.event_id AND "
                                "p.area_id = g.area_id AND a.released_at IS NULL) "
                                "FROM event_ga_areas g WHERE event_id = $1 ORDER BY area_id FOR UPDATE",
                                e.id)) {
                if (keptAreas.count(row[0].as<std::string>()) == 0 && row[1].as<std::int64_t>() > 0) {
                    lost.push_back(row[0].as<std::string>());
                }
            }
            if (!lost.empty()) {
                return unexpected(storage::EventChangeRefused{RevisionOutcome::Written, 0, std::move(lost)});
            }
            tx.exec_params("DELETE FROM event_seats WHERE event_id = $1 AND seat_id = ANY($2::text[])", e.id,
                           textArray(removed));
            std::vector<storage::SeatRow> added;
            std::vector<std::string> ids;
            std::vector<std::string> categories;
            const auto existing = tx.exec_params("SELECT seat_id FROM event_seats WHERE event_id = $1", e.id);
            std::set<std::string> present;
            for (const auto& row : existing) {
                present.insert(row[0].as<std::string>());
            }
            for (const auto& seat : change.layout->seats) {
                if (present.count(seat.id) == 0) {
                    added.push_back(seat);
                    changes.seats.emplace_back(seat.id, seat.blocked.empty() ? "available" : "blocked");
                } else {
                    ids.push_back(seat.id);
                    categories.push_back(seat.category);
                }
            }
            insertSeatRows(tx, e.id, added);
            tx.exec_params(
                "UPDATE event_seats s SET category = n.category FROM unnest($2::text[], $3::text[]) "
                "AS n(id, category) WHERE s.event_id = $1 AND s.seat_id = n.id AND s.category <> n.category",
                e.id, textArray(ids), textArray(categories));
            std::vector<std::string> gone;
            std::vector<storage::GaRow> newAreas;
            const auto areas = tx.exec_params("SELECT area_id FROM event_ga_areas WHERE event_id = $1", e.id);
            std::set<std::string> presentAreas;
            for (const auto& row : areas) {
                presentAreas.insert(row[0].as<std::string>());
                if (keptAreas.count(row[0].as<std::string>()) == 0) {
                    gone.push_back(row[0].as<std::string>());
                }
            }
            // Standing areas are never deleted (sales and the change log refer to them): one the new
            // layout lacks (nothing held, sold or allotted in it) is closed instead.
            tx.exec_params(
                "UPDATE event_ga_areas SET capacity = 0 WHERE event_id = $1 AND area_id = ANY($2::text[])",
                e.id, textArray(gone));
            for (const std::string& area : gone) {
                changes.ga.emplace_back(area, 0);
            }
            for (const auto& area : change.layout->gaAreas) {
                if (presentAreas.count(area.id) == 0) {
                    newAreas.push_back(area);
                    changes.ga.emplace_back(area.id, area.capacity);
                } else {
                    // A smaller capacity never drops below what is held and sold.
                    const auto row = tx.exec_params1(
                        "UPDATE event_ga_areas SET category = $3, capacity = greatest($4, held + sold) "
                        "WHERE event_id = $1 AND area_id = $2 RETURNING capacity - held - sold",
                        e.id, area.id, area.category, area.capacity);
                    changes.ga.emplace_back(area.id, row[0].as<int>());
                }
            }
            insertGaRows(tx, e.id, newAreas);
        }
        const std::optional<std::string> doorsAt = microsText(e.doorsAt);
        const auto updated = tx.exec_params(
            "UPDATE events SET name = $3, category = $4, description = $5, starts_at = usher_ts($6), "
            "doors_at = usher_ts($7::bigint), sale_starts_at = usher_ts($8), sale_ends_at = usher_ts($9), "
            "hold_ttl_seconds = $10, max_tickets_per_order = $11, max_tickets_per_customer = $12, "
            "price_table = $13::jsonb, currency = $14, min_price = $15, max_price = $16, "
            "layout = $17::jsonb, layout_version = $18, revision = revision + 1 "
            "WHERE id = $1 AND revision = $2 RETURNING revision",
            e.id, change.expectedRevision, e.name, e.category, e.description, micros(e.startsAt),
            nullable(doorsAt), micros(e.saleStartsAt), micros(e.saleEndsAt), e.holdTtlSeconds,
            e.maxTicketsPerOrder, e.maxTicketsPerCustomer, bj::serialize(e.priceTable), change.currency,
            change.minPrice, change.maxPrice, bj::serialize(e.layout), e.layoutVersion);
        if (updated.empty()) {
            const auto current = tx.exec_params("SELECT revision FROM events WHERE id = $1", e.id);
            return unexpected(storage::EventChangeRefused{current.empty() ? RevisionOutcome::NotFound
                                                                          : RevisionOutcome::Stale,
                                                          current.empty() ? 0 : current[0][0].as<int>(),
                                                          {}});
        }
        auditAppend(tx, actor, "event.updated", "event:" + std::to_string(e.id),
                    bj::object{{"revision", updated[0][0].as<int>()},
                               {"layout_version", e.layoutVersion},
                               {"layout_changed", change.layout.has_value()}});
        return updated[0][0].as<int>();
    });
}

RevisedWrite PgAdminRepository::setStatus(EventId event, int expectedRevision, protocol::EventStatus status,
                                          const std::string& reason, storage::UserId actor) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        const auto updated =
            tx.exec_params("UPDATE events SET status = $3, revision = revision + 1, "
                           "cancelled_at = CASE WHEN $3 = 'cancelled' THEN now() ELSE cancelled_at END "
                           "WHERE id = $1 AND revision = $2 AND status <> 'cancelled' RETURNING revision",
                           event, expectedRevision, std::string(protocol::toString(status)));
        if (updated.empty()) {
            const auto current = tx.exec_params("SELECT revision FROM events WHERE id = $1", event);
            return current.empty() ? RevisedWrite{RevisionOutcome::NotFound, 0}
                                   : RevisedWrite{RevisionOutcome::Stale, current[0][0].as<int>()};
        }
        auditAppend(tx, actor, "event.status", "event:" + std::to_string(event),
                    bj::object{{"status", protocol::toString(status)}, {"reason", reason}});
        return RevisedWrite{RevisionOutcome::Written, updated[0][0].as<int>()};
    });
}

std::vector<std::string> PgAdminRepository::refundableOrders(EventId event) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        std::vector<std::string> orders;
        for (const auto& row :
             tx.exec_params("SELECT id FROM orders WHERE event_id = $1 AND status <> 'refunded' "
                            "ORDER BY created_at, id",
                            event)) {
            orders.push_back(row[0].as<std::string>());
        }
        return orders;
    });
}

// --- Blocks ------------------------------------------------------------------------------------------

Expected<protocol::BlockInfo, storage::InventoryRefused>
PgAdminRepository::createBlock(const storage::NewBlock& block) {
    using Result = Expected<protocol::BlockInfo, storage::InventoryRefused>;
    return writeToEvent(m_pool, block.event, [&](pqxx::transaction_base& tx, ChangeBatch& changes) -> Result {
        std::vector<std::string> refused = refusedSeats(tx, block.event, block.seats);
        if (!refused.empty()) {
            return unexpected(storage::InventoryRefused{std::move(refused), {}});
        }
        const std::optional<std::string> releaseAt = microsText(block.releaseAt);
        tx.exec_params("INSERT INTO seat_blocks (id, event_id, reason, color, release_at, created_by) "
                       "VALUES ($1::uuid, $2, $3, $4, usher_ts($5::bigint), $6)",
                       block.id, block.event, block.reason, block.color, nullable(releaseAt), block.actor);
        noteSeats(
            changes,
            tx.exec_params("UPDATE event_seats SET state = 'blocked', hold_id = NULL, held_until = NULL, "
                           "block_id = $3::uuid, block_reason = $4 "
                           "WHERE event_id = $1 AND seat_id = ANY($2::text[]) RETURNING seat_id",
                           block.event, textArray(block.seats), block.id, block.reason),
            "blocked");
        auditAppend(
            tx, block.actor, "seats.blocked", "event:" + std::to_string(block.event),
            bj::object{{"block", block.id}, {"reason", block.reason}, {"seats", jsonStrings(block.seats)}});
        return blockOf(tx.exec_params1("SELECT " + kBlockColumns + " WHERE b.id = $1::uuid", block.id));
    });
}

std::vector<protocol::BlockInfo> PgAdminRepository::listBlocks(EventId event) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        std::vector<protocol::BlockInfo> blocks;
        for (const auto& row : tx.exec_params(
                 "SELECT " + kBlockColumns + " WHERE b.event_id = $1 ORDER BY b.created_at, b.id", event)) {
            blocks.push_back(blockOf(row));
        }
        return blocks;
    });
}

BlockReleaseOutcome PgAdminRepository::releaseBlock(EventId event, const std::string& blockId,
                                                    storage::UserId actor) {
    return writeToEvent(m_pool, event, [&](pqxx::transaction_base& tx, ChangeBatch& changes) {
        const auto found = tx.exec_params("SELECT released_at IS NOT NULL FROM seat_blocks "
                                          "WHERE id = $1::uuid AND event_id = $2 FOR UPDATE",
                                          blockId, event);
        if (found.empty()) {
            return BlockReleaseOutcome::NotFound;
        }
        if (found[0][0].as<bool>()) {
            return BlockReleaseOutcome::AlreadyReleased;
        }
        releaseSeats(tx, event, "block_id", blockId, changes);
        tx.exec_params("UPDATE seat_blocks SET released_at = now(), released_by = $2 WHERE id = $1::uuid",
                       blockId, actor);
        auditAppend(tx, actor, "seats.released", "event:" + std::to_string(event),
                    bj::object{{"block", blockId}});
        return BlockReleaseOutcome::Released;
    });
}

std::vector<EventId> PgAdminRepository::releaseDueBlocks() {
    struct Due {
        EventId event;
        std::string block;
        storage::UserId creator; // named as the actor of its automatic release
    };
    const auto due = inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        std::vector<Due> blocks;
        for (const auto& row :
             tx.exec("SELECT event_id, id, created_by FROM seat_blocks WHERE released_at IS NULL "
                     "AND release_at IS NOT NULL AND release_at <= now() ORDER BY release_at LIMIT 100")) {
            blocks.push_back({row[0].as<EventId>(), row[1].as<std::string>(), row[2].as<storage::UserId>()});
        }
        return blocks;
    });
    std::vector<EventId> released;
    for (const Due& block : due) {
        if (releaseBlock(block.event, block.block, block.creator) == BlockReleaseOutcome::Released) {
            released.push_back(block.event);
        }
    }
    return released;
}

// --- Allotments --------------------------------------------------------------------------------------

Expected<protocol::AllotmentInfo, storage::InventoryRefused>
PgAdminRepository::createAllotment(const storage::NewAllotment& allotment) {
    using Result = Expected<protocol::AllotmentInfo, storage::InventoryRefused>;
    return writeToEvent(
        m_pool, allotment.event, [&](pqxx::transaction_base& tx, ChangeBatch& changes) -> Result {
            storage::InventoryRefused refused;
            refused.seats = refusedSeats(tx, allotment.event, allotment.seats);
            for (const auto& line : allotment.ga) {
                const auto rows =
                    tx.exec_params("SELECT " + kGaAreaAvailable +
                                       " FROM event_ga_areas g WHERE g.event_id = $1 AND g.area_id = $2 "
                                       "FOR UPDATE",
                                   allotment.event, line.area);
                const std::int64_t available = rows.empty() ? 0 : rows[0][0].as<std::int64_t>();
                if (available < line.quantity) {
                    refused.ga.push_back({line.area, available});
                }
            }
            if (!refused.seats.empty() || !refused.ga.empty()) {
                return unexpected(std::move(refused));
            }
            std::optional<std::string> deviceId;
            if (allotment.device) {
                deviceId = tx.exec_params1("INSERT INTO devices (name) VALUES ($1) ON CONFLICT (name) "
                                           "DO UPDATE SET name = excluded.name RETURNING id::text",
                                           *allotment.device)[0]
                               .as<std::string>();
            }
            tx.exec_params("INSERT INTO allotments (id, event_id, channel, device_id, note, created_by) "
                           "VALUES ($1::uuid, $2, $3, $4::bigint, $5, $6)",
                           allotment.id, allotment.event, allotment.channel, nullable(deviceId),
                           allotment.note, allotment.actor);
            noteSeats(
                changes,
                tx.exec_params(
                    "UPDATE event_seats SET state = 'allotted', hold_id = NULL, held_until = NULL, "
                    "allotment = $3 WHERE event_id = $1 AND seat_id = ANY($2::text[]) RETURNING seat_id",
                    allotment.event, textArray(allotment.seats), allotment.id),
                "allotted");
            for (const auto& line : allotment.ga) {
                tx.exec_params("INSERT INTO allotment_ga_places (allotment_id, event_id, area_id, quantity) "
                               "VALUES ($1::uuid, $2, $3, $4)",
                               allotment.id, allotment.event, line.area, line.quantity);
                const auto row =
                    tx.exec_params1("UPDATE event_ga_areas SET capacity = capacity - $3 "
                                    "WHERE event_id = $1 AND area_id = $2 RETURNING capacity - held - sold",
                                    allotment.event, line.area, line.quantity);
                changes.ga.emplace_back(line.area, row[0].as<int>());
            }
            bj::array ga;
            for (const auto& line : allotment.ga) {
                ga.push_back(bj::object{{"area", line.area}, {"quantity", line.quantity}});
            }
            auditAppend(tx, allotment.actor, "seats.allotted", "event:" + std::to_string(allotment.event),
                        bj::object{{"allotment", allotment.id},
                                   {"channel", allotment.channel},
                                   {"seats", jsonStrings(allotment.seats)},
                                   {"ga", std::move(ga)}});
            return allotmentOf(
                tx.exec_params1("SELECT " + kAllotmentColumns + " WHERE a.id = $1::uuid", allotment.id));
        });
}

std::vector<protocol::AllotmentInfo> PgAdminRepository::listAllotments(EventId event) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        std::vector<protocol::AllotmentInfo> allotments;
        for (const auto& row : tx.exec_params("SELECT " + kAllotmentColumns +
                                                  " WHERE a.event_id = $1 ORDER BY a.created_at, a.id",
                                              event)) {
            allotments.push_back(allotmentOf(row));
        }
        return allotments;
    });
}

BlockReleaseOutcome PgAdminRepository::releaseAllotment(EventId event, const std::string& allotmentId,
                                                        storage::UserId actor) {
    return writeToEvent(m_pool, event, [&](pqxx::transaction_base& tx, ChangeBatch& changes) {
        const auto found = tx.exec_params("SELECT released_at IS NOT NULL FROM allotments "
                                          "WHERE id = $1::uuid AND event_id = $2 FOR UPDATE",
                                          allotmentId, event);
        if (found.empty()) {
            return BlockReleaseOutcome::NotFound;
        }
        if (found[0][0].as<bool>()) {
            return BlockReleaseOutcome::AlreadyReleased;
        }
        releaseSeats(tx, event, "allotment", allotmentId, changes);
        // Standing places not yet sold from the allotment go back to the public capacity.
        for (const auto& row : tx.exec_params("SELECT area_id, quantity FROM allotment_ga_places "
                                              "WHERE allotment_id = $1::uuid ORDER BY area_id",
                                              allotmentId)) {
            const auto updated =
                tx.exec_params1("UPDATE event_ga_areas SET capacity = capacity + $3 "
                                "WHERE event_id = $1 AND area_id = $2 RETURNING capacity - held - sold",
                                event, row[0].as<std::string>(), row[1].as<int>());
            changes.ga.emplace_back(row[0].as<std::string>(), updated[0].as<int>());
        }
        tx.exec_params("UPDATE allotments SET released_at = now(), released_by = $2 WHERE id = $1::uuid",
                       allotmentId, actor);
        auditAppend(tx, actor, "allotment.released", "event:" + std::to_string(event),
                    bj::object{{"allotment", allotmentId}});
        return BlockReleaseOutcome::Released;
    });
}

// --- Users -------------------------------------------------------------------------------------------

std::vector<storage::UserRecord> PgAdminRepository::listUsers() {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        std::vector<storage::UserRecord> users;
        for (const auto& row : tx.exec("SELECT id, email, name, role, disabled FROM users "
                                       "WHERE role <> 'customer' ORDER BY lower(name), id")) {
            users.push_back(userOf(row));
        }
        return users;
    });
}

std::optional<storage::UserRecord> PgAdminRepository::updateUser(const storage::UserChange& change,
                                                                 storage::UserId actor) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<storage::UserRecord> {
        const std::optional<std::string> role =
            change.role ? std::optional(std::string(protocol::toString(*change.role))) : std::nullopt;
        const std::optional<std::string> disabled =
            change.disabled ? std::optional(std::string(*change.disabled ? "true" : "false")) : std::nullopt;
        const auto rows = tx.exec_params(
            "UPDATE users SET name = coalesce($2, name), role = coalesce($3, role), "
            "disabled = coalesce($4::boolean, disabled), password_hash = coalesce($5, password_hash) "
            "WHERE id = $1 RETURNING id, email, name, role, disabled",
            change.id, nullable(change.name), nullable(role), nullable(disabled),
            nullable(change.passwordHash));
        if (rows.empty()) {
            return std::nullopt;
        }
        // A disabled account or a new password ends the sessions it has: its refresh tokens go.
        if ((change.disabled && *change.disabled) || change.passwordHash) {
            tx.exec_params(
                "UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL",
                change.id);
        }
        bj::object details;
        if (change.name) {
            details["name"] = *change.name;
        }
        if (role) {
            details["role"] = *role;
        }
        if (change.disabled) {
            details["disabled"] = *change.disabled;
        }
        if (change.passwordHash) {
            details["password_reset"] = true;
        }
        auditAppend(tx, actor, "user.updated", "user:" + std::to_string(change.id), details);
        return userOf(rows[0]);
    });
}

} // namespace usher::server::pg
