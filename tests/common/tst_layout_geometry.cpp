#include "common/layout/builders.h"
#include "common/layout/geometry.h"
#include "common/layout/numbering.h"

#include <QtTest>

#include <cmath>

using namespace usher::layout;

class TestLayoutGeometry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void straightRowIsEvenlySpaced() {
        const auto points = placeAlong({{0, 0}, {9, 0}, 0}, 10);
        QCOMPARE(points.size(), 10u);
        for (std::size_t i = 0; i < points.size(); ++i) {
            QCOMPARE(points[i].x, static_cast<double>(i));
            QCOMPARE(points[i].y, 0.0);
        }
    }

    void singleSeatSitsInTheMiddle() {
        const auto points = placeAlong({{0, 0}, {4, 2}, 0}, 1);
        QCOMPARE(points.size(), 1u);
        QCOMPARE(points[0], (Point{2, 1}));
    }

    void arcRowBowsAwayFromTheStage() {
        // A 20 m row drawn left to right below the stage, curvature 0.1: the middle is 2 m further back.
        const RowLine line{{-10, 10}, {10, 10}, 0.1};
        const auto points = placeAlong(line, 21);
        QCOMPARE(points.size(), 21u);
        QVERIFY(std::abs(points.front().x + 10) < 1e-9 && std::abs(points.front().y - 10) < 1e-9);
        QVERIFY(std::abs(points.back().x - 10) < 1e-9 && std::abs(points.back().y - 10) < 1e-9);
        QVERIFY(std::abs(points[10].x) < 1e-9);
        QVERIFY(std::abs(points[10].y - 12) < 1e-9);
        // Equal spacing along the arc: every neighbour pair is the same distance apart.
        const double first = distance(points[0], points[1]);
        for (std::size_t i = 1; i + 1 < points.size(); ++i) {
            QVERIFY(std::abs(distance(points[i], points[i + 1]) - first) < 1e-9);
        }
        // All seats lie on one circle: the arc is an arc.
        QVERIFY(lengthOf(line) > 20.0);
    }

    void negativeCurvatureBowsTheOtherWay() {
        const auto points = placeAlong({{-10, 10}, {10, 10}, -0.1}, 3);
        QVERIFY(std::abs(points[1].y - 8) < 1e-9);
    }

    void seatsThatFitUsesThePitch() {
        QCOMPARE(seatsThatFit({{0, 0}, {10, 0}, 0}, 0.5), 21);
        QCOMPARE(seatsThatFit({{0, 0}, {10, 0}, 0}, 0), 0);
    }

    void blockMovesAndWidensRows() {
        BlockShape block{{{0, 5}, {10, 5}, 0}, 3, {0, 1}, 0.5};
        const auto rows = blockRows(block);
        QCOMPARE(rows.size(), 3u);
        QCOMPARE(rows[2].start, (Point{-1, 7}));
        QCOMPARE(rows[2].end, (Point{11, 7}));
    }

    void roundTableSeatsStartAtTheTopClockwise() {
        const auto points = roundTableSeats({0, 0}, 2, 4, 0.5);
        QCOMPARE(points.size(), 4u);
        QVERIFY(std::abs(points[0].x) < 1e-9 && std::abs(points[0].y + 1.5) < 1e-9);
        QVERIFY(std::abs(points[1].x - 1.5) < 1e-9 && std::abs(points[1].y) < 1e-9);
        for (const Point& p : points) {
            QVERIFY(std::abs(distance(p, {0, 0}) - 1.5) < 1e-9);
        }
    }

    void rectangleTableSeatsGoAroundAllSides() {
        const auto points = rectangleTableSeats({0, 0}, 4, 1, 3, 1, 0.5);
        QCOMPARE(points.size(), 8u);
        QCOMPARE(points[0].y, -1.0); // top side
        QCOMPARE(points[3].x, 2.5);  // right end
        QCOMPARE(points[4].y, 1.0);  // bottom side
        QCOMPARE(points[7].x, -2.5); // left end
    }

    void numberingSchemes() {
        using Numbers = std::vector<std::string>;
        QCOMPARE(seatNumbers({}, 4), (Numbers{"1", "2", "3", "4"}));
        QCOMPARE(seatNumbers({1, NumberParity::Odd, NumberDirection::LeftToRight}, 3),
                 (Numbers{"1", "3", "5"}));
        QCOMPARE(seatNumbers({1, NumberParity::Even, NumberDirection::LeftToRight}, 3),
                 (Numbers{"2", "4", "6"}));
        QCOMPARE(seatNumbers({101, NumberParity::All, NumberDirection::RightToLeft}, 3),
                 (Numbers{"103", "102", "101"}));
        QCOMPARE(seatNumbers({2, NumberParity::Odd, NumberDirection::RightToLeft}, 3),
                 (Numbers{"7", "5", "3"}));
        QVERIFY(seatNumbers({}, 0).empty());
    }

    void rowLabelsRunPastZ() {
        QCOMPARE(rowLabel(0), std::string("A"));
        QCOMPARE(rowLabel(25), std::string("Z"));
        QCOMPARE(rowLabel(26), std::string("AA"));
        QCOMPARE(rowLabel(27), std::string("AB"));
        QCOMPARE(rowLabel(26 + 26 * 26), std::string("AAA"));
    }

    void rowLabelsSkipLetters() {
        // Theatres leave out I and O: they read like 1 and 0.
        const auto labels = rowLabels({7, "IO"}, 3);
        QCOMPARE(labels, (std::vector<std::string>{"H", "J", "K"}));
        QCOMPARE(rowLabel(24, "IO"), std::string("AA"));
        QCOMPARE(rowLabel(0, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string());
    }

    void blockBuilderMakesStableIdsAndLabels() {
        BlockShape shape{{{-5, 5}, {5, 5}, 0.05}, 3, {0, 0.9}, 0.3};
        const int counts[] = {10, 12};
        const auto rows = makeBlock("S2", shape, counts, {0, "I"}, {}, "A");
        QCOMPARE(rows.size(), 3u);
        QCOMPARE(rows[0].label, std::string("A"));
        QCOMPARE(rows[0].seats.size(), 10u);
        QCOMPARE(rows[1].seats.size(), 12u);
        QCOMPARE(rows[2].seats.size(), 12u); // the last count repeats
        QCOMPARE(rows[1].seats[2].id, std::string("S2-B-3"));
        QCOMPARE(rows[1].seats[2].number, std::string("3"));
        QCOMPARE(rows[1].seats[2].category, std::string("A"));
    }

    void tableBuilderNumbersSeatsAroundTheTable() {
        const Table table = makeRoundTable("T7", "7", {3, 4}, 1.5, 8, "B");
        QCOMPARE(table.seats.size(), 8u);
        QCOMPARE(table.seats[0].id, std::string("T7-1"));
        QCOMPARE(table.seats[7].number, std::string("8"));
        QCOMPARE(table.shape, TableShape::Round);
        const Table banquet = makeRectangleTable("T8", "8", {0, 0}, 3, 1, 4, 1, "B");
        QCOMPARE(banquet.seats.size(), 10u);
        QCOMPARE(banquet.shape, TableShape::Rectangle);
    }
};

QTEST_APPLESS_MAIN(TestLayoutGeometry)
#include "tst_layout_geometry.moc"
