#include "common/layout/validation.h"

#include "common/layout/geometry.h"
#include "common/layout/seat_location.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace usher::layout {
namespace {

// Appended piecewise: GCC 12 at -O3 reports a false -Wrestrict for "\"" + std::string(text).
std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.append(1, '"').append(text).append(1, '"');
    return out;
}

constexpr std::uint32_t kNone = UINT32_MAX;

std::uint64_t hashOf(std::string_view text) {
    return std::hash<std::string_view>{}(text);
}

// A grid cell's hash: the murmur3 finaliser over both coordinates, so neighbouring cells spread out.
std::uint64_t cellHash(std::int64_t x, std::int64_t y) {
    std::uint64_t h = static_cast<std::uint64_t>(x) * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(y);
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

// Open addressing over entries kept elsewhere (seats in the layout, keys in a buffer): two flat
// arrays instead of a heap node per entry, which was most of the cost of validating a large venue.
class FlatIndex {
public:
    void reset(std::size_t expected) {
        std::size_t capacity = 16;
        while (capacity < expected * 2) {
            capacity *= 2;
        }
        m_slots.assign(capacity, Slot{0, kNone});
        m_mask = capacity - 1;
    }

    // The entry already stored under an equal key, or kNone after storing `entry`. At most the
    // `expected` entries given to reset() may be stored.
    template <typename Equal>
    std::uint32_t insert(std::uint64_t hash, std::uint32_t entry, Equal&& equal) {
        const auto tag = static_cast<std::uint32_t>(hash >> 32);
        for (std::size_t i = static_cast<std::size_t>(hash) & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.entry == kNone) {
                slot = {tag, entry};
                return kNone;
            }
            if (slot.tag == tag && equal(slot.entry)) {
                return slot.entry;
            }
        }
    }

    template <typename Equal>
    std::uint32_t find(std::uint64_t hash, Equal&& equal) const {
        const auto tag = static_cast<std::uint32_t>(hash >> 32);
        for (std::size_t i = static_cast<std::size_t>(hash) & m_mask;; i = (i + 1) & m_mask) {
            const Slot& slot = m_slots[i];
            if (slot.entry == kNone) {
                return kNone;
            }
            if (slot.tag == tag && equal(slot.entry)) {
                return slot.entry;
            }
        }
    }

private:
    struct Slot {
        std::uint32_t tag;
        std::uint32_t entry;
    };
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
};

// Seat labels within one section or table, keyed by the row label and the number joined with a unit
// separator. The keys share one buffer that is reused from container to container.
class LabelIndex {
public:
    void reset(std::size_t expected) {
        m_index.reset(expected);
        m_keys.clear();
        m_entries.clear();
    }

    // Where an earlier seat with the same label is, or nullptr after recording this one.
    const SeatLocation* insert(std::string_view row, std::string_view number, SeatLocation location) {
        const std::size_t start = m_keys.size();
        m_keys.append(row).append(1, '\x1f').append(number);
        const std::string_view key(m_keys.data() + start, m_keys.size() - start);
        const auto entry = static_cast<std::uint32_t>(m_entries.size());
        const std::uint32_t first =
            m_index.insert(hashOf(key), entry, [&](std::uint32_t j) { return keyOf(j) == key; });
        if (first != kNone) {
            m_keys.resize(start);
            return &m_entries[first].location;
        }
        m_entries.push_back({start, key.size(), location});
        return nullptr;
    }

private:
    struct Entry {
        std::size_t offset;
        std::size_t length;
        SeatLocation location;
    };

    std::string_view keyOf(std::uint32_t entry) const {
        return {m_keys.data() + m_entries[entry].offset, m_entries[entry].length};
    }

    FlatIndex m_index;
    std::string m_keys;
    std::vector<Entry> m_entries;
};

class Validator {
public:
    explicit Validator(const VenueLayout& layout) : m_layout(layout) {}

