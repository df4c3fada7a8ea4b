// flash-sale: the SQL check on the server's own tables.
#pragma once

#include "tests/load/flash_sale/run.h"

namespace usher::tools::flash_sale {

// The SQL check, on the server's own tables (server/migrations/0001_core.sql).

struct SqlCheck {
    bool ran = false;
    bool ok = false;
    std::string error;
    std::int64_t seatsSoldTwice = 0;     // seats with more than one live ticket
    std::int64_t soldSeats = 0;          // event_seats in state 'sold'
    std::int64_t liveSeatTickets = 0;    // tickets for seats, not refunded
    std::int64_t soldWithoutTicket = 0;  // sold seats without a live ticket of the order that sold them
    std::int64_t ordersSeen = 0;         // 201 commits the clients saw
    std::int64_t ordersFound = 0;        // ... that exist in orders for this event
    std::int64_t orderSeatsSeen = 0;     // seats in those orders, as the clients held them
    std::int64_t orderSeatsTicketed = 0; // ... with a live ticket of that order
    std::int64_t orphanRows = 0;         // rows whose parent is missing (usher_orphan_rows())
};

// A PostgreSQL text[] literal.
inline std::string textArray(const std::vector<std::string>& items) {
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += '"';
        for (const char c : items[i]) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

inline SqlCheck checkWithSql(const std::string& url, const std::string& eventId,
                             const std::vector<CommittedOrder>& orders) {
    SqlCheck check;
    check.ran = true;
    try {
        pqxx::connection connection(url);
        pqxx::read_transaction tx(connection);
        const auto one = [&](const std::string& query, const auto&... params) {
            return tx.exec_params1(query, params...)[0].template as<std::int64_t>();
        };
        const pqxx::result event = tx.exec_params("SELECT id FROM events WHERE id::text = $1", eventId);
        if (event.empty()) {
            check.error = "event " + eventId + " is not in the events table of this database";
            return check;
        }
        const auto key = event[0][0].as<std::int64_t>();
        check.seatsSoldTwice =
            one("SELECT count(*) FROM (SELECT seat_id FROM tickets WHERE event_id = $1 AND "
                "seat_id IS NOT NULL AND status <> 'refunded' GROUP BY seat_id "
                "HAVING count(*) > 1) AS twice",
                key);
        check.soldSeats = one("SELECT count(*) FROM event_seats WHERE event_id = $1 AND state = 'sold'", key);
        check.liveSeatTickets =
            one("SELECT count(*) FROM tickets WHERE event_id = $1 AND seat_id IS NOT NULL "
                "AND status <> 'refunded'",
                key);
        check.soldWithoutTicket = one(
            "SELECT count(*) FROM event_seats s WHERE s.event_id = $1 AND s.state = 'sold' AND NOT EXISTS "
            "(SELECT 1 FROM tickets t WHERE t.event_id = s.event_id AND t.seat_id = s.seat_id "
            "AND t.status <> 'refunded' AND t.order_id = s.order_id)",
            key);
        std::vector<std::string> orderIds;
        std::vector<std::string> pairOrders;
        std::vector<std::string> pairSeats;
        for (const auto& order : orders) {
            orderIds.push_back(order.orderId);
            for (const auto& seat : order.seats) {
                pairOrders.push_back(order.orderId);
                pairSeats.push_back(seat);
            }
        }
        check.ordersSeen = static_cast<std::int64_t>(orderIds.size());
        check.orderSeatsSeen = static_cast<std::int64_t>(pairSeats.size());
        check.ordersFound = one("SELECT count(*) FROM orders WHERE event_id = $1 AND "
                                "lower(id::text) IN (SELECT lower(x) FROM unnest($2::text[]) AS x)",
                                key, textArray(orderIds));
        check.orderSeatsTicketed = one(
            "SELECT count(*) FROM unnest($2::text[], $3::text[]) AS seen(order_id, seat_id) "
            "JOIN tickets t ON lower(t.order_id::text) = lower(seen.order_id) AND t.seat_id = seen.seat_id "
            "WHERE t.event_id = $1 AND t.status <> 'refunded'",
            key, textArray(pairOrders), textArray(pairSeats));
        check.orphanRows = one("SELECT coalesce(sum(orphans), 0)::bigint FROM usher_orphan_rows()");
        check.ok = check.seatsSoldTwice == 0 && check.orphanRows == 0 &&
                   check.soldSeats == check.liveSeatTickets && check.soldWithoutTicket == 0 &&
                   check.ordersFound == check.ordersSeen && check.orderSeatsTicketed == check.orderSeatsSeen;
    } catch (const std::exception& exception) {
        check.error = exception.what();
    }
    return check;
}

} // namespace usher::tools::flash_sale
