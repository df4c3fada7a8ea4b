#pragma once

#include "common/layout/editing.h"
#include "common/layout/venue_layout.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace usher::layout {

// The parts of a layout an edit may change. An edit that adds or removes objects of a kind takes
// the whole list of that kind (`all`); one that only changes some names them, so an undo step for
// dragging one section of a stadium keeps that section, not the stadium.
struct LayoutParts {
    struct Part {
        bool all = false;
        std::vector<std::size_t> items; // indices, when not all

        bool touched() const { return all || !items.empty(); }
        bool operator==(const Part&) const = default;
    };
    bool properties = false; // name, seat size, focal point, stage, price categories
    Part sections;
    Part tables;
    Part areas;
    Part decorations;

    static LayoutParts everything();
};

// The parts touched by an edit of `selection` that keeps the number of objects: the sections and
// tables holding selected seats, and the selected tables, areas and decorations.
LayoutParts partsOf(const VenueLayout& layout, const Selection& selection);

// The content of some parts at one moment: one side of an undo step.
class LayoutPatch {
public:
    LayoutPatch() = default;
    LayoutPatch(const VenueLayout& layout, const LayoutParts& parts);

    // Puts the parts back as they were captured.
    void applyTo(VenueLayout& layout) const;
    // The parts it holds.
    LayoutParts parts() const;
    bool operator==(const LayoutPatch&) const = default;

    template <typename T>
    struct Slice {
        LayoutParts::Part part;
        std::vector<T> values; // the whole list, or the listed items in order

        bool operator==(const Slice&) const = default;
    };
    // Everything but the object lists.
    struct Properties {
        std::string id;
        std::string name;
        double seatSize = 0;
        Point focalPoint;
        std::vector<Point> stage;
        std::vector<PriceCategory> categories;

        bool operator==(const Properties&) const = default;
    };

private:
    std::optional<Properties> m_properties;
    Slice<Section> m_sections;
    Slice<Table> m_tables;
    Slice<GaArea> m_areas;
    Slice<Decoration> m_decorations;
};

} // namespace usher::layout
