#include "client-qt/seatmap/seat_map_view.h"

#include <QAccessible>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace usher::seatmap {

namespace {

constexpr double kZoomStep = 1.25;
constexpr double kMinPixelsPerUnit = 0.005;
constexpr double kMaxPixelsPerUnit = 2.0; // a 50 cm seat 100 px wide

} // namespace

SeatMapView::SeatMapView(SeatMapModel& model, QWidget* parent)
    : QGraphicsView(parent), m_model(model), m_scene(model) {
    setScene(&m_scene);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAccessibleDescription(tr("Seat map. Arrow keys move between seats, Space selects."));
    connect(&m_model, &SeatMapModel::layoutReset, this, [this] {
        if (m_fitsNewLayouts) {
            m_fitted = true;
            fitToView();
        }
        updateAccessibleName();
    });
    connect(&m_model, &SeatMapModel::cursorMoved, this,
            [this](std::uint32_t, std::uint32_t to) { onCursorMoved(to); });
    connect(&m_model, &SeatMapModel::seatsChanged, this, &SeatMapView::updateAccessibleName);
    connect(&m_model, &SeatMapModel::selectionChanged, this, &SeatMapView::updateAccessibleName);
    if (m_model.hasLayout()) {
        updateAccessibleName();
    }
}

void SeatMapView::fitToView() {
    if (!m_model.hasLayout() || viewport()->width() <= 1) {
        return;
    }
    fitInView(m_scene.sceneRect(), Qt::KeepAspectRatio);
    m_fitted = true;
}

void SeatMapView::zoomBy(double factor) {
    const double target = std::clamp(scale() * factor, kMinPixelsPerUnit, kMaxPixelsPerUnit);
    const double applied = target / scale();
    QGraphicsView::scale(applied, applied);
    m_fitted = false; // the clerk chose a zoom: resizing keeps it
}

double SeatMapView::scale() const {
    return transform().m11();
}

Detail SeatMapView::detail() const {
    return detailFor(2 * m_scene.seatRadius() * scale());
}

void SeatMapView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0) {
        zoomBy(std::pow(kZoomStep, steps));
    }
    event->accept();
}

void SeatMapView::keyPressEvent(QKeyEvent* event) {
    if (!m_model.hasLayout()) {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        m_model.moveCursor(SeatMapModel::Direction::Left);
        break;
    case Qt::Key_Right:
        m_model.moveCursor(SeatMapModel::Direction::Right);
        break;
    case Qt::Key_Up:
        m_model.moveCursor(SeatMapModel::Direction::Forward);
        break;
    case Qt::Key_Down:
        m_model.moveCursor(SeatMapModel::Direction::Back);
        break;
    case Qt::Key_Space:
        m_model.toggle(m_model.cursor());
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(kZoomStep);
        break;
    case Qt::Key_Minus:
        zoomBy(1 / kZoomStep);
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        fitToView();
        break;
    case Qt::Key_Escape:
        m_model.clearSelection();
        break;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void SeatMapView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::MiddleButton) {
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && m_model.hasLayout()) {
        if (const auto seat = m_scene.seatAt(mapToScene(event->position().toPoint()))) {
            if (event->modifiers() & Qt::ShiftModifier) {
                m_model.extendTo(*seat);
            } else {
                m_model.toggle(*seat);
            }
            m_model.setCursor(*seat);
            event->accept();
            return;
        }
        // Empty floor: QGraphicsView draws the rubber band; its seats are taken on release.
        m_bandFrom = mapToScene(event->position().toPoint());
    }
    QGraphicsView::mousePressEvent(event);
}

void SeatMapView::mouseMoveEvent(QMouseEvent* event) {
    if (!m_panFrom.isNull()) {
        const QPoint now = event->position().toPoint();
        const QPoint delta = now - m_panFrom;
        m_panFrom = now;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        m_fitted = false;
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void SeatMapView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::MiddleButton && !m_panFrom.isNull()) {
        m_panFrom = QPoint();
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && m_bandFrom) {
        const QRectF band = QRectF(*m_bandFrom, mapToScene(event->position().toPoint())).normalized();
        m_bandFrom.reset();
        const std::vector<std::uint32_t> seats = m_scene.seatsIn(band);
        m_model.select(seats, false);
        if (!seats.empty()) {
            m_model.setCursor(seats.front());
        }
    }
}

bool SeatMapView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip && m_model.hasLayout()) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const auto seat = m_scene.seatAt(mapToScene(help->pos()))) {
            QToolTip::showText(help->globalPos(), m_model.tooltip(*seat), viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QGraphicsView::viewportEvent(event);
}

void SeatMapView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_fitted) {
        fitToView();
    }
}

void SeatMapView::onCursorMoved(std::uint32_t to) {
    // Keep the cursor seat in sight, with a little of its neighbourhood.
    ensureVisible(m_scene.seatRect(to), 40, 40);
    updateAccessibleName();
}

void SeatMapView::updateAccessibleName() {
    if (!m_model.hasLayout() || m_model.seatCount() == 0) {
        setAccessibleName(tr("Seat map"));
        return;
    }
    const QString name = m_model.describe(m_model.cursor());
    if (name == accessibleName()) {
        return;
    }
    setAccessibleName(name);
    QAccessibleEvent changed(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&changed);
}

} // namespace usher::seatmap
