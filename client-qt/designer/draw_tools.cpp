#include "client-qt/designer/draw_tools.h"

#include "client-qt/designer/designer_view.h"
#include "common/layout/builders.h"
#include "common/layout/editing.h"
#include "common/layout/geometry.h"
#include "common/layout/layout_patch.h"

#include <QKeyEvent>

#include <cmath>

namespace usher::designer {
namespace {

std::string categoryFor(const DesignerView& view) {
    const std::string current = view.currentCategory();
    const auto& categories = view.document().layout().categories;
    if (!current.empty() || categories.empty()) {
        return current;
    }
    return categories.front().id;
}

// "Section 3", "Table 4": the first free number for a new object's name and id.
std::string nextId(const layout::VenueLayout& venue, const std::string& base) {
    return layout::uniqueAreaId(venue, base);
}

layout::LayoutParts addingParts() {
    return layout::LayoutParts::everything();
}

double polygonArea(const std::vector<layout::Point>& points) {
    double twice = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const layout::Point a = points[i];
        const layout::Point b = points[(i + 1) % points.size()];
        twice += a.x * b.y - b.x * a.y;
    }
    return std::abs(twice) / 2;
}

layout::Decoration newDecoration(const layout::VenueLayout& venue, layout::DecorationKind kind,
                                 const std::string& base) {
    layout::Decoration decoration;
    decoration.id = layout::uniqueDecorationId(venue, base);
    decoration.kind = kind;
    return decoration;
}

} // namespace

// --- Row tool ---------------------------------------------------------------------------------------

void RowTool::press(const ToolEvent& event) {
    m_from = m_to = event.at;
}

void RowTool::move(const ToolEvent& event) {
    m_to = event.at;
}

std::pair<int, int> RowTool::fit() const {
    const double seatSize = document().layout().seatSize;
    const double width = std::abs(m_to.x - m_from->x);
    const double height = std::abs(m_to.y - m_from->y);
    return {1 + static_cast<int>(std::floor(height / kRowStep + 1e-9)),
            1 + static_cast<int>(std::floor(width / pitchFor(seatSize) + 1e-9))};
}

void RowTool::release(const ToolEvent& event) {
    if (!m_from) {
        return;
    }
    m_to = event.at;
    const auto [rows, seats] = fit();
    const layout::Point from = *m_from;
    m_from.reset();
    if (seats < 2 && rows < 2) {
        return; // a click, not a drag
    }
    const double pitch = pitchFor(document().layout().seatSize);
    const double left = std::min(from.x, m_to.x);
    const double top = std::min(from.y, m_to.y);
    const std::string category = categoryFor(view());
    std::string id;
    document().edit(DesignerText::tr("Add rows"), addingParts(), [&](layout::VenueLayout& venue) {
        id = nextId(venue, "section-" + std::to_string(venue.sections.size() + 1));
        layout::Section section{id, "Section " + std::to_string(venue.sections.size() + 1), {}};
        const layout::BlockShape shape{
            {{left, top}, {left + pitch * (seats - 1), top}, 0}, rows, {0, kRowStep}, 0};
        const std::vector<int> counts{seats};
        section.rows = layout::makeBlock(id, shape, counts, {0, "I"}, {}, category);
        venue.sections.push_back(std::move(section));
    });
    document().setSelection(layout::selectObject(document().layout(), id));
}

QPainterPath RowTool::preview() const {
    QPainterPath path;
    if (!m_from) {
        return path;
    }
    const auto [rows, seats] = fit();
    const double pitch = pitchFor(document().layout().seatSize);
    const double r = document().layout().seatSize * 0.4;
    const double left = std::min(m_from->x, m_to.x);
    const double top = std::min(m_from->y, m_to.y);
    // Dots for small blocks; an outline for big ones keeps the preview cheap.
    if (static_cast<long>(rows) * seats <= 4000) {
        for (int row = 0; row < rows; ++row) {
            for (int seat = 0; seat < seats; ++seat) {
                path.addEllipse(QPointF(left + seat * pitch, top + row * kRowStep), r, r);
            }
        }
    } else {
        path.addRect(QRectF(left, top, pitch * (seats - 1), kRowStep * (rows - 1)));
    }
    return path;
}

