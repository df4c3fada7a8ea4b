#pragma once

#include "client-qt/seatmap/seat_state.h"

#include <QColor>
#include <QHash>
#include <QPixmap>
#include <QPointF>
#include <QStaticText>

#include <string>
#include <unordered_map>

class QPainter;

namespace usher::seatmap {

// How one seat looks, shared by the map and its legend. Every state has its own shape or mark as
// well as its colour, so the map reads without colour vision: available is a plain disc in its
// price category's colour, held by you a disc with a heavy ring and a tick, held by someone else a
// hatched ring, sold a dark disc with a cross, blocked a dark square with a bar, allotted a diamond.
struct SeatLook {
    SeatState state = SeatState::Available;
    QColor category;
    bool selected = false; // picked on the map, not yet held
    bool cursor = false;   // the keyboard cursor
};

// Draws a seat of `radius` (in the painter's units) centred on `centre`.
void paintSeat(QPainter& painter, QPointF centre, double radius, const SeatLook& look);

// paintSeat's drawings as ready pixmaps, one per look and size: a map of thousands of seats is then
// a run of blits instead of thousands of antialiased paths.
class SeatSprites {
public:
    // Square, the seat in the middle, with room for the selection ring and the cursor's frame;
    // `radius` in device-independent pixels.
    const QPixmap& sprite(const SeatLook& look, double radius, qreal devicePixelRatio);
    // A seat number laid out once for a font size (drawText lays out the text on every call).
    const QStaticText& number(const std::string& text, int pixelSize);

private:
    QHash<quint64, QPixmap> m_cache;
    std::unordered_map<std::string, QStaticText> m_numbers;
    int m_numbersPixelSize = 0; // the size m_numbers were laid out for
};

} // namespace usher::seatmap