    std::vector<PathError> run() {
        checkLayout();
        checkCategories();
        checkAreas();
        checkDecorations();
        checkSeats();
        checkOverlaps();
        if (m_truncated > 0) {
            m_problems.push_back({"", "and " + std::to_string(m_truncated) + " more problems"});
        }
        return std::move(m_problems);
    }

private:
    void report(std::string path, std::string message) {
        if (m_problems.size() < kMaxProblems) {
            m_problems.push_back({std::move(path), std::move(message)});
        } else {
            ++m_truncated;
        }
    }

    void checkLayout() {
        if (m_layout.id.empty()) {
            report("id", "must not be empty");
        }
        if (m_layout.name.empty()) {
            report("name", "must not be empty");
        }
        if (!std::isfinite(m_layout.seatSize) || m_layout.seatSize <= 0) {
            report("seat_size", "must be a positive number");
        }
        if (!isFinite(m_layout.focalPoint)) {
            report("focal_point", "coordinates must be finite numbers");
        }
        checkOutline("stage", m_layout.stage);
    }

    void checkOutline(const std::string& path, const std::vector<Point>& outline) {
        for (std::size_t i = 0; i < outline.size(); ++i) {
            if (!isFinite(outline[i])) {
                report(path + "[" + std::to_string(i) + "]", "coordinates must be finite numbers");
            }
        }
    }

    void checkCategories() {
        std::unordered_map<std::string_view, std::size_t> seen;
        for (std::size_t i = 0; i < m_layout.categories.size(); ++i) {
            const PriceCategory& category = m_layout.categories[i];
            const std::string path = "categories[" + std::to_string(i) + "]";
            if (category.id.empty()) {
                report(path + ".id", "must not be empty");
            } else if (auto [it, inserted] = seen.emplace(category.id, i); !inserted) {
                report(path + ".id", "duplicate price category id " + quoted(category.id) +
                                         ", first used at categories[" + std::to_string(it->second) + "]");
            }
            if (category.name.empty()) {
                report(path + ".name", "must not be empty");
            }
            if (!isHexColor(category.color)) {
                report(path + ".color", "must be a colour like \"#1f77b4\", not " + quoted(category.color));
            }
        }
    }

    bool knownCategory(std::string_view id) const {
        return std::any_of(m_layout.categories.begin(), m_layout.categories.end(),
                           [id](const PriceCategory& c) { return c.id == id; });
    }

    // The path is built only when there is something to report: this runs for every seat.
    template <typename PathOf>
    void checkCategoryOf(PathOf&& pathOf, std::string_view category, std::string_view what) {
        if (category.empty()) {
            report(pathOf(), std::string(what) + " has no price category");
        } else if (!knownCategory(category)) {
            report(pathOf(), "unknown price category " + quoted(category));
        }
    }

    // Sections, GA areas and tables share one id space: orders and seat maps refer to them by id.
    void checkAreaId(const std::string& path, const std::string& id) {
        if (id.empty()) {
            report(path + ".id", "must not be empty");
        } else if (auto [it, inserted] = m_areaIds.emplace(id, path); !inserted) {
            report(path + ".id", "duplicate area id " + quoted(id) + ", first used at " + it->second);
        }
    }

