#include "common/booking/best_available.h"

#include "common/layout/geometry.h"

#include <algorithm>
#include <array>
#include <compare>
#include <cstring>
#include <optional>
#include <tuple>

namespace usher::booking {

using layout::kNoIndex;
using layout::LayoutIndex;
using layout::SeatLine;
using layout::SeatRun;

std::string_view toString(BestAvailableStep step) {
    switch (step) {
    case BestAvailableStep::Together:
        return "together";
    case BestAvailableStep::TogetherWithOrphan:
        return "together_with_orphan";
    case BestAvailableStep::SplitRows:
        return "split_rows";
    }
    return "unknown_step";
}

std::string_view toString(BestAvailableError error) {
    switch (error) {
    case BestAvailableError::InvalidQuantity:
        return "invalid_quantity";
    case BestAvailableError::InvalidWheelchairSpaces:
        return "invalid_wheelchair_spaces";
    case BestAvailableError::UnknownCategory:
        return "unknown_category";
    case BestAvailableError::AvailabilityMismatch:
        return "availability_mismatch";
    case BestAvailableError::UnknownSeat:
        return "unknown_seat";
    case BestAvailableError::NotEnoughSeats:
        return "not_enough_seats";
    }
    return "unknown_best_available_error";
}

namespace {

// A split group's back part is looked for around the seat right behind the middle of its front part,
// this many seats either way. Further off, the gap between the parts outweighs what the back part
// could gain by moving towards the centre.
constexpr std::int64_t kSplitSlack = 3;

// Compared field by field: the first difference decides. Lower is better.
struct Rank {
    std::uint32_t orphans = 0;
    std::uint32_t restricted = 0;      // restricted-view seats: sold last
    std::uint32_t extraWheelchair = 0; // wheelchair spaces beyond those asked for: keep them for others
    std::uint32_t notCompanion = 0;    // with wheelchair spaces: the party's other seats should be companions
    std::int64_t score = 0;            // distance to the focal point, in micrometres, summed

    auto operator<=>(const Rank&) const = default;
};

// A contiguous part of a run: `count` seats from position `start` (wrapping around at a table).
struct Part {
    std::uint32_t run = kNoIndex;
    std::uint32_t start = 0;
    std::uint32_t count = 0;
};

struct Candidate {
    Rank rank;
    Part first;
    Part second;                        // SplitRows only
    std::uint32_t firstSeat = kNoIndex; // seat index where each part begins: the tie-break
    std::uint32_t secondSeat = kNoIndex;

    bool found() const { return first.run != kNoIndex; }
};

struct PartStats {
    bool valid = false;
    std::uint32_t wheelchair = 0;
    std::uint32_t companions = 0;
    std::uint32_t restricted = 0;
    std::uint32_t orphans = 0;
    std::int64_t distance = 0;
};

void offer(Candidate& best, const Candidate& candidate) {
    // Among equal ranks the group that begins at the lowest seat index wins, whatever order the
    // search visits groups in.
    if (!best.found() || std::tie(candidate.rank, candidate.firstSeat, candidate.secondSeat) <
                             std::tie(best.rank, best.firstSeat, best.secondSeat)) {
        best = candidate;
    }
}

// Nothing can beat this rank except a lower score.
bool onlyScoreLeft(const Rank& rank) {
    return rank.orphans == 0 && rank.restricted == 0 && rank.extraWheelchair == 0 && rank.notCompanion == 0;
}

} // namespace

class BestAvailableSearch {
public:
    BestAvailableSearch(const LayoutIndex& index, std::span<const std::uint8_t> available,
                        const BestAvailableRequest& request, BestAvailableScratch& scratch)
        : m_index(index), m_available(available), m_scratch(scratch),
          m_quantity(static_cast<std::uint32_t>(request.quantity)),
          m_wheelchair(static_cast<std::uint32_t>(request.wheelchairSpaces)), m_flags(index.flags()),
          m_slots(index.categorySlots()) {
        // Without a wheelchair space in the party, the spaces and their companion seats are not on offer.
        m_excludedFlags = m_wheelchair == 0 ? std::uint8_t{layout::kWheelchair | layout::kCompanion} : 0;
    }

