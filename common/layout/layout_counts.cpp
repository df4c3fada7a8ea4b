#include "common/layout/layout_counts.h"

#include "common/layout/seat_location.h"

namespace usher::layout {

LayoutCounts countsOf(const VenueLayout& layout) {
    LayoutCounts counts;
    forEachSeat(layout, [&](const Seat& seat, SeatLocation) {
        if (seat.isBlocked()) {
            ++counts.blockedSeats;
            return;
        }
        ++counts.seats;
        ++counts.seatsByCategory[seat.category];
        counts.wheelchairSpaces += seat.wheelchair ? 1 : 0;
        counts.companionSeats += seat.isCompanion() ? 1 : 0;
    });
    for (const GaArea& area : layout.gaAreas) {
        counts.gaCapacity += area.capacity;
    }
    return counts;
}

} // namespace usher::layout
