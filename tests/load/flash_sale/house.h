// flash-sale: the house: seat ids, seat states and the storefront's view of them.
#pragma once

#include "tests/load/flash_sale/stats.h"

namespace usher::tools::flash_sale {

// The house: every seat id once, and one client's belief about which seats are available.

struct SeatIndex {
    std::vector<std::string> ids;
    std::unordered_map<std::string, std::uint32_t> byId;

    std::optional<std::uint32_t> find(std::string_view id) const {
        const auto it = byId.find(std::string(id));
        if (it == byId.end()) {
            return std::nullopt;
        }
        return it->second;
    }
};

// What a client believes about a seat. Unknown: not available as far as it knows (in its own
// request, or named by a 409) without the server having said what it is.
enum class SeatState : std::uint8_t { Available, Held, Sold, Other, Unknown };

inline SeatState seatStateFromWire(std::string_view state) {
    if (state == "available") {
        return SeatState::Available;
    }
    if (state == "held") {
        return SeatState::Held;
    }
    if (state == "sold") {
        return SeatState::Sold;
    }
    return SeatState::Other; // blocked, allotted
}

// One client's view of the house: each seat's last known state, and the available ones in a list
// to pick from at random in O(1).
class SeatView {
public:
    void reset(std::size_t seatCount) {
        m_available.clear();
        m_slot.assign(seatCount, kNone);
        m_state.assign(seatCount, SeatState::Unknown);
        m_held = 0;
    }
    std::size_t availableCount() const { return m_available.size(); }
    // Seats the server last reported held (by anyone).
    std::size_t heldCount() const { return m_held; }

    void set(std::uint32_t seat, SeatState state) {
        const SeatState old = m_state[seat];
        m_state[seat] = state;
        if (old == SeatState::Held) {
            --m_held;
        }
        if (state == SeatState::Held) {
            ++m_held;
        }
        if (state == SeatState::Available) {
            if (m_slot[seat] == kNone) {
                m_slot[seat] = static_cast<std::uint32_t>(m_available.size());
                m_available.push_back(seat);
            }
        } else if (const std::uint32_t slot = m_slot[seat]; slot != kNone) {
            const std::uint32_t last = m_available.back();
            m_available[slot] = last;
            m_slot[last] = slot;
            m_available.pop_back();
            m_slot[seat] = kNone;
        }
    }
    // Takes `count` random available seats out of the view (they become Unknown) and returns them.
    std::vector<std::uint32_t> take(std::size_t count, std::mt19937_64& random) {
        std::vector<std::uint32_t> seats;
        while (seats.size() < count && !m_available.empty()) {
            std::uniform_int_distribution<std::size_t> pick(0, m_available.size() - 1);
            const std::uint32_t seat = m_available[pick(random)];
            set(seat, SeatState::Unknown);
            seats.push_back(seat);
        }
        return seats;
    }

private:
    static constexpr std::uint32_t kNone = UINT32_MAX;
    std::vector<std::uint32_t> m_available;
    std::vector<std::uint32_t> m_slot; // position in m_available, or kNone
    std::vector<SeatState> m_state;
    std::size_t m_held = 0;
};

// The storefront's live view of the house, shared by every client (the load generator plays one
// storefront serving many shoppers): it starts from the seat map, learns from every answer its
// clients get (201 holds, the `unavailable_seats` of 409s, commits and releases) and follows the
// change log (GET /changes?since=SEQ, see FeedFollower) for everything else. A seat a client is
// asking for is taken out of it, so two shoppers of this storefront are not offered the same seat at
// once; conflicts then come from the view lagging the server. Thread-safe.
class HouseView {
public:
    void reset(std::size_t seatCount) {
        std::lock_guard lock(m_mutex);
        m_view.reset(seatCount);
    }
    std::size_t availableCount() {
        std::lock_guard lock(m_mutex);
        return m_view.availableCount();
    }
    void set(const std::vector<std::uint32_t>& seats, SeatState state) {
        std::lock_guard lock(m_mutex);
        for (const std::uint32_t seat : seats) {
            m_view.set(seat, state);
        }
    }
    std::vector<std::uint32_t> take(std::size_t count, std::mt19937_64& random) {
        std::lock_guard lock(m_mutex);
        return m_view.take(count, random);
    }
    // Runs `change(SeatView&)` under the lock, for a seat map or a page of changes.
    template <typename Change>
    auto update(Change&& change) {
        std::lock_guard lock(m_mutex);
        return change(m_view);
    }

private:
    std::mutex m_mutex;
    SeatView m_view;
};

struct SeatmapCounts {
    std::int64_t seq = 0;
    std::size_t seats = 0;
    std::size_t available = 0;
    std::size_t held = 0;
    std::size_t sold = 0;
    std::size_t other = 0; // blocked, allotted
    std::size_t unknownIds = 0;
};

// Reads GET /seatmap's `seq` and `seats`; sets every seat's state in `view` (when given) and appends
// every seat id in order to `ids` (when given).
inline std::optional<SeatmapCounts> readSeatmap(std::string_view body, const SeatIndex* index, SeatView* view,
                                                std::vector<std::string>* ids) {
    boost::json::monotonic_resource arena;
    error_code ec;
    const boost::json::value value = boost::json::parse(body, ec, &arena);
    if (ec) {
        return std::nullopt;
    }
    const auto* seats = arrayMember(value, "seats");
    if (seats == nullptr) {
        return std::nullopt;
    }
    SeatmapCounts counts;
    counts.seq = intMember(value, "seq").value_or(0);
    counts.seats = seats->size();
    for (const auto& seat : *seats) {
        const auto* idField = member(seat, "id");
        const auto* stateField = member(seat, "state");
        if (idField == nullptr || !idField->is_string() || stateField == nullptr ||
            !stateField->is_string()) {
            return std::nullopt;
        }
        const std::string_view id = idField->get_string();
        const SeatState state = seatStateFromWire(stateField->get_string());
        switch (state) {
        case SeatState::Available:
            ++counts.available;
            break;
        case SeatState::Held:
            ++counts.held;
            break;
        case SeatState::Sold:
            ++counts.sold;
            break;
        case SeatState::Other:
        case SeatState::Unknown:
            ++counts.other;
            break;
        }
        if (ids != nullptr) {
            ids->emplace_back(id);
        }
        if (index != nullptr && view != nullptr) {
            if (const auto seatIndex = index->find(id)) {
                view->set(*seatIndex, state);
            } else {
                ++counts.unknownIds;
            }
        }
    }
    return counts;
}

} // namespace usher::tools::flash_sale
