#include "server/storage/pg/pg_inventory_repository.h"

#include "common/util/text.h"
#include "server/storage/pg/change_log.h"
#include "server/storage/pg/event_writes.h"
#include "server/storage/pg/inventory_sql.h"
#include "server/storage/pg/sql_values.h"
#include "server/storage/pg/transaction.h"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <map>
#include <pqxx/pqxx>
#include <set>
#include <unordered_set>

namespace usher::server::pg {

using storage::HoldChangeError;
using storage::HoldOutcome;
using storage::HoldPlan;

namespace {

// The hold statement: invariant 3's condition decides, in the same statement that locks the seats.
// Seats are locked in seat order, as by every other writer.
const std::string kLockFreeSeats = "SELECT seat_id FROM event_seats WHERE event_id = $1 "
                                   "AND seat_id = ANY($2::text[]) AND " +
                                   kSeatIsFree + " ORDER BY seat_id FOR UPDATE";
const std::string kLockSeatsUnsafe = "SELECT seat_id FROM event_seats WHERE event_id = $1 AND seat_id = "
                                     "ANY($2::text[]) ORDER BY seat_id FOR UPDATE";

struct GaCounter {
    std::int64_t capacity = 0;
    std::int64_t held = 0;
    std::int64_t sold = 0;
    bool changed = false;