    std::optional<BestAvailableError> allowCategories(const std::vector<std::string>& categories) {
        const std::size_t slots = m_index.categoryIds().size() + 1;
        m_scratch.m_allowedCategory.assign(slots, categories.empty() ? 1 : 0);
        for (const std::string& id : categories) {
            const std::uint32_t category = m_index.categoryIndex(id);
            if (category == kNoIndex) {
                return BestAvailableError::UnknownCategory;
            }
            m_scratch.m_allowedCategory[category] = 1;
        }
        return std::nullopt;
    }

    BestAvailableOutcome run() {
        // Every row seat is written before it is read; table seats are never read.
        m_scratch.m_streak.resize(m_index.seatCount());
        m_allowed = m_scratch.m_allowedCategory.data();
        m_streak = m_scratch.m_streak.data();

        Candidate clean;
        Candidate withOrphans;
        const auto runs = m_index.runs();
        for (std::uint32_t r = 0; r < runs.size(); ++r) {
            if (runs[r].circular) {
                searchTable(r, clean, withOrphans);
            } else {
                searchRow(r, clean, withOrphans);
            }
        }
        if (clean.found()) {
            return result(clean, BestAvailableStep::Together);
        }
        if (withOrphans.found()) {
            return result(withOrphans, BestAvailableStep::TogetherWithOrphan);
        }
        if (m_quantity >= 2) {
            Candidate split;
            searchSplit(split);
            if (split.found()) {
                return result(split, BestAvailableStep::SplitRows);
            }
        }
        // Scattered single seats may still add up to the quantity. Offering them as "best available"
        // would seat a party all over the house; a clerk picks those on the map with the customer.
        return unexpected(BestAvailableError::NotEnoughSeats);
    }

private:
    // 1 or 0, computed without branches.
    std::uint32_t usable(std::uint32_t seat) const {
        return static_cast<std::uint32_t>(m_available[seat] != 0) &
               static_cast<std::uint32_t>((m_flags[seat] & m_excludedFlags) == 0) &
               static_cast<std::uint32_t>(m_allowed[m_slots[seat]] != 0);
    }

    bool availableAt(std::uint32_t seat) const { return m_available[seat] != 0; }

    // Seat index at `position` (taken modulo the run length) of a run.
    static std::uint32_t seatOf(const SeatRun& run, std::uint32_t position) {
        return run.firstSeat + position % run.seatCount;
    }

    // Counts and checks for a part whose seats are all usable.
    PartStats statsOf(const Part& part) const {
        const SeatRun& run = m_index.runs()[part.run];
        PartStats stats;
        const std::uint32_t first = run.firstSeat + part.start;
        const std::uint32_t end = first + part.count;
        const std::uint32_t runEnd = run.firstSeat + run.seatCount;
        auto addRange = [&](std::uint32_t from, std::uint32_t to) {
            stats.distance += m_index.distanceSum(from, to);
            stats.restricted += m_index.countFlag(layout::kRestrictedView, from, to);
            if (m_wheelchair > 0) {
                stats.wheelchair += m_index.countFlag(layout::kWheelchair, from, to);
                stats.companions += m_index.countFlag(layout::kCompanion, from, to);
            }
        };
        if (end <= runEnd) {
            addRange(first, end);
        } else {
            addRange(first, runEnd);
            addRange(run.firstSeat, end - run.seatCount);
        }
        // A companion seat goes only with its own wheelchair space, in the same part.
        if (stats.companions > 0) {
            for (std::uint32_t k = 0; k < part.count; ++k) {
                const std::uint32_t target = m_index.seat(seatOf(run, part.start + k)).companionOf;
                if (target != kNoIndex && !contains(run, part, target)) {
                    return stats;
                }
            }
        }
        stats.orphans = orphansAround(run, part);
        stats.valid = true;
        return stats;
    }

    static bool contains(const SeatRun& run, const Part& part, std::uint32_t seat) {
        if (seat < run.firstSeat || seat >= run.firstSeat + run.seatCount) {
            return false;
        }
        const std::uint32_t position = seat - run.firstSeat;
        const std::uint32_t offset = (position + run.seatCount - part.start) % run.seatCount;
        return offset < part.count;
    }

