#include "client-qt/seatmap/seat_painter.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

namespace usher::seatmap {

namespace {

const QColor kInk(40, 40, 48);
const QColor kSoldFill(96, 96, 104);
const QColor kHeldOthers(120, 120, 130);
const QColor kAllotted(128, 64, 160);
const QColor kSelection(0, 102, 204);

QPen pen(const QColor& color, double width) {
    QPen p(color, width);
    p.setJoinStyle(Qt::RoundJoin);
    p.setCapStyle(Qt::RoundCap);
    return p;
}

} // namespace

void paintSeat(QPainter& painter, QPointF c, double r, const SeatLook& look) {
    painter.save();
    const QRectF box(c.x() - r, c.y() - r, 2 * r, 2 * r);
    switch (look.state) {
    case SeatState::Available:
        painter.setPen(pen(look.category.darker(150), r * 0.12));
        painter.setBrush(look.category);
        painter.drawEllipse(box);
        break;
    case SeatState::HeldByMe: {
        painter.setPen(pen(kInk, r * 0.3));
        painter.setBrush(look.category);
        painter.drawEllipse(box.adjusted(r * 0.15, r * 0.15, -r * 0.15, -r * 0.15));
        QPainterPath tick;
        tick.moveTo(c.x() - r * 0.45, c.y());
        tick.lineTo(c.x() - r * 0.1, c.y() + r * 0.35);
        tick.lineTo(c.x() + r * 0.5, c.y() - r * 0.35);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(pen(Qt::white, r * 0.28));
        painter.drawPath(tick);
        break;
    }
    case SeatState::HeldByOthers:
        painter.setPen(pen(kHeldOthers, r * 0.2));
        painter.setBrush(QBrush(kHeldOthers, Qt::BDiagPattern));
        painter.drawEllipse(box.adjusted(r * 0.1, r * 0.1, -r * 0.1, -r * 0.1));
        break;
    case SeatState::Sold:
        painter.setPen(Qt::NoPen);
        painter.setBrush(kSoldFill);
        painter.drawEllipse(box);
        painter.setPen(pen(Qt::white, r * 0.2));
        painter.drawLine(QPointF(c.x() - r * 0.4, c.y() - r * 0.4),
                         QPointF(c.x() + r * 0.4, c.y() + r * 0.4));
        painter.drawLine(QPointF(c.x() - r * 0.4, c.y() + r * 0.4),
                         QPointF(c.x() + r * 0.4, c.y() - r * 0.4));
        break;
    case SeatState::Blocked:
        painter.setPen(Qt::NoPen);
        painter.setBrush(kInk);
        painter.drawRect(box.adjusted(r * 0.1, r * 0.1, -r * 0.1, -r * 0.1));
        painter.setPen(pen(Qt::white, r * 0.25));
        painter.drawLine(QPointF(c.x() - r * 0.5, c.y()), QPointF(c.x() + r * 0.5, c.y()));
        break;
    case SeatState::Allotted: {
        const QPolygonF diamond{QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
                                QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())};
        painter.setPen(pen(kAllotted, r * 0.2));
        painter.setBrush(kAllotted.lighter(160));
        painter.drawPolygon(diamond);
        break;
    }
    }
    if (look.selected) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(pen(kSelection, r * 0.3));
        painter.drawEllipse(box.adjusted(-r * 0.3, -r * 0.3, r * 0.3, r * 0.3));
    }
    if (look.cursor) {
        QPen dashed = pen(kInk, r * 0.15);
        dashed.setStyle(Qt::DashLine);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(dashed);
        painter.drawRect(box.adjusted(-r * 0.55, -r * 0.55, r * 0.55, r * 0.55));
    }
    painter.restore();
}

} // namespace usher::seatmap
