#include "common/layout/synthetic_layout.h"

#include "common/layout/builders.h"
#include "common/layout/geometry.h"
#include "common/layout/numbering.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace usher::layout {
namespace {

constexpr double kPitch = 0.55;
constexpr double kRowStep = 0.9;
constexpr double kSectionGap = 4;

constexpr std::array<const char*, 8> kColors{"#b71c1c", "#1565c0", "#2e7d32", "#f9a825",
                                             "#6a1b9a", "#00838f", "#ef6c00", "#5d4037"};

} // namespace

VenueLayout syntheticLayout(std::size_t seatCount, const SyntheticOptions& options) {
    const int seatsPerRow = std::max(2, options.seatsPerRow);
    const int rowsPerSection = std::max(1, options.rowsPerSection);
    const int categoryCount = std::clamp(options.categories, 1, static_cast<int>(kColors.size()));
    // Mild curvature keeps neighbouring rows apart; extreme values would fold rows into each other.
    const double curvature = std::isfinite(options.curvature) ? std::clamp(options.curvature, -0.2, 0.2) : 0;

    VenueLayout layout;
    layout.id = "synthetic-" + std::to_string(seatCount);
    layout.name = "Synthetic venue (" + std::to_string(seatCount) + " seats)";
    layout.seatSize = 0.5;
    for (int c = 0; c < categoryCount; ++c) {
        const std::string n = std::to_string(c + 1);
        layout.categories.push_back({"c" + n, "Category " + n, kColors[static_cast<std::size_t>(c)]});
    }

    const auto perRow = static_cast<std::size_t>(seatsPerRow);
    const std::size_t perSection = perRow * static_cast<std::size_t>(rowsPerSection);
    const std::size_t sectionCount = (seatCount + perSection - 1) / perSection;
    auto columns = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(sectionCount))));
    columns = std::max<std::size_t>(columns, 1);

    const double chord = (seatsPerRow - 1) * kPitch;
    const double bulge = std::abs(curvature) * chord;
    const double cellWidth = chord + kSectionGap;
    const double cellHeight = (rowsPerSection - 1) * kRowStep + bulge + kSectionGap;
    const double gridWidth = static_cast<double>(columns) * cellWidth - kSectionGap;
    layout.focalPoint = {toMillimetres(gridWidth / 2), -6};
    layout.stage = {{toMillimetres(gridWidth / 2 - 10), -12},
                    {toMillimetres(gridWidth / 2 + 10), -12},
                    {toMillimetres(gridWidth / 2 + 10), -5},
                    {toMillimetres(gridWidth / 2 - 10), -5}};

    std::vector<int> rowSizes;
    std::size_t remaining = seatCount;
    for (std::size_t s = 0; s < sectionCount; ++s) {
        const std::size_t here = std::min(remaining, perSection);
        remaining -= here;
        const double left = static_cast<double>(s % columns) * cellWidth;
        // Positive curvature bulges away from the stage; negative needs its bulge room in front.
        const double top = static_cast<double>(s / columns) * cellHeight + (curvature < 0 ? bulge : 0);

        const std::string number = std::to_string(s + 1);
        Section section{"S" + number, "Block " + number, {}};
        const auto rows = static_cast<int>((here + perRow - 1) / perRow);
        const auto labels = rowLabels({0, "IO"}, rows);
        const BlockShape shape{{{left, top}, {left + chord, top}, curvature}, rows, {0, kRowStep}, 0};
        const auto lines = blockRows(shape);
        for (int r = 0; r < rows; ++r) {
            const std::size_t done = static_cast<std::size_t>(r) * perRow;
            const auto count = static_cast<int>(std::min(perRow, here - done));
            const std::string_view category =
                layout.categories[static_cast<std::size_t>(r * categoryCount / rowsPerSection)].id;
            // A short last row keeps the full rows' pitch: its seats are the first of a full row.
            auto positions = placeAlong(lines[static_cast<std::size_t>(r)], static_cast<int>(perRow));
            positions.resize(static_cast<std::size_t>(count));
            section.rows.push_back(
                makeRow(section.id, labels[static_cast<std::size_t>(r)], positions, {}, category));
            auto& seats = section.rows.back().seats;
            seats.front().aisle = true;
            seats.back().aisle = true;
        }
        // Accessible seating exercises the companion checks at scale, as a real venue would.
        auto& backRow = section.rows.back().seats;
        if (backRow.size() >= 4) {
            backRow[0].wheelchair = true;
            backRow[1].companionOf = backRow[0].id;
            backRow[backRow.size() - 1].wheelchair = true;
            backRow[backRow.size() - 2].companionOf = backRow[backRow.size() - 1].id;
        }
        layout.sections.push_back(std::move(section));
    }
    return layout;
}

} // namespace usher::layout
