#include "client-qt/seatmap/seat_painter.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cmath>

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

const QPixmap& SeatSprites::sprite(const SeatLook& look, double radius, qreal devicePixelRatio) {
    // Sizes in quarter pixels: zooming smoothly makes many, so the cache is emptied when it grows.
    const auto quarters = static_cast<quint64>(std::lround(radius * 4));
    const auto ratio = static_cast<quint64>(std::lround(devicePixelRatio * 4));
    const quint64 key = static_cast<quint64>(look.state) | (quint64{look.selected} << 3) |
                        (quint64{look.cursor} << 4) | (quint64{look.category.rgb() & 0xffffffu} << 5) |
                        (quarters << 29) | (ratio << 45);
    if (const auto found = m_cache.constFind(key); found != m_cache.cend()) {
        return *found;
    }
    if (m_cache.size() > 4096) {
        m_cache.clear();
    }
    const double r = static_cast<double>(quarters) / 4.0;
    const int side = static_cast<int>(std::ceil(2 * r * 1.7)) + 2;
    QPixmap pixmap(QSize(side, side) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    paintSeat(painter, QPointF(side / 2.0, side / 2.0), r, look);
    painter.end();
    return *m_cache.insert(key, pixmap);
}

const QStaticText& SeatSprites::number(const std::string& text, int pixelSize) {
    if (pixelSize != m_numbersPixelSize) {
        m_numbers.clear();
        m_numbersPixelSize = pixelSize;
    }
    auto found = m_numbers.find(text);
    if (found == m_numbers.end()) {
        QStaticText laidOut(QString::fromStdString(text));
        laidOut.setPerformanceHint(QStaticText::AggressiveCaching);
        found = m_numbers.emplace(text, std::move(laidOut)).first;
    }
    return found->second;
}

} // namespace usher::seatmap
