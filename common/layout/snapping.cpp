#include "common/layout/snapping.h"

#include <array>
#include <cmath>
#include <optional>

namespace usher::layout {
namespace {

// The correction that makes one of `lines` (min, centre, max of the moved box) meet one of a
// neighbour's, the smallest within tolerance.
std::optional<double> stickTo(const std::array<double, 3>& lines, std::span<const Box> others, bool xAxis,
                              double tolerance) {
    std::optional<double> best;
    for (const Box& other : others) {
        const double c = xAxis ? other.centre().x : other.centre().y;
        const std::array<double, 3> targets{xAxis ? other.min.x : other.min.y, c,
                                            xAxis ? other.max.x : other.max.y};
        for (double line : lines) {
            for (double target : targets) {
                const double correction = target - line;
                if (std::abs(correction) <= tolerance && (!best || std::abs(correction) < std::abs(*best))) {
                    best = correction;
                }
            }
        }
    }
    return best;
}

double onGrid(double value, double grid) {
    return grid > 0 ? std::round(value / grid) * grid : value;
}

} // namespace

Point snapMove(const Box& moving, Point delta, std::span<const Box> others, const SnapSettings& settings) {
    const Box moved{{moving.min.x + delta.x, moving.min.y + delta.y},
                    {moving.max.x + delta.x, moving.max.y + delta.y}};
    const Point centre = moved.centre();
    Point snapped = delta;
    std::optional<double> dx;
    std::optional<double> dy;
    if (settings.toObjects) {
        dx = stickTo({moved.min.x, centre.x, moved.max.x}, others, true, settings.tolerance);
        dy = stickTo({moved.min.y, centre.y, moved.max.y}, others, false, settings.tolerance);
    }
    snapped.x += dx ? *dx : onGrid(moved.min.x, settings.grid) - moved.min.x;
    snapped.y += dy ? *dy : onGrid(moved.min.y, settings.grid) - moved.min.y;
    return snapped;
}

} // namespace usher::layout