    void checkAreas() {
        for (std::size_t s = 0; s < m_layout.sections.size(); ++s) {
            const Section& section = m_layout.sections[s];
            const std::string path = "sections[" + std::to_string(s) + "]";
            checkAreaId(path, section.id);
            std::unordered_map<std::string_view, std::size_t> rowLabels;
            for (std::size_t r = 0; r < section.rows.size(); ++r) {
                const std::string& label = section.rows[r].label;
                const std::string rowPath = path + ".rows[" + std::to_string(r) + "]";
                if (label.empty()) {
                    report(rowPath + ".label", "must not be empty");
                } else if (auto [it, inserted] = rowLabels.emplace(label, r); !inserted) {
                    report(rowPath + ".label", "duplicate row label " + quoted(label) + " in section " +
                                                   quoted(section.id) + ", first used at " + path + ".rows[" +
                                                   std::to_string(it->second) + "]");
                }
            }
        }
        for (std::size_t g = 0; g < m_layout.gaAreas.size(); ++g) {
            const GaArea& area = m_layout.gaAreas[g];
            const std::string path = "ga_areas[" + std::to_string(g) + "]";
            checkAreaId(path, area.id);
            if (area.name.empty()) {
                report(path + ".name", "must not be empty");
            }
            if (area.capacity < 1 || area.capacity > 1'000'000) {
                report(path + ".capacity", "must be between 1 and 1000000");
            }
            checkCategoryOf([&] { return path + ".category"; }, area.category, "general-admission area");
            checkOutline(path + ".outline", area.outline);
        }
        for (std::size_t t = 0; t < m_layout.tables.size(); ++t) {
            const Table& table = m_layout.tables[t];
            const std::string path = "tables[" + std::to_string(t) + "]";
            checkAreaId(path, table.id);
            if (table.label.empty()) {
                report(path + ".label", "must not be empty");
            }
            if (!isFinite(table.center)) {
                report(path + ".center", "coordinates must be finite numbers");
            }
            if (!std::isfinite(table.width) || table.width <= 0 || !std::isfinite(table.height) ||
                table.height <= 0) {
                report(path, "width and height must be positive numbers");
            }
        }
    }

    void checkDecorations() {
        std::unordered_map<std::string_view, std::size_t> seen;
        for (std::size_t i = 0; i < m_layout.decorations.size(); ++i) {
            const Decoration& decoration = m_layout.decorations[i];
            const std::string path = "decorations[" + std::to_string(i) + "]";
            if (decoration.id.empty()) {
                report(path + ".id", "must not be empty");
            } else if (auto [it, inserted] = seen.emplace(decoration.id, i); !inserted) {
                report(path + ".id", "duplicate decoration id " + quoted(decoration.id) +
                                         ", first used at decorations[" + std::to_string(it->second) + "]");
            }
            if (!isHexColor(decoration.color)) {
                report(path + ".color", "must be a colour like \"#1f77b4\", not " + quoted(decoration.color));
            }
            const std::size_t points = decoration.points.size();
            const bool onePoint =
                decoration.kind == DecorationKind::Label || decoration.kind == DecorationKind::Ellipse;
            if (onePoint && points != 1) {
                report(path + ".points", "a label or an ellipse has exactly one point, its centre");
            } else if (decoration.kind == DecorationKind::Polygon && points < 3) {
                report(path + ".points", "a polygon needs at least three corners");
            } else if (decoration.kind == DecorationKind::Polyline && points < 2) {
                report(path + ".points", "a line needs at least two points");
            }
            if (decoration.kind == DecorationKind::Label && decoration.text.empty()) {
                report(path + ".text", "a label needs a text");
            }
            if (decoration.kind == DecorationKind::Ellipse &&
                !(decoration.radii.x > 0 && decoration.radii.y > 0 && isFinite(decoration.radii))) {
                report(path + ".radii", "must be positive numbers");
            }
            checkOutline(path + ".points", decoration.points);
        }
    }

    std::size_t seatsIn(const SeatLocation& location) const {
        if (location.kind == SeatLocation::Kind::Table) {
            return m_layout.tables[location.container].seats.size();
        }
        std::size_t count = 0;
        for (const Row& row : m_layout.sections[location.container].rows) {
            count += row.seats.size();
        }
        return count;
    }

