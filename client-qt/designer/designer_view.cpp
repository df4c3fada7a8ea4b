#include "client-qt/designer/designer_view.h"

#include "common/layout/editing.h"
#include "common/layout/layout_patch.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPolygonF>

#include <cmath>

namespace usher::designer {
namespace {

using seatmap::kUnitsPerMetre;
using seatmap::toScene;

QPolygonF polygonOf(const std::vector<layout::Point>& points) {
    QPolygonF polygon;
    for (const layout::Point& p : points) {
        polygon << toScene(p);
    }
    return polygon;
}

// A decoration's outline in scene units (labels: an estimate of the text's box).
QPainterPath pathOf(const layout::Decoration& decoration) {
    QPainterPath path;
    if (decoration.points.empty()) {
        return path;
    }
    const QPointF centre = toScene(decoration.points[0]);
    switch (decoration.kind) {
    case layout::DecorationKind::Polygon:
        path.addPolygon(polygonOf(decoration.points));
        path.closeSubpath();
        break;
    case layout::DecorationKind::Polyline:
        path.addPolygon(polygonOf(decoration.points));
        break;
    case layout::DecorationKind::Ellipse:
        path.addEllipse(centre, decoration.radii.x * kUnitsPerMetre, decoration.radii.y * kUnitsPerMetre);
        break;
    case layout::DecorationKind::Label: {
        const double height = decoration.size * kUnitsPerMetre;
        const double width =
            height * 0.6 * static_cast<double>(std::max<std::size_t>(1, decoration.text.size()));
        path.addRect(QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height));
        break;
    }
    }
    if (decoration.rotation != 0 && decoration.kind != layout::DecorationKind::Polygon &&
        decoration.kind != layout::DecorationKind::Polyline) {
        QTransform turn;
        turn.translate(centre.x(), centre.y());
        turn.rotate(decoration.rotation);
        turn.translate(-centre.x(), -centre.y());
        path = turn.map(path);
    }
    return path;
}

} // namespace

DesignerTool::DesignerTool(DesignerView& view) : m_view(view) {}

LayoutDocument& DesignerTool::document() const {
    return m_view.document();
}

DesignerView::DesignerView(LayoutDocument& document, seatmap::SeatMapModel& seats, QWidget* parent)
    : SeatMapView(seats, parent), m_document(document), m_seats(seats) {
    setDragMode(QGraphicsView::NoDrag);
    setFitsNewLayouts(false);          // edits rebuild the map; only an opened layout is fitted
    seatScene().setShowsCursor(false); // arrows nudge the selection here, not a seat cursor
    // A canvas two kilometres across: the plan never shifts under the pointer when an edit grows or
    // shrinks what is drawn, and there is always room to draw beside it.
    setSceneRect(QRectF(-100'000, -100'000, 200'000, 200'000));
    connect(&m_document, &LayoutDocument::replaced, this, &DesignerView::fitToView);
    setAccessibleName(tr("Layout plan"));
    connect(&m_document, &LayoutDocument::changed, this, &DesignerView::showLayout);
    connect(&m_document, &LayoutDocument::selectionChanged, this, &DesignerView::showSelection);
    showLayout(layout::LayoutParts::everything());
}

void DesignerView::setTool(DesignerTool* tool) {
    if (m_tool != nullptr && m_tool != tool) {
        m_tool->cancel();
    }
    m_tool = tool;
    m_toolPressed = false;
    viewport()->setCursor(m_tool != nullptr ? m_tool->cursor() : Qt::ArrowCursor);
    updatePreview();
}

void DesignerView::showLayout(const layout::LayoutParts& parts) {
    // Moving some sections (a drag, a nudge, an undo of one) only moves their seats on the map, and
    // decorations are drawn by this view from the document; anything else rebuilds the map.
    const bool sectionsOnly =
        !parts.properties && !parts.sections.all && !parts.tables.touched() && !parts.areas.touched();
    if (sectionsOnly && m_seats.moveSections(m_document.layout(), parts.sections.items)) {
        showSelection();
        return;
    }
    m_seats.setLayout(m_document.layout());
    std::vector<seatmap::SeatMapModel::Change> blocked;
    for (std::uint32_t i = 0; i < m_seats.seatCount(); ++i) {
        const auto location = m_seats.index().seat(i).location;
        const layout::Seat& seat =
            location.kind == layout::SeatLocation::Kind::Table
                ? m_document.layout().tables[location.container].seats[location.seat]
                : m_document.layout().sections[location.container].rows[location.row].seats[location.seat];
        if (seat.isBlocked()) {
            blocked.push_back({i, seatmap::SeatState::Blocked});
        }
    }
    m_seats.applyChanges(blocked);
    showSelection();
}

void DesignerView::showSelection() {
    std::vector<std::uint32_t> seats;
    for (const std::string& id : m_document.selection().seats) {
        if (const auto seat = m_seats.find(id)) {
            seats.push_back(*seat);
        }
    }
    std::sort(seats.begin(), seats.end());
    m_seats.select(seats, true);
    // Blocked seats cannot be selected on the sales map; the designer still marks them.
    viewport()->update();
}