// --- Tables ------------------------------------------------------------------------------------------

void TableTool::press(const ToolEvent& event) {
    const int seats = view().tableSeats();
    const std::string category = categoryFor(view());
    std::string id;
    document().edit(DesignerText::tr("Add table"), addingParts(), [&](layout::VenueLayout& venue) {
        const std::string label = std::to_string(venue.tables.size() + 1);
        id = nextId(venue, "table-" + label);
        const layout::Point centre = layout::toMillimetres(event.at);
        if (m_shape == layout::TableShape::Round) {
            const double diameter = std::max(0.9, seats * 0.6 / 3.14159);
            venue.tables.push_back(layout::makeRoundTable(id, label, centre, diameter, seats, category));
        } else {
            const int perLong = std::max(1, seats / 2);
            venue.tables.push_back(layout::makeRectangleTable(id, label, centre, std::max(0.8, perLong * 0.6),
                                                              0.8, perLong, 0, category));
        }
    });
    document().setSelection(layout::selectObject(document().layout(), id));
}

// --- Points tools (GA area, line) --------------------------------------------------------------------

void PointsTool::press(const ToolEvent& event) {
    const layout::Point at = layout::toMillimetres(event.at);
    // A second press on the last point (a double click) finishes.
    if (!m_points.empty() && layout::distance(m_points.back(), at) <= view().pickRadius()) {
        finish();
        return;
    }
    m_points.push_back(at);
    m_pointer = at;
}

bool PointsTool::key(QKeyEvent* event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        finish();
        return true;
    }
    if (event->key() == Qt::Key_Backspace && !m_points.empty()) {
        m_points.pop_back();
        return true;
    }
    return false;
}

void PointsTool::finish() {
    const std::vector<layout::Point> points = std::move(m_points);
    m_points.clear();
    if (m_kind == Kind::StandingArea && points.size() >= 3) {
        const std::string category = categoryFor(view());
        std::string id;
        document().edit(
            DesignerText::tr("Add standing area"), addingParts(), [&](layout::VenueLayout& venue) {
                id = nextId(venue, "standing-" + std::to_string(venue.gaAreas.size() + 1));
                layout::GaArea area;
                area.id = id;
                area.name = "Standing " + std::to_string(venue.gaAreas.size() + 1);
                area.category = category;
                area.capacity =
                    std::max<std::int64_t>(1, static_cast<std::int64_t>(std::floor(polygonArea(points) * 2)));
                area.outline = points;
                venue.gaAreas.push_back(std::move(area));
            });
        document().setSelection(layout::selectObject(document().layout(), id));
    } else if (m_kind == Kind::Line && points.size() >= 2) {
        std::string id;
        document().edit(DesignerText::tr("Add line"), addingParts(), [&](layout::VenueLayout& venue) {
            layout::Decoration line = newDecoration(venue, layout::DecorationKind::Polyline, "line");
            line.points = points;
            id = line.id;
            venue.decorations.push_back(std::move(line));
        });
        document().setSelection(layout::selectObject(document().layout(), id));
    }
}

QPainterPath PointsTool::preview() const {
    QPainterPath path;
    if (m_points.empty()) {
        return path;
    }
    path.moveTo(m_points[0].x, m_points[0].y);
    for (std::size_t i = 1; i < m_points.size(); ++i) {
        path.lineTo(m_points[i].x, m_points[i].y);
    }
    path.lineTo(m_pointer.x, m_pointer.y);
    return path;
}

// --- Shapes, text, focal point -----------------------------------------------------------------------