    // Available seats beside the part that taking it would leave with no available neighbour. Only
    // the two seats beside the part can change: they had an available neighbour, the part.
    std::uint32_t orphansAround(const SeatRun& run, const Part& part) const {
        const std::uint32_t n = run.seatCount;
        if (run.circular) {
            if (part.count >= n) {
                return 0;
            }
            const std::uint32_t left = (part.start + n - 1) % n;
            const std::uint32_t right = (part.start + part.count) % n;
            if (left == right) {
                return availableAt(seatOf(run, left)) ? 1 : 0;
            }
            std::uint32_t orphans = 0;
            if (availableAt(seatOf(run, left)) && !availableAt(seatOf(run, left + n - 1))) {
                ++orphans;
            }
            if (availableAt(seatOf(run, right)) && !availableAt(seatOf(run, right + 1))) {
                ++orphans;
            }
            return orphans;
        }
        std::uint32_t orphans = 0;
        const std::uint32_t first = run.firstSeat + part.start;
        const std::uint32_t end = first + part.count;
        if (part.start > 0 && availableAt(first - 1) && (part.start == 1 || !availableAt(first - 2))) {
            ++orphans;
        }
        const std::uint32_t runEnd = run.firstSeat + n;
        if (end < runEnd && availableAt(end) && (end + 1 == runEnd || !availableAt(end + 1))) {
            ++orphans;
        }
        return orphans;
    }

    // Rank of a whole group, or nothing when it breaks the wheelchair rules.
    std::optional<Rank> rankOf(const PartStats& a, const PartStats& b = {}) const {
        const std::uint32_t wheelchair = a.wheelchair + b.wheelchair;
        if (wheelchair < m_wheelchair) {
            return std::nullopt;
        }
        Rank rank;
        rank.orphans = a.orphans + b.orphans;
        rank.restricted = a.restricted + b.restricted;
        if (m_wheelchair > 0) {
            rank.extraWheelchair = wheelchair - m_wheelchair;
            rank.notCompanion = m_quantity - wheelchair - a.companions - b.companions;
        }
        rank.score = a.distance + b.distance;
        return rank;
    }

    void consider(const Part& part, Candidate& clean, Candidate& withOrphans) const {
        const PartStats stats = statsOf(part);
        if (!stats.valid) {
            return;
        }
        const auto rank = rankOf(stats);
        if (!rank) {
            return;
        }
        const SeatRun& run = m_index.runs()[part.run];
        offer(rank->orphans == 0 ? clean : withOrphans, {*rank, part, {}, seatOf(run, part.start), kNoIndex});
    }

    // One pass along a row: the usable streak ending at each seat, which also tells the split search
    // later where its parts fit.
    void searchRow(std::uint32_t r, Candidate& clean, Candidate& withOrphans) const {
        const SeatRun& run = m_index.runs()[r];
        std::uint32_t streak = 0;
        std::uint32_t k = 0;
        while (k < run.seatCount) {
            const std::uint32_t seat = run.firstSeat + k;
            // A mostly sold house is mostly long stretches of sold seats: skip them eight at a time.
            if (k + 8 <= run.seatCount && noneAvailable8(seat)) {
                std::memset(m_streak + seat, 0, 8);
                streak = 0;
                k += 8;
                continue;
            }
            // Branch-free: whether the next seat is free is a coin flip.
            streak = std::min<std::uint32_t>(streak + 1, 255) * usable(seat);
            m_streak[seat] = static_cast<std::uint8_t>(streak);
            if (streak >= m_quantity) {
                consider({r, k + 1 - m_quantity, m_quantity}, clean, withOrphans);
            }
            ++k;
        }
    }

    bool noneAvailable8(std::uint32_t seat) const {
        std::uint64_t word = 0;
        std::memcpy(&word, m_available.data() + seat, sizeof word);
        return word == 0;
    }

    // Tables are small; every starting chair is tried, around the table.
    void searchTable(std::uint32_t r, Candidate& clean, Candidate& withOrphans) const {
        const SeatRun& run = m_index.runs()[r];
        if (run.seatCount < m_quantity) {
            return;
        }
        const std::uint32_t starts = run.seatCount == m_quantity ? 1 : run.seatCount;
        for (std::uint32_t start = 0; start < starts; ++start) {
            bool all = true;
            for (std::uint32_t k = 0; k < m_quantity && all; ++k) {
                all = usable(seatOf(run, start + k)) != 0;
            }
            if (all) {
                consider({r, start, m_quantity}, clean, withOrphans);
            }
        }
    }

