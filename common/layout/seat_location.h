#pragma once

#include "common/layout/venue_layout.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace usher::layout {

// Where a seat sits in the layout document: in a section's row or at a table. Lets code walk every
// seat once and still name it the way a person would find it in the JSON.
struct SeatLocation {
    enum class Kind : std::uint8_t { SectionRow, Table };

    Kind kind = Kind::SectionRow;
    std::uint32_t container = 0; // section or table index
    std::uint32_t row = 0;       // row index within the section; 0 for tables
    std::uint32_t seat = 0;      // seat index within the row or table

    bool operator==(const SeatLocation&) const = default;
};

// "sections[2].rows[5].seats[3]" or "tables[1].seats[4]"
std::string seatPath(const SeatLocation& location);

// The row label, or the table label, that the seat's number belongs to.
const std::string& rowLabelOf(const VenueLayout& layout, const SeatLocation& location);

std::size_t seatCount(const VenueLayout& layout);

// Visits every seat, sections first then tables, in document order: f(const Seat&, SeatLocation).
template <typename F>
void forEachSeat(const VenueLayout& layout, F&& f) {
    for (std::uint32_t s = 0; s < layout.sections.size(); ++s) {
        const Section& section = layout.sections[s];
        for (std::uint32_t r = 0; r < section.rows.size(); ++r) {
            const Row& row = section.rows[r];
            for (std::uint32_t i = 0; i < row.seats.size(); ++i) {
                f(row.seats[i], SeatLocation{SeatLocation::Kind::SectionRow, s, r, i});
            }
        }
    }
    for (std::uint32_t t = 0; t < layout.tables.size(); ++t) {
        const Table& table = layout.tables[t];
        for (std::uint32_t i = 0; i < table.seats.size(); ++i) {
            f(table.seats[i], SeatLocation{SeatLocation::Kind::Table, t, 0, i});
        }
    }
}

} // namespace usher::layout
