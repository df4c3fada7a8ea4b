#include "common/layout/editing.h"

#include "common/layout/builders.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <optional>
#include <unordered_set>

namespace usher::layout {
namespace {

bool contains(const std::set<std::string>& set, const std::string& id) {
    return set.find(id) != set.end();
}

bool allSelected(const std::vector<Seat>& seats, const Selection& selection) {
    return !seats.empty() && std::all_of(seats.begin(), seats.end(), [&](const Seat& seat) {
        return contains(selection.seats, seat.id);
    });
}

// Everything a selection moves, as points (to change in place when the layout is not const).
template <typename Layout, typename F>
void forEachSelectedPoint(Layout& layout, const Selection& selection, F&& f) {
    for (auto& section : layout.sections) {
        for (auto& row : section.rows) {
            for (auto& seat : row.seats) {
                if (contains(selection.seats, seat.id)) {
                    f(seat.position);
                }
            }
        }
    }
    for (auto& table : layout.tables) {
        if (contains(selection.tables, table.id) || allSelected(table.seats, selection)) {
            f(table.center);
        }
        for (auto& seat : table.seats) {
            if (contains(selection.seats, seat.id)) {
                f(seat.position);
            }
        }
    }
    for (auto& area : layout.gaAreas) {
        if (contains(selection.areas, area.id)) {
            for (auto& p : area.outline) {
                f(p);
            }
        }
    }
    for (auto& decoration : layout.decorations) {
        if (contains(selection.decorations, decoration.id)) {
            for (auto& p : decoration.points) {
                f(p);
            }
        }
    }
}

template <typename F>
void forEveryMutableSeat(VenueLayout& layout, F&& f) {
    for (Section& section : layout.sections) {
        for (Row& row : section.rows) {
            std::for_each(row.seats.begin(), row.seats.end(), f);
        }
    }
    for (Table& table : layout.tables) {
        std::for_each(table.seats.begin(), table.seats.end(), f);
    }
}

// Companion seats of wheelchair spaces that are gone, or no longer spaces, become plain seats.
void unlinkCompanionsOf(VenueLayout& layout, const std::unordered_set<std::string>& spaces) {
    if (spaces.empty()) {
        return;
    }
    forEveryMutableSeat(layout, [&](Seat& seat) {
        if (seat.isCompanion() && spaces.count(seat.companionOf) != 0) {
            seat.companionOf.clear();
        }
    });
}

template <typename F>
void forEachSelectedSeat(VenueLayout& layout, const Selection& selection, F&& f) {
    for (Section& section : layout.sections) {
        for (Row& row : section.rows) {
            for (Seat& seat : row.seats) {
                if (contains(selection.seats, seat.id)) {
                    f(seat);
                }
            }
        }
    }
    for (Table& table : layout.tables) {
        const bool whole = contains(selection.tables, table.id);
        for (Seat& seat : table.seats) {
            if (whole || contains(selection.seats, seat.id)) {
                f(seat);
            }
        }
    }
}

std::unordered_set<std::string> seatIdsOf(const VenueLayout& layout) {
    std::unordered_set<std::string> ids;
    for (const Section& section : layout.sections) {
        for (const Row& row : section.rows) {
            for (const Seat& seat : row.seats) {
                ids.insert(seat.id);
            }
        }
    }
    for (const Table& table : layout.tables) {
        for (const Seat& seat : table.seats) {
            ids.insert(seat.id);
        }
    }
    return ids;
}

std::string uniqueIn(const std::function<bool(const std::string&)>& taken, std::string_view base) {
    std::string id(base.empty() ? std::string_view("item") : base);
    for (int n = 2; taken(id); ++n) {
        id = std::string(base) + "-" + std::to_string(n);
    }
    return id;
}

std::vector<Point> positionsOf(const Row& row) {
    std::vector<Point> points;
    points.reserve(row.seats.size());
    for (const Seat& seat : row.seats) {
        points.push_back(seat.position);
    }
    return points;
}

void place(Row& row, const std::vector<Point>& positions) {
    for (std::size_t i = 0; i < row.seats.size() && i < positions.size(); ++i) {
        row.seats[i].position = toMillimetres(positions[i]);
    }
}

Seat* findSeat(VenueLayout& layout, std::string_view id) {
    for (Section& section : layout.sections) {
        for (Row& row : section.rows) {
            for (Seat& seat : row.seats) {
                if (seat.id == id) {
                    return &seat;
                }
            }
        }
    }
    for (Table& table : layout.tables) {
        for (Seat& seat : table.seats) {
            if (seat.id == id) {
                return &seat;
            }
        }
    }
    return nullptr;
}

Point centreOfRow(const Row& row) {
    return centroid(positionsOf(row));
}

} // namespace

Selection selectAll(const VenueLayout& layout) {
    Selection selection;
    for (const std::string& id : seatIdsOf(layout)) {
        selection.seats.insert(id);
    }
    for (const GaArea& area : layout.gaAreas) {
        selection.areas.insert(area.id);
    }
    for (const Table& table : layout.tables) {
        selection.tables.insert(table.id);
    }
    for (const Decoration& decoration : layout.decorations) {
        selection.decorations.insert(decoration.id);
    }
    return selection;
}

Selection selectObject(const VenueLayout& layout, std::string_view id) {
    Selection selection;
    for (const Section& section : layout.sections) {
        if (section.id == id) {
            for (const Row& row : section.rows) {
                for (const Seat& seat : row.seats) {
                    selection.seats.insert(seat.id);
                }
            }
        }
    }
    for (const Table& table : layout.tables) {
        if (table.id == id) {
            selection.tables.insert(table.id);
            for (const Seat& seat : table.seats) {
                selection.seats.insert(seat.id);
            }
        }
    }
    for (const GaArea& area : layout.gaAreas) {
        if (area.id == id) {
            selection.areas.insert(area.id);
        }
    }
    for (const Decoration& decoration : layout.decorations) {
        if (decoration.id == id) {
            selection.decorations.insert(decoration.id);
        }
    }
    return selection;
}

Selection existingPart(const VenueLayout& layout, const Selection& selection) {
    Selection kept;
    const auto seats = seatIdsOf(layout);
    for (const std::string& id : selection.seats) {
        if (seats.count(id) != 0) {
            kept.seats.insert(id);
        }
    }
    for (const GaArea& area : layout.gaAreas) {
        if (contains(selection.areas, area.id)) {
            kept.areas.insert(area.id);
        }
    }
    for (const Table& table : layout.tables) {
        if (contains(selection.tables, table.id)) {
            kept.tables.insert(table.id);
        }
    }
    for (const Decoration& decoration : layout.decorations) {
        if (contains(selection.decorations, decoration.id)) {
            kept.decorations.insert(decoration.id);
        }
    }
    return kept;
}

Box boundsOf(const VenueLayout& layout, const Selection& selection) {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    Box box{{kInf, kInf}, {-kInf, -kInf}};
    forEachSelectedPoint(layout, selection, [&](const Point& p) {
        box.min = {std::min(box.min.x, p.x), std::min(box.min.y, p.y)};
        box.max = {std::max(box.max.x, p.x), std::max(box.max.y, p.y)};
    });
    if (box.min.x > box.max.x) {
        return {};
    }
    return box;
}

Point centreOf(const VenueLayout& layout, const Selection& selection) {
    return boundsOf(layout, selection).centre();
}

std::vector<Box> otherObjectBoxes(const VenueLayout& layout, const Selection& selection) {
    std::vector<Box> boxes;
    auto addObject = [&](const std::string& id) {
        const Selection object = selectObject(layout, id);
        const bool touched =
            std::any_of(object.seats.begin(), object.seats.end(),
                        [&](const std::string& seat) { return contains(selection.seats, seat); }) ||
            contains(selection.areas, id) || contains(selection.decorations, id) ||
            contains(selection.tables, id);
        if (!touched && !object.empty()) {
            boxes.push_back(boundsOf(layout, object));
        }
    };
    for (const Section& section : layout.sections) {
        addObject(section.id);
    }
    for (const Table& table : layout.tables) {
        addObject(table.id);
    }
    for (const GaArea& area : layout.gaAreas) {
        addObject(area.id);
    }
    for (const Decoration& decoration : layout.decorations) {
        addObject(decoration.id);
    }
    return boxes;
}

Selection selectionAtPath(const VenueLayout& layout, std::string_view path) {
    // Reads "<name>[<index>]" at the front of `rest`, moving past it and a following '.'.
    auto step = [](std::string_view& rest, std::string_view name) -> std::optional<std::size_t> {
        if (rest.substr(0, name.size()) != name || rest.size() <= name.size() || rest[name.size()] != '[') {
            return std::nullopt;
        }
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        std::size_t value = 0;
        for (char c : rest.substr(name.size() + 1, close - name.size() - 1)) {
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            value = value * 10 + static_cast<std::size_t>(c - '0');
        }
        rest.remove_prefix(close + 1);
        if (!rest.empty() && rest.front() == '.') {
            rest.remove_prefix(1);
        }
        return value;
    };
    Selection selection;
    std::string_view rest = path;
    if (const auto s = step(rest, "sections"); s && *s < layout.sections.size()) {
        const Section& section = layout.sections[*s];
        const auto r = step(rest, "rows");
        for (std::size_t i = 0; i < section.rows.size(); ++i) {
            if (r && *r != i) {
                continue;
            }
            const auto seat = r ? step(rest, "seats") : std::nullopt;
            for (std::size_t k = 0; k < section.rows[i].seats.size(); ++k) {
                if (!seat || *seat == k) {
                    selection.seats.insert(section.rows[i].seats[k].id);
                }
            }
        }
    } else if (const auto t = step(rest, "tables"); t && *t < layout.tables.size()) {
        const Table& table = layout.tables[*t];
        const auto seat = step(rest, "seats");
        if (seat && *seat < table.seats.size()) {
            selection.seats.insert(table.seats[*seat].id);
        } else {
            selection = selectObject(layout, table.id);
        }
    } else if (const auto g = step(rest, "ga_areas"); g && *g < layout.gaAreas.size()) {
        selection.areas.insert(layout.gaAreas[*g].id);
    } else if (const auto d = step(rest, "decorations"); d && *d < layout.decorations.size()) {
        selection.decorations.insert(layout.decorations[*d].id);
    }
    return selection;
}

void translate(VenueLayout& layout, const Selection& selection, Point delta) {
    forEachSelectedPoint(layout, selection, [delta](Point& p) { p = toMillimetres(p + delta); });
}

void rotate(VenueLayout& layout, const Selection& selection, Point pivot, double degrees) {
    forEachSelectedPoint(layout, selection, [&](Point& p) { p = toMillimetres(rotated(p, pivot, degrees)); });
    for (Decoration& decoration : layout.decorations) {
        if (contains(selection.decorations, decoration.id) &&
            (decoration.kind == DecorationKind::Label || decoration.kind == DecorationKind::Ellipse)) {
            double turned = std::fmod(decoration.rotation + degrees, 360.0);
            decoration.rotation = std::round(turned * 100) / 100;
        }
    }
}

void forEachSelectedRow(VenueLayout& layout, const Selection& selection,
                        const std::function<void(Section&, Row&)>& f) {
    for (Section& section : layout.sections) {
        for (Row& row : section.rows) {
            if (std::any_of(row.seats.begin(), row.seats.end(),
                            [&](const Seat& seat) { return contains(selection.seats, seat.id); })) {
                f(section, row);
            }
        }
    }
}

void forEachSelectedSection(VenueLayout& layout, const Selection& selection,
                            const std::function<void(Section&)>& f) {
    for (Section& section : layout.sections) {
        const bool touched = std::any_of(section.rows.begin(), section.rows.end(), [&](const Row& row) {
            return std::any_of(row.seats.begin(), row.seats.end(),
                               [&](const Seat& seat) { return contains(selection.seats, seat.id); });
        });
        if (touched) {
            f(section);
        }
    }
}

void bendRow(Row& row, double curvature) {
    if (row.seats.size() < 3) {
        return;
    }
    const RowLine line{row.seats.front().position, row.seats.back().position, curvature};
    place(row, placeAlong(line, static_cast<int>(row.seats.size())));
}

void setSeatPitch(Row& row, double pitch) {
    const int count = static_cast<int>(row.seats.size());
    if (count < 2 || !(pitch > 0)) {
        return;
    }
    const std::vector<Point> now = positionsOf(row);
    const RowLine line{now.front(), now.back(), curvatureThrough(now)};
    const double length = lengthOf(line);
    if (!(length > 0)) {
        return;
    }
    // Scale the row about its middle: the same curvature over a chord scaled like its length.
    const double scale = pitch * (count - 1) / length;
    const Point middle = (line.start + line.end) * 0.5;
    const RowLine scaled{middle + (line.start - middle) * scale, middle + (line.end - middle) * scale,
                         line.curvature};
    place(row, placeAlong(scaled, count));
}

void stretchRow(VenueLayout& layout, const Section& section, Row& row, int count) {
    count = std::max(count, 1);
    if (row.seats.empty()) {
        return;
    }
    if (static_cast<std::size_t>(count) <= row.seats.size()) {
        // Companions of the seats that go lose their link.
        std::unordered_set<std::string> removed;
        for (std::size_t i = static_cast<std::size_t>(count); i < row.seats.size(); ++i) {
            removed.insert(row.seats[i].id);
        }
        row.seats.resize(static_cast<std::size_t>(count));
        unlinkCompanionsOf(layout, removed);
        return;
    }
    auto ids = seatIdsOf(layout);
    // Each new seat takes the last step turned by the turn between the last two steps, which
    // continues a straight row straight and a curved one along its circle.
    const std::size_t n = row.seats.size();
    Point step{layout.seatSize * 1.1, 0};
    double turn = 0;
    if (n >= 2) {
        step = row.seats[n - 1].position - row.seats[n - 2].position;
    }
    if (n >= 3) {
        const Point before = row.seats[n - 2].position - row.seats[n - 3].position;
        turn = std::atan2(step.y, step.x) - std::atan2(before.y, before.x);
        turn = std::remainder(turn, 2 * std::numbers::pi);
    }
    int next = 0;
    for (const Seat& seat : row.seats) {
        next = std::max(next, std::atoi(seat.number.c_str()));
    }
    const Seat model = row.seats.back();
    while (row.seats.size() < static_cast<std::size_t>(count)) {
        const double c = std::cos(turn);
        const double s = std::sin(turn);
        step = {step.x * c - step.y * s, step.x * s + step.y * c};
        Seat seat;
        seat.number = std::to_string(++next);
        seat.category = model.category;
        seat.position = toMillimetres(row.seats.back().position + step);
        const std::string base = makeSeatId(section.id, row.label, seat.number);
        seat.id = uniqueIn([&](const std::string& id) { return ids.count(id) != 0; }, base);
        ids.insert(seat.id);
        row.seats.push_back(std::move(seat));
    }
}

void setRowSpacing(Section& section, double spacing) {
    if (section.rows.size() < 2 || !(spacing > 0) || section.rows.front().seats.empty()) {
        return;
    }
    const Row& front = section.rows.front();
    const Point origin = centreOfRow(front);
    Point along = front.seats.back().position - front.seats.front().position;
    const double length = std::hypot(along.x, along.y);
    // A row of one seat has no direction: rows then run across the plan, one behind the other.
    Point normal{0, 1};
    if (length > 1e-9) {
        normal = {-along.y / length, along.x / length};
    }
    // The normal points to the side the second row is on.
    const Point second = centreOfRow(section.rows[1]);
    const double secondOffset = (second.x - origin.x) * normal.x + (second.y - origin.y) * normal.y;
    if (secondOffset < 0) {
        normal = normal * -1.0;
    }
    for (std::size_t r = 1; r < section.rows.size(); ++r) {
        Row& row = section.rows[r];
        if (row.seats.empty()) {
            continue;
        }
        const Point centre = centreOfRow(row);
        const double now = (centre.x - origin.x) * normal.x + (centre.y - origin.y) * normal.y;
        const Point shift = normal * (spacing * static_cast<double>(r) - now);
        for (Seat& seat : row.seats) {
            seat.position = toMillimetres(seat.position + shift);
        }
    }
}

void renumberRow(Row& row, const Selection& selection, const SeatNumbering& numbering) {
    std::vector<Seat*> selected;
    for (Seat& seat : row.seats) {
        if (contains(selection.seats, seat.id)) {
            selected.push_back(&seat);
        }
    }
    const auto numbers = seatNumbers(numbering, static_cast<int>(selected.size()));
    for (std::size_t i = 0; i < selected.size(); ++i) {
        selected[i]->number = numbers[i];
    }
}

void relabelRows(Section& section, const RowLabeling& labeling, bool reversed) {
    const auto labels = rowLabels(labeling, static_cast<int>(section.rows.size()));
    for (std::size_t r = 0; r < section.rows.size(); ++r) {
        section.rows[r].label = labels[reversed ? section.rows.size() - 1 - r : r];
    }
}

void setCategory(VenueLayout& layout, const Selection& selection, std::string_view category) {
    forEachSelectedSeat(layout, selection, [&](Seat& seat) { seat.category = category; });
    for (GaArea& area : layout.gaAreas) {
        if (contains(selection.areas, area.id)) {
            area.category = category;
        }
    }
}

void setAttribute(VenueLayout& layout, const Selection& selection, SeatAttribute attribute, bool on) {
    std::unordered_set<std::string> noLongerSpaces;
    forEachSelectedSeat(layout, selection, [&](Seat& seat) {
        switch (attribute) {
        case SeatAttribute::Wheelchair:
            if (seat.wheelchair && !on) {
                noLongerSpaces.insert(seat.id);
            }
            seat.wheelchair = on;
            if (on) {
                seat.companionOf.clear();
            }
            break;
        case SeatAttribute::RestrictedView:
            seat.restrictedView = on;
            break;
        case SeatAttribute::Aisle:
            seat.aisle = on;
            break;
        }
    });
    unlinkCompanionsOf(layout, noLongerSpaces);
}

void setBlocked(VenueLayout& layout, const Selection& selection, const std::string& reason) {
    forEachSelectedSeat(layout, selection, [&](Seat& seat) { seat.blocked = reason; });
}

bool pairCompanion(VenueLayout& layout, std::string_view wheelchair, std::string_view companion) {
    if (wheelchair == companion) {
        return false;
    }
    Seat* space = findSeat(layout, wheelchair);
    Seat* seat = findSeat(layout, companion);
    if (space == nullptr || seat == nullptr) {
        return false;
    }
    space->wheelchair = true;
    space->companionOf.clear();
    const bool wasSpace = seat->wheelchair;
    seat->wheelchair = false;
    seat->companionOf = space->id;
    if (wasSpace) {
        unlinkCompanionsOf(layout, {seat->id});
    }
    return true;
}

bool anySelected(const std::vector<Seat>& seats, const Selection& selection) {
    return std::any_of(seats.begin(), seats.end(),
                       [&](const Seat& seat) { return selection.seats.count(seat.id) != 0; });
}

std::optional<std::string> soleObject(const VenueLayout& layout, const Selection& selection) {
    std::set<std::string> objects(selection.areas.begin(), selection.areas.end());
    objects.insert(selection.tables.begin(), selection.tables.end());
    objects.insert(selection.decorations.begin(), selection.decorations.end());
    for (const Section& section : layout.sections) {
        for (const Row& row : section.rows) {
            if (anySelected(row.seats, selection)) {
                objects.insert(section.id);
            }
        }
    }
    for (const Table& table : layout.tables) {
        if (anySelected(table.seats, selection)) {
            objects.insert(table.id);
        }
    }
    if (objects.size() != 1) {
        return std::nullopt;
    }
    return *objects.begin();
}

namespace {

// The name field of the object with that id, if any.
std::string* nameFieldOf(VenueLayout& layout, std::string_view id) {
    for (Section& section : layout.sections) {
        if (section.id == id) {
            return &section.name;
        }
    }
    for (Table& table : layout.tables) {
        if (table.id == id) {
            return &table.label;
        }
    }
    for (GaArea& area : layout.gaAreas) {
        if (area.id == id) {
            return &area.name;
        }
    }
    for (Decoration& decoration : layout.decorations) {
        if (decoration.id == id) {
            return &decoration.text;
        }
    }
    return nullptr;
}

} // namespace

std::string nameOf(const VenueLayout& layout, std::string_view id) {
    const std::string* name = nameFieldOf(const_cast<VenueLayout&>(layout), id);
    return name != nullptr ? *name : std::string();
}

bool rename(VenueLayout& layout, std::string_view id, const std::string& name) {
    std::string* field = nameFieldOf(layout, id);
    if (field == nullptr) {
        return false;
    }
    *field = name;
    return true;
}

bool makeStage(VenueLayout& layout, std::string_view id) {
    const auto it = std::find_if(layout.decorations.begin(), layout.decorations.end(),
                                 [&](const Decoration& d) { return d.id == id; });
    if (it == layout.decorations.end() || it->kind != DecorationKind::Polygon) {
        return false;
    }
    layout.stage = it->points;
    layout.decorations.erase(it);
    return true;
}

std::string uniqueAreaId(const VenueLayout& layout, std::string_view base) {
    return uniqueIn(
        [&](const std::string& id) {
            return std::any_of(layout.sections.begin(), layout.sections.end(),
                               [&](const Section& s) { return s.id == id; }) ||
                   std::any_of(layout.tables.begin(), layout.tables.end(),
                               [&](const Table& t) { return t.id == id; }) ||
                   std::any_of(layout.gaAreas.begin(), layout.gaAreas.end(),
                               [&](const GaArea& a) { return a.id == id; });
        },
        base);
}

std::string uniqueDecorationId(const VenueLayout& layout, std::string_view base) {
    return uniqueIn(
        [&](const std::string& id) {
            return std::any_of(layout.decorations.begin(), layout.decorations.end(),
                               [&](const Decoration& d) { return d.id == id; });
        },
        base);
}

void removeSelection(VenueLayout& layout, const Selection& selection) {
    auto gone = [&](const Seat& seat) { return contains(selection.seats, seat.id); };
    std::unordered_set<std::string> removedSpaces;
    auto noteSpaces = [&](const std::vector<Seat>& seats, bool whole) {
        for (const Seat& seat : seats) {
            if (seat.wheelchair && (whole || gone(seat))) {
                removedSpaces.insert(seat.id);
            }
        }
    };
    for (Section& section : layout.sections) {
        for (Row& row : section.rows) {
            noteSpaces(row.seats, false);
            std::erase_if(row.seats, gone);
        }
        std::erase_if(section.rows, [](const Row& row) { return row.seats.empty(); });
    }
    std::erase_if(layout.sections, [](const Section& section) { return section.rows.empty(); });
    for (Table& table : layout.tables) {
        const bool whole = contains(selection.tables, table.id);
        noteSpaces(table.seats, whole);
        if (whole) {
            table.seats.clear();
        }
        std::erase_if(table.seats, gone);
    }
    std::erase_if(layout.tables, [](const Table& table) { return table.seats.empty(); });
    std::erase_if(layout.gaAreas, [&](const GaArea& area) { return contains(selection.areas, area.id); });
    std::erase_if(layout.decorations, [&](const Decoration& decoration) {
        return contains(selection.decorations, decoration.id);
    });
    unlinkCompanionsOf(layout, removedSpaces);
}

VenueLayout copySelection(const VenueLayout& layout, const Selection& selection) {
    VenueLayout fragment;
    fragment.id = layout.id;
    fragment.name = layout.name;
    fragment.seatSize = layout.seatSize;
    fragment.categories = layout.categories;
    auto picked = [&](const Seat& seat) { return contains(selection.seats, seat.id); };
    for (const Section& section : layout.sections) {
        Section part{section.id, section.name, {}};
        for (const Row& row : section.rows) {
            Row kept{row.label, {}};
            std::copy_if(row.seats.begin(), row.seats.end(), std::back_inserter(kept.seats), picked);
            if (!kept.seats.empty()) {
                part.rows.push_back(std::move(kept));
            }
        }
        if (!part.rows.empty()) {
            fragment.sections.push_back(std::move(part));
        }
    }
    for (const Table& table : layout.tables) {
        if (contains(selection.tables, table.id) || allSelected(table.seats, selection)) {
            fragment.tables.push_back(table);
        }
    }
    for (const GaArea& area : layout.gaAreas) {
        if (contains(selection.areas, area.id)) {
            fragment.gaAreas.push_back(area);
        }
    }
    for (const Decoration& decoration : layout.decorations) {
        if (contains(selection.decorations, decoration.id)) {
            fragment.decorations.push_back(decoration);
        }
    }
    return fragment;
}

Selection paste(VenueLayout& layout, const VenueLayout& fragment, Point offset) {
    Selection pasted;
    for (const PriceCategory& category : fragment.categories) {
        if (std::none_of(layout.categories.begin(), layout.categories.end(),
                         [&](const PriceCategory& c) { return c.id == category.id; })) {
            layout.categories.push_back(category);
        }
    }
    auto seatIds = seatIdsOf(layout);
    std::map<std::string, std::string> renamed; // old seat id -> new, for companion links
    auto freshSeat = [&](Seat seat, std::string_view base) {
        const std::string id = uniqueIn([&](const std::string& s) { return seatIds.count(s) != 0; }, base);
        seatIds.insert(id);
        renamed[seat.id] = id;
        seat.id = id;
        seat.position = toMillimetres(seat.position + offset);
        pasted.seats.insert(id);
        return seat;
    };
    const std::size_t firstSection = layout.sections.size();
    const std::size_t firstTable = layout.tables.size();
    for (const Section& section : fragment.sections) {
        Section copy{uniqueAreaId(layout, section.id), section.name, {}};
        for (const Row& row : section.rows) {
            Row rowCopy{row.label, {}};
            for (const Seat& seat : row.seats) {
                rowCopy.seats.push_back(freshSeat(seat, makeSeatId(copy.id, row.label, seat.number)));
            }
            copy.rows.push_back(std::move(rowCopy));
        }
        layout.sections.push_back(std::move(copy));
    }
    for (const Table& table : fragment.tables) {
        Table copy = table;
        copy.id = uniqueAreaId(layout, table.id);
        copy.center = toMillimetres(table.center + offset);
        copy.seats.clear();
        for (const Seat& seat : table.seats) {
            copy.seats.push_back(freshSeat(seat, makeSeatId(copy.id, "", seat.number)));
        }
        pasted.tables.insert(copy.id);
        layout.tables.push_back(std::move(copy));
    }
    for (const GaArea& area : fragment.gaAreas) {
        GaArea copy = area;
        copy.id = uniqueAreaId(layout, area.id);
        for (Point& p : copy.outline) {
            p = toMillimetres(p + offset);
        }
        pasted.areas.insert(copy.id);
        layout.gaAreas.push_back(std::move(copy));
    }
    for (const Decoration& decoration : fragment.decorations) {
        Decoration copy = decoration;
        copy.id = uniqueDecorationId(layout, decoration.id);
        for (Point& p : copy.points) {
            p = toMillimetres(p + offset);
        }
        pasted.decorations.insert(copy.id);
        layout.decorations.push_back(std::move(copy));
    }
    // Companions follow their wheelchair space when it was copied too, and lose the link otherwise.
    auto relink = [&](Seat& seat) {
        if (seat.isCompanion()) {
            const auto it = renamed.find(seat.companionOf);
            seat.companionOf = it == renamed.end() ? std::string() : it->second;
        }
    };
    for (std::size_t s = firstSection; s < layout.sections.size(); ++s) {
        for (Row& row : layout.sections[s].rows) {
            std::for_each(row.seats.begin(), row.seats.end(), relink);
        }
    }
    for (std::size_t t = firstTable; t < layout.tables.size(); ++t) {
        std::for_each(layout.tables[t].seats.begin(), layout.tables[t].seats.end(), relink);
    }
    return pasted;
}

bool sameApartFromPositions(const Section& a, const Section& b) {
    if (a.id != b.id || a.name != b.name || a.rows.size() != b.rows.size()) {
        return false;
    }
    for (std::size_t r = 0; r < a.rows.size(); ++r) {
        const Row& rowA = a.rows[r];
        const Row& rowB = b.rows[r];
        if (rowA.label != rowB.label || rowA.seats.size() != rowB.seats.size()) {
            return false;
        }
        for (std::size_t s = 0; s < rowA.seats.size(); ++s) {
            // Compared as a whole so that a new seat field is never forgotten here.
            Seat moved = rowB.seats[s];
            moved.position = rowA.seats[s].position;
            if (!(moved == rowA.seats[s])) {
                return false;
            }
        }
    }
    return true;
}

} // namespace usher::layout
