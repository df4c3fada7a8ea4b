#include "client-qt/seatmap/seat_map_scene.h"

#include "client-qt/seatmap/seat_group_item.h"

#include <QBrush>
#include <QFont>
#include <QGraphicsPolygonItem>
#include <QGraphicsSimpleTextItem>
#include <QPen>

#include <cmath>

namespace usher::seatmap {

namespace {

QPolygonF polygonOf(const std::vector<layout::Point>& points) {
    QPolygonF polygon;
    for (const layout::Point& p : points) {
        polygon << toScene(p);
    }
    return polygon;
}

// A name on the plan at a constant size on screen, readable at every zoom.
void addLabel(QGraphicsScene& scene, const QString& text, QPointF centre) {
    auto* label = scene.addSimpleText(text);
    QFont font = label->font();
    font.setPixelSize(12);
    label->setFont(font);
    label->setFlag(QGraphicsItem::ItemIgnoresTransformations);
    const QRectF box = label->boundingRect();
    label->setPos(centre);
    label->setTransform(QTransform::fromTranslate(-box.width() / 2, -box.height() / 2));
    label->setZValue(1);
}

} // namespace

Detail detailFor(double seatDiameterInPixels) {
    if (seatDiameterInPixels < 6.0) {
        return Detail::Blocks;
    }
    return seatDiameterInPixels < 22.0 ? Detail::Seats : Detail::SeatsWithNumbers;
}

SeatMapScene::SeatMapScene(SeatMapModel& model, QObject* parent) : QGraphicsScene(parent), m_model(model) {
    setBackgroundBrush(QColor(248, 248, 245));
    connect(&m_model, &SeatMapModel::layoutReset, this, &SeatMapScene::rebuild);
    connect(&m_model, &SeatMapModel::seatsMoved, this, &SeatMapScene::move);
    connect(&m_model, &SeatMapModel::seatsChanged, this, &SeatMapScene::refresh);
    connect(&m_model, &SeatMapModel::selectionChanged, this, &SeatMapScene::refresh);
    connect(&m_model, &SeatMapModel::cursorMoved, this, [this](std::uint32_t from, std::uint32_t to) {
        refresh({from, to});
    });
    if (m_model.hasLayout()) {
        rebuild();
    }
}

void SeatMapScene::rebuild() {
    clear();
    m_groups.clear();
    m_groupOfSeat.assign(m_model.seatCount(), 0);
    const layout::VenueLayout& venue = m_model.layout();
    const double margin = 2 * std::max(1.0, venue.seatSize * kUnitsPerMetre);

    if (venue.stage.size() >= 3) {
        auto* stage =
            addPolygon(polygonOf(venue.stage), QPen(QColor(70, 70, 80), 0), QBrush(QColor(210, 205, 195)));
        stage->setZValue(-2);
        addLabel(*this, tr("Stage"), stage->boundingRect().center());
    }
    for (const layout::GaArea& area : venue.gaAreas) {
        QColor fill(200, 200, 200);
        for (const layout::PriceCategory& category : venue.categories) {
            if (category.id == area.category) {
                fill = QColor(QString::fromStdString(category.color));
            }
        }
        fill.setAlpha(110);
        auto* item =
            addPolygon(polygonOf(area.outline), QPen(fill.darker(170), 0), QBrush(fill, Qt::Dense4Pattern));
        item->setZValue(-1);
        addLabel(*this, tr("%1\n%2 standing").arg(QString::fromStdString(area.name)).arg(area.capacity),
                 item->boundingRect().center());
    }

    // Sections and tables are contiguous ranges of seat indices (LayoutIndex order).
    const auto addGroup = [&](std::uint32_t first, std::uint32_t end, const QString& name) {
        if (first == end) {
            return;
        }
        auto* group = new SeatGroupItem(m_model, m_sprites, first, end, name);
        addItem(group);
        for (std::uint32_t seat = first; seat < end; ++seat) {
            m_groupOfSeat[seat] = static_cast<std::uint32_t>(m_groups.size());
        }
        m_groups.push_back(group);
    };
    std::uint32_t next = 0;
    for (const layout::Section& section : venue.sections) {
        std::uint32_t count = 0;
        for (const layout::Row& row : section.rows) {
            count += static_cast<std::uint32_t>(row.seats.size());
        }
        addGroup(next, next + count, QString::fromStdString(section.name));
        next += count;
    }
    for (const layout::Table& table : venue.tables) {
        const auto count = static_cast<std::uint32_t>(table.seats.size());
        const QRectF top(toScene(table.center) - QPointF(table.width, table.height) * kUnitsPerMetre / 2,
                         QSizeF(table.width, table.height) * kUnitsPerMetre);
        const QPen edge(QColor(90, 80, 70), 0);
        const QBrush cloth(QColor(225, 215, 200));
        if (table.shape == layout::TableShape::Round) {
            addEllipse(top, edge, cloth);
        } else {
            addRect(top, edge, cloth);
        }
        addLabel(*this, QString::fromStdString(table.label), toScene(table.center));
        addGroup(next, next + count, tr("Table %1").arg(QString::fromStdString(table.label)));
        next += count;
    }
    const QRectF content = itemsBoundingRect();
    setSceneRect(content.adjusted(-margin, -margin, margin, margin));
}

void SeatMapScene::move(std::uint32_t first, std::uint32_t end) {
    if (first == end) {
        return;
    }
    SeatGroupItem* group = m_groups[m_groupOfSeat[first]];
    group->seatsMoved();
    setSceneRect(sceneRect().united(group->boundingRect()));
}

void SeatMapScene::refresh(const std::vector<std::uint32_t>& seats) {
    for (std::uint32_t seat : seats) {
        if (seat < m_groupOfSeat.size()) {
            m_groups[m_groupOfSeat[seat]]->update(seatRect(seat));
        }
    }
}

QPointF SeatMapScene::seatPosition(std::uint32_t seat) const {
    return toScene(m_model.index().seat(seat).position);
}

double SeatMapScene::seatRadius() const {
    return m_model.index().seatSize() * kUnitsPerMetre / 2.0;
}

QRectF SeatMapScene::seatRect(std::uint32_t seat) const {
    // With the selection ring and the cursor frame.
    const double r = 1.6 * seatRadius();
    const QPointF c = seatPosition(seat);
    return {c.x() - r, c.y() - r, 2 * r, 2 * r};
}

std::optional<std::uint32_t> SeatMapScene::seatAt(QPointF point) const {
    const double radius = seatRadius();
    for (const SeatGroupItem* group : m_groups) {
        if (!group->boundingRect().contains(point)) {
            continue;
        }
        for (std::uint32_t seat = group->firstSeat(); seat < group->endSeat(); ++seat) {
            const QPointF d = seatPosition(seat) - point;
            if (d.x() * d.x() + d.y() * d.y() <= radius * radius) {
                return seat;
            }
        }
    }
    return std::nullopt;
}

std::vector<std::uint32_t> SeatMapScene::seatsIn(const QRectF& rect) const {
    std::vector<std::uint32_t> seats;
    const QRectF normalized = rect.normalized();
    for (const SeatGroupItem* group : m_groups) {
        if (!group->boundingRect().intersects(normalized)) {
            continue;
        }
        for (std::uint32_t seat = group->firstSeat(); seat < group->endSeat(); ++seat) {
            if (normalized.contains(seatPosition(seat))) {
                seats.push_back(seat);
            }
        }
    }
    return seats;
}

} // namespace usher::seatmap
