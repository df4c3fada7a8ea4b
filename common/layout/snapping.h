#pragma once

#include "common/layout/venue_layout.h"

#include <span>

namespace usher::layout {

// An axis-aligned box on the plan.
struct Box {
    Point min;
    Point max;

    Point centre() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
};

struct SnapSettings {
    double grid = 0.25;     // metres; 0 turns grid snapping off
    double tolerance = 0.3; // metres: how close an edge must come to another object's to stick
    bool toObjects = true;
};

// The move to make when the admin drags `moving` by `delta`: an edge or centre line of the moved box
// that comes within tolerance of one of `others`' sticks to it (per axis); otherwise the box's
// corner lands on the grid.
Point snapMove(const Box& moving, Point delta, std::span<const Box> others, const SnapSettings& settings);

} // namespace usher::layout
