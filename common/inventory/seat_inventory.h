#pragma once

#include "common/inventory/inventory_error.h"
#include "common/util/expected.h"
#include "common/util/time.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace usher {

enum class SeatStatus { Available, Held, Sold, Blocked, Allotted };

// Wire names, used by the API and the seat maps alike.
inline constexpr std::array<std::pair<std::string_view, SeatStatus>, 5> kSeatStatusNames{{
    {"available", SeatStatus::Available},
    {"held", SeatStatus::Held},
    {"sold", SeatStatus::Sold},
    {"blocked", SeatStatus::Blocked},
    {"allotted", SeatStatus::Allotted},
}};

std::string_view toString(SeatStatus status);
std::optional<SeatStatus> parseSeatStatus(std::string_view name);

// The state of one seat in one event. Only the fields of the current status are set, the rest stay
// empty, so two states compare equal exactly when they mean the same thing.
struct SeatState {
    SeatStatus status = SeatStatus::Available;
    std::string holdId;    // held
    Timestamp heldUntil{}; // held: active while now <= heldUntil
    std::string orderId;   // sold
    std::string blockReason;
    // Allotted: the owner (a sales channel or a box-office device id). Held: the allotment the hold was
    // taken from, where the seat goes back when the hold ends; empty for a hold on the general pool.
    std::string allotment;

    static SeatState available() { return {}; }
    static SeatState held(std::string holdId, Timestamp until, std::string fromAllotment = {});
    static SeatState sold(std::string orderId);
    static SeatState blocked(std::string reason);
    static SeatState allotted(std::string owner);

    bool operator==(const SeatState&) const = default;
};

using SeatResult = Expected<SeatState, InventoryError>;

struct HoldRequest {
    std::string holdId;
    Timestamp until;
    // Set when the owner of an allotment holds a seat from it; empty for the general pool.
    std::optional<std::string> allotment;
};

bool isHoldActive(const SeatState& state, Timestamp now);
// What the seat is at `now`: a held seat whose hold has expired is what it was before the hold
// (available, or allotted to the owner it was held from), whether or not a sweeper has run.
SeatState effectiveState(const SeatState& state, Timestamp now);
SeatStatus effectiveStatus(const SeatState& state, Timestamp now);

// Transitions. Each returns the new state or why it was refused; none throws for a business outcome.
SeatResult hold(const SeatState& state, const HoldRequest& request, Timestamp now);
SeatResult extend(const SeatState& state, std::string_view holdId, Timestamp newUntil, Timestamp now);
SeatResult release(const SeatState& state, std::string_view holdId, Timestamp now);
SeatResult expire(const SeatState& state, Timestamp now);
SeatResult commit(const SeatState& state, std::string_view holdId, std::string orderId, Timestamp now);
SeatResult refund(const SeatState& state, std::string_view orderId);
SeatResult block(const SeatState& state, std::string reason, Timestamp now);
SeatResult unblock(const SeatState& state);
SeatResult allot(const SeatState& state, std::string owner, Timestamp now);
SeatResult returnAllotment(const SeatState& state, std::string_view owner, Timestamp now);

} // namespace usher
