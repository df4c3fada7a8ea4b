#pragma once

#include "client-qt/seatmap/seat_state.h"

#include <QColor>
#include <QPointF>

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

} // namespace usher::seatmap