void ShapeTool::release(const ToolEvent& event) {
    if (!m_from) {
        return;
    }
    const layout::Point a = layout::toMillimetres(*m_from);
    const layout::Point b = layout::toMillimetres(event.at);
    m_from.reset();
    if (std::abs(a.x - b.x) < 0.05 || std::abs(a.y - b.y) < 0.05) {
        return;
    }
    std::string id;
    document().edit(DesignerText::tr("Add shape"), addingParts(), [&](layout::VenueLayout& venue) {
        layout::Decoration shape =
            newDecoration(venue, m_kind, m_kind == layout::DecorationKind::Ellipse ? "ellipse" : "shape");
        if (m_kind == layout::DecorationKind::Ellipse) {
            shape.points = {layout::toMillimetres((a + b) * 0.5)};
            shape.radii =
                layout::toMillimetres(layout::Point{std::abs(a.x - b.x) / 2, std::abs(a.y - b.y) / 2});
        } else {
            shape.points = {a, {b.x, a.y}, b, {a.x, b.y}};
        }
        id = shape.id;
        venue.decorations.push_back(std::move(shape));
    });
    document().setSelection(layout::selectObject(document().layout(), id));
}

QPainterPath ShapeTool::preview() const {
    QPainterPath path;
    if (m_from) {
        const QRectF box = QRectF(QPointF(m_from->x, m_from->y), QPointF(m_to.x, m_to.y)).normalized();
        if (m_kind == layout::DecorationKind::Ellipse) {
            path.addEllipse(box);
        } else {
            path.addRect(box);
        }
    }
    return path;
}

void TextTool::press(const ToolEvent& event) {
    const QString text = view().askText ? view().askText().trimmed() : QString();
    if (text.isEmpty()) {
        return;
    }
    std::string id;
    document().edit(DesignerText::tr("Add text"), addingParts(), [&](layout::VenueLayout& venue) {
        layout::Decoration label = newDecoration(venue, layout::DecorationKind::Label, "text");
        label.points = {layout::toMillimetres(event.at)};
        label.text = text.toStdString();
        id = label.id;
        venue.decorations.push_back(std::move(label));
    });
    document().setSelection(layout::selectObject(document().layout(), id));
}

void FocalPointTool::press(const ToolEvent& event) {
    layout::LayoutParts parts;
    parts.properties = true;
    document().edit(DesignerText::tr("Move focal point"), parts,
                    [&](layout::VenueLayout& venue) { venue.focalPoint = layout::toMillimetres(event.at); });
}

// --- Paint -------------------------------------------------------------------------------------------

void PaintTool::press(const ToolEvent& event) {
    m_gesture = document().newGesture();
    m_painted.clear();
    paintAt(event);
}

void PaintTool::move(const ToolEvent& event) {
    if (m_gesture != 0) {
        paintAt(event);
    }
}

void PaintTool::paintAt(const ToolEvent& event) {
    const std::size_t before = m_painted.size();
    if (event.modifiers & Qt::ShiftModifier) {
        if (const auto object = view().objectAt(event.at)) {
            const layout::Selection whole = layout::selectObject(document().layout(), *object);
            m_painted.insert(m_painted.end(), whole.seats.begin(), whole.seats.end());
        }
    } else if (const auto seat = view().seatAt(event.at)) {
        m_painted.push_back(*seat);
    }
    if (m_painted.size() == before) {
        return;
    }
    layout::Selection stroke;
    stroke.seats.insert(m_painted.begin(), m_painted.end());
    // A stroke may cross sections: its undo step keeps every section and table.
    layout::LayoutParts parts;
    parts.sections.all = parts.tables.all = true;
    const std::string category = categoryFor(view());
    document().edit(
        DesignerText::tr("Paint category"), parts,
        [&](layout::VenueLayout& venue) { layout::setCategory(venue, stroke, category); }, m_gesture);
}

} // namespace usher::designer
