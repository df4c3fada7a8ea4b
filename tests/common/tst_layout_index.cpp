#include "common/layout/builders.h"
#include "common/layout/geometry.h"
#include "common/layout/layout_index.h"
#include "common/layout/seat_location.h"
#include "tests/common/support/sample_layout.h"

#include <QtTest>

#include <array>
#include <cmath>
#include <vector>

using namespace usher::layout;
using namespace usher::testing;

namespace {

VenueLayout baseLayout() {
    return emptyVenue({{"std", "Standard", "#888888"}, {"vip", "VIP", "#aa0000"}});
}

// A row of seats with an aisle in the middle: `left` seats, `aisle` metres, then `right` seats.
Row rowWithAisle(const char* prefix, int left, int right, double aisle, double y) {
    std::vector<Point> points;
    double x = 0;
    for (int i = 0; i < left + right; ++i) {
        if (i == left) {
            x += aisle - 0.5;
        }
        points.push_back({x, y});
        x += 0.5;
    }
    return makeRow(prefix, "A", points, {}, "std");
}

} // namespace

class TestLayoutIndex : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seatsFollowTheDocumentOrder();
    void findsSeatsById();
    void outlivesTheLayoutAndSurvivesAMove();
    void resolvesCategoriesAndFlags();
    void aislesSplitARowIntoRuns();
    void curvedRowsStayOneRun();
    void aTableIsOneCircularRun();
    void linksEachRowToTheRowBehind();
    void findsTheNearestSeatBehind();
    void sumsRangesInConstantTime();
};

void TestLayoutIndex::seatsFollowTheDocumentOrder() {
    VenueLayout layout = baseLayout();
    layout.sections.push_back(straightSection("S1", 2, 4, 2));
    layout.sections.push_back(straightSection("S2", 1, 3, 6));
    layout.tables.push_back(makeRoundTable("T1", "1", {0, 10}, 1.2, 4, "std"));
    const LayoutIndex index(layout);

    QCOMPARE(index.seatCount(), std::size_t{4 + 4 + 3 + 4});
    std::uint32_t i = 0;
    forEachSeat(layout, [&](const Seat& seat, SeatLocation location) {
        const IndexedSeat& indexed = index.seat(i);
        QCOMPARE(std::string(indexed.id), seat.id);
        QVERIFY(indexed.location == location);
        QVERIFY(indexed.position == seat.position);
        QCOMPARE(indexed.distance, distance(seat.position, layout.focalPoint));
        ++i;
    });
    QCOMPARE(index.lines().size(), std::size_t{4});
    QVERIFY(index.lines()[3].kind == SeatLocation::Kind::Table);
}

void TestLayoutIndex::findsSeatsById() {
    VenueLayout layout = baseLayout();
    layout.sections.push_back(straightSection("S1", 3, 5, 2));
    const LayoutIndex index(layout);

    QCOMPARE(index.find("S1-A-1"), std::optional<std::uint32_t>(0));
    QCOMPARE(index.find("S1-B-3"), std::optional<std::uint32_t>(7));
    QCOMPARE(index.find("S1-C-5"), std::optional<std::uint32_t>(14));
    QVERIFY(!index.find("S1-D-1"));
    QVERIFY(!index.find(""));
}

void TestLayoutIndex::outlivesTheLayoutAndSurvivesAMove() {
    // The server builds the index once and may drop the parsed layout: the index copies the ids.
    auto build = [] {
        VenueLayout layout = baseLayout();
        layout.sections.push_back(straightSection("S1", 2, 30, 2));
        return LayoutIndex(layout);
    };
    LayoutIndex index = build();
    LayoutIndex moved = std::move(index);
    QCOMPARE(moved.find("S1-B-30"), std::optional<std::uint32_t>(59));
    QCOMPARE(std::string(moved.seat(31).id), std::string("S1-B-2"));
}

void TestLayoutIndex::resolvesCategoriesAndFlags() {
    VenueLayout layout = baseLayout();
    layout.sections.push_back(straightSection("S1", 1, 6, 2));
    auto& seats = layout.sections[0].rows[0].seats;
    seats[0].category = "vip";
    seats[1].category = "nope";
    seats[2].wheelchair = true;
    seats[3].companionOf = seats[2].id;
    seats[4].restrictedView = true;
    seats[5].aisle = true;
    const LayoutIndex index(layout);

    QCOMPARE(index.categoryIndex("std"), 0U);
    QCOMPARE(index.categoryIndex("vip"), 1U);
    QCOMPARE(index.categoryIndex("nope"), kNoIndex);
    QCOMPARE(index.seat(0).category, 1U);
    QCOMPARE(index.seat(1).category, kNoIndex);
    QCOMPARE(index.categorySlots()[1], std::uint16_t{2}); // unknown: one past the last category
    QCOMPARE(index.seat(5).category, 0U);

    QVERIFY(index.seat(2).has(kWheelchair));
    QVERIFY(index.seat(3).has(kCompanion));
    QCOMPARE(index.seat(3).companionOf, 2U);
    QCOMPARE(index.seat(2).companionOf, kNoIndex);
    QVERIFY(index.seat(4).has(kRestrictedView));
    QVERIFY(index.seat(5).has(kAisle));
    QCOMPARE(index.flags()[5], std::uint8_t{kAisle});
}

