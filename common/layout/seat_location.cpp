#include "common/layout/seat_location.h"

namespace usher::layout {

std::string seatPath(const SeatLocation& location) {
    if (location.kind == SeatLocation::Kind::Table) {
        return "tables[" + std::to_string(location.container) + "].seats[" + std::to_string(location.seat) +
               "]";
    }
    return "sections[" + std::to_string(location.container) + "].rows[" + std::to_string(location.row) +
           "].seats[" + std::to_string(location.seat) + "]";
}

const std::string& rowLabelOf(const VenueLayout& layout, const SeatLocation& location) {
    if (location.kind == SeatLocation::Kind::Table) {
        return layout.tables.at(location.container).label;
    }
    return layout.sections.at(location.container).rows.at(location.row).label;
}

std::size_t seatCount(const VenueLayout& layout) {
    std::size_t count = 0;
    for (const Section& section : layout.sections) {
        for (const Row& row : section.rows) {
            count += row.seats.size();
        }
    }
    for (const Table& table : layout.tables) {
        count += table.seats.size();
    }
    return count;
}

} // namespace usher::layout
