#pragma once

#include "common/layout/venue_layout.h"

#include <cstdint>
#include <map>
#include <string>

namespace usher::layout {

// What a layout can sell, as the designer shows it while the admin draws.
struct LayoutCounts {
    std::map<std::string, std::int64_t> seatsByCategory; // by category id; blocked seats not counted
    std::int64_t seats = 0;                              // sellable seats
    std::int64_t blockedSeats = 0;
    std::int64_t wheelchairSpaces = 0;
    std::int64_t companionSeats = 0;
    std::int64_t gaCapacity = 0;

    std::int64_t totalCapacity() const { return seats + gaCapacity; }
};

LayoutCounts countsOf(const VenueLayout& layout);

} // namespace usher::layout
