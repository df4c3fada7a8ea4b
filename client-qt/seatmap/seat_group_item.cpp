#include "client-qt/seatmap/seat_group_item.h"

#include "client-qt/seatmap/seat_map_scene.h"
#include "client-qt/seatmap/seat_painter.h"

#include <QCoreApplication>
#include <QFont>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace usher::seatmap {

namespace {

double cross(QPointF o, QPointF a, QPointF b) {
    return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
}

// Andrew's monotone chain.
QPolygonF convexHull(std::vector<QPointF> points) {
    std::sort(points.begin(), points.end(),
              [](QPointF a, QPointF b) { return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y()); });
    if (points.size() < 3) {
        return QPolygonF(QList<QPointF>(points.begin(), points.end()));
    }
    std::vector<QPointF> hull(2 * points.size());
    std::size_t k = 0;
    for (const QPointF& p : points) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) {
            --k;
        }
        hull[k++] = p;
    }
    for (std::size_t i = points.size() - 1, lower = k + 1; i > 0; --i) {
        const QPointF& p = points[i - 1];
        while (k >= lower && cross(hull[k - 2], hull[k - 1], p) <= 0) {
            --k;
        }
        hull[k++] = p;
    }
    hull.resize(k - 1);
    return QPolygonF(QList<QPointF>(hull.begin(), hull.end()));
}

} // namespace

SeatGroupItem::SeatGroupItem(const SeatMapModel& model, SeatSprites& sprites, std::uint32_t first,
                             std::uint32_t end, QString name)
    : m_model(model), m_sprites(sprites), m_first(first), m_end(end), m_name(std::move(name)) {
    m_radius = model.index().seatSize() * kUnitsPerMetre / 2.0;
    setFlag(ItemUsesExtendedStyleOption);
    seatsMoved();
}

void SeatGroupItem::seatsMoved() {
    QRectF centres;
    for (std::uint32_t seat = m_first; seat < m_end; ++seat) {
        const QPointF c = toScene(m_model.index().seat(seat).position);
        centres = seat == m_first ? QRectF(c, QSizeF()) : centres.united(QRectF(c, QSizeF()));
    }
    // Each seat's footprint, and room for the selection ring and the cursor's frame around it.
    prepareGeometryChange();
    m_bounds = centres.adjusted(-2 * m_radius, -2 * m_radius, 2 * m_radius, 2 * m_radius);
    m_block.clear();
}

const QPolygonF& SeatGroupItem::block() const {
    if (m_block.isEmpty()) {
        // The hull of the seats' footprints: the hull of their centres with each corner's square.
        std::vector<QPointF> centres;
        centres.reserve(m_end - m_first);
        for (std::uint32_t seat = m_first; seat < m_end; ++seat) {
            centres.push_back(toScene(m_model.index().seat(seat).position));
        }
        std::vector<QPointF> corners;
        for (const QPointF& c : convexHull(std::move(centres))) {
            corners.insert(corners.end(),
                           {c + QPointF(-m_radius, -m_radius), c + QPointF(m_radius, -m_radius),
                            c + QPointF(-m_radius, m_radius), c + QPointF(m_radius, m_radius)});
        }
        m_block = convexHull(std::move(corners));
    }
    return m_block;
}

void SeatGroupItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const double pixelsPerUnit = option->levelOfDetailFromTransform(painter->worldTransform());
    const Detail detail = detailFor(2 * m_radius * pixelsPerUnit);
    if (detail == Detail::Blocks) {
        paintBlock(*painter);
        return;
    }
    const QRectF exposed =
        option->exposedRect.adjusted(-2 * m_radius, -2 * m_radius, 2 * m_radius, 2 * m_radius);
    // Seats are blits of ready drawings placed in device pixels; numbers are laid out once per size.
    const QTransform toDevice = painter->worldTransform();
    const double radius = m_radius * pixelsPerUnit;
    const qreal ratio = painter->device()->devicePixelRatioF();
    const bool numbers = detail == Detail::SeatsWithNumbers;
    painter->save();
    painter->resetTransform();
    QFont font = painter->font();
    const int pixelSize = std::max(1, static_cast<int>(radius * 0.9));
    font.setPixelSize(pixelSize);
    painter->setFont(font);
    for (std::uint32_t seat = m_first; seat < m_end; ++seat) {
        const QPointF c = toScene(m_model.index().seat(seat).position);
        if (!exposed.contains(c)) {
            continue;
        }
        const SeatLook look = lookOf(seat);
        const QPixmap& sprite = m_sprites.sprite(look, radius, ratio);
        const QPointF centre = toDevice.map(c);
        const double half = sprite.width() / ratio / 2.0;
        painter->drawPixmap(centre - QPointF(half, half), sprite);
        if (numbers && look.state == SeatState::Available) {
            const QStaticText& number = m_sprites.number(m_model.seatNumberText(seat), pixelSize);
            painter->setPen(look.category.lightnessF() > 0.6f ? Qt::black : Qt::white);
            const QSizeF size = number.size();
            painter->drawStaticText(centre - QPointF(size.width() / 2, size.height() / 2), number);
        }
    }
    painter->restore();
}

SeatLook SeatGroupItem::lookOf(std::uint32_t seat) const {
    return {m_model.state(seat), m_model.categoryColor(seat), m_model.isSelected(seat),
            m_model.cursor() == seat && static_cast<const SeatMapScene*>(scene())->showsCursor()};
}

void SeatGroupItem::paintBlock(QPainter& painter) const {
    std::uint32_t available = 0;
    for (std::uint32_t seat = m_first; seat < m_end; ++seat) {
        available += m_model.state(seat) == SeatState::Available ? 1U : 0U;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    QPen outline(QColor(60, 60, 70));
    outline.setCosmetic(true);
    painter.setPen(outline);
    // A sold-out block is grey and cross-hatched; one with free seats takes its first seat's colour.
    const QColor fill = available == 0 ? QColor(150, 150, 156) : m_model.categoryColor(m_first).lighter(115);
    painter.setBrush(available == 0 ? QBrush(fill, Qt::DiagCrossPattern) : QBrush(fill));
    painter.drawPolygon(block());
    // The name and the free seats, at a constant size on screen.
    const QRectF box = block().boundingRect();
    const QTransform toDevice = painter.worldTransform();
    const QRectF onScreen = toDevice.mapRect(box);
    if (onScreen.width() < 40 || onScreen.height() < 16) {
        return;
    }
    painter.save();
    painter.resetTransform();
    QFont font = painter.font();
    font.setPixelSize(11);
    painter.setFont(font);
    painter.setPen(available > 0 && fill.lightnessF() < 0.55f ? Qt::white : Qt::black);
    painter.drawText(onScreen, Qt::AlignCenter | Qt::TextWordWrap,
                     QCoreApplication::translate("usher::seatmap", "%1\n%2 free").arg(m_name).arg(available));
    painter.restore();
}

} // namespace usher::seatmap
