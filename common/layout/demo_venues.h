#pragma once

#include "common/layout/venue_layout.h"

namespace usher::layout {

// The demo venues shipped in resources/venues/. These recipes are the source; the JSON files are
// generated from them by `usher-layout demo`, and a test fails when the two drift apart.

// A 1,100-seat proscenium theatre: curved stalls split by a centre aisle (odd numbers house right,
// even house left, counting out from the aisle, no row I), a dress circle drawn behind the stalls,
// four boxes, wheelchair spaces with companion seats, restricted-view circle ends, a standing area
// for 100 and three price categories.
VenueLayout grandTheatre();

// An 18,000-seat end-stage arena: 14 lower-tier and 16 upper-tier sections of curved rows around the
// stage, a standing floor for 2,500, wheelchair platforms with companion seats, four price categories.
VenueLayout cityArena();

} // namespace usher::layout
