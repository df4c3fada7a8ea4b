#include "common/inventory/seat_inventory.h"

#include <array>
#include <utility>

namespace usher {
namespace {

// Where a seat goes when its hold ends without a sale.
SeatState afterHold(const SeatState& state) {
    return state.allotment.empty() ? SeatState::available() : SeatState::allotted(state.allotment);
}

} // namespace

std::string_view toString(SeatStatus status) {
    for (const auto& [name, value] : kSeatStatusNames) {
        if (value == status) {
            return name;
        }
    }
    return "unknown";
}

std::optional<SeatStatus> parseSeatStatus(std::string_view name) {
    for (const auto& [candidate, value] : kSeatStatusNames) {
        if (candidate == name) {
            return value;
        }
    }
    return std::nullopt;
}

SeatState SeatState::held(std::string holdId, Timestamp until, std::string fromAllotment) {
    SeatState state;
    state.status = SeatStatus::Held;
    state.holdId = std::move(holdId);
    state.heldUntil = until;
    state.allotment = std::move(fromAllotment);
    return state;
}

SeatState SeatState::sold(std::string orderId) {
    SeatState state;
    state.status = SeatStatus::Sold;
    state.orderId = std::move(orderId);
    return state;
}

SeatState SeatState::blocked(std::string reason) {
    SeatState state;
    state.status = SeatStatus::Blocked;
    state.blockReason = std::move(reason);
    return state;
}

SeatState SeatState::allotted(std::string owner) {
    SeatState state;
    state.status = SeatStatus::Allotted;
    state.allotment = std::move(owner);
    return state;
}

bool isHoldActive(const SeatState& state, Timestamp now) {
    // The same condition as the SQL: a hold has expired when held_until < now().
    return state.status == SeatStatus::Held && !(state.heldUntil < now);
}

SeatState effectiveState(const SeatState& state, Timestamp now) {
    if (state.status == SeatStatus::Held && !isHoldActive(state, now)) {
        return afterHold(state);
    }
    return state;
}

SeatStatus effectiveStatus(const SeatState& state, Timestamp now) {
    if (state.status == SeatStatus::Held && !isHoldActive(state, now)) {
        return state.allotment.empty() ? SeatStatus::Available : SeatStatus::Allotted;
    }
    return state.status;
}

SeatResult hold(const SeatState& state, const HoldRequest& request, Timestamp now) {
    if (request.holdId.empty() || (request.allotment && request.allotment->empty())) {
        return unexpected(InventoryError::InvalidId);
    }
    if (request.until <= now) {
        return unexpected(InventoryError::InvalidExpiry);
    }
    // An allotted seat and a seat whose allotment hold expired both name their owner in `allotment`.
    const SeatStatus current = effectiveStatus(state, now);
    if (!request.allotment) {
        if (current != SeatStatus::Available) {
            return unexpected(InventoryError::SeatUnavailable);
        }
        return SeatState::held(request.holdId, request.until);
    }
    switch (current) {
    case SeatStatus::Allotted:
        if (state.allotment != *request.allotment) {
            return unexpected(InventoryError::AllotmentMismatch);
        }
        return SeatState::held(request.holdId, request.until, state.allotment);
    case SeatStatus::Available:
        // Holding "from my allotment" a seat outside it is a caller bug worth telling apart.
        return unexpected(InventoryError::NotAllotted);
    default:
        return unexpected(InventoryError::SeatUnavailable);
    }
}

namespace {

// The checks shared by everything only the holder may do while the hold lasts.
std::optional<InventoryError> checkHolder(const SeatState& state, std::string_view holdId, Timestamp now) {
    if (state.status != SeatStatus::Held) {
        return InventoryError::NotHeld;
    }
    if (state.holdId != holdId) {
        return InventoryError::HoldMismatch;
    }
    if (!isHoldActive(state, now)) {
        return InventoryError::HoldExpired;
    }
    return std::nullopt;
}

} // namespace

SeatResult extend(const SeatState& state, std::string_view holdId, Timestamp newUntil, Timestamp now) {
    if (auto error = checkHolder(state, holdId, now)) {
        return unexpected(*error);
    }
    if (newUntil <= state.heldUntil) {
        return unexpected(InventoryError::InvalidExpiry);
    }
    SeatState next = state;
    next.heldUntil = newUntil;
    return next;
}

SeatResult release(const SeatState& state, std::string_view holdId, Timestamp now) {
    // An expired hold is no longer the holder's to release (the API answers 410); the seat is already
    // effectively free and the sweeper tidies it with expire().
    if (auto error = checkHolder(state, holdId, now)) {
        return unexpected(*error);
    }
    return afterHold(state);
}

SeatResult expire(const SeatState& state, Timestamp now) {
    if (state.status != SeatStatus::Held) {
        return unexpected(InventoryError::NotHeld);
    }
    if (isHoldActive(state, now)) {
        return unexpected(InventoryError::HoldActive);
    }
    return afterHold(state);
}

SeatResult commit(const SeatState& state, std::string_view holdId, std::string orderId, Timestamp now) {
    if (orderId.empty()) {
        return unexpected(InventoryError::InvalidId);
    }
    if (auto error = checkHolder(state, holdId, now)) {
        return unexpected(*error);
    }
    return SeatState::sold(std::move(orderId));
}

SeatResult refund(const SeatState& state, std::string_view orderId) {
    if (state.status != SeatStatus::Sold) {
        return unexpected(InventoryError::NotSold);
    }
    if (state.orderId != orderId) {
        return unexpected(InventoryError::OrderMismatch);
    }
    // A refunded seat goes on general sale, even when it was sold from an allotment: the allotment
    // was spent by the sale, and every channel may sell the seat again.
    return SeatState::available();
}

SeatResult block(const SeatState& state, std::string reason, Timestamp now) {
    if (effectiveStatus(state, now) != SeatStatus::Available) {
        return unexpected(InventoryError::SeatUnavailable);
    }
    return SeatState::blocked(std::move(reason));
}

SeatResult unblock(const SeatState& state) {
    if (state.status != SeatStatus::Blocked) {
        return unexpected(InventoryError::NotBlocked);
    }
    return SeatState::available();
}

SeatResult allot(const SeatState& state, std::string owner, Timestamp now) {
    if (owner.empty()) {
        return unexpected(InventoryError::InvalidId);
    }
    if (effectiveStatus(state, now) != SeatStatus::Available) {
        return unexpected(InventoryError::SeatUnavailable);
    }
    return SeatState::allotted(std::move(owner));
}

SeatResult returnAllotment(const SeatState& state, std::string_view owner, Timestamp now) {
    if (owner.empty()) {
        return unexpected(InventoryError::InvalidId);
    }
    const SeatStatus current = effectiveStatus(state, now);
    if (current == SeatStatus::Held && state.allotment == owner) {
        // The owner is selling this seat right now; it can be returned once the hold ends.
        return unexpected(InventoryError::HoldActive);
    }
    if (current != SeatStatus::Allotted) {
        return unexpected(InventoryError::NotAllotted);
    }
    if (state.allotment != owner) {
        return unexpected(InventoryError::AllotmentMismatch);
    }
    return SeatState::available();
}

} // namespace usher
