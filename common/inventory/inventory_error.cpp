#include "common/inventory/inventory_error.h"

namespace usher {

std::string_view toString(InventoryError error) {
    switch (error) {
    case InventoryError::InvalidId:
        return "invalid_id";
    case InventoryError::InvalidExpiry:
        return "invalid_expiry";
    case InventoryError::InvalidQuantity:
        return "invalid_quantity";
    case InventoryError::SeatUnavailable:
        return "seat_unavailable";
    case InventoryError::InsufficientCapacity:
        return "insufficient_capacity";
    case InventoryError::DuplicateHold:
        return "duplicate_hold";
    case InventoryError::NotHeld:
        return "not_held";
    case InventoryError::HoldMismatch:
        return "hold_mismatch";
    case InventoryError::HoldExpired:
        return "hold_expired";
    case InventoryError::HoldActive:
        return "hold_active";
    case InventoryError::NotSold:
        return "not_sold";
    case InventoryError::OrderMismatch:
        return "order_mismatch";
    case InventoryError::NotBlocked:
        return "not_blocked";
    case InventoryError::NotAllotted:
        return "not_allotted";
    case InventoryError::AllotmentMismatch:
        return "allotment_mismatch";
    }
    return "unknown_inventory_error";
}

} // namespace usher
