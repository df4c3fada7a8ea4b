#include "client-qt/designer/select_tool.h"

#include "client-qt/designer/designer_view.h"
#include "common/layout/layout_patch.h"

#include <cmath>
#include <numbers>

namespace usher::designer {
namespace {

void merge(layout::Selection& into, const layout::Selection& more) {
    into.seats.insert(more.seats.begin(), more.seats.end());
    into.areas.insert(more.areas.begin(), more.areas.end());
    into.tables.insert(more.tables.begin(), more.tables.end());
    into.decorations.insert(more.decorations.begin(), more.decorations.end());
}

double angleOf(layout::Point from, layout::Point to) {
    return std::atan2(to.y - from.y, to.x - from.x) * 180 / std::numbers::pi;
}

} // namespace

bool SelectTool::isSelectedAt(layout::Point at) const {
    const layout::Selection& selection = document().selection();
    if (const auto seat = view().seatAt(at)) {
        return selection.seats.count(*seat) != 0;
    }
    if (const auto object = view().objectAt(at)) {
        return selection.areas.count(*object) != 0 || selection.decorations.count(*object) != 0 ||
               selection.tables.count(*object) != 0;
    }
    return false;
}

void SelectTool::press(const ToolEvent& event) {
    m_from = m_to = event.at;
    const layout::VenueLayout& venue = document().layout();
    if (event.modifiers & Qt::ControlModifier) {
        if (const auto seat = view().seatAt(event.at)) {
            layout::Selection selection = document().selection();
            if (selection.seats.erase(*seat) == 0) {
                selection.seats.insert(*seat);
            }
            document().setSelection(std::move(selection));
            m_mode = Mode::None;
            return;
        }
    }
    if (!isSelectedAt(event.at)) {
        const auto object = view().objectAt(event.at);
        if (!object) {
            m_mode = Mode::Band;
            return;
        }
        layout::Selection selection =
            (event.modifiers & Qt::ShiftModifier) ? document().selection() : layout::Selection{};
        merge(selection, layout::selectObject(venue, *object));
        document().setSelection(std::move(selection));
    }
    m_moving = document().selection();
    m_parts = layout::partsOf(venue, m_moving);
    m_startBox = layout::boundsOf(venue, m_moving);
    m_others = layout::otherObjectBoxes(venue, m_moving);
    m_pivot = m_startBox.centre();
    m_gesture = document().newGesture();
    m_mode = (event.modifiers & Qt::AltModifier) ? Mode::Turn : Mode::Move;
}

void SelectTool::move(const ToolEvent& event) {
    if (m_mode == Mode::None) {
        return;
    }
    m_to = event.at;
    if (m_mode == Mode::Move) {
        layout::Point delta = event.at - m_from;
        if (!(event.modifiers & Qt::ControlModifier)) {
            delta = layout::snapMove(m_startBox, delta, m_others, view().snapping());
        }
        document().edit(
            DesignerText::tr("Move"), m_parts,
            [&](layout::VenueLayout& venue) { layout::translate(venue, m_moving, delta); }, m_gesture);
    } else if (m_mode == Mode::Turn) {
        const double step = (event.modifiers & Qt::ShiftModifier) ? 1 : 5;
        const double degrees =
            std::round((angleOf(m_pivot, event.at) - angleOf(m_pivot, m_from)) / step) * step;
        document().edit(
            DesignerText::tr("Turn"), m_parts,
            [&](layout::VenueLayout& venue) { layout::rotate(venue, m_moving, m_pivot, degrees); },
            m_gesture);
    }
}

void SelectTool::release(const ToolEvent& event) {
    if (m_mode == Mode::Band) {
        m_to = event.at;
        layout::Selection selection =
            (event.modifiers & Qt::ShiftModifier) ? document().selection() : layout::Selection{};
        for (std::string& seat : view().seatsIn(m_from, m_to)) {
            selection.seats.insert(std::move(seat));
        }
        const double minX = std::min(m_from.x, m_to.x);
        const double maxX = std::max(m_from.x, m_to.x);
        const double minY = std::min(m_from.y, m_to.y);
        const double maxY = std::max(m_from.y, m_to.y);
        auto inside = [&](const std::vector<layout::Point>& points) {
            return !points.empty() && std::all_of(points.begin(), points.end(), [&](layout::Point p) {
                return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY;
            });
        };
        for (const layout::GaArea& area : document().layout().gaAreas) {
            if (inside(area.outline)) {
                selection.areas.insert(area.id);
            }
        }
        for (const layout::Decoration& decoration : document().layout().decorations) {
            if (inside(decoration.points)) {
                selection.decorations.insert(decoration.id);
            }
        }
        document().setSelection(std::move(selection));
    }
    m_mode = Mode::None;
}

void SelectTool::cancel() {
    m_mode = Mode::None;
}

QPainterPath SelectTool::preview() const {
    QPainterPath path;
    if (m_mode == Mode::Band) {
        path.addRect(QRectF(QPointF(m_from.x, m_from.y), QPointF(m_to.x, m_to.y)).normalized());
    }
    return path;
}

} // namespace usher::designer
