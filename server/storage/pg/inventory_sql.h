#pragma once

#include <string>

namespace usher::server::pg {

// SQL fragments of the inventory rules, written once for every statement that needs them.

// Invariant 3: a seat (of event_seats) is free when it is available or held by a hold whose time
// is up, whether or not the sweeper has run.
inline const std::string kSeatIsFree = "(state = 'available' OR (state = 'held' AND held_until < now()))";

// What a seat reads as: a held seat whose time is up is what it was before the hold.
inline const std::string kEffectiveSeatState =
    "CASE WHEN state = 'held' AND held_until < now() THEN "
    "CASE WHEN allotment IS NULL THEN 'available' ELSE 'allotted' END ELSE state END";

// Places a GA area (event_ga_areas aliased g) can still sell: only active, unexpired hold lines
// count, so readers see exact expiry before the next hold reclaims expired lines.
inline const std::string kGaAreaAvailable =
    "(g.capacity - g.sold - (SELECT coalesce(sum(l.quantity), 0) FROM hold_ga_lines l "
    "WHERE l.event_id = g.event_id AND l.area_id = g.area_id AND l.active AND l.expires_at >= now()))";

} // namespace usher::server::pg
