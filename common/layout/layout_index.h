#pragma once

#include "common/layout/seat_location.h"
#include "common/layout/venue_layout.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace usher::layout {

inline constexpr std::uint32_t kNoIndex = std::numeric_limits<std::uint32_t>::max();

// Consecutive seats whose centres are farther apart than this many seat sizes have an aisle or a gap
// between them: people sitting there are not "together". Builders space seats about 1.0-1.2 seat
// sizes apart; an aisle is at least one seat wide, which makes two.
inline constexpr double kRunGapFactor = 1.6;

enum SeatFlag : std::uint8_t {
    kWheelchair = 1,
    kCompanion = 2,
    kRestrictedView = 4,
    kAisle = 8,
};

struct IndexedSeat {
    std::string_view id; // points into the index's own copy of the ids
    SeatLocation location;
    Point position;
    double distance = 0;             // metres from the focal point
    std::uint32_t category = 0;      // index into LayoutIndex::categoryIds(); kNoIndex when unknown
    std::uint32_t run = 0;           // index into LayoutIndex::runs()
    std::uint32_t companionOf = 0;   // seat index of the wheelchair space; kNoIndex when not a companion
    std::uint32_t behind = kNoIndex; // nearest seat in the row behind (same section); kNoIndex if none
    std::uint8_t flags = 0;          // SeatFlag bits

    bool has(SeatFlag flag) const { return (flags & flag) != 0; }
};

// A section row or a table: what a clerk calls "one row". Its seats are consecutive seat indices.
struct SeatLine {
    SeatLocation::Kind kind = SeatLocation::Kind::SectionRow;
    std::uint32_t container = 0; // section or table index
    std::uint32_t row = 0;       // row index within the section; 0 for tables
    std::uint32_t firstSeat = 0;
    std::uint32_t seatCount = 0;
    std::uint32_t firstRun = 0;
    std::uint32_t runCount = 0;
    std::uint32_t behind = kNoIndex; // line of the next row back in the same section; kNoIndex if none
    std::int64_t closest = 0; // micrometres from the focal point to the nearest seat; INT64_MAX if empty
};

// Physically adjacent seats of one line: consecutive seat indices with no aisle between them. A table
// is always one run, and a circular one: its last seat sits next to its first.
struct SeatRun {
    std::uint32_t firstSeat = 0;
    std::uint32_t seatCount = 0;
    std::uint32_t line = 0;
    bool circular = false;
};

// A read-only view of a venue layout for seat searches, built once per layout and shared by every
// request for the events sold from it. Seat index i is the i-th seat in forEachSeat() order. The
// index keeps its own copy of everything it needs (ids included), so it may outlive the layout; it is
// move-only because the id lookup points into that copy.
class LayoutIndex {
public:
    explicit LayoutIndex(const VenueLayout& layout);

    LayoutIndex(LayoutIndex&&) noexcept = default;
    LayoutIndex& operator=(LayoutIndex&&) noexcept = default;
    LayoutIndex(const LayoutIndex&) = delete;
    LayoutIndex& operator=(const LayoutIndex&) = delete;
    ~LayoutIndex() = default;

    std::size_t seatCount() const { return m_seats.size(); }
    const IndexedSeat& seat(std::uint32_t index) const { return m_seats[index]; }
    std::span<const IndexedSeat> seats() const { return m_seats; }
    std::span<const SeatLine> lines() const { return m_lines; }
    std::span<const SeatRun> runs() const { return m_runs; }
    // Price category ids in layout order; IndexedSeat::category indexes this list.
    std::span<const std::string> categoryIds() const { return m_categoryIds; }
    // Lines that have a row behind them, the pair nearest the focal point first (by the nearer of the
    // two rows' closest seats), so that a search over row pairs can stop early.
    std::span<const std::uint32_t> rowPairsByDistance() const { return m_rowPairs; }

    // Seat index of a seat id. With duplicate ids (an invalid layout) the first seat wins.
    std::optional<std::uint32_t> find(std::string_view id) const;
    // kNoIndex when the layout has no such category.
    std::uint32_t categoryIndex(std::string_view id) const;

    Point focalPoint() const { return m_focalPoint; }
    double seatSize() const { return m_seatSize; }

    // Hot-path views, one entry per seat, for searches that scan the whole house per request.
    std::span<const std::uint8_t> flags() const { return m_flags; }
    // Category index per seat, with unknown categories mapped to categoryIds().size().
    std::span<const std::uint16_t> categorySlots() const { return m_categorySlots; }

    // Sums over the seats [first, last), in O(1). Distances are summed in whole micrometres so that
    // equal groups compare equal exactly, whatever the order they were added in.
    std::int64_t distanceSum(std::uint32_t first, std::uint32_t last) const {
        return m_distancePrefix[last] - m_distancePrefix[first];
    }
    std::uint32_t countFlag(SeatFlag flag, std::uint32_t first, std::uint32_t last) const;

private:
    std::vector<IndexedSeat> m_seats;
    std::vector<SeatLine> m_lines;
    std::vector<SeatRun> m_runs;
    std::vector<std::uint32_t> m_rowPairs;
    std::vector<std::string> m_ids; // the strings m_byId and IndexedSeat::id view
    std::unordered_map<std::string_view, std::uint32_t> m_byId;
    std::vector<std::string> m_categoryIds;
    std::vector<std::uint8_t> m_flags;
    std::vector<std::uint16_t> m_categorySlots;
    std::vector<std::int64_t> m_distancePrefix;    // size seatCount() + 1
    std::vector<std::uint32_t> m_wheelchairPrefix; // size seatCount() + 1
    std::vector<std::uint32_t> m_companionPrefix;
    std::vector<std::uint32_t> m_restrictedPrefix;
    Point m_focalPoint;
    double m_seatSize = 0;
};

// Micrometres, the unit of LayoutIndex::distanceSum().
std::int64_t toMicrometres(double metres);

} // namespace usher::layout
