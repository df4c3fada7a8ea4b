#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace usher::layout {

// Venue coordinates are in metres on the floor plan, x to the right and y away from the stage as
// seen on a screen (y grows downwards, like SVG and Qt's scene).
struct Point {
    double x = 0;
    double y = 0;

    bool operator==(const Point&) const = default;
};

struct PriceCategory {
    std::string id;
    std::string name;
    std::string color; // "#rrggbb" (isHexColor)

    bool operator==(const PriceCategory&) const = default;
};

// One seat. `id` is stable for the life of the layout and of every event sold from it: labels may be
// renumbered, ids never change, so orders and tickets keep pointing at the same chair.
struct Seat {
    std::string id;
    std::string number; // label within its row or table, e.g. "12"
    Point position;
    std::string category;        // PriceCategory::id
    bool wheelchair = false;     // a wheelchair space
    std::string companionOf;     // non-empty: a companion seat for that wheelchair space's seat id
    bool restrictedView = false; // sold with a warning (pillar, overhang)
    bool aisle = false;          // on an aisle: good for people who need to leave
    // Non-empty: never sold from this layout (a broken seat, a camera position), with the reason.
    // Every event made from the layout starts with the seat blocked.
    std::string blocked;

    bool isCompanion() const { return !companionOf.empty(); }
    bool isBlocked() const { return !blocked.empty(); }
    bool operator==(const Seat&) const = default;
};

struct Row {
    std::string label;       // "A", "AA"
    std::vector<Seat> seats; // in order along the row, left to right as seen from the stage plan

    bool operator==(const Row&) const = default;
};

// Reserved seating: rows of seats (stalls, dress circle, an arena block, a box).
struct Section {
    std::string id;
    std::string name;
    std::vector<Row> rows; // front (nearest the stage) first

    bool operator==(const Section&) const = default;
};

// Standing or unnumbered area sold by quantity.
struct GaArea {
    std::string id;
    std::string name;
    std::string category;
    std::int64_t capacity = 0;
    std::vector<Point> outline; // polygon on the plan, for the seat map

    bool operator==(const GaArea&) const = default;
};

enum class TableShape { Round, Rectangle };

// A table with seats around it (cabaret, gala dinner). Seat labels are the table label plus the seat
// number, so a table behaves like a row.
struct Table {
    std::string id;
    std::string label;
    TableShape shape = TableShape::Round;
    Point center;
    double width = 0;  // diameter for round tables
    double height = 0; // equal to width for round tables
    std::vector<Seat> seats;

    bool operator==(const Table&) const = default;
};

enum class DecorationKind { Label, Polygon, Polyline, Ellipse };

// Drawn on the plan and sold nothing: the stage's name, aisles, exits, a mixing desk, a pillar.
struct Decoration {
    std::string id;
    DecorationKind kind = DecorationKind::Label;
    // Label and Ellipse: one point, the centre. Polygon: three or more corners. Polyline: two or more.
    std::vector<Point> points;
    std::string text;              // a Label's text; a caption in the middle of the other shapes
    std::string color = "#7f8c8d"; // "#rrggbb"
    double size = 0.8;             // text height in metres
    Point radii;                   // an Ellipse's half width and half height
    double rotation = 0;           // degrees clockwise, for Label and Ellipse

    bool operator==(const Decoration&) const = default;
};

struct VenueLayout {
    static constexpr int kFormatVersion = 1;

    std::string id;
    std::string name;
    // Footprint of one seat: centres closer than this overlap.
    double seatSize = 0.5;
    Point focalPoint;         // the middle of the stage: "best" seats are the closest to it
    std::vector<Point> stage; // stage outline for drawing; may be empty
    std::vector<PriceCategory> categories;
    std::vector<Section> sections;
    std::vector<GaArea> gaAreas;
    std::vector<Table> tables;
    std::vector<Decoration> decorations;

    bool operator==(const VenueLayout&) const = default;
};

// "#rrggbb": the one colour form layouts use, so every renderer can read it.
bool isHexColor(std::string_view color);

} // namespace usher::layout
