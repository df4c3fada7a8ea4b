#include "common/layout/layout_patch.h"

#include <algorithm>

namespace usher::layout {
namespace {

template <typename T>
LayoutPatch::Slice<T> capture(const std::vector<T>& list, const LayoutParts::Part& part) {
    LayoutPatch::Slice<T> slice{part, {}};
    if (part.all) {
        slice.values = list;
    } else {
        slice.values.reserve(part.items.size());
        for (std::size_t i : part.items) {
            slice.values.push_back(list.at(i));
        }
    }
    return slice;
}

template <typename T>
void restore(std::vector<T>& list, const LayoutPatch::Slice<T>& slice) {
    if (slice.part.all) {
        list = slice.values;
        return;
    }
    for (std::size_t k = 0; k < slice.part.items.size(); ++k) {
        list.at(slice.part.items[k]) = slice.values[k];
    }
}

template <typename T, typename Touched>
LayoutParts::Part indicesWhere(const std::vector<T>& list, Touched&& touched) {
    LayoutParts::Part part;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (touched(list[i])) {
            part.items.push_back(i);
        }
    }
    return part;
}

} // namespace

LayoutParts LayoutParts::everything() {
    LayoutParts parts;
    parts.properties = true;
    parts.sections.all = parts.tables.all = parts.areas.all = parts.decorations.all = true;
    return parts;
}

LayoutParts partsOf(const VenueLayout& layout, const Selection& selection) {
    LayoutParts parts;
    parts.sections = indicesWhere(layout.sections, [&](const Section& section) {
        return std::any_of(section.rows.begin(), section.rows.end(),
                           [&](const Row& row) { return anySelected(row.seats, selection); });
    });
    parts.tables = indicesWhere(layout.tables, [&](const Table& table) {
        return selection.tables.count(table.id) != 0 || anySelected(table.seats, selection);
    });
    parts.areas =
        indicesWhere(layout.gaAreas, [&](const GaArea& area) { return selection.areas.count(area.id) != 0; });
    parts.decorations = indicesWhere(layout.decorations, [&](const Decoration& decoration) {
        return selection.decorations.count(decoration.id) != 0;
    });
    return parts;
}

LayoutPatch::LayoutPatch(const VenueLayout& layout, const LayoutParts& parts)
    : m_sections(capture(layout.sections, parts.sections)), m_tables(capture(layout.tables, parts.tables)),
      m_areas(capture(layout.gaAreas, parts.areas)),
      m_decorations(capture(layout.decorations, parts.decorations)) {
    if (parts.properties) {
        m_properties = Properties{layout.id,         layout.name,  layout.seatSize,
                                  layout.focalPoint, layout.stage, layout.categories};
    }
}

LayoutParts LayoutPatch::parts() const {
    LayoutParts parts;
    parts.properties = m_properties.has_value();
    parts.sections = m_sections.part;
    parts.tables = m_tables.part;
    parts.areas = m_areas.part;
    parts.decorations = m_decorations.part;
    return parts;
}

void LayoutPatch::applyTo(VenueLayout& layout) const {
    if (m_properties) {
        layout.id = m_properties->id;
        layout.name = m_properties->name;
        layout.seatSize = m_properties->seatSize;
        layout.focalPoint = m_properties->focalPoint;
        layout.stage = m_properties->stage;
        layout.categories = m_properties->categories;
    }
    restore(layout.sections, m_sections);
    restore(layout.tables, m_tables);
    restore(layout.gaAreas, m_areas);
    restore(layout.decorations, m_decorations);
}

} // namespace usher::layout
