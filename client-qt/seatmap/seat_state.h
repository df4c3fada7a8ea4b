#pragma once

#include "common/inventory/seat_inventory.h"

#include <QString>

#include <array>
#include <cstdint>

namespace usher::seatmap {

// What a clerk needs to tell apart on the map. The server's `held` splits into held by this clerk's
// own basket and held by someone else.
enum class SeatState : std::uint8_t { Available, HeldByMe, HeldByOthers, Sold, Blocked, Allotted };

inline constexpr std::array kAllSeatStates{SeatState::Available, SeatState::HeldByMe, SeatState::HeldByOthers,
                                           SeatState::Sold,      SeatState::Blocked,  SeatState::Allotted};

// For people: "available", "held by you", ... (translated).
QString stateName(SeatState state);

// Seats a clerk may put into (or take out of) a basket: free ones and the clerk's own.
inline bool isSelectable(SeatState state) {
    return state == SeatState::Available || state == SeatState::HeldByMe;
}

// The server's state of a seat as the map shows it; `mine`: the seat is in this clerk's own hold.
inline SeatState seatStateOf(SeatStatus status, bool mine) {
    switch (status) {
    case SeatStatus::Available:
        return SeatState::Available;
    case SeatStatus::Held:
        return mine ? SeatState::HeldByMe : SeatState::HeldByOthers;
    case SeatStatus::Sold:
        return SeatState::Sold;
    case SeatStatus::Blocked:
        return SeatState::Blocked;
    case SeatStatus::Allotted:
        return SeatState::Allotted;
    }
    return SeatState::Blocked;
}

} // namespace usher::seatmap
