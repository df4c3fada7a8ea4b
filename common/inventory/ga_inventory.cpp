#include "common/inventory/ga_inventory.h"

#include <algorithm>
#include <limits>

namespace usher {
namespace {

std::vector<GaHold>::const_iterator findHoldIt(const GaState& state, std::string_view holdId) {
    return std::find_if(state.holds.begin(), state.holds.end(),
                        [holdId](const GaHold& hold) { return hold.holdId == holdId; });
}

// Sums of active holds stay within the capacity because every transition keeps the counts
// non-negative, so they cannot overflow.
std::int64_t activeHeldFrom(const GaState& state, std::string_view owner, Timestamp now) {
    std::int64_t total = 0;
    for (const GaHold& hold : state.holds) {
        if (isActive(hold, now) && hold.allotment == owner) {
            total += hold.quantity;
        }
    }
    return total;
}

std::int64_t allotmentOf(const GaState& state, std::string_view owner) {
    const auto it = state.allotments.find(owner);
    return it == state.allotments.end() ? 0 : it->second;
}

// Returns `quantity` places from a counter (sold, blocked) to the pool; refused past what it holds.
GaResult takeBack(const GaState& state, std::int64_t GaState::*counter, std::int64_t quantity,
                  InventoryError tooMany) {
    if (quantity < 1) {
        return unexpected(InventoryError::InvalidQuantity);
    }
    if (quantity > state.*counter) {
        return unexpected(tooMany);
    }
    GaState next = state;
    next.*counter -= quantity;
    return next;
}

} // namespace

bool isActive(const GaHold& hold, Timestamp now) {
    // The same condition as the SQL: a hold has expired when held_until < now().
    return !(hold.until < now);
}

const GaHold* findGaHold(const GaState& state, std::string_view holdId) {
    const auto it = findHoldIt(state, holdId);
    return it == state.holds.end() ? nullptr : &*it;
}

GaCounts countGa(const GaState& state, Timestamp now) {
    GaCounts counts;
    std::int64_t heldFromPool = 0;
    for (const GaHold& hold : state.holds) {
        if (isActive(hold, now)) {
            counts.held += hold.quantity;
            if (hold.allotment.empty()) {
                heldFromPool += hold.quantity;
            }
        }
    }
    std::int64_t allotments = 0;
    for (const auto& [owner, quantity] : state.allotments) {
        allotments += quantity;
    }
    counts.sold = state.sold;
    counts.blocked = state.blocked;
    counts.allotted = allotments - (counts.held - heldFromPool);
    counts.available = state.capacity - state.sold - state.blocked - allotments - heldFromPool;
    return counts;
}

std::int64_t available(const GaState& state, Timestamp now) {
    return countGa(state, now).available;
}

std::int64_t allotmentFree(const GaState& state, std::string_view owner, Timestamp now) {
    return allotmentOf(state, owner) - activeHeldFrom(state, owner, now);
}

GaResult holdGa(const GaState& state, const GaHoldRequest& request, Timestamp now) {
    if (request.holdId.empty() || (request.allotment && request.allotment->empty())) {
        return unexpected(InventoryError::InvalidId);
    }
    if (request.quantity < 1) {
        return unexpected(InventoryError::InvalidQuantity);
    }
    if (request.until <= now) {
        return unexpected(InventoryError::InvalidExpiry);
    }
    // Expired holds keep their ids until swept, so a late retry cannot be mistaken for a new hold.
    if (findGaHold(state, request.holdId) != nullptr) {
        return unexpected(InventoryError::DuplicateHold);
    }
    if (request.allotment) {
        if (allotmentOf(state, *request.allotment) == 0) {
            return unexpected(InventoryError::NotAllotted);
        }
        if (allotmentFree(state, *request.allotment, now) < request.quantity) {
            return unexpected(InventoryError::InsufficientCapacity);
        }
    } else if (available(state, now) < request.quantity) {
        return unexpected(InventoryError::InsufficientCapacity);
    }
    GaState next = state;
    next.holds.push_back({request.holdId, request.quantity, request.until, request.allotment.value_or("")});
    return next;
}

GaResult extendGa(const GaState& state, std::string_view holdId, Timestamp newUntil, Timestamp now) {
    const auto it = findHoldIt(state, holdId);
    if (it == state.holds.end()) {
        return unexpected(InventoryError::NotHeld);
    }
    if (!isActive(*it, now)) {
        return unexpected(InventoryError::HoldExpired);
    }
    if (newUntil <= it->until) {
        return unexpected(InventoryError::InvalidExpiry);
    }
    GaState next = state;
    next.holds[static_cast<std::size_t>(it - state.holds.begin())].until = newUntil;
    return next;
}

GaResult releaseGa(const GaState& state, std::string_view holdId, Timestamp now) {
    const auto it = findHoldIt(state, holdId);
    if (it == state.holds.end()) {
        return unexpected(InventoryError::NotHeld);
    }
    // As for seats: an expired hold is no longer the holder's; expireGa() tidies it.
    if (!isActive(*it, now)) {
        return unexpected(InventoryError::HoldExpired);
    }
    GaState next = state;
    next.holds.erase(next.holds.begin() + (it - state.holds.begin()));
    return next;
}

GaExpiry expireGa(const GaState& state, Timestamp now) {
    GaExpiry result;
    result.state = state;
    result.state.holds.clear();
    for (const GaHold& hold : state.holds) {
        if (isActive(hold, now)) {
            result.state.holds.push_back(hold);
        } else {
            // Expired holds were taken at different times, so only the active ones are bounded by
            // the capacity; saturate rather than overflow on an absurd backlog.
            if (__builtin_add_overflow(result.freed, hold.quantity, &result.freed)) {
                result.freed = std::numeric_limits<std::int64_t>::max();
            }
            result.expired.push_back(hold);
        }
    }
    return result;
}

GaResult commitGa(const GaState& state, std::string_view holdId, Timestamp now) {
    const auto it = findHoldIt(state, holdId);
    if (it == state.holds.end()) {
        return unexpected(InventoryError::NotHeld);
    }
    if (!isActive(*it, now)) {
        return unexpected(InventoryError::HoldExpired);
    }
    GaState next = state;
    next.sold += it->quantity;
    if (!it->allotment.empty()) {
        // Sold places leave the allotment: it only counts what the owner still has to sell.
        const auto allotment = next.allotments.find(it->allotment);
        if (allotment == next.allotments.end() || allotment->second < it->quantity) {
            return unexpected(InventoryError::NotAllotted); // a corrupt state, not a reachable one
        }
        allotment->second -= it->quantity;
        if (allotment->second == 0) {
            next.allotments.erase(allotment);
        }
    }
    next.holds.erase(next.holds.begin() + (it - state.holds.begin()));
    return next;
}

GaResult refundGa(const GaState& state, std::int64_t quantity) {
    // Refunded places go back to the general pool, as refunded seats do, whatever sold them.
    return takeBack(state, &GaState::sold, quantity, InventoryError::NotSold);
}

GaResult blockGa(const GaState& state, std::int64_t quantity, Timestamp now) {
    if (quantity < 1) {
        return unexpected(InventoryError::InvalidQuantity);
    }
    if (available(state, now) < quantity) {
        return unexpected(InventoryError::InsufficientCapacity);
    }
    GaState next = state;
    next.blocked += quantity;
    return next;
}

GaResult unblockGa(const GaState& state, std::int64_t quantity) {
    return takeBack(state, &GaState::blocked, quantity, InventoryError::NotBlocked);
}

GaResult allotGa(const GaState& state, std::string owner, std::int64_t quantity, Timestamp now) {
    if (owner.empty()) {
        return unexpected(InventoryError::InvalidId);
    }
    if (quantity < 1) {
        return unexpected(InventoryError::InvalidQuantity);
    }
    if (available(state, now) < quantity) {
        return unexpected(InventoryError::InsufficientCapacity);
    }
    GaState next = state;
    next.allotments[std::move(owner)] += quantity;
    return next;
}

GaResult returnGaAllotment(const GaState& state, std::string_view owner, std::int64_t quantity,
                           Timestamp now) {
    if (owner.empty()) {
        return unexpected(InventoryError::InvalidId);
    }
    if (quantity < 1) {
        return unexpected(InventoryError::InvalidQuantity);
    }
    if (quantity > allotmentOf(state, owner)) {
        return unexpected(InventoryError::NotAllotted);
    }
    if (quantity > allotmentFree(state, owner, now)) {
        // Part of the allotment is in the owner's active holds; those places return once released.
        return unexpected(InventoryError::HoldActive);
    }
    GaState next = state;
    const auto it = next.allotments.find(owner);
    it->second -= quantity;
    if (it->second == 0) {
        next.allotments.erase(it);
    }
    return next;
}

} // namespace usher