    void checkSeats() {
        m_seats.reserve(seatCount(m_layout));
        forEachSeat(m_layout, [&](const Seat& seat, SeatLocation location) {
            m_seats.push_back({&seat, location});
        });
        m_seatIds.reset(m_seats.size());
        LabelIndex labels; // per section or table
        std::uint32_t currentContainer = UINT32_MAX;
        SeatLocation::Kind currentKind = SeatLocation::Kind::SectionRow;

        for (std::uint32_t i = 0; i < m_seats.size(); ++i) {
            const Seat& seat = *m_seats[i].seat;
            const SeatLocation location = m_seats[i].location;
            if (location.container != currentContainer || location.kind != currentKind) {
                labels.reset(seatsIn(location));
                currentContainer = location.container;
                currentKind = location.kind;
            }
            if (seat.id.empty()) {
                report(seatPath(location) + ".id", "must not be empty");
            } else if (const std::uint32_t first =
                           m_seatIds.insert(hashOf(seat.id), i,
                                            [&](std::uint32_t j) { return m_seats[j].seat->id == seat.id; });
                       first != kNone) {
                report(seatPath(location), "duplicate seat id " + quoted(seat.id) + ", first used at " +
                                               seatPath(m_seats[first].location));
            }
            if (seat.number.empty()) {
                report(seatPath(location) + ".number", "must not be empty");
            } else {
                const std::string& row = rowLabelOf(m_layout, location);
                if (const SeatLocation* first = labels.insert(row, seat.number, location)) {
                    const bool atTable = location.kind == SeatLocation::Kind::Table;
                    report(seatPath(location),
                           "duplicate seat label " + quoted(row + " " + seat.number) + " in " +
                               (atTable ? "table " : "section ") +
                               quoted(atTable ? m_layout.tables[location.container].id
                                              : m_layout.sections[location.container].id) +
                               ", first used at " + seatPath(*first));
                }
            }
            checkCategoryOf([&] { return seatPath(location) + ".category"; }, seat.category, "seat");
            if (!isFinite(seat.position)) {
                report(seatPath(location), "coordinates must be finite numbers");
            }
            if (seat.wheelchair && seat.isCompanion()) {
                report(seatPath(location), "a seat cannot be both a wheelchair space and a companion seat");
            }
        }

        // Companions are checked once every id is known: the wheelchair space may come later.
        for (const SeatRef& ref : m_seats) {
            const Seat& seat = *ref.seat;
            if (!seat.isCompanion()) {
                continue;
            }
            const std::uint32_t target = m_seatIds.find(hashOf(seat.companionOf), [&](std::uint32_t j) {
                return m_seats[j].seat->id == seat.companionOf;
            });
            if (target == kNone) {
                report(seatPath(ref.location) + ".companion_of",
                       "companion seat refers to unknown seat " + quoted(seat.companionOf));
            } else if (!m_seats[target].seat->wheelchair) {
                report(seatPath(ref.location) + ".companion_of",
                       "companion seat without a wheelchair space: " + quoted(seat.companionOf) + " at " +
                           seatPath(m_seats[target].location) + " is not a wheelchair space");
            }
        }
    }