    std::int64_t available() const { return capacity - held - sold; }
};

// Locks the GA areas' counters (in area order, as every writer does) and gives back the places of
// their expired holds in the same transaction: exact expiry for counters too.
std::map<std::string, GaCounter> lockGaCounters(pqxx::transaction_base& tx, storage::EventId event,
                                                const std::set<std::string>& areaIds) {
    std::map<std::string, GaCounter> areas;
    if (areaIds.empty()) {
        return areas;
    }
    const std::vector<std::string> areaList(areaIds.begin(), areaIds.end());
    for (const auto& row : tx.exec_params("SELECT area_id, capacity, held, sold FROM event_ga_areas "
                                          "WHERE event_id = $1 AND area_id = ANY($2::text[]) "
                                          "ORDER BY area_id FOR UPDATE",
                                          event, textArray(areaList))) {
        areas[row[0].as<std::string>()] = {row[1].as<std::int64_t>(), row[2].as<std::int64_t>(),
                                           row[3].as<std::int64_t>()};
    }
    for (const auto& row : tx.exec_params("UPDATE hold_ga_lines SET active = false WHERE event_id = $1 "
                                          "AND area_id = ANY($2::text[]) AND active AND expires_at < now() "
                                          "RETURNING area_id, quantity",
                                          event, textArray(areaList))) {
        GaCounter& counter = areas[row[0].as<std::string>()];
        counter.held -= row[1].as<std::int64_t>();
        counter.changed = true;
    }
    return areas;
}

// Writes the counters that changed and logs each area's new availability.
void storeGaCounters(pqxx::transaction_base& tx, storage::EventId event,
                     const std::map<std::string, GaCounter>& areas, ChangeBatch& changes) {
    std::vector<std::string> changedAreas, changedHeld;
    for (const auto& [area, counter] : areas) {
        if (counter.changed) {
            changedAreas.push_back(area);
            changedHeld.push_back(std::to_string(counter.held));
            changes.ga.emplace_back(area, static_cast<int>(std::max<std::int64_t>(counter.available(), 0)));
        }
    }
    if (!changedAreas.empty()) {
        tx.exec_params("UPDATE event_ga_areas a SET held = u.held FROM unnest($2::text[], $3::int[]) AS "
                       "u(area, held) "
                       "WHERE a.event_id = $1 AND a.area_id = u.area",
                       event, textArray(changedAreas), textArray(changedHeld));
    }
}

int ticketCount(const HoldPlan& plan) {
    int count = static_cast<int>(plan.seats.size());
    for (const auto& line : plan.ga) {
        count += line.quantity;
    }
    return count;
}

// Tickets each user already has for the event: active holds plus live tickets.
std::map<storage::UserId, int> ticketsOwned(pqxx::transaction_base& tx, storage::EventId event,
                                            const std::vector<std::int64_t>& users) {
    std::map<storage::UserId, int> owned;
    if (users.empty()) {
        return owned;
    }
    const auto rows = tx.exec_params(
        "SELECT user_id, sum(n)::int FROM ("
        "  SELECT h.user_id, count(*) AS n FROM holds h JOIN hold_seats s ON s.hold_id = h.id"
        "   WHERE h.event_id = $1 AND h.user_id = ANY($2::bigint[]) AND h.state = 'active'"
        "     AND h.expires_at >= now() GROUP BY h.user_id"
        "  UNION ALL SELECT h.user_id, sum(g.quantity) FROM holds h JOIN hold_ga_lines g ON g.hold_id = h.id"
        "   WHERE h.event_id = $1 AND h.user_id = ANY($2::bigint[]) AND g.active"
        "     AND g.expires_at >= now() GROUP BY h.user_id"
        "  UNION ALL SELECT o.user_id, count(*) FROM tickets t JOIN orders o ON o.id = t.order_id"
        "   WHERE t.event_id = $1 AND o.user_id = ANY($2::bigint[]) AND t.status <> 'refunded'"
        "   GROUP BY o.user_id) owned GROUP BY user_id",
        event, bigintArray(users));
    for (const auto& row : rows) {
        owned[row[0].as<storage::UserId>()] = row[1].as<int>();
    }
    return owned;
}

// One statement, so that it needs no transaction: the seats and GA lines come as JSON arrays.
std::optional<storage::StoredHold> readHold(pqxx::transaction_base& tx, std::string_view holdId) {
    const auto rows =
        execPrepared(tx, "usher_find_hold",
                     "SELECT h.event_id, h.user_id, h.state, h.expires_at < now(), usher_us(h.expires_at), "
                     "h.extend_count, "
                     "(SELECT coalesce(json_agg(json_build_array(seat_id, category) ORDER BY seat_id), '[]') "
                     " FROM hold_seats WHERE hold_id = h.id), "
                     "(SELECT coalesce(json_agg(json_build_array(area_id, quantity) ORDER BY area_id), '[]') "
                     " FROM hold_ga_lines WHERE hold_id = h.id) "
                     "FROM holds h WHERE h.id = $1::uuid",
                     std::string(holdId));
    if (rows.empty()) {
        return std::nullopt;
    }
    const auto& row = rows[0];
    storage::StoredHold hold;
    hold.id = std::string(holdId);
    hold.eventId = row[0].as<storage::EventId>();
    hold.user = row[1].as<storage::UserId>();
    const std::string state = row[2].as<std::string>();
    hold.state = state == "active"     ? storage::HoldState::Active
                 : state == "released" ? storage::HoldState::Released
                 : state == "expired"  ? storage::HoldState::Expired
                                       : storage::HoldState::Committed;
    hold.expired = row[3].as<bool>();
    hold.expiresAt = timestampOf(row[4]);
    hold.extendCount = row[5].as<int>();
    const boost::json::value seats = boost::json::parse(row[6].c_str());
    const boost::json::value lines = boost::json::parse(row[7].c_str());
    for (const auto& seat : seats.as_array()) {
        const auto& pair = seat.as_array();
        hold.seats.push_back({std::string(pair.at(0).as_string()), std::string(pair.at(1).as_string())});
    }
    for (const auto& line : lines.as_array()) {
        const auto& pair = line.as_array();
        hold.ga.push_back({std::string(pair.at(0).as_string()), static_cast<int>(pair.at(1).as_int64())});
    }
    return hold;
}

// The event of a hold, read without locks: the write then goes through the event's write queue.
std::optional<storage::EventId> eventOfHold(pqxx::transaction_base& tx, std::string_view holdId) {
    const auto rows = tx.exec_params("SELECT event_id FROM holds WHERE id = $1::uuid", std::string(holdId));
    if (rows.empty()) {
        return std::nullopt;
    }
    return rows[0][0].as<storage::EventId>();
}

// Puts the seats and places of the given holds back and logs the changes. `onlyExpired` limits it
// to seats whose time is up (the sweeper must not touch a hold that was just extended).
void returnHeldInventory(pqxx::transaction_base& tx, storage::EventId event,
                         const std::vector<std::string>& holdIds, bool onlyExpired, ChangeBatch& changes) {
    const std::string ids = textArray(holdIds);
    // The hold's seats first, then one primary-key update per seat: a join of hold_seats with
    // event_seats may be planned as a scan of every event's seats.
    std::vector<std::string> seatIds, seatHolds;
    for (const auto& row :
         tx.exec_params("SELECT seat_id, hold_id FROM hold_seats WHERE hold_id = ANY($1::uuid[])", ids)) {
        seatIds.push_back(row[0].as<std::string>());
        seatHolds.push_back(row[1].as<std::string>());
    }
    if (!seatIds.empty()) {
        const auto seats = tx.exec_params(
            std::string(
                "UPDATE event_seats s SET state = CASE WHEN s.allotment IS NULL THEN 'available' ELSE "
                "'allotted' END, hold_id = NULL, held_until = NULL "
                "FROM unnest($2::text[], $3::uuid[]) AS h(seat_id, hold_id) "
                "WHERE s.event_id = $1 AND s.seat_id = h.seat_id AND s.hold_id = h.hold_id "
                "AND s.state = 'held'") +
                (onlyExpired ? " AND s.held_until < now()" : "") + " RETURNING s.seat_id, s.state",
            event, textArray(seatIds), textArray(seatHolds));
        for (const auto& row : seats) {
            changes.seats.emplace_back(row[0].as<std::string>(), row[1].as<std::string>());
        }
    }
    const auto lines =
        tx.exec_params("UPDATE hold_ga_lines SET active = false "
                       "WHERE hold_id = ANY($1::uuid[]) AND active RETURNING area_id, quantity",
                       ids);
    releaseGaPlaces(tx, event, lines, changes);
}

} // namespace

PgInventoryRepository::PgInventoryRepository(ConnectionPool& pool, storage::HoldCondition condition)
    : m_pool(pool), m_condition(condition) {}

std::vector<HoldOutcome> PgInventoryRepository::createHolds(storage::EventId event,
                                                            std::span<const HoldPlan> plans) {
    const bool safe = m_condition == storage::HoldCondition::Safe;
    std::vector<HoldOutcome> result;
    m_pool.eventWrites().run(event, [&](pqxx::transaction_base& tx, std::int64_t nowMicros,
                                        ChangeBatch& changes) {
        const Timestamp now{Duration(nowMicros)};

        std::vector<std::string> seatIds;
        std::set<std::string> areaIds;
        std::vector<std::int64_t> limitedUsers;
        for (const HoldPlan& plan : plans) {
            for (const auto& seat : plan.seats) {
                seatIds.push_back(seat.id);
            }
            for (const auto& line : plan.ga) {
                areaIds.insert(line.area);
            }
            if (plan.maxTicketsPerCustomer > 0) {
                limitedUsers.push_back(plan.user);
            }
        }

        // Transactions of one event overlap: the users' rows serialise the per-customer limit (who
        // holds how many) between them. First of the row locks, like everywhere.
        if (!limitedUsers.empty()) {
            tx.exec_params("SELECT 1 FROM users WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE",
                           bigintArray(limitedUsers));
        }
        std::unordered_set<std::string> freeSeats;
        if (!seatIds.empty()) {
            const pqxx::result locked =
                safe ? execPrepared(tx, "usher_lock_free_seats", kLockFreeSeats, event, textArray(seatIds))
                     : tx.exec_params(kLockSeatsUnsafe, event, textArray(seatIds));
            for (const auto& row : locked) {
                freeSeats.insert(row[0].as<std::string>());
            }
        }

        std::map<std::string, GaCounter> areas = lockGaCounters(tx, event, areaIds);

        std::map<storage::UserId, int> owned = ticketsOwned(tx, event, limitedUsers);

        std::vector<HoldOutcome> outcomes;
        outcomes.reserve(plans.size());
        std::vector<std::string> holdIds, holdUsers, holdExpiry;
        std::vector<std::string> seatHold, seatId, seatCategory, seatUntil;
        std::vector<std::string> lineHold, lineArea, lineQuantity, lineUntil;
        for (const HoldPlan& plan : plans) {
            storage::HoldRefused refused;
            for (const auto& seat : plan.seats) {
                if (!freeSeats.contains(seat.id)) {
                    refused.unavailableSeats.push_back(seat.id);
                }
            }
            for (const auto& line : plan.ga) {
                const auto found = areas.find(line.area);
                const std::int64_t available = found == areas.end() ? 0 : found->second.available();
                if (found == areas.end() || line.quantity > available) {
                    refused.unavailableGa.push_back({line.area, std::max<std::int64_t>(available, 0)});
                }
            }
            const int count = ticketCount(plan);
            if (plan.maxTicketsPerCustomer > 0 && owned[plan.user] + count > plan.maxTicketsPerCustomer) {
                refused.customerLimit = true;
            }
            if (!refused.unavailableSeats.empty() || !refused.unavailableGa.empty() ||
                refused.customerLimit) {
                outcomes.emplace_back(std::move(refused));
                continue;
            }

            const Timestamp until = now + plan.ttl;
            const std::string untilText = std::to_string(micros(until));
            holdIds.push_back(plan.holdId);
            holdUsers.push_back(std::to_string(plan.user));
            holdExpiry.push_back(untilText);
            for (const auto& seat : plan.seats) {
                if (safe) {
                    freeSeats.erase(seat.id);
                }
                seatHold.push_back(plan.holdId);
                seatId.push_back(seat.id);
                seatCategory.push_back(seat.category);
                seatUntil.push_back(untilText);
                changes.seats.emplace_back(seat.id, "held");
            }
            for (const auto& line : plan.ga) {
                GaCounter& counter = areas[line.area];
                counter.held += line.quantity;
                counter.changed = true;
                lineHold.push_back(plan.holdId);
                lineArea.push_back(line.area);
                lineQuantity.push_back(std::to_string(line.quantity));
                lineUntil.push_back(untilText);
            }
            owned[plan.user] += count;
            outcomes.emplace_back(storage::HoldCreated{until});
        }

        if (!holdIds.empty()) {
            execPrepared(tx, "usher_insert_holds",
                         "INSERT INTO holds (id, event_id, user_id, expires_at) "
                         "SELECT h.id, $1, h.user_id, usher_ts(h.until) "
                         "FROM unnest($2::uuid[], $3::bigint[], $4::bigint[]) AS h(id, user_id, until)",
                         event, textArray(holdIds), textArray(holdUsers), textArray(holdExpiry));
        }
        if (!seatId.empty()) {
            execPrepared(
                tx, "usher_mark_seats_held",
                "UPDATE event_seats s SET state = 'held', hold_id = u.hold, held_until = usher_ts(u.until), "
                "order_id = NULL FROM unnest($2::text[], $3::uuid[], $4::bigint[]) AS u(seat, hold, until) "
                "WHERE s.event_id = $1 AND s.seat_id = u.seat",
                event, textArray(seatId), textArray(seatHold), textArray(seatUntil));
            execPrepared(tx, "usher_insert_hold_seats",
                         "INSERT INTO hold_seats (hold_id, seat_id, category) "
                         "SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING",
                         textArray(seatHold), textArray(seatId), textArray(seatCategory));
        }
        if (!lineHold.empty()) {
            tx.exec_params("INSERT INTO hold_ga_lines (hold_id, event_id, area_id, quantity, expires_at) "
                           "SELECT l.hold, $1, l.area, l.quantity, usher_ts(l.until) "
                           "FROM unnest($2::uuid[], $3::text[], $4::int[], $5::bigint[]) AS l(hold, area, "
                           "quantity, until)",
                           event, textArray(lineHold), textArray(lineArea), textArray(lineQuantity),
                           textArray(lineUntil));
        }
        storeGaCounters(tx, event, areas, changes);
        result = std::move(outcomes);
        return true;
    });
    return result;
}

std::optional<storage::StoredHold> PgInventoryRepository::findHold(std::string_view holdId) {
    if (!isUuid(holdId)) {
        return std::nullopt;
    }
    return inSingleStatement(m_pool, [&](pqxx::transaction_base& tx) { return readHold(tx, holdId); });
}

Expected<Timestamp, HoldChangeError> PgInventoryRepository::extendHold(std::string_view holdId,
                                                                       std::chrono::seconds by,
                                                                       const storage::ExtendPolicy& policy) {
    if (!isUuid(holdId)) {
        return unexpected(HoldChangeError::NotFound);
    }
    const std::optional<storage::EventId> event =
        inTransaction(m_pool, [&](pqxx::transaction_base& tx) { return eventOfHold(tx, holdId); });
    if (!event) {
        return unexpected(HoldChangeError::NotFound);
    }
    return writeToEvent(
        m_pool, *event,
        [&](pqxx::transaction_base& tx, ChangeBatch&) -> Expected<Timestamp, HoldChangeError> {
            const auto row =
                tx.exec_params1("SELECT state, expires_at < now(), extend_count, usher_us(created_at), "
                                "usher_us(expires_at) FROM holds WHERE id = $1::uuid FOR UPDATE",
                                std::string(holdId));
            if (row[0].as<std::string>() != "active") {
                return unexpected(HoldChangeError::NotActive);
            }
            if (row[1].as<bool>()) {
                return unexpected(HoldChangeError::Expired);
            }
            if (row[2].as<int>() >= policy.maxExtensions) {
                return unexpected(HoldChangeError::ExtendLimit);
            }
            const Timestamp created = timestampOf(row[3]);
            const Timestamp expires = timestampOf(row[4]);
            const Timestamp until = std::min<Timestamp>(expires + by, created + policy.maxLifetime);
            if (until <= expires) {
                return unexpected(HoldChangeError::ExtendLimit);
            }
            const std::string id(holdId);
            const auto whole = tx.exec_params1(
                "SELECT (SELECT count(*) FROM hold_seats WHERE hold_id = $2::uuid) = "
                "(SELECT count(*) FROM hold_seats h JOIN event_seats s ON s.event_id = $1 AND "
                "s.seat_id = h.seat_id WHERE h.hold_id = $2::uuid AND s.hold_id = h.hold_id AND s.state = "
                "'held')",
                *event, id)[0];
            if (!whole.as<bool>()) {
                // A seat of this hold expired and was taken meanwhile: the hold cannot be kept whole.
                return unexpected(HoldChangeError::Expired);
            }
            tx.exec_params("UPDATE holds SET expires_at = usher_ts($2), extend_count = extend_count + 1 "
                           "WHERE id = $1::uuid",
                           id, micros(until));
            tx.exec_params("UPDATE event_seats s SET held_until = usher_ts($3) FROM hold_seats h "
                           "WHERE h.hold_id = $2::uuid AND s.event_id = $1 AND s.seat_id = h.seat_id "
                           "AND s.hold_id = h.hold_id AND s.state = 'held'",
                           *event, id, micros(until));
            tx.exec_params(
                "UPDATE hold_ga_lines SET expires_at = usher_ts($2) WHERE hold_id = $1::uuid AND active", id,
                micros(until));
            return until;
        });
}

std::vector<storage::ReleaseOutcome>
PgInventoryRepository::releaseHolds(storage::EventId event, std::span<const std::string> holdIds) {
    std::vector<storage::ReleaseOutcome> outcomes(holdIds.size(), unexpected(HoldChangeError::NotFound));
    std::vector<std::string> wellFormed;
    for (const std::string& id : holdIds) {
        if (isUuid(id)) {
            wellFormed.push_back(asciiLowercase(id));
        }
    }
    if (wellFormed.empty()) {
        return outcomes;
    }
    m_pool.eventWrites().run(event, [&](pqxx::transaction_base& tx, std::int64_t, ChangeBatch& changes) {
        std::fill(outcomes.begin(), outcomes.end(), unexpected(HoldChangeError::NotFound)); // a rerun batch
        struct Row {
            std::string state;
            bool expired = false;
        };
        std::map<std::string, Row> holds;
        for (const auto& row : tx.exec_params("SELECT id, state, expires_at < now() FROM holds "
                                              "WHERE id = ANY($1::uuid[]) AND event_id = $2 FOR UPDATE",
                                              textArray(wellFormed), event)) {
            holds[row[0].as<std::string>()] = {row[1].as<std::string>(), row[2].as<bool>()};
        }
        std::vector<std::string> released;
        for (std::size_t i = 0; i < holdIds.size(); ++i) {
            const auto found = isUuid(holdIds[i]) ? holds.find(asciiLowercase(holdIds[i])) : holds.end();
            if (found == holds.end()) {
                continue; // NotFound
            }
            Row& hold = found->second;
            if (hold.state != "active") {
                outcomes[i] = unexpected(HoldChangeError::NotActive);
            } else if (hold.expired) {
                outcomes[i] = unexpected(HoldChangeError::Expired);
            } else {
                outcomes[i] = Done{};
                hold.state = "released"; // the same id twice in one batch: the second is too late
                released.push_back(found->first);
            }
        }
        if (!released.empty()) {
            tx.exec_params("UPDATE holds SET state = 'released' WHERE id = ANY($1::uuid[])",
                           textArray(released));
            returnHeldInventory(tx, event, released, false, changes);
        }
        return true;
    });
    return outcomes;
}

storage::SeatChangeOutcome PgInventoryRepository::changeHoldSeats(std::string_view holdId,
                                                                  const storage::SeatChange& change) {
    using storage::SeatChangeRefused;
    if (!isUuid(holdId)) {
        return unexpected(SeatChangeRefused{HoldChangeError::NotFound});
    }
    const std::string id = asciiLowercase(holdId);
    const std::optional<storage::EventId> event =
        inTransaction(m_pool, [&](pqxx::transaction_base& tx) { return eventOfHold(tx, id); });
    if (!event) {
        return unexpected(SeatChangeRefused{HoldChangeError::NotFound});
    }
    return writeToEvent(
        m_pool, *event, [&](pqxx::transaction_base& tx, ChangeBatch& changes) -> storage::SeatChangeOutcome {
            const auto hold =
                tx.exec_params1("SELECT state, expires_at < now(), user_id, usher_us(expires_at) "
                                "FROM holds WHERE id = $1::uuid FOR UPDATE",
                                id);
            if (hold[0].as<std::string>() != "active") {
                return unexpected(SeatChangeRefused{HoldChangeError::NotActive});
            }
            if (hold[1].as<bool>()) {
                return unexpected(SeatChangeRefused{HoldChangeError::Expired});
            }
            const auto user = hold[2].as<storage::UserId>();
            const std::int64_t until = hold[3].as<std::int64_t>();
            if (change.maxTicketsPerCustomer > 0) {
                tx.exec_params("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", user);
            }

            SeatChangeRefused refused;
            std::set<std::string> held;
            for (const auto& row :
                 tx.exec_params("SELECT seat_id FROM hold_seats WHERE hold_id = $1::uuid", id)) {
                held.insert(row[0].as<std::string>());
            }
            for (const std::string& seat : change.remove) {
                if (!held.contains(seat)) {
                    refused.notInHold.push_back(seat);
                }
            }
            std::vector<std::string> adding;
            for (const auto& seat : change.add) {
                adding.push_back(seat.id);
            }
            std::set<std::string> free;
            if (!adding.empty()) {
                for (const auto& row :
                     execPrepared(tx, "usher_lock_free_seats", kLockFreeSeats, *event, textArray(adding))) {
                    free.insert(row[0].as<std::string>());
                }
            }
            for (const std::string& seat : adding) {
                if (!free.contains(seat)) {
                    refused.unavailableSeats.push_back(seat);
                }
            }
            // GA: the hold's new quantity per named area, against what is free besides its own.
            std::map<std::string, std::int64_t> current;
            for (const auto& row : tx.exec_params("SELECT area_id, quantity FROM hold_ga_lines "
                                                  "WHERE hold_id = $1::uuid AND active",
                                                  id)) {
                current[row[0].as<std::string>()] = row[1].as<std::int64_t>();
            }
            std::set<std::string> gaAreas;
            for (const auto& line : change.ga) {
                gaAreas.insert(line.area);
            }
            std::map<std::string, GaCounter> areas = lockGaCounters(tx, *event, gaAreas);
            int placesDelta = 0;
            for (const auto& line : change.ga) {
                const std::int64_t delta = line.quantity - current[line.area];
                const auto found = areas.find(line.area);
                const std::int64_t available = found == areas.end() ? 0 : found->second.available();
                if (found == areas.end() || delta > available) {
                    refused.unavailableGa.push_back(
                        {line.area, std::max<std::int64_t>(available, 0) + current[line.area]});
                }
                placesDelta += static_cast<int>(delta);
            }
            if (change.maxTicketsPerCustomer > 0) {
                const int owned = ticketsOwned(tx, *event, {user})[user];
                const auto after = owned + static_cast<int>(change.add.size()) -
                                   static_cast<int>(change.remove.size()) + placesDelta;
                refused.customerLimit = after > change.maxTicketsPerCustomer;
            }
            if (!refused.notInHold.empty() || !refused.unavailableSeats.empty() ||
                !refused.unavailableGa.empty() || refused.customerLimit) {
                return unexpected(std::move(refused));
            }
            for (const auto& line : change.ga) {
                const std::int64_t before = current[line.area];
                if (line.quantity == before) {
                    continue;
                }
                if (line.quantity == 0) {
                    tx.exec_params("DELETE FROM hold_ga_lines WHERE hold_id = $1::uuid AND area_id = $2", id,
                                   line.area);
                } else if (before == 0) {
                    // A line of this area that is no longer active (never the case for an active,
                    // unexpired hold) would collide on the key: replaced.
                    tx.exec_params(
                        "INSERT INTO hold_ga_lines (hold_id, event_id, area_id, quantity, expires_at) "
                        "VALUES ($1::uuid, $2, $3, $4, usher_ts($5)) ON CONFLICT (hold_id, area_id) "
                        "DO UPDATE SET quantity = EXCLUDED.quantity, active = true, "
                        "expires_at = EXCLUDED.expires_at",
                        id, *event, line.area, line.quantity, until);
                } else {
                    tx.exec_params(
                        "UPDATE hold_ga_lines SET quantity = $3 WHERE hold_id = $1::uuid AND area_id = $2",
                        id, line.area, line.quantity);
                }
                GaCounter& counter = areas[line.area];
                counter.held += line.quantity - before;
                counter.changed = true;
            }
            storeGaCounters(tx, *event, areas, changes);

            if (!change.remove.empty()) {
                tx.exec_params(
                    "DELETE FROM hold_seats WHERE hold_id = $1::uuid AND seat_id = ANY($2::text[])", id,
                    textArray(change.remove));
                for (const auto& row : tx.exec_params(
                         "UPDATE event_seats SET state = CASE WHEN allotment IS NULL THEN 'available' ELSE "
                         "'allotted' END, hold_id = NULL, held_until = NULL WHERE event_id = $1 "
                         "AND seat_id = ANY($2::text[]) AND hold_id = $3::uuid AND state = 'held' "
                         "RETURNING seat_id, state",
                         *event, textArray(change.remove), id)) {
                    changes.seats.emplace_back(row[0].as<std::string>(), row[1].as<std::string>());
                }
            }
            if (!change.add.empty()) {
                std::vector<std::string> categories;
                for (const auto& seat : change.add) {
                    categories.push_back(seat.category);
                }
                tx.exec_params(
                    "UPDATE event_seats SET state = 'held', hold_id = $3::uuid, held_until = usher_ts($4), "
                    "order_id = NULL WHERE event_id = $1 AND seat_id = ANY($2::text[])",
                    *event, textArray(adding), id, until);
                tx.exec_params("INSERT INTO hold_seats (hold_id, seat_id, category) "
                               "SELECT $1::uuid, s, c FROM unnest($2::text[], $3::text[]) AS u(s, c)",
                               id, textArray(adding), textArray(categories));
                for (const std::string& seat : adding) {
                    changes.seats.emplace_back(seat, "held");
                }
            }
            return *readHold(tx, id);
        });
}

int PgInventoryRepository::expireHolds(int limit) {
    const auto due = inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        std::map<storage::EventId, std::vector<std::string>> byEvent;
        for (const auto& row : tx.exec_params("SELECT event_id, id FROM holds WHERE state = 'active' "
                                              "AND expires_at < now() ORDER BY expires_at LIMIT $1",
                                              limit)) {
            byEvent[row[0].as<storage::EventId>()].push_back(row[1].as<std::string>());
        }
        return byEvent;
    });
    int expired = 0;
    for (const auto& [event, ids] : due) {
        expired += writeToEvent(m_pool, event, [&](pqxx::transaction_base& tx, ChangeBatch& changes) {
            std::vector<std::string> still;
            for (const auto& row :
                 tx.exec_params("UPDATE holds SET state = 'expired' WHERE id = ANY($1::uuid[]) "
                                "AND state = 'active' AND expires_at < now() RETURNING id",
                                textArray(ids))) {
                still.push_back(row[0].as<std::string>());
            }
            if (!still.empty()) {
                returnHeldInventory(tx, event, still, true, changes);
            }
            return static_cast<int>(still.size());
        });
    }
    return expired;
}

std::vector<std::string> PgInventoryRepository::availableSeats(storage::EventId event) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        std::vector<std::string> seats;
        for (const auto& row : tx.exec_params(
                 "SELECT seat_id FROM event_seats WHERE event_id = $1 AND " + kSeatIsFree, event)) {
            seats.push_back(row[0].as<std::string>());
        }
        return seats;
    });
}

} // namespace usher::server::pg
