#pragma once

#include "common/layout/venue_layout.h"

#include <vector>

namespace usher::layout {

// A row's path on the plan: a straight line from start to end, or an arc through both when
// curvature is not zero. curvature is the bulge as a fraction of the chord (sagitta / chord length):
// 0.1 moves the middle of a 20 m row 2 m to the right of the direction start -> end. For a row drawn
// left to right below the stage, positive curvature curves the row around the stage.
struct RowLine {
    Point start;
    Point end;
    double curvature = 0;
};

// Positions of `count` seats spaced evenly along the line or arc, first at start, last at end
// (one seat sits in the middle of the line).
std::vector<Point> placeAlong(const RowLine& line, int count);

// Length of the line or arc.
double lengthOf(const RowLine& line);

// How many seats fit along the line with centres `pitch` apart.
int seatsThatFit(const RowLine& line, double pitch);

// A block of parallel rows: each row is the previous one moved by rowStep and extended by
// widenPerRow at both ends (rows further back are usually longer).
struct BlockShape {
    RowLine firstRow;
    int rows = 1;
    Point rowStep{0, 0.9};
    double widenPerRow = 0;
};

std::vector<RowLine> blockRows(const BlockShape& block);

// Seat positions around a round table, clockwise from the top (the side nearest the stage).
std::vector<Point> roundTableSeats(Point center, double diameter, int count, double clearance = 0.35);

// Seat positions around a rectangular table: perLongSide seats along each of the two long (width)
// sides and perShortSide along each short side, clockwise from the top-left.
std::vector<Point> rectangleTableSeats(Point center, double width, double height, int perLongSide,
                                       int perShortSide, double clearance = 0.35);

double distance(Point a, Point b);

inline Point operator+(Point a, Point b) {
    return {a.x + b.x, a.y + b.y};
}
inline Point operator-(Point a, Point b) {
    return {a.x - b.x, a.y - b.y};
}
inline Point operator*(Point a, double k) {
    return {a.x * k, a.y * k};
}

// The mean of the finite points; the origin when there are none.
Point centroid(const std::vector<Point>& points);

// `p` turned about `pivot` by `degrees` clockwise on the plan (y grows downwards).
Point rotated(Point p, Point pivot, double degrees);

// The curvature (see RowLine) of the circle through the first, middle and last of `points`, with
// the chord from the first to the last: 0 for fewer than three points or a straight line.
double curvatureThrough(const std::vector<Point>& points);

bool isFinite(Point p);

// Rounded to the millimetre, which is finer than any seat plan needs; keeps layout files short and
// identical whatever the last bit of the platform's sin and cos. Never returns -0.
double toMillimetres(double metres);
Point toMillimetres(Point p);

} // namespace usher::layout