    void searchSplit(Candidate& best) const {
        const auto lines = m_index.lines();
        const auto runs = m_index.runs();
        for (const std::uint32_t line : m_index.rowPairsByDistance()) {
            const SeatLine& front = lines[line];
            // Pairs come nearest first: once no seat of a pair can be as near as the best group found,
            // no later pair can beat it either.
            const std::int64_t nearest = std::min(front.closest, lines[front.behind].closest);
            if (best.found() && onlyScoreLeft(best.rank) &&
                static_cast<std::int64_t>(m_quantity) * nearest > best.rank.score) {
                return;
            }
            for (std::uint32_t r = front.firstRun; r < front.firstRun + front.runCount; ++r) {
                const SeatRun& run = runs[r];
                for (std::uint32_t k = 0; k < run.seatCount; ++k) {
                    const std::uint32_t longest =
                        std::min<std::uint32_t>(m_streak[run.firstSeat + k], m_quantity - 1);
                    for (std::uint32_t size = 1; size <= longest; ++size) {
                        splitFrom({r, k + 1 - size, size}, lines[front.behind], best);
                    }
                }
            }
        }
    }

    void splitFrom(const Part& part, const SeatLine& back, Candidate& best) const {
        std::optional<PartStats> front; // only worked out once a back part fits
        const SeatRun& run = m_index.runs()[part.run];
        const std::uint32_t firstSeat = run.firstSeat + part.start;
        const std::uint32_t behind = m_index.seat(firstSeat + (part.count - 1) / 2).behind;
        if (behind == kNoIndex) {
            return;
        }
        const std::uint32_t size = m_quantity - part.count;
        if (size > back.seatCount) {
            return;
        }
        // Back parts whose middle seat is within the slack of the seat behind the front part's middle.
        const auto centre = static_cast<std::int64_t>(behind) - static_cast<std::int64_t>((size - 1) / 2);
        const auto lowest = std::max(static_cast<std::int64_t>(back.firstSeat), centre - kSplitSlack);
        const auto highest =
            std::min(static_cast<std::int64_t>(back.firstSeat + back.seatCount - size), centre + kSplitSlack);
        const layout::Point frontCentre = midpoint(firstSeat, part.count);
        for (auto first = lowest; first <= highest; ++first) {
            const auto seat = static_cast<std::uint32_t>(first);
            if (m_streak[seat + size - 1] < size) {
                continue;
            }
            if (!front) {
                front = statsOf(part);
            }
            if (!front->valid) {
                return;
            }
            const std::uint32_t backRun = m_index.seat(seat).run;
            const Part backPart{backRun, seat - runAt(backRun).firstSeat, size};
            const PartStats rear = statsOf(backPart);
            if (!rear.valid) {
                continue;
            }
            auto rank = rankOf(*front, rear);
            if (!rank) {
                continue;
            }
            // Parts as close together as possible: the gap between their centres counts for every seat.
            const double gap = layout::distance(frontCentre, midpoint(seat, size));
            rank->score += static_cast<std::int64_t>(m_quantity) * layout::toMicrometres(gap);
            offer(best, {*rank, part, backPart, firstSeat, seat});
        }
    }

    const SeatRun& runAt(std::uint32_t r) const { return m_index.runs()[r]; }

    // Centre of a straight or gently curved part: halfway between its end seats.
    layout::Point midpoint(std::uint32_t first, std::uint32_t count) const {
        const layout::Point a = m_index.seat(first).position;
        const layout::Point b = m_index.seat(first + count - 1).position;
        return {(a.x + b.x) / 2, (a.y + b.y) / 2};
    }

    BestAvailableOutcome result(const Candidate& candidate, BestAvailableStep step) const {
        BestAvailableResult out;
        out.step = step;
        out.seats.reserve(m_quantity);
        for (const Part* part : {&candidate.first, &candidate.second}) {
            if (part->run == kNoIndex) {
                continue;
            }
            const SeatRun& run = m_index.runs()[part->run];
            for (std::uint32_t k = 0; k < part->count; ++k) {
                out.seats.push_back(seatOf(run, part->start + k));
            }
        }
        return out;
    }

