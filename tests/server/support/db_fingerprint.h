#pragma once

#include "tests/server/support/sql_checks.h"

#include <string>

namespace usher::testing {

// A digest of everything an API request can change (users, holds, orders, tickets, refunds,
// payments, shifts, reissued codes, idempotency keys, seat and GA state, the change log, and what
// admins change: venues, layout versions, event revisions, blocks, allotments, accounts), for "a rejected
// request changed nothing" checks. Sign-in throttling and refresh tokens are left out on purpose.
inline std::string databaseFingerprint(const std::string& url) {
    return queryOne(
        url,
        "SELECT concat_ws(' / ', "
        "(SELECT count(*) FROM users), "
        "(SELECT md5(coalesce(string_agg(id::text || state || expires_at::text || extend_count, ',' "
        "ORDER BY id), '')) FROM holds), "
        "(SELECT count(*) FROM hold_seats), "
        "(SELECT md5(coalesce(string_agg(hold_id::text || area_id || quantity || active, ',' "
        "ORDER BY hold_id, area_id), '')) FROM hold_ga_lines), "
        "(SELECT md5(coalesce(string_agg(id::text || status, ',' ORDER BY id), '')) FROM orders), "
        "(SELECT md5(coalesce(string_agg(id::text || status || code, ',' ORDER BY id), '')) FROM tickets), "
        "(SELECT md5(coalesce(string_agg(id::text || coalesce(counted_cash, -1), ',' ORDER BY id), '')) "
        "FROM shifts), (SELECT count(*) FROM voided_ticket_codes), "
        "(SELECT count(*) FROM refunds), (SELECT count(*) FROM payments), "
        "(SELECT coalesce(sum(last_seq), 0) FROM events), (SELECT count(*) FROM inventory_changes), "
        "(SELECT md5(coalesce(string_agg(event_id || seat_id || state, ',' ORDER BY event_id, seat_id), "
        "'')) FROM event_seats WHERE state <> 'available'), "
        "(SELECT coalesce(sum(held * 1000 + sold), 0) FROM event_ga_areas), "
        "(SELECT count(*) FROM idempotency_keys), (SELECT count(*) FROM events), "
        "(SELECT md5(coalesce(string_agg(id || ':' || revision || name, ',' ORDER BY id), '')) FROM venues), "
        "(SELECT count(*) FROM venue_layouts), "
        "(SELECT md5(coalesce(string_agg(id::text || ':' || revision || status, ',' ORDER BY id), '')) FROM "
        "events), "
        "(SELECT md5(coalesce(string_agg(id::text || coalesce(released_at::text, '-'), ',' ORDER BY id), "
        "'')) "
        "FROM seat_blocks), "
        "(SELECT md5(coalesce(string_agg(id::text || coalesce(released_at::text, '-'), ',' ORDER BY id), "
        "'')) "
        "FROM allotments), (SELECT coalesce(sum(capacity), 0) FROM event_ga_areas), "
        "(SELECT md5(coalesce(string_agg(id || role || disabled || name, ',' ORDER BY id), '')) FROM "
        "users))");
}

} // namespace usher::testing