std::optional<std::string> DesignerView::seatAt(layout::Point at) const {
    if (!m_seats.hasLayout()) {
        return std::nullopt;
    }
    const auto& scene = seatScene();
    if (const auto seat = scene.seatAt(toScene(at))) {
        return std::string(m_seats.index().seat(*seat).id);
    }
    return std::nullopt;
}

std::vector<std::string> DesignerView::seatsIn(layout::Point a, layout::Point b) const {
    std::vector<std::string> ids;
    if (!m_seats.hasLayout()) {
        return ids;
    }
    const auto& scene = seatScene();
    for (std::uint32_t seat : scene.seatsIn(QRectF(toScene(a), toScene(b)).normalized())) {
        ids.emplace_back(m_seats.index().seat(seat).id);
    }
    return ids;
}

std::optional<std::string> DesignerView::objectAt(layout::Point at) const {
    const layout::VenueLayout& venue = m_document.layout();
    if (m_seats.hasLayout()) {
        const auto& scene = seatScene();
        if (const auto seat = scene.seatAt(toScene(at))) {
            const auto location = m_seats.index().seat(*seat).location;
            return location.kind == layout::SeatLocation::Kind::Table ? venue.tables[location.container].id
                                                                      : venue.sections[location.container].id;
        }
    }
    const QPointF point = toScene(at);
    const double slack = pickRadius() * kUnitsPerMetre;
    for (auto it = venue.decorations.rbegin(); it != venue.decorations.rend(); ++it) {
        const QPainterPath path = pathOf(*it);
        QPainterPathStroker stroker;
        stroker.setWidth(2 * slack);
        if (path.contains(point) || stroker.createStroke(path).contains(point)) {
            return it->id;
        }
    }
    for (const layout::Table& table : venue.tables) {
        const QPointF centre = toScene(table.center);
        if (std::abs(point.x() - centre.x()) <= table.width * kUnitsPerMetre / 2 &&
            std::abs(point.y() - centre.y()) <= table.height * kUnitsPerMetre / 2) {
            return table.id;
        }
    }
    for (auto it = venue.gaAreas.rbegin(); it != venue.gaAreas.rend(); ++it) {
        if (polygonOf(it->outline).containsPoint(point, Qt::OddEvenFill)) {
            return it->id;
        }
    }
    return std::nullopt;
}

double DesignerView::pickRadius() const {
    return 6 / std::max(1e-9, scale() * kUnitsPerMetre);
}

void DesignerView::setBackground(QImage image, layout::Point topLeft, double metresWide) {
    m_background = std::move(image);
    m_backgroundLocked = false; // a new image is lined up first
    const double width = metresWide * kUnitsPerMetre;
    const double height = width * m_background.height() / std::max(1, m_background.width());
    setBackgroundRect(QRectF(toScene(topLeft), QSizeF(width, height)));
}

void DesignerView::setBackgroundRect(const QRectF& rect) {
    m_backgroundRect = rect;
    scene()->setSceneRect(scene()->sceneRect().united(m_backgroundRect));
    viewport()->update();
}

void DesignerView::setBackgroundOpacity(double opacity) {
    m_backgroundOpacity = std::clamp(opacity, 0.0, 1.0);
    viewport()->update();
}

void DesignerView::updatePreview() {
    viewport()->update();
}

ToolEvent DesignerView::toolEvent(const QMouseEvent* event) const {
    const QPointF scenePoint = mapToScene(event->position().toPoint());
    return {{scenePoint.x() / kUnitsPerMetre, scenePoint.y() / kUnitsPerMetre}, event->modifiers()};
}

void DesignerView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && m_tool != nullptr) {
        setFocus(Qt::MouseFocusReason);
        m_toolPressed = true;
        m_tool->press(toolEvent(event));
        updatePreview();
        event->accept();
        return;
    }
    if (event->button() == Qt::MiddleButton) {
        SeatMapView::mousePressEvent(event);
    }
}

void DesignerView::mouseMoveEvent(QMouseEvent* event) {
    if (m_tool != nullptr) {
        m_tool->move(toolEvent(event));
        updatePreview();
    }
    SeatMapView::mouseMoveEvent(event);
}

void DesignerView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && m_tool != nullptr && m_toolPressed) {
        m_toolPressed = false;
        m_tool->release(toolEvent(event));
        updatePreview();
        event->accept();
        return;
    }
    if (event->button() == Qt::MiddleButton) {
        SeatMapView::mouseReleaseEvent(event);
    }
}

void DesignerView::mouseDoubleClickEvent(QMouseEvent* event) {
    // A double click is a second press for the tools (it finishes a polygon).
    mousePressEvent(event);
}

