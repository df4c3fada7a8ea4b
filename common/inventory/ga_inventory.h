#pragma once

#include "common/inventory/inventory_error.h"
#include "common/util/expected.h"
#include "common/util/time.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace usher {

struct GaHold {
    std::string holdId;
    std::int64_t quantity = 0;
    Timestamp until{}; // active while now <= until
    // The owner whose allotment the places came from and go back to; empty for the general pool.
    std::string allotment;

    bool operator==(const GaHold&) const = default;
};

// A general-admission area as counters. Places in holds are not subtracted from anything when the
// hold is taken: availability is computed from the holds that are active at `now`, so an expired
// hold frees its places the moment it expires, before expireGa() tidies it away. For that reason
// `now` must not go backwards for one area (the server uses the database clock).
struct GaState {
    std::int64_t capacity = 0;
    std::int64_t sold = 0;
    std::int64_t blocked = 0;
    // Owner -> the unsold places of its allotment, including those it currently holds. No zero entries.
    std::map<std::string, std::int64_t, std::less<>> allotments;
    // Holds in the order they were taken, expired ones included until expireGa() drops them.
    std::vector<GaHold> holds;

    bool operator==(const GaState&) const = default;
};

// Where every place of an area is at `now`; the five terms add up to the capacity.
struct GaCounts {
    std::int64_t available = 0;
    std::int64_t held = 0; // in active holds, from the pool or from an allotment
    std::int64_t sold = 0;
    std::int64_t blocked = 0;
    std::int64_t allotted = 0; // in allotments and not held

    bool operator==(const GaCounts&) const = default;
};

struct GaHoldRequest {
    std::string holdId;
    std::int64_t quantity = 0;
    Timestamp until;
    // Set when the owner of an allotment holds places from it; empty for the general pool.
    std::optional<std::string> allotment;
};

struct GaExpiry {
    GaState state;
    std::vector<GaHold> expired; // the holds dropped, for the change log and their owners
    std::int64_t freed = 0;      // places they had, now back in the pool or in their allotment
};

using GaResult = Expected<GaState, InventoryError>;

bool isActive(const GaHold& hold, Timestamp now);
const GaHold* findGaHold(const GaState& state, std::string_view holdId);
GaCounts countGa(const GaState& state, Timestamp now);
std::int64_t available(const GaState& state, Timestamp now);
// Places `owner` can still hold from its allotment.
std::int64_t allotmentFree(const GaState& state, std::string_view owner, Timestamp now);

// Transitions: all-or-nothing, each returns the new state or why it was refused.
GaResult holdGa(const GaState& state, const GaHoldRequest& request, Timestamp now);
GaResult extendGa(const GaState& state, std::string_view holdId, Timestamp newUntil, Timestamp now);
GaResult releaseGa(const GaState& state, std::string_view holdId, Timestamp now);
// Drops every expired hold; never fails (an area with nothing expired comes back unchanged).
GaExpiry expireGa(const GaState& state, Timestamp now);
// The counters do not remember orders; the order records which hold it came from.
GaResult commitGa(const GaState& state, std::string_view holdId, Timestamp now);
GaResult refundGa(const GaState& state, std::int64_t quantity);
GaResult blockGa(const GaState& state, std::int64_t quantity, Timestamp now);
GaResult unblockGa(const GaState& state, std::int64_t quantity);
GaResult allotGa(const GaState& state, std::string owner, std::int64_t quantity, Timestamp now);
GaResult returnGaAllotment(const GaState& state, std::string_view owner, std::int64_t quantity,
                           Timestamp now);

} // namespace usher
