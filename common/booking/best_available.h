#pragma once

#include "common/layout/layout_index.h"
#include "common/util/expected.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace usher::booking {

inline constexpr int kMaxBestAvailableQuantity = 50;

struct BestAvailableRequest {
    int quantity = 1;                    // 1..kMaxBestAvailableQuantity
    std::vector<std::string> categories; // allowed price category ids; empty: any category
    int wheelchairSpaces = 0;            // 0..quantity of the seats must be wheelchair spaces
};

// How far the search had to relax the rules; a clerk sees it before confirming.
enum class BestAvailableStep {
    Together,           // one row, side by side, no single seat left stranded
    TogetherWithOrphan, // one row, side by side, but leaving a single empty seat
    SplitRows,          // two parts, one behind the other, in adjacent rows of one section
};

enum class BestAvailableError {
    InvalidQuantity,         // quantity outside 1..kMaxBestAvailableQuantity
    InvalidWheelchairSpaces, // below 0 or more than the quantity
    UnknownCategory,         // a category id the layout does not have
    AvailabilityMismatch,    // the availability does not have one entry per seat of the index
    UnknownSeat,             // a seat index outside the layout index
    NotEnoughSeats,
};

// Wire codes: "invalid_quantity", "together", ...
std::string_view toString(BestAvailableStep step);
std::string_view toString(BestAvailableError error);

struct BestAvailableResult {
    // Seat indices into the LayoutIndex, in row order; for SplitRows the front part comes first.
    std::vector<std::uint32_t> seats;
    BestAvailableStep step = BestAvailableStep::Together;
};

using BestAvailableOutcome = Expected<BestAvailableResult, BestAvailableError>;

// Per-search working memory, one byte per seat. Keep one per thread and reuse it: then a search
// allocates nothing proportional to the house.
class BestAvailableScratch {
public:
    BestAvailableScratch() = default;

private:
    friend class BestAvailableSearch;
    std::vector<std::uint8_t> m_streak;
    std::vector<std::uint8_t> m_allowedCategory;
};

// The seats a clerk would offer for "n seats, best available". `available[i]` is non-zero when seat
// index i can be sold right now (derived from the inventory by the caller). Deterministic: the same
// index, availability and request give the same seats. O(seats) per search, O(seats x quantity) in
// the worst case of the split-rows fallback.
BestAvailableOutcome findBestAvailable(const layout::LayoutIndex& index,
                                       std::span<const std::uint8_t> available,
                                       const BestAvailableRequest& request, BestAvailableScratch& scratch);
BestAvailableOutcome findBestAvailable(const layout::LayoutIndex& index,
                                       std::span<const std::uint8_t> available,
                                       const BestAvailableRequest& request);

// Single empty seats that taking `seats` would leave: available seats next to the selection with no
// other available neighbour in their run. The measure the search minimises; exposed for tests and
// for the seat map, which can warn a clerk who picks by hand.
Expected<std::uint32_t, BestAvailableError> orphansCreated(const layout::LayoutIndex& index,
                                                           std::span<const std::uint8_t> available,
                                                           std::span<const std::uint32_t> seats);

} // namespace usher::booking
