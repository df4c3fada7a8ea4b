#pragma once

#include "client-qt/seatmap/seat_map_model.h"
#include "client-qt/seatmap/seat_painter.h"

#include <QGraphicsItem>
#include <QPolygonF>
#include <QString>

#include <cstdint>

namespace usher::seatmap {

// One section or table: paints seats [first, end) of the model, or the section as one block when
// zoomed out (its outline, name and free seats).
class SeatGroupItem : public QGraphicsItem {
public:
    SeatGroupItem(const SeatMapModel& model, SeatSprites& sprites, std::uint32_t first, std::uint32_t end,
                  QString name);

    std::uint32_t firstSeat() const { return m_first; }
    std::uint32_t endSeat() const { return m_end; }
    QRectF boundingRect() const override { return m_bounds; }
    // The seats moved: takes their new bounds (the outline follows when next drawn).
    void seatsMoved();
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void paintBlock(QPainter& painter) const;
    const QPolygonF& block() const;
    SeatLook lookOf(std::uint32_t seat) const;

    const SeatMapModel& m_model;
    SeatSprites& m_sprites; // the scene's
    std::uint32_t m_first;
    std::uint32_t m_end;
    QString m_name;
    QRectF m_bounds;           // every seat with room for the selection ring and the cursor
    mutable QPolygonF m_block; // the outline drawn when zoomed out; made when first needed
    double m_radius = 0;
};

} // namespace usher::seatmap