    // Seats whose centres are closer than the seat size overlap. A hash grid with cells one seat wide
    // keeps this linear: only seats in neighbouring cells can overlap. Each cell chains its seats in
    // document order through one flat array, so the grid costs no allocation per cell.
    void checkOverlaps() {
        const double size = m_layout.seatSize;
        if (!std::isfinite(size) || size <= 0) {
            return;
        }
        struct Entry {
            std::int64_t cx;
            std::int64_t cy;
            std::uint32_t seat; // index into m_seats
            std::uint32_t next; // the next entry in the same cell
        };
        std::vector<Entry> entries;
        entries.reserve(m_seats.size());
        for (std::uint32_t i = 0; i < m_seats.size(); ++i) {
            const Point p = m_seats[i].seat->position;
            if (isFinite(p) && std::abs(p.x) < 1e9 && std::abs(p.y) < 1e9) {
                entries.push_back({static_cast<std::int64_t>(std::floor(p.x / size)),
                                   static_cast<std::int64_t>(std::floor(p.y / size)), i, kNone});
            }
        }
        // Cells are numbered densely, row by row over the bounding box, when that array is small, as
        // it is for any real venue: neighbours are then plain array reads. A hash of the coordinates
        // covers sparse layouts (two seats a kilometre apart).
        if (entries.empty()) {
            return;
        }
        std::int64_t minX = entries[0].cx;
        std::int64_t maxX = minX;
        std::int64_t minY = entries[0].cy;
        std::int64_t maxY = minY;
        for (const Entry& entry : entries) {
            minX = std::min(minX, entry.cx);
            maxX = std::max(maxX, entry.cx);
            minY = std::min(minY, entry.cy);
            maxY = std::max(maxY, entry.cy);
        }
        const double denseCells = (static_cast<double>(maxX) - static_cast<double>(minX) + 1) *
                                  (static_cast<double>(maxY) - static_cast<double>(minY) + 1);
        const bool dense = denseCells <= 8.0 * static_cast<double>(entries.size()) + 4096;
        const std::int64_t width = dense ? maxX - minX + 1 : 0;

        struct CellKey {
            std::int64_t x;
            std::int64_t y;
        };
        std::vector<CellKey> keys; // hash grid only
        std::vector<std::uint32_t> heads(dense ? static_cast<std::size_t>(denseCells) : 0, kNone);
        FlatIndex grid;
        grid.reset(dense ? 0 : entries.size());
        auto cellId = [&](std::int64_t x, std::int64_t y) -> std::uint32_t {
            if (dense) {
                if (x < minX || x > maxX || y < minY || y > maxY) {
                    return kNone;
                }
                return static_cast<std::uint32_t>((y - minY) * width + (x - minX));
            }
            return grid.find(cellHash(x, y),
                             [&](std::uint32_t c) { return keys[c].x == x && keys[c].y == y; });
        };
        // Back to front, so that pushing onto each chain leaves it in document order.
        for (auto k = static_cast<std::uint32_t>(entries.size()); k-- > 0;) {
            Entry& entry = entries[k];
            std::uint32_t cell = kNone;
            if (dense) {
                cell = cellId(entry.cx, entry.cy);
            } else {
                const auto fresh = static_cast<std::uint32_t>(keys.size());
                cell = grid.insert(cellHash(entry.cx, entry.cy), fresh, [&](std::uint32_t c) {
                    return keys[c].x == entry.cx && keys[c].y == entry.cy;
                });
                if (cell == kNone) {
                    keys.push_back({entry.cx, entry.cy});
                    heads.push_back(kNone);
                    cell = fresh;
                }
            }
            entry.next = heads[cell];
            heads[cell] = k;
        }
        const double minDistance = size * (1 - 1e-9);
        // The earlier seat (in document order) that seat i overlaps, if any. Stopping at the first
        // keeps this linear even for a layout with every seat on one spot: reporting every pair
        // there would be quadratic and tell a person nothing more.
        auto firstOverlap = [&](std::uint32_t i) -> std::uint32_t {
            const Point position = m_seats[entries[i].seat].seat->position;
            for (std::int64_t dx = -1; dx <= 1; ++dx) {
                for (std::int64_t dy = -1; dy <= 1; ++dy) {
                    const std::uint32_t cell = cellId(entries[i].cx + dx, entries[i].cy + dy);
                    if (cell == kNone) {
                        continue;
                    }
                    for (std::uint32_t j = heads[cell]; j != kNone && j < i; j = entries[j].next) {
                        if (distance(position, m_seats[entries[j].seat].seat->position) < minDistance) {
                            return j;
                        }
                    }
                }
            }
            return kNone;
        };
        for (std::uint32_t i = 0; i < entries.size(); ++i) {
            const std::uint32_t j = firstOverlap(i);
            if (j == kNone) {
                continue;
            }
            if (m_problems.size() >= kMaxProblems) {
                ++m_truncated; // counted, but no message built
                continue;
            }
            const SeatRef& seat = m_seats[entries[i].seat];
            const SeatRef& other = m_seats[entries[j].seat];
            report(seatPath(seat.location),
                   "overlaps seat " + quoted(other.seat->id) + " at " + seatPath(other.location));
        }
    }

    const VenueLayout& m_layout;
    std::vector<PathError> m_problems;
    std::size_t m_truncated = 0;
    std::unordered_map<std::string, std::string> m_areaIds;
    struct SeatRef {
        const Seat* seat;
        SeatLocation location;
    };
    std::vector<SeatRef> m_seats; // every seat, in document order
    FlatIndex m_seatIds;          // seat id -> index into m_seats of its first use
};

} // namespace

std::vector<PathError> validate(const VenueLayout& layout) {
    return Validator(layout).run();
}

} // namespace usher::layout
