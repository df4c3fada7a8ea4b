#include "common/layout/geometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace usher::layout {
namespace {

struct ArcFrame {
    Point mid;        // midpoint of the chord
    Point along;      // unit vector start -> end
    Point normal;     // unit vector to the right of `along`, towards the bulge when curvature > 0
    double halfChord; // half the chord length
    double sagitta;   // signed bulge
};

ArcFrame frameOf(const RowLine& line) {
    const double dx = line.end.x - line.start.x;
    const double dy = line.end.y - line.start.y;
    const double chord = std::hypot(dx, dy);
    ArcFrame frame{{(line.start.x + line.end.x) / 2, (line.start.y + line.end.y) / 2},
                   {1, 0},
                   {0, 1},
                   chord / 2,
                   line.curvature * chord};
    if (chord > 0) {
        frame.along = {dx / chord, dy / chord};
        frame.normal = {-frame.along.y, frame.along.x};
    }
    return frame;
}

// Half the angle the arc subtends at its centre, and its radius.
struct ArcShape {
    double halfAngle;
    double radius;
};

ArcShape arcShapeOf(const ArcFrame& f) {
    const double s = std::abs(f.sagitta);
    return {2 * std::atan2(s, f.halfChord), (f.halfChord * f.halfChord + s * s) / (2 * s)};
}

} // namespace

