#pragma once

#include "client-qt/seatmap/seat_map_model.h"
#include "client-qt/seatmap/seat_painter.h"

#include <QGraphicsScene>
#include <QPointF>
#include <QRectF>

#include <cstdint>
#include <optional>
#include <vector>

namespace usher::seatmap {

class SeatGroupItem;

// How much of a seat map is drawn at a zoom: whole sections as blocks when a seat would be a few
// pixels, seats from there on, and their numbers once they are big enough to read.
enum class Detail { Blocks, Seats, SeatsWithNumbers };
Detail detailFor(double seatDiameterInPixels);

// Scene units are centimetres of the floor plan (layout coordinates are metres).
inline constexpr double kUnitsPerMetre = 100.0;
inline QPointF toScene(layout::Point p) {
    return {p.x * kUnitsPerMetre, p.y * kUnitsPerMetre};
}

// The graphics of a SeatMapModel: the stage, standing areas, and one item per section or table that
// paints its seats (an item per seat would not scale to 100,000 seats). Items re-read the model
// when it signals a change; the scene keeps no seat state of its own.
class SeatMapScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit SeatMapScene(SeatMapModel& model, QObject* parent = nullptr);

    SeatMapModel& model() const { return m_model; }
    // Whether the keyboard cursor's frame is drawn (the designer, where arrows move objects, hides it).
    bool showsCursor() const { return m_showsCursor; }
    void setShowsCursor(bool shows) { m_showsCursor = shows; }
    QPointF seatPosition(std::uint32_t seat) const;
    double seatRadius() const;
    QRectF seatRect(std::uint32_t seat) const;
    // The seat under a scene point (within its footprint), if any.
    std::optional<std::uint32_t> seatAt(QPointF point) const;
    // Seats whose centre lies in the rectangle, in seat order.
    std::vector<std::uint32_t> seatsIn(const QRectF& rect) const;

private:
    void rebuild();
    void move(std::uint32_t first, std::uint32_t end);
    void refresh(const std::vector<std::uint32_t>& seats);

    SeatMapModel& m_model;
    SeatSprites m_sprites;                    // shared by the groups
    std::vector<SeatGroupItem*> m_groups;     // owned by the scene
    std::vector<std::uint32_t> m_groupOfSeat; // index into m_groups
    bool m_showsCursor = true;
};

} // namespace usher::seatmap
