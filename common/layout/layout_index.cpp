#include "common/layout/layout_index.h"

#include "common/layout/geometry.h"

#include <algorithm>
#include <cmath>

namespace usher::layout {
namespace {

constexpr std::size_t kMaxCategorySlot = std::numeric_limits<std::uint16_t>::max();

std::uint8_t flagsOf(const Seat& seat) {
    std::uint8_t flags = 0;
    if (seat.wheelchair) {
        flags |= kWheelchair;
    }
    if (seat.isCompanion()) {
        flags |= kCompanion;
    }
    if (seat.restrictedView) {
        flags |= kRestrictedView;
    }
    if (seat.aisle) {
        flags |= kAisle;
    }
    return flags;
}

std::uint32_t toIndex(std::size_t value) {
    return static_cast<std::uint32_t>(value);
}

} // namespace

std::int64_t toMicrometres(double metres) {
    return std::isfinite(metres) ? std::llround(metres * 1e6) : 0;
}

LayoutIndex::LayoutIndex(const VenueLayout& layout)
    : m_focalPoint(layout.focalPoint), m_seatSize(layout.seatSize) {
    const std::size_t count = layout::seatCount(layout);
    m_seats.reserve(count);
    m_ids.reserve(count);
    m_flags.reserve(count);
    m_categorySlots.reserve(count);
    m_byId.reserve(count);

    for (const PriceCategory& category : layout.categories) {
        m_categoryIds.push_back(category.id);
    }
    const auto unknownSlot = static_cast<std::uint16_t>(std::min(m_categoryIds.size(), kMaxCategorySlot));

    std::vector<std::string_view> companionTargets; // resolved once every id is known
    companionTargets.reserve(count);
    forEachSeat(layout, [&](const Seat& seat, SeatLocation location) {
        IndexedSeat indexed;
        indexed.location = location;
        indexed.position = seat.position;
        indexed.distance = distance(seat.position, layout.focalPoint);
        indexed.category = categoryIndex(seat.category);
        indexed.flags = flagsOf(seat);
        m_seats.push_back(indexed);
        m_ids.push_back(seat.id);
        m_flags.push_back(indexed.flags);
        m_categorySlots.push_back(
            indexed.category < kMaxCategorySlot ? static_cast<std::uint16_t>(indexed.category) : unknownSlot);
        companionTargets.push_back(seat.companionOf);
    });

    // m_ids no longer grows: views into it stay valid, also across moves of the index.
    for (std::uint32_t i = 0; i < m_seats.size(); ++i) {
        m_seats[i].id = m_ids[i];
        m_byId.try_emplace(m_seats[i].id, i);
    }
    for (std::uint32_t i = 0; i < m_seats.size(); ++i) {
        m_seats[i].companionOf = kNoIndex;
        if (!companionTargets[i].empty()) {
            m_seats[i].companionOf = find(companionTargets[i]).value_or(kNoIndex);
        }
    }

    // Lines and runs. forEachSeat visits a row's seats one after the other, so a row is a range.
    const double gap = kRunGapFactor * layout.seatSize;
    std::uint32_t next = 0;
    auto addLine = [&](SeatLocation::Kind kind, std::uint32_t container, std::uint32_t row,
                       std::uint32_t seats) {
        SeatLine line{kind, container, row, next, seats, toIndex(m_runs.size()), 0, kNoIndex};
        const auto lineIndex = toIndex(m_lines.size());
        for (std::uint32_t i = next; i < next + seats; ++i) {
            const bool newRun = i == next || (kind == SeatLocation::Kind::SectionRow &&
                                              distance(m_seats[i - 1].position, m_seats[i].position) > gap);
            if (newRun) {
                m_runs.push_back({i, 0, lineIndex, kind == SeatLocation::Kind::Table});
            }
            ++m_runs.back().seatCount;
            m_seats[i].run = toIndex(m_runs.size() - 1);
        }
        line.runCount = toIndex(m_runs.size()) - line.firstRun;
        m_lines.push_back(line);
        next += seats;
    };
    for (std::uint32_t s = 0; s < layout.sections.size(); ++s) {
        const auto& rows = layout.sections[s].rows;
        for (std::uint32_t r = 0; r < rows.size(); ++r) {
            addLine(SeatLocation::Kind::SectionRow, s, r, toIndex(rows[r].seats.size()));
            if (r + 1 < rows.size()) {
                m_lines.back().behind = toIndex(m_lines.size());
            }
        }
    }
    for (std::uint32_t t = 0; t < layout.tables.size(); ++t) {
        addLine(SeatLocation::Kind::Table, t, 0, toIndex(layout.tables[t].seats.size()));
    }

    // Nearest seat in the row behind, by walking from the previous answer: along a row the distance
    // to a fixed point falls and then rises, and the next seat's nearest seat is never far away. Of two
    // equally near seats the first wins.
    for (const SeatLine& line : m_lines) {
        if (line.behind == kNoIndex || m_lines[line.behind].seatCount == 0) {
            continue;
        }
        const SeatLine& back = m_lines[line.behind];
        const std::uint32_t backEnd = back.firstSeat + back.seatCount;
        std::uint32_t nearest = back.firstSeat;
        for (std::uint32_t i = line.firstSeat; i < line.firstSeat + line.seatCount; ++i) {
            const Point p = m_seats[i].position;
            while (nearest + 1 < backEnd &&
                   distance(p, m_seats[nearest + 1].position) < distance(p, m_seats[nearest].position)) {
                ++nearest;
            }
            while (nearest > back.firstSeat &&
                   distance(p, m_seats[nearest - 1].position) <= distance(p, m_seats[nearest].position)) {
                --nearest;
            }
            m_seats[i].behind = nearest;
        }
    }

    for (SeatLine& line : m_lines) {
        line.closest = std::numeric_limits<std::int64_t>::max();
        for (std::uint32_t i = line.firstSeat; i < line.firstSeat + line.seatCount; ++i) {
            line.closest = std::min(line.closest, toMicrometres(m_seats[i].distance));
        }
    }
    auto pairDistance = [this](std::uint32_t front) {
        return std::min(m_lines[front].closest, m_lines[m_lines[front].behind].closest);
    };
    for (std::uint32_t i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].behind != kNoIndex && m_lines[i].seatCount > 0 &&
            m_lines[m_lines[i].behind].seatCount > 0) {
            m_rowPairs.push_back(i);
        }
    }
    std::stable_sort(m_rowPairs.begin(), m_rowPairs.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return pairDistance(a) < pairDistance(b); });

    m_distancePrefix.assign(m_seats.size() + 1, 0);
    m_wheelchairPrefix.assign(m_seats.size() + 1, 0);
    m_companionPrefix.assign(m_seats.size() + 1, 0);
    m_restrictedPrefix.assign(m_seats.size() + 1, 0);
    for (std::size_t i = 0; i < m_seats.size(); ++i) {
        const IndexedSeat& seat = m_seats[i];
        m_distancePrefix[i + 1] = m_distancePrefix[i] + toMicrometres(seat.distance);
        m_wheelchairPrefix[i + 1] = m_wheelchairPrefix[i] + (seat.has(kWheelchair) ? 1U : 0U);
        m_companionPrefix[i + 1] = m_companionPrefix[i] + (seat.has(kCompanion) ? 1U : 0U);
        m_restrictedPrefix[i + 1] = m_restrictedPrefix[i] + (seat.has(kRestrictedView) ? 1U : 0U);
    }
}

std::optional<std::uint32_t> LayoutIndex::find(std::string_view id) const {
    const auto it = m_byId.find(id);
    if (it == m_byId.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::uint32_t LayoutIndex::categoryIndex(std::string_view id) const {
    // A handful of categories per layout: a linear scan beats hashing.
    for (std::size_t i = 0; i < m_categoryIds.size(); ++i) {
        if (m_categoryIds[i] == id) {
            return toIndex(i);
        }
    }
    return kNoIndex;
}

std::uint32_t LayoutIndex::countFlag(SeatFlag flag, std::uint32_t first, std::uint32_t last) const {
    switch (flag) {
    case kWheelchair:
        return m_wheelchairPrefix[last] - m_wheelchairPrefix[first];
    case kCompanion:
        return m_companionPrefix[last] - m_companionPrefix[first];
    case kRestrictedView:
        return m_restrictedPrefix[last] - m_restrictedPrefix[first];
    case kAisle:
        break;
    }
    std::uint32_t n = 0;
    for (std::uint32_t i = first; i < last; ++i) {
        n += (m_flags[i] & flag) != 0 ? 1U : 0U;
    }
    return n;
}

} // namespace usher::layout
