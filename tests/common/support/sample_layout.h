#pragma once

#include "common/layout/builders.h"
#include "common/layout/venue_layout.h"

#include <array>
#include <utility>
#include <vector>

namespace usher::testing {

// A hall with no seats yet: stage focal point at the origin, half-metre seats, these categories.
inline layout::VenueLayout emptyVenue(std::vector<layout::PriceCategory> categories) {
    layout::VenueLayout venue;
    venue.id = "hall";
    venue.name = "Hall";
    venue.seatSize = 0.5;
    venue.focalPoint = {0, 0};
    venue.categories = std::move(categories);
    return venue;
}

// A straight section of `rows` rows facing a stage at the origin, seats 0.5 m apart, rows 0.9 m
// apart, the first row `firstRowY` metres away. Seat ids are "<section>-<row>-<number>", numbered
// from 1 at the left.
inline layout::Section straightSection(const char* id, int rows, int seatsPerRow, double firstRowY,
                                       const char* category = "std") {
    using namespace usher::layout;
    const double half = (seatsPerRow - 1) * 0.5 / 2;
    const BlockShape shape{{{-half, firstRowY}, {half, firstRowY}, 0}, rows, {0, 0.9}, 0};
    const std::array counts{seatsPerRow};
    return Section{id, id, makeBlock(id, shape, counts, {}, {}, category)};
}

// A small valid venue with one of everything: a curved stalls block, a wheelchair space with its
// companion, a restricted-view seat, a standing area and a cabaret table.
inline layout::VenueLayout sampleLayout() {
    using namespace usher::layout;
    VenueLayout venue;
    venue.id = "sample-hall";
    venue.name = "Sample Hall";
    venue.seatSize = 0.5;
    venue.focalPoint = {0, 0};
    venue.stage = {{-5, -2}, {5, -2}, {5, 0}, {-5, 0}};
    venue.categories = {{"A", "Category A", "#c0392b"}, {"B", "Category B", "#2980b9"}};

    Section stalls{"stalls", "Stalls", {}};
    const int counts[] = {8};
    stalls.rows = makeBlock("stalls", {{{-2, 3}, {2, 3}, 0.05}, 3, {0, 1}, 0}, counts, {}, {}, "A");
    stalls.rows[0].seats.front().aisle = true;
    stalls.rows[2].seats[0].wheelchair = true;
    stalls.rows[2].seats[1].companionOf = stalls.rows[2].seats[0].id;
    stalls.rows[2].seats.back().restrictedView = true;
    venue.sections.push_back(std::move(stalls));

    venue.gaAreas.push_back({"standing", "Standing", "B", 120, {{-6, 8}, {6, 8}, {6, 12}, {-6, 12}}});
    venue.tables.push_back(makeRoundTable("T1", "1", {8, 4}, 1.2, 6, "B"));
    return venue;
}

} // namespace usher::testing
