#pragma once

#include "common/layout/venue_layout.h"

#include <cstddef>

namespace usher::layout {

struct SyntheticOptions {
    int seatsPerRow = 40;    // at least 2
    int rowsPerSection = 25; // at least 1
    int categories = 4;      // 1..8, in bands of rows from the front of each section
    double curvature = 0.05; // of every row; see RowLine
};

// A large layout for benchmarks and load tests: exactly `seatCount` seats in sections of curved rows
// laid out on a grid facing one stage (the last row of the last section may be short). Valid by
// construction: unique ids and labels, no overlaps, a wheelchair space with its companion seat at
// each end of every section's back row, aisle seats at row ends. Deterministic.
VenueLayout syntheticLayout(std::size_t seatCount, const SyntheticOptions& options = {});

} // namespace usher::layout