bool isFinite(Point p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

double toMillimetres(double metres) {
    const double rounded = std::round(metres * 1000) / 1000;
    return rounded == 0 ? 0.0 : rounded;
}

Point toMillimetres(Point p) {
    return {toMillimetres(p.x), toMillimetres(p.y)};
}

double distance(Point a, Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

std::vector<Point> placeAlong(const RowLine& line, int count) {
    std::vector<Point> points;
    if (count <= 0) {
        return points;
    }
    points.reserve(static_cast<std::size_t>(count));
    const ArcFrame f = frameOf(line);
    auto fraction = [count](int i) { return count == 1 ? 0.5 : static_cast<double>(i) / (count - 1); };

    if (f.sagitta == 0 || f.halfChord == 0) {
        for (int i = 0; i < count; ++i) {
            const double t = fraction(i);
            points.push_back({line.start.x + (line.end.x - line.start.x) * t,
                              line.start.y + (line.end.y - line.start.y) * t});
        }
        return points;
    }

    // Equal angles along the arc give equal spacing between seats.
    const ArcShape arc = arcShapeOf(f);
    const double side = f.sagitta > 0 ? 1.0 : -1.0;
    const Point bulge{f.normal.x * side, f.normal.y * side};
    const Point center{f.mid.x - bulge.x * (arc.radius - std::abs(f.sagitta)),
                       f.mid.y - bulge.y * (arc.radius - std::abs(f.sagitta))};
    for (int i = 0; i < count; ++i) {
        const double angle = -arc.halfAngle + 2 * arc.halfAngle * fraction(i);
        const double a = std::sin(angle) * arc.radius;
        const double b = std::cos(angle) * arc.radius;
        points.push_back({center.x + a * f.along.x + b * bulge.x, center.y + a * f.along.y + b * bulge.y});
    }
    return points;
}

double lengthOf(const RowLine& line) {
    const ArcFrame f = frameOf(line);
    if (f.sagitta == 0 || f.halfChord == 0) {
        return 2 * f.halfChord;
    }
    const ArcShape arc = arcShapeOf(f);
    return 2 * arc.halfAngle * arc.radius;
}

int seatsThatFit(const RowLine& line, double pitch) {
    if (!(pitch > 0)) {
        return 0;
    }
    return static_cast<int>(std::floor(lengthOf(line) / pitch + 1e-9)) + 1;
}

std::vector<RowLine> blockRows(const BlockShape& block) {
    std::vector<RowLine> rows;
    if (block.rows <= 0) {
        return rows;
    }
    rows.reserve(static_cast<std::size_t>(block.rows));
    const ArcFrame f = frameOf(block.firstRow);
    for (int r = 0; r < block.rows; ++r) {
        const double shiftX = block.rowStep.x * r;
        const double shiftY = block.rowStep.y * r;
        const double widen = block.widenPerRow * r;
        rows.push_back({{block.firstRow.start.x + shiftX - f.along.x * widen,
                         block.firstRow.start.y + shiftY - f.along.y * widen},
                        {block.firstRow.end.x + shiftX + f.along.x * widen,
                         block.firstRow.end.y + shiftY + f.along.y * widen},
                        block.firstRow.curvature});
    }
    return rows;
}

std::vector<Point> roundTableSeats(Point center, double diameter, int count, double clearance) {
    std::vector<Point> points;
    if (count <= 0) {
        return points;
    }
    points.reserve(static_cast<std::size_t>(count));
    const double radius = diameter / 2 + clearance;
    for (int i = 0; i < count; ++i) {
        // Angle 0 is the top of the table (towards the stage, negative y); clockwise on screen.
        const double angle = 2 * std::numbers::pi * i / count;
        points.push_back({center.x + radius * std::sin(angle), center.y - radius * std::cos(angle)});
    }
    return points;
}

std::vector<Point> rectangleTableSeats(Point center, double width, double height, int perLongSide,
                                       int perShortSide, double clearance) {
    std::vector<Point> points;
    const double left = center.x - width / 2;
    const double right = center.x + width / 2;
    const double top = center.y - height / 2;
    const double bottom = center.y + height / 2;
    // Seats sit in the middle of equal slots along each side.
    auto slot = [](double from, double to, int i, int n) { return from + (to - from) * (i + 0.5) / n; };
    for (int i = 0; i < perLongSide; ++i) {
        points.push_back({slot(left, right, i, perLongSide), top - clearance});
    }
    for (int i = 0; i < perShortSide; ++i) {
        points.push_back({right + clearance, slot(top, bottom, i, perShortSide)});
    }
    for (int i = 0; i < perLongSide; ++i) {
        points.push_back({slot(right, left, i, perLongSide), bottom + clearance});
    }
    for (int i = 0; i < perShortSide; ++i) {
        points.push_back({left - clearance, slot(bottom, top, i, perShortSide)});
    }
    return points;
}

Point centroid(const std::vector<Point>& points) {
    Point sum;
    std::size_t count = 0;
    for (Point p : points) {
        if (isFinite(p)) {
            sum = sum + p;
            ++count;
        }
    }
    return count == 0 ? sum : sum * (1.0 / static_cast<double>(count));
}

Point rotated(Point p, Point pivot, double degrees) {
    const double angle = degrees * std::numbers::pi / 180;
    const double c = std::cos(angle);
    const double s = std::sin(angle);
    const Point v = p - pivot;
    return {pivot.x + v.x * c - v.y * s, pivot.y + v.x * s + v.y * c};
}

double curvatureThrough(const std::vector<Point>& points) {
    if (points.size() < 3) {
        return 0;
    }
    const Point a = points.front();
    const Point m = points[points.size() / 2];
    const Point b = points.back();
    const double chord = distance(a, b);
    // Twice the signed area of the triangle: zero when the three points are on one line.
    const double cross = (m.x - a.x) * (b.y - a.y) - (m.y - a.y) * (b.x - a.x);
    if (!(chord > 1e-9) || std::abs(cross) < 1e-9 * chord * chord) {
        return 0;
    }
    const double radius = distance(a, m) * distance(m, b) * chord / (2 * std::abs(cross));
    const double half = chord / 2;
    const double sagitta = radius - std::sqrt(std::max(0.0, radius * radius - half * half));
    // The side of the chord the middle point is on, against RowLine's normal (right of start -> end).
    const Point along{(b.x - a.x) / chord, (b.y - a.y) / chord};
    const Point normal{-along.y, along.x};
    const double side = (m.x - (a.x + b.x) / 2) * normal.x + (m.y - (a.y + b.y) / 2) * normal.y;
    return (side < 0 ? -sagitta : sagitta) / chord;
}

} // namespace usher::layout
