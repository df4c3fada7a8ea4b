#include "common/layout/demo_venues.h"

#include "common/layout/builders.h"
#include "common/layout/geometry.h"
#include "common/layout/numbering.h"

#include <array>
#include <cmath>
#include <numbers>
#include <string>

namespace usher::layout {
namespace {

// Centre-to-centre distance of neighbouring seats along a row.
constexpr double kPitch = 0.52;

double radians(double degrees) {
    return degrees * std::numbers::pi / 180;
}

// Angles are measured at the centre of a bowl or fan, 0 pointing away from the stage (down the plan)
// and growing towards +x, so walking an arc by increasing angle goes left to right as seen from the
// stage plan.
Point onArc(Point centre, double radius, double angle) {
    return {centre.x + radius * std::sin(angle), centre.y + radius * std::cos(angle)};
}

// The arc of a circle around `centre` between two angles, as a RowLine: placeAlong spaces seats by
// equal angles, so seats on concentric rows line up like a real fan-shaped auditorium. The bulge of
// an arc walked by increasing angle points away from the centre, which is positive curvature.
RowLine arcLine(Point centre, double radius, double fromAngle, double toAngle) {
    const double half = (toAngle - fromAngle) / 2;
    return {onArc(centre, radius, fromAngle), onArc(centre, radius, toAngle), std::tan(half / 2) / 2};
}

// `count` seats at kPitch along the arc of `radius`, centred on arc length `middle` from angle 0.
RowLine seatArc(Point centre, double radius, double middle, int count) {
    const double half = (count - 1) * kPitch / 2;
    return arcLine(centre, radius, (middle - half) / radius, (middle + half) / radius);
}

Row rowOn(std::string_view prefix, const std::string& label, const RowLine& line, int count,
          const SeatNumbering& numbering, std::string_view category) {
    const auto positions = placeAlong(line, count);
    return makeRow(prefix, label, positions, numbering, category);
}

void append(Row& row, const Row& part) {
    row.seats.insert(row.seats.end(), part.seats.begin(), part.seats.end());
}

void pairWheelchair(Seat& space, Seat& companion) {
    space.wheelchair = true;
    companion.companionOf = space.id;
}

void snapToMillimetres(VenueLayout& layout) {
    layout.focalPoint = toMillimetres(layout.focalPoint);
    for (Point& p : layout.stage) {
        p = toMillimetres(p);
    }
    for (Section& section : layout.sections) {
        for (Row& row : section.rows) {
            for (Seat& seat : row.seats) {
                seat.position = toMillimetres(seat.position);
            }
        }
    }
    for (GaArea& area : layout.gaAreas) {
        for (Point& p : area.outline) {
            p = toMillimetres(p);
        }
    }
}

// --- Grand Theatre ---------------------------------------------------------------------------------

// Stalls and circle rows are arcs around a point behind the stage front.
constexpr Point kTheatreCentre{0, -10};

// Seats on each side of the centre aisle, rows A..U without I. Rows widen with the fan and narrow
// again at the back, where the standing area and the wheelchair positions take the room.
constexpr std::array<int, 20> kStallsHalfRow{12, 12, 13, 13, 14, 14, 15, 15, 16, 16,
                                             17, 17, 18, 18, 18, 19, 19, 19, 18, 17};
constexpr double kStallsFrontRadius = 13;
constexpr double kStallsRowStep = 0.9;
constexpr double kStallsAisleHalf = 0.75;

// The circle is upstairs, over the rear stalls; the plan draws it behind them so nothing overlaps.
constexpr std::array<int, 8> kCircleRow{48, 50, 52, 54, 56, 58, 60, 58};
constexpr double kCircleFrontRadius = 37;
constexpr double kCircleRowStep = 0.95;
constexpr double kCircleAisle = 1.4;

Section theatreStalls() {
    Section stalls{"stalls", "Stalls", {}};
    const auto labels = rowLabels({0, "I"}, static_cast<int>(kStallsHalfRow.size()));
    for (std::size_t r = 0; r < kStallsHalfRow.size(); ++r) {
        const int n = kStallsHalfRow[r];
        const double radius = kStallsFrontRadius + kStallsRowStep * static_cast<double>(r);
        const double middle = kStallsAisleHalf + (n - 1) * kPitch / 2;
        const std::string_view category = r < 12 ? "premium" : "standard";
        // House left counts 2, 4, 6... out from the aisle; house right 1, 3, 5...
        Row left = rowOn("ST", labels[r], seatArc(kTheatreCentre, radius, -middle, n), n,
                         {2, NumberParity::Even, NumberDirection::RightToLeft}, category);
        Row right = rowOn("ST", labels[r], seatArc(kTheatreCentre, radius, middle, n), n,
                          {1, NumberParity::Odd, NumberDirection::LeftToRight}, category);
        for (Row* half : {&left, &right}) {
            half->seats.front().aisle = true;
            half->seats.back().aisle = true;
        }
        // The two back rows have step-free access from the side aisles: wheelchair spaces at both
        // ends with the companion seat beside each.
        if (r + 2 >= kStallsHalfRow.size()) {
            pairWheelchair(left.seats[0], left.seats[1]);
            pairWheelchair(right.seats[right.seats.size() - 1], right.seats[right.seats.size() - 2]);
        }
        Row row{labels[r], {}};
        append(row, left);
        append(row, right);
        stalls.rows.push_back(std::move(row));
    }
    return stalls;
}

Section theatreCircle() {
    Section circle{"circle", "Dress Circle", {}};
    const auto labels = rowLabels({0, "I"}, static_cast<int>(kCircleRow.size()));
    for (std::size_t r = 0; r < kCircleRow.size(); ++r) {
        const int total = kCircleRow[r];
        const int side = total / 4;
        const int centreCount = total - 2 * side;
        const double radius = kCircleFrontRadius + kCircleRowStep * static_cast<double>(r);
        const std::string_view category = r < 3 ? "premium" : r < 6 ? "standard" : "value";
        // Two aisles split each row into three blocks, numbered 1..N straight across.
        const double centreHalf = (centreCount - 1) * kPitch / 2;
        const double sideMiddle = centreHalf + kCircleAisle + (side - 1) * kPitch / 2;
        const Row left = rowOn("DC", labels[r], seatArc(kTheatreCentre, radius, -sideMiddle, side), side,
                               {1, NumberParity::All, NumberDirection::LeftToRight}, category);
        const Row centre =
            rowOn("DC", labels[r], seatArc(kTheatreCentre, radius, 0, centreCount), centreCount,
                  {side + 1, NumberParity::All, NumberDirection::LeftToRight}, category);
        const Row right =
            rowOn("DC", labels[r], seatArc(kTheatreCentre, radius, sideMiddle, side), side,
                  {side + centreCount + 1, NumberParity::All, NumberDirection::LeftToRight}, category);
        Row row{labels[r], {}};
        append(row, left);
        append(row, centre);
        append(row, right);
        auto& seats = row.seats;
        const auto n = seats.size();
        const auto sideSize = static_cast<std::size_t>(side);
        for (std::size_t i : {sideSize - 1, sideSize, sideSize + static_cast<std::size_t>(centreCount) - 1,
                              sideSize + static_cast<std::size_t>(centreCount)}) {
            seats[i].aisle = true;
        }
        // The ends of the circle look across the stage past the proscenium.
        for (std::size_t i : {std::size_t{0}, std::size_t{1}, n - 2, n - 1}) {
            seats[i].restrictedView = true;
            seats[i].category = "value";
        }
        circle.rows.push_back(std::move(row));
    }
    return circle;
}

// A box: two rows of three beside the stalls, the front row against the rail.
Section theatreBox(std::string id, std::string name, std::string_view prefix, double railX, double wallX,
                   double frontY) {
    Section box{std::move(id), std::move(name), {}};
    const RowLine front{{railX, frontY}, {railX, frontY + 2 * 0.55}, 0};
    const RowLine back{{wallX, frontY}, {wallX, frontY + 2 * 0.55}, 0};
    box.rows.push_back(rowOn(prefix, "A", front, 3, {}, "premium"));
    Row rear = rowOn(prefix, "B", back, 3, {}, "standard");
    // The rear row sees the stage over the heads of the front row and past the proscenium.
    for (Seat& seat : rear.seats) {
        seat.restrictedView = true;
    }
    box.rows.push_back(std::move(rear));
    return box;
}

// A band of floor between two arcs, as a polygon for the seat map.
std::vector<Point> arcBand(Point centre, double inner, double outer, double fromAngle, double toAngle,
                           int steps) {
    std::vector<Point> outline;
    for (int i = 0; i <= steps; ++i) {
        outline.push_back(onArc(centre, inner, fromAngle + (toAngle - fromAngle) * i / steps));
    }
    for (int i = steps; i >= 0; --i) {
        outline.push_back(onArc(centre, outer, fromAngle + (toAngle - fromAngle) * i / steps));
    }
    return outline;
}

// --- City Arena ------------------------------------------------------------------------------------

constexpr Point kArenaCentre{0, 0};
constexpr int kLowerSections = 14;
constexpr int kLowerRows = 20;
constexpr double kLowerFrontRadius = 34;
constexpr double kLowerSpanDegrees = 130; // each way from the far end: the stage end stays open
constexpr int kUpperSections = 16;
constexpr int kUpperRows = 25;
constexpr double kUpperFrontRadius = 56;
constexpr double kUpperSpanDegrees = 140;
// The two upper sections at each side of the stage stop short, under the lighting rig.
constexpr int kUpperEndRows = 12;
constexpr double kArenaRowStep = 0.85;

// Seats per row grow with the radius: lower rows 17, 18, 18, 19, 19... (440 a section), upper rows
// 30, 31, 31, 31, 32... (858 a section, 386 in the short end sections). 14 x 440 + 12 x 858 + 4 x 386
// is the arena's 18,000.
int lowerRowSeats(int row) {
    return 17 + (row + 1) / 2;
}
int upperRowSeats(int row) {
    return 30 + (row + 2) / 3;
}

Section arenaSection(int number, double middleAngle, int rows, double frontRadius, int (*rowSeats)(int),
                     std::string_view category, bool wheelchairPlatform, bool restricted) {
    const std::string id = std::to_string(number);
    Section section{id, "Section " + id, {}};
    const auto labels = rowLabels({0, "IO"}, rows);
    for (int r = 0; r < rows; ++r) {
        const int n = rowSeats(r);
        const double radius = frontRadius + kArenaRowStep * r;
        Row row = rowOn(id, labels[static_cast<std::size_t>(r)],
                        seatArc(kArenaCentre, radius, middleAngle * radius, n), n, {}, category);
        // Every section is bounded by stairs on both sides.
        row.seats.front().aisle = true;
        row.seats.back().aisle = true;
        for (Seat& seat : row.seats) {
            seat.restrictedView = restricted;
        }
        // The back row of the lower tier is a platform reached from the concourse without steps.
        if (wheelchairPlatform && r == rows - 1) {
            const std::size_t last = row.seats.size() - 1;
            pairWheelchair(row.seats[0], row.seats[1]);
            pairWheelchair(row.seats[last], row.seats[last - 1]);
        }
        section.rows.push_back(std::move(row));
    }
    return section;
}

// The floor inside the lower tier, stopping at the pit barrier in front of the stage.
std::vector<Point> arenaFloor(double radius, double barrierY) {
    const double top = std::atan2(std::sqrt(radius * radius - barrierY * barrierY), barrierY);
    std::vector<Point> outline;
    constexpr int kSteps = 24;
    for (int i = 0; i <= kSteps; ++i) {
        outline.push_back(onArc(kArenaCentre, radius, top - 2 * top * i / kSteps));
    }
    return outline;
}

} // namespace

VenueLayout grandTheatre() {
    VenueLayout layout;
    layout.id = "grand-theatre";
    layout.name = "Grand Theatre";
    layout.seatSize = 0.5;
    layout.focalPoint = {0, -2};
    layout.stage = {{-8, -10}, {8, -10}, {8, -1}, {6.5, 0}, {-6.5, 0}, {-8, -1}};
    layout.categories = {{"premium", "Premium", "#b71c1c"},
                         {"standard", "Standard", "#1565c0"},
                         {"value", "Value", "#2e7d32"}};
    layout.sections.push_back(theatreStalls());
    layout.sections.push_back(theatreCircle());
    layout.sections.push_back(theatreBox("box-a", "Box A", "BXA", -10.5, -11.3, 0.8));
    layout.sections.push_back(theatreBox("box-b", "Box B", "BXB", -10.5, -11.3, 3.6));
    layout.sections.push_back(theatreBox("box-c", "Box C", "BXC", 10.5, 11.3, 0.8));
    layout.sections.push_back(theatreBox("box-d", "Box D", "BXD", 10.5, 11.3, 3.6));
    layout.gaAreas.push_back({"standing", "Standing (rear stalls)", "value", 100,
                              arcBand(kTheatreCentre, 32, 35, radians(-19), radians(19), 8)});
    snapToMillimetres(layout);
    return layout;
}

VenueLayout cityArena() {
    VenueLayout layout;
    layout.id = "city-arena";
    layout.name = "City Arena";
    layout.seatSize = 0.5;
    layout.focalPoint = {0, -23};
    layout.stage = {{-12, -36}, {12, -36}, {12, -22}, {-12, -22}};
    layout.categories = {{"premium", "Premium Lower Tier", "#6a1b9a"},
                         {"lower", "Lower Tier", "#1565c0"},
                         {"upper", "Upper Tier", "#00897b"},
                         {"floor", "Floor Standing", "#f9a825"}};

    // Sections are numbered clockwise on the plan from house left of the stage, as arenas sign them.
    const double lowerWidth = 2 * kLowerSpanDegrees / kLowerSections;
    for (int k = 0; k < kLowerSections; ++k) {
        const double middle = -kLowerSpanDegrees + lowerWidth * (k + 0.5);
        // The four sections on each side nearest the stage are the best seats in an end-stage show.
        const bool nearStage = k < 4 || k >= kLowerSections - 4;
        const std::string_view category = nearStage ? "premium" : "lower";
        layout.sections.push_back(arenaSection(101 + k, radians(middle), kLowerRows, kLowerFrontRadius,
                                               lowerRowSeats, category, true, false));
    }
    const double upperWidth = 2 * kUpperSpanDegrees / kUpperSections;
    for (int k = 0; k < kUpperSections; ++k) {
        const double middle = -kUpperSpanDegrees + upperWidth * (k + 0.5);
        const bool end = k < 2 || k >= kUpperSections - 2;
        layout.sections.push_back(arenaSection(201 + k, radians(middle), end ? kUpperEndRows : kUpperRows,
                                               kUpperFrontRadius, upperRowSeats, "upper", false, end));
    }
    layout.gaAreas.push_back({"floor", "Floor", "floor", 2500, arenaFloor(31, -19)});
    snapToMillimetres(layout);
    return layout;
}

} // namespace usher::layout