    const LayoutIndex& m_index;
    std::span<const std::uint8_t> m_available;
    BestAvailableScratch& m_scratch;
    std::uint32_t m_quantity;
    std::uint32_t m_wheelchair;
    std::span<const std::uint8_t> m_flags;
    std::span<const std::uint16_t> m_slots;
    std::uint8_t m_excludedFlags = 0;
    const std::uint8_t* m_allowed = nullptr;
    std::uint8_t* m_streak = nullptr;
};

BestAvailableOutcome findBestAvailable(const LayoutIndex& index, std::span<const std::uint8_t> available,
                                       const BestAvailableRequest& request, BestAvailableScratch& scratch) {
    if (request.quantity < 1 || request.quantity > kMaxBestAvailableQuantity) {
        return unexpected(BestAvailableError::InvalidQuantity);
    }
    if (request.wheelchairSpaces < 0 || request.wheelchairSpaces > request.quantity) {
        return unexpected(BestAvailableError::InvalidWheelchairSpaces);
    }
    if (available.size() != index.seatCount()) {
        return unexpected(BestAvailableError::AvailabilityMismatch);
    }
    BestAvailableSearch search(index, available, request, scratch);
    if (const auto error = search.allowCategories(request.categories)) {
        return unexpected(*error);
    }
    return search.run();
}

BestAvailableOutcome findBestAvailable(const LayoutIndex& index, std::span<const std::uint8_t> available,
                                       const BestAvailableRequest& request) {
    BestAvailableScratch scratch;
    return findBestAvailable(index, available, request, scratch);
}

Expected<std::uint32_t, BestAvailableError> orphansCreated(const LayoutIndex& index,
                                                           std::span<const std::uint8_t> available,
                                                           std::span<const std::uint32_t> seats) {
    auto taken = [&](std::uint32_t seat) {
        return std::find(seats.begin(), seats.end(), seat) != seats.end();
    };
    auto availableAfter = [&](std::uint32_t seat) { return available[seat] != 0 && !taken(seat); };
    auto neighbours = [&](std::uint32_t seat) {
        const SeatRun& run = index.runs()[index.seat(seat).run];
        const std::uint32_t position = seat - run.firstSeat;
        std::array<std::uint32_t, 2> out{kNoIndex, kNoIndex};
        if (run.circular) {
            if (run.seatCount > 1) {
                out[0] = run.firstSeat + (position + run.seatCount - 1) % run.seatCount;
            }
            if (run.seatCount > 2) {
                out[1] = run.firstSeat + (position + 1) % run.seatCount;
            }
        } else {
            if (position > 0) {
                out[0] = seat - 1;
            }
            if (position + 1 < run.seatCount) {
                out[1] = seat + 1;
            }
        }
        return out;
    };

    // Seats a clerk picked by hand may be anything: out-of-range input is an error, not a crash.
    if (available.size() != index.seatCount()) {
        return unexpected(BestAvailableError::AvailabilityMismatch);
    }
    if (std::any_of(seats.begin(), seats.end(),
                    [&](std::uint32_t seat) { return seat >= index.seatCount(); })) {
        return unexpected(BestAvailableError::UnknownSeat);
    }
    std::vector<std::uint32_t> orphans;
    for (const std::uint32_t seat : seats) {
        for (const std::uint32_t beside : neighbours(seat)) {
            if (beside == kNoIndex || !availableAfter(beside)) {
                continue;
            }
            bool hadNeighbour = false;
            bool hasNeighbour = false;
            for (const std::uint32_t other : neighbours(beside)) {
                if (other != kNoIndex) {
                    hadNeighbour = hadNeighbour || available[other] != 0;
                    hasNeighbour = hasNeighbour || availableAfter(other);
                }
            }
            if (hadNeighbour && !hasNeighbour) {
                orphans.push_back(beside);
            }
        }
    }
    std::sort(orphans.begin(), orphans.end());
    return static_cast<std::uint32_t>(std::unique(orphans.begin(), orphans.end()) - orphans.begin());
}

} // namespace usher::booking