void DesignerView::keyPressEvent(QKeyEvent* event) {
    if (m_tool != nullptr && m_tool->key(event)) {
        updatePreview();
        event->accept();
        return;
    }
    const double step = (event->modifiers() & Qt::ShiftModifier) ? 1.0 : 0.1;
    layout::Point nudge;
    switch (event->key()) {
    case Qt::Key_Left:
        nudge = {-step, 0};
        break;
    case Qt::Key_Right:
        nudge = {step, 0};
        break;
    case Qt::Key_Up:
        nudge = {0, -step};
        break;
    case Qt::Key_Down:
        nudge = {0, step};
        break;
    case Qt::Key_Escape:
        if (m_tool != nullptr) {
            m_tool->cancel();
        }
        m_document.setSelection({});
        updatePreview();
        event->accept();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Minus:
    case Qt::Key_0:
    case Qt::Key_Home:
        SeatMapView::keyPressEvent(event);
        return;
    default:
        event->ignore();
        return;
    }
    const layout::Selection selection = m_document.selection();
    m_document.edit(tr("Nudge"), layout::partsOf(m_document.layout(), selection),
                    [&](layout::VenueLayout& venue) { layout::translate(venue, selection, nudge); });
    event->accept();
}

void DesignerView::drawBackground(QPainter* painter, const QRectF& rect) {
    SeatMapView::drawBackground(painter, rect);
    if (!m_background.isNull()) {
        painter->save();
        painter->setOpacity(m_backgroundOpacity);
        painter->drawImage(m_backgroundRect, m_background);
        painter->restore();
    }
    for (const layout::Decoration& decoration : m_document.layout().decorations) {
        QColor colour(QString::fromStdString(decoration.color));
        if (!colour.isValid()) {
            colour = Qt::gray;
        }
        const QPainterPath path = pathOf(decoration);
        painter->save();
        if (decoration.kind == layout::DecorationKind::Polyline) {
            painter->setPen(QPen(colour, m_document.layout().seatSize * kUnitsPerMetre * 0.15));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(path);
        } else if (decoration.kind != layout::DecorationKind::Label) {
            QColor fill = colour;
            fill.setAlphaF(0.35f);
            painter->setPen(QPen(colour, 0));
            painter->setBrush(fill);
            painter->drawPath(path);
        }
        if (!decoration.text.empty() && !decoration.points.empty()) {
            const QPointF centre = decoration.kind == layout::DecorationKind::Polygon
                                       ? path.boundingRect().center()
                                       : toScene(decoration.points[0]);
            QFont font = painter->font();
            font.setPixelSize(std::max(1, static_cast<int>(decoration.size * kUnitsPerMetre)));
            painter->setFont(font);
            painter->setPen(colour.darker(140));
            painter->translate(centre);
            if (decoration.kind == layout::DecorationKind::Label) {
                painter->rotate(decoration.rotation);
            }
            painter->drawText(QRectF(-5000, -5000, 10000, 10000), Qt::AlignCenter,
                              QString::fromStdString(decoration.text));
        }
        painter->restore();
    }
}

void DesignerView::drawForeground(QPainter* painter, const QRectF& rect) {
    SeatMapView::drawForeground(painter, rect);
    const layout::VenueLayout& venue = m_document.layout();
    const double pixel = 1 / std::max(1e-9, scale());
    painter->save();
    // The focal point: where "best" is measured from.
    const QPointF focal = toScene(venue.focalPoint);
    painter->setPen(QPen(QColor(200, 40, 40), 2 * pixel));
    painter->drawLine(focal - QPointF(8 * pixel, 0), focal + QPointF(8 * pixel, 0));
    painter->drawLine(focal - QPointF(0, 8 * pixel), focal + QPointF(0, 8 * pixel));
    // Selected objects that are not seats: a dashed outline around each.
    const layout::Selection& selection = m_document.selection();
    QPen dashed(QColor(20, 110, 220), 2 * pixel, Qt::DashLine);
    painter->setPen(dashed);
    painter->setBrush(Qt::NoBrush);
    for (const layout::Decoration& decoration : venue.decorations) {
        if (selection.decorations.count(decoration.id) != 0) {
            painter->drawRect(
                pathOf(decoration).boundingRect().adjusted(-4 * pixel, -4 * pixel, 4 * pixel, 4 * pixel));
        }
    }
    for (const layout::GaArea& area : venue.gaAreas) {
        if (selection.areas.count(area.id) != 0) {
            painter->drawPolygon(polygonOf(area.outline));
        }
    }
    for (const layout::Table& table : venue.tables) {
        if (selection.tables.count(table.id) != 0) {
            const QSizeF size(table.width * kUnitsPerMetre, table.height * kUnitsPerMetre);
            painter->drawRect(QRectF(toScene(table.center) - QPointF(size.width(), size.height()) / 2, size));
        }
    }
    if (m_tool != nullptr) {
        const QPainterPath preview = m_tool->preview();
        if (!preview.isEmpty()) {
            QTransform toSceneUnits;
            toSceneUnits.scale(kUnitsPerMetre, kUnitsPerMetre);
            painter->setPen(QPen(QColor(20, 110, 220), 1.5 * pixel));
            painter->setBrush(QColor(20, 110, 220, 40));
            painter->drawPath(toSceneUnits.map(preview));
        }
    }
    painter->restore();
}

} // namespace usher::designer
