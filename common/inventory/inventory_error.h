#pragma once

#include <string_view>

namespace usher {

// Why an inventory transition was refused. Shared by numbered seats and general-admission areas so
// the API maps one enum to problem+json types; the codes from toString() go on the wire.
enum class InventoryError {
    InvalidId,            // an empty hold id, order id or allotment owner
    InvalidExpiry,        // a hold ending at or before now, or an extension that does not extend
    InvalidQuantity,      // a GA quantity below 1
    SeatUnavailable,      // sold, blocked, allotted to someone else or held by an active hold
    InsufficientCapacity, // not enough GA places (or places in the owner's allotment) left
    DuplicateHold,        // a GA hold id that the area already has
    NotHeld,              // no hold to act on
    HoldMismatch,         // the seat is held, but by another hold
    HoldExpired,          // the hold has passed its until: the places are no longer the holder's
    HoldActive,           // expiring a hold that has not expired yet
    NotSold,
    OrderMismatch,
    NotBlocked,
    NotAllotted,
    AllotmentMismatch, // allotted, but to another owner
};

std::string_view toString(InventoryError error);

} // namespace usher
