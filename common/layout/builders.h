#pragma once

#include "common/layout/geometry.h"
#include "common/layout/numbering.h"
#include "common/layout/venue_layout.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace usher::layout {

// Seat ids made by the builders: "<prefix>-<row label>-<number>", e.g. "S2-F-3", or "<table id>-<number>"
// at a table. They are created once; relabelling a row later changes labels, never ids.
std::string makeSeatId(std::string_view prefix, std::string_view rowLabel, std::string_view number);

// A row of seats at the given positions (left to right), numbered by `numbering`.
Row makeRow(std::string_view idPrefix, std::string label, std::span<const Point> positions,
            const SeatNumbering& numbering, std::string_view category);

// A block of rows: row r gets seatsPerRow[r] seats (the last count repeats when the list is shorter
// than the block) and the r-th label of `labeling`.
std::vector<Row> makeBlock(std::string_view idPrefix, const BlockShape& shape,
                           std::span<const int> seatsPerRow, const RowLabeling& labeling,
                           const SeatNumbering& numbering, std::string_view category);

Table makeRoundTable(std::string id, std::string label, Point center, double diameter, int seats,
                     std::string_view category);
Table makeRectangleTable(std::string id, std::string label, Point center, double width, double height,
                         int perLongSide, int perShortSide, std::string_view category);

} // namespace usher::layout