void TestLayoutIndex::aislesSplitARowIntoRuns() {
    VenueLayout layout = baseLayout();
    Section section{"S1", "Stalls", {}};
    section.rows.push_back(rowWithAisle("S1", 5, 5, 1.2, 3));    // 1.2 m apart: an aisle
    section.rows.push_back(rowWithAisle("S1b", 4, 4, 0.7, 3.9)); // 0.7 m: a wide seat, still together
    layout.sections.push_back(section);
    const LayoutIndex index(layout);

    QCOMPARE(index.lines()[0].runCount, 2U);
    const SeatRun& left = index.runs()[index.lines()[0].firstRun];
    const SeatRun& right = index.runs()[index.lines()[0].firstRun + 1];
    QCOMPARE(left.firstSeat, 0U);
    QCOMPARE(left.seatCount, 5U);
    QCOMPARE(right.firstSeat, 5U);
    QCOMPARE(right.seatCount, 5U);
    QVERIFY(!left.circular);
    QCOMPARE(index.seat(4).run, 0U);
    QCOMPARE(index.seat(5).run, 1U);

    QCOMPARE(index.lines()[1].runCount, 1U);
    QCOMPARE(index.runs()[2].seatCount, 8U);
    QCOMPARE(index.runs()[2].line, 1U);
}

void TestLayoutIndex::curvedRowsStayOneRun() {
    VenueLayout layout = baseLayout();
    const BlockShape shape{{{-10, 4}, {10, 4}, 0.15}, 5, {0, 1.0}, 0.3};
    const std::array counts{30, 32, 34};
    layout.sections.push_back({"S1", "Circle", makeBlock("S1", shape, counts, {}, {}, "std")});
    const LayoutIndex index(layout);

    QCOMPARE(index.lines().size(), std::size_t{5});
    for (const SeatLine& line : index.lines()) {
        QCOMPARE(line.runCount, 1U);
    }
}

void TestLayoutIndex::aTableIsOneCircularRun() {
    // Around a round table the chairs are about a metre apart, but people at one table are together.
    VenueLayout layout = baseLayout();
    layout.tables.push_back(makeRoundTable("T1", "1", {0, 5}, 1.8, 8, "std"));
    const LayoutIndex index(layout);

    QCOMPARE(index.lines().size(), std::size_t{1});
    QCOMPARE(index.lines()[0].runCount, 1U);
    QCOMPARE(index.lines()[0].behind, kNoIndex);
    QCOMPARE(index.runs()[0].seatCount, 8U);
    QVERIFY(index.runs()[0].circular);
    QCOMPARE(index.seat(3).behind, kNoIndex);
}

void TestLayoutIndex::linksEachRowToTheRowBehind() {
    VenueLayout layout = baseLayout();
    layout.sections.push_back(straightSection("S1", 3, 4, 2));
    layout.sections.push_back(straightSection("S2", 2, 4, 6));
    const LayoutIndex index(layout);

    const auto lines = index.lines();
    QCOMPARE(lines.size(), std::size_t{5});
    QCOMPARE(lines[0].behind, 1U);
    QCOMPARE(lines[1].behind, 2U);
    QCOMPARE(lines[2].behind, kNoIndex); // the next section starts over: no split across sections
    QCOMPARE(lines[3].behind, 4U);
    QCOMPARE(lines[4].behind, kNoIndex);
    QCOMPARE(lines[1].container, 0U);
    QCOMPARE(lines[1].row, 1U);
    QCOMPARE(lines[4].container, 1U);
    QCOMPARE(lines[4].firstSeat, 16U);
}

void TestLayoutIndex::findsTheNearestSeatBehind() {
    VenueLayout layout = baseLayout();
    // Each row one seat longer, and curved: the seat behind is not simply the same number.
    const BlockShape shape{{{-4, 3}, {4, 3}, 0.1}, 4, {0, 0.9}, 0.25};
    const std::array counts{17, 18, 19, 20};
    layout.sections.push_back({"S1", "Stalls", makeBlock("S1", shape, counts, {}, {}, "std")});
    const LayoutIndex index(layout);

    for (const SeatLine& line : index.lines()) {
        for (std::uint32_t i = line.firstSeat; i < line.firstSeat + line.seatCount; ++i) {
            if (line.behind == kNoIndex) {
                QCOMPARE(index.seat(i).behind, kNoIndex);
                continue;
            }
            const SeatLine& back = index.lines()[line.behind];
            std::uint32_t nearest = back.firstSeat;
            for (std::uint32_t j = back.firstSeat; j < back.firstSeat + back.seatCount; ++j) {
                if (distance(index.seat(i).position, index.seat(j).position) <
                    distance(index.seat(i).position, index.seat(nearest).position)) {
                    nearest = j;
                }
            }
            QCOMPARE(index.seat(i).behind, nearest);
        }
    }
}

void TestLayoutIndex::sumsRangesInConstantTime() {
    VenueLayout layout = baseLayout();
    layout.sections.push_back(straightSection("S1", 2, 10, 2));
    auto& row = layout.sections[0].rows[1].seats;
    row[2].wheelchair = true;
    row[3].companionOf = row[2].id;
    row[4].restrictedView = true;
    row[5].restrictedView = true;
    const LayoutIndex index(layout);

    std::int64_t expected = 0;
    for (std::uint32_t i = 3; i < 15; ++i) {
        expected += toMicrometres(index.seat(i).distance);
    }
    QCOMPARE(index.distanceSum(3, 15), expected);
    QCOMPARE(index.distanceSum(7, 7), std::int64_t{0});
    QCOMPARE(index.countFlag(kWheelchair, 0, 20), 1U);
    QCOMPARE(index.countFlag(kWheelchair, 0, 12), 0U);
    QCOMPARE(index.countFlag(kCompanion, 13, 14), 1U);
    QCOMPARE(index.countFlag(kRestrictedView, 10, 20), 2U);
    QCOMPARE(index.countFlag(kRestrictedView, 15, 20), 1U);
    QCOMPARE(index.countFlag(kAisle, 0, 20), 0U);
    QCOMPARE(toMicrometres(1.5), std::int64_t{1500000});
}

QTEST_APPLESS_MAIN(TestLayoutIndex)
#include "tst_layout_index.moc"
