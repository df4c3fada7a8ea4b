#include "client-qt/designer/shape_tools.h"

#include "client-qt/designer/designer_view.h"
#include "common/layout/geometry.h"

#include <algorithm>
#include <cmath>

namespace usher::designer {
namespace {

double pitchOf(const layout::Row& row) {
    if (row.seats.size() < 2) {
        return 0;
    }
    double total = 0;
    for (std::size_t i = 0; i + 1 < row.seats.size(); ++i) {
        total += layout::distance(row.seats[i].position, row.seats[i + 1].position);
    }
    return total / static_cast<double>(row.seats.size() - 1);
}

double rowStepOf(const layout::Section& section) {
    if (section.rows.size() < 2 || section.rows[0].seats.empty() || section.rows[1].seats.empty()) {
        return 0.9;
    }
    std::vector<layout::Point> front;
    std::vector<layout::Point> second;
    for (const auto& seat : section.rows[0].seats) {
        front.push_back(seat.position);
    }
    for (const auto& seat : section.rows[1].seats) {
        second.push_back(seat.position);
    }
    return layout::distance(layout::centroid(front), layout::centroid(second));
}

} // namespace

Qt::CursorShape RowShapeTool::cursor() const {
    return m_shape == Shape::Bend      ? Qt::SizeVerCursor
           : m_shape == Shape::Stretch ? Qt::SizeHorCursor
                                       : Qt::SizeAllCursor;
}

void RowShapeTool::press(const ToolEvent& event) {
    m_rows = document().selection();
    if (m_rows.seats.empty()) {
        if (const auto object = view().objectAt(event.at)) {
            m_rows = layout::selectObject(document().layout(), *object);
            document().setSelection(m_rows);
        }
    }
    if (m_rows.seats.empty()) {
        return;
    }
    m_parts = layout::partsOf(document().layout(), m_rows);
    m_from = event.at;
    m_gesture = document().newGesture();
}

void RowShapeTool::move(const ToolEvent& event) {
    if (m_gesture == 0) {
        return;
    }
    const layout::Point drag = event.at - m_from;
    switch (m_shape) {
    case Shape::Bend: {
        // A metre of drag is a curvature of 0.05: a 20 m row bulges a metre.
        const double curvature = std::clamp(std::round(drag.y * 50) / 1000, -0.45, 0.45);
        document().edit(
            DesignerText::tr("Bend rows"), m_parts,
            [&](layout::VenueLayout& venue) {
                layout::forEachSelectedRow(venue, m_rows, [&](layout::Section&, layout::Row& row) {
                    layout::bendRow(row, curvature);
                });
            },
            m_gesture);
        break;
    }
    case Shape::Stretch: {
        const double pitch = document().layout().seatSize * 1.04;
        const int delta = static_cast<int>(std::round(drag.x / pitch));
        document().edit(
            DesignerText::tr("Stretch rows"), m_parts,
            [&](layout::VenueLayout& venue) {
                layout::forEachSelectedRow(venue, m_rows, [&](layout::Section& section, layout::Row& row) {
                    layout::stretchRow(venue, section, row, static_cast<int>(row.seats.size()) + delta);
                });
            },
            m_gesture);
        break;
    }
    case Shape::Spacing: {
        // A metre of drag changes the pitch by 10 cm in millimetre steps (over a 60-seat row a
        // centimetre would be 60 cm), and the row step by 20 cm in centimetre steps.
        const double pitchChange = std::round(drag.x * 100) / 1000;
        const double rowChange = std::round(drag.y * 20) / 100;
        const double minimum = document().layout().seatSize;
        document().edit(
            DesignerText::tr("Seat and row spacing"), m_parts,
            [&](layout::VenueLayout& venue) {
                layout::forEachSelectedRow(venue, m_rows, [&](layout::Section&, layout::Row& row) {
                    if (pitchChange != 0) {
                        layout::setSeatPitch(row, std::max(minimum, pitchOf(row) + pitchChange));
                    }
                });
                if (rowChange != 0) {
                    layout::forEachSelectedSection(venue, m_rows, [&](layout::Section& section) {
                        layout::setRowSpacing(section, std::max(minimum, rowStepOf(section) + rowChange));
                    });
                }
            },
            m_gesture);
        break;
    }
    }
}

} // namespace usher::designer
