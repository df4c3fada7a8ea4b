#include "common/layout/validation.h"

#include "common/layout/geometry.h"
#include "common/layout/seat_location.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace usher::layout {
namespace {

bool isFinite(Point p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

bool isHexColor(std::string_view color) {
    return color.size() == 7 && color[0] == '#' && std::all_of(color.begin() + 1, color.end(), [](char c) {
               return std::isxdigit(static_cast<unsigned char>(c));
           });
}

std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

class Validator {
public:
    explicit Validator(const VenueLayout& layout) : m_layout(layout) {}

    std::vector<PathError> run() {
        checkLayout();
        checkCategories();
        checkAreas();
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

    void checkCategoryOf(const std::string& path, std::string_view category, std::string_view what) {
        if (category.empty()) {
            report(path, std::string(what) + " has no price category");
        } else if (!knownCategory(category)) {
            report(path, "unknown price category " + quoted(category));
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
            checkCategoryOf(path + ".category", area.category, "general-admission area");
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

    void checkSeats() {
        const std::size_t count = seatCount(m_layout);
        m_seatIds.reserve(count);
        std::unordered_map<std::string, SeatLocation> labels; // per section or table
        std::uint32_t currentContainer = UINT32_MAX;
        SeatLocation::Kind currentKind = SeatLocation::Kind::SectionRow;

        forEachSeat(m_layout, [&](const Seat& seat, SeatLocation location) {
            if (location.container != currentContainer || location.kind != currentKind) {
                labels.clear();
                currentContainer = location.container;
                currentKind = location.kind;
            }
            if (seat.id.empty()) {
                report(seatPath(location) + ".id", "must not be empty");
            } else if (auto [it, inserted] = m_seatIds.emplace(seat.id, location); !inserted) {
                report(seatPath(location),
                       "duplicate seat id " + quoted(seat.id) + ", first used at " + seatPath(it->second));
            }
            if (seat.number.empty()) {
                report(seatPath(location) + ".number", "must not be empty");
            } else {
                const std::string& row = rowLabelOf(m_layout, location);
                std::string key;
                key.reserve(row.size() + seat.number.size() + 1);
                key.append(row).append(1, '\x1f').append(seat.number);
                if (auto [it, inserted] = labels.emplace(std::move(key), location); !inserted) {
                    const bool atTable = location.kind == SeatLocation::Kind::Table;
                    report(seatPath(location),
                           "duplicate seat label " + quoted(row + " " + seat.number) + " in " +
                               (atTable ? "table " : "section ") +
                               quoted(atTable ? m_layout.tables[location.container].id
                                              : m_layout.sections[location.container].id) +
                               ", first used at " + seatPath(it->second));
                }
            }
            checkCategoryOf(seatPath(location) + ".category", seat.category, "seat");
            if (!isFinite(seat.position)) {
                report(seatPath(location), "coordinates must be finite numbers");
            }
            if (seat.wheelchair && seat.isCompanion()) {
                report(seatPath(location), "a seat cannot be both a wheelchair space and a companion seat");
            }
        });

        // Companions are checked once every id is known: the wheelchair space may come later.
        forEachSeat(m_layout, [&](const Seat& seat, SeatLocation location) {
            if (!seat.isCompanion()) {
                return;
            }
            const auto target = m_seatIds.find(seat.companionOf);
            if (target == m_seatIds.end()) {
                report(seatPath(location) + ".companion_of",
                       "companion seat refers to unknown seat " + quoted(seat.companionOf));
            } else if (!seatAt(m_layout, target->second).wheelchair) {
                report(seatPath(location) + ".companion_of",
                       "companion seat without a wheelchair space: " + quoted(seat.companionOf) + " at " +
                           seatPath(target->second) + " is not a wheelchair space");
            }
        });
    }

    // Seats whose centres are closer than the seat size overlap. A hash grid with cells one seat wide
    // keeps this linear: only seats in neighbouring cells can overlap.
    void checkOverlaps() {
        const double size = m_layout.seatSize;
        if (!std::isfinite(size) || size <= 0) {
            return;
        }
        struct Entry {
            Point position;
            SeatLocation location;
        };
        std::vector<Entry> entries;
        entries.reserve(m_seatIds.size());
        forEachSeat(m_layout, [&](const Seat& seat, SeatLocation location) {
            if (isFinite(seat.position) && std::abs(seat.position.x) < 1e9 &&
                std::abs(seat.position.y) < 1e9) {
                entries.push_back({seat.position, location});
            }
        });
        auto cellOf = [size](Point p) {
            return std::pair{static_cast<std::int64_t>(std::floor(p.x / size)),
                             static_cast<std::int64_t>(std::floor(p.y / size))};
        };
        auto keyOf = [](std::int64_t cx, std::int64_t cy) {
            return (static_cast<std::uint64_t>(cx) << 32) ^ static_cast<std::uint64_t>(cy & 0xffffffff);
        };
        std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grid;
        grid.reserve(entries.size());
        for (std::uint32_t i = 0; i < entries.size(); ++i) {
            const auto [cx, cy] = cellOf(entries[i].position);
            grid[keyOf(cx, cy)].push_back(i);
        }
        const double minDistance = size * (1 - 1e-9);
        for (std::uint32_t i = 0; i < entries.size(); ++i) {
            const auto [cx, cy] = cellOf(entries[i].position);
            for (std::int64_t dx = -1; dx <= 1; ++dx) {
                for (std::int64_t dy = -1; dy <= 1; ++dy) {
                    const auto cell = grid.find(keyOf(cx + dx, cy + dy));
                    if (cell == grid.end()) {
                        continue;
                    }
                    for (std::uint32_t j : cell->second) {
                        // Each pair once, reported at the later seat.
                        if (j < i && distance(entries[i].position, entries[j].position) < minDistance) {
                            report(seatPath(entries[i].location),
                                   "overlaps seat " + quoted(seatAt(m_layout, entries[j].location).id) +
                                       " at " + seatPath(entries[j].location));
                        }
                    }
                }
            }
        }
    }

    const VenueLayout& m_layout;
    std::vector<PathError> m_problems;
    std::size_t m_truncated = 0;
    std::unordered_map<std::string, std::string> m_areaIds;
    std::unordered_map<std::string_view, SeatLocation> m_seatIds;
};

} // namespace

std::vector<PathError> validate(const VenueLayout& layout) {
    return Validator(layout).run();
}

} // namespace usher::layout
