#include "common/layout/builders.h"
#include "common/layout/demo_venues.h"
#include "common/layout/editing.h"
#include "common/layout/geometry.h"
#include "common/layout/layout_json.h"
#include "common/layout/layout_patch.h"
#include "common/layout/svg_export.h"
#include "common/layout/validation.h"

#include <QtTest>

#include <cmath>

using namespace usher::layout;

namespace {

// One section of `rows` straight rows of `seats` seats, 0.5 m apart, rows 1 m apart.
VenueLayout block(int rows, int seats) {
    VenueLayout layout;
    layout.id = "hall";
    layout.name = "Hall";
    layout.categories = {{"a", "A", "#112233"}, {"b", "B", "#445566"}};
    Section section{"main", "Main", {}};
    const BlockShape shape{{{0, 5}, {0.5 * (seats - 1), 5}, 0}, rows, {0, 1}, 0};
    const std::vector<int> counts{seats};
    section.rows = makeBlock("M", shape, counts, {}, {}, "a");
    layout.sections.push_back(section);
    return layout;
}

double pitchOf(const Row& row, std::size_t i) {
    return distance(row.seats[i].position, row.seats[i + 1].position);
}

} // namespace

class TestLayoutEditing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bendKeepsTheRowEnds() {
        VenueLayout layout = block(1, 9);
        Row& row = layout.sections[0].rows[0];
        const Point first = row.seats.front().position;
        const Point last = row.seats.back().position;
        bendRow(row, 0.1);
        QCOMPARE(row.seats.front().position, first);
        QCOMPARE(row.seats.back().position, last);
        // The middle bulges away from the stage (down the plan) by a tenth of the 4 m chord.
        QCOMPARE(row.seats[4].position.y, 5.4);
        QVERIFY(std::abs(curvatureThrough({first, row.seats[4].position, last}) - 0.1) < 1e-3);
    }

    void seatPitchScalesTheRowAboutItsMiddle() {
        VenueLayout layout = block(1, 5);
        Row& row = layout.sections[0].rows[0];
        setSeatPitch(row, 0.6);
        for (std::size_t i = 0; i + 1 < row.seats.size(); ++i) {
            QVERIFY(std::abs(pitchOf(row, i) - 0.6) < 1e-3);
        }
        QCOMPARE(row.seats[2].position, (Point{1, 5}));
    }

    void stretchContinuesTheRowAndItsCurve() {
        VenueLayout layout = block(1, 7);
        Section& section = layout.sections[0];
        bendRow(section.rows[0], 0.08);
        stretchRow(layout, section, section.rows[0], 10);
        const Row& row = section.rows[0];
        QCOMPARE(row.seats.size(), 10u);
        QCOMPARE(row.seats.back().number, std::string("10"));
        QCOMPARE(row.seats.back().category, std::string("a"));
        // Still on one circle: the curvature through the whole row is that of a longer arc, not 0.
        for (std::size_t i = 6; i + 1 < row.seats.size(); ++i) {
            QVERIFY(std::abs(pitchOf(row, i) - pitchOf(row, 0)) < 2e-3);
        }
        QVERIFY(validate(layout).empty());
        stretchRow(layout, section, section.rows[0], 4);
        QCOMPARE(section.rows[0].seats.size(), 4u);
    }

    void rowSpacingMovesRowsAlongTheFrontRowsNormal() {
        VenueLayout layout = block(4, 6);
        setRowSpacing(layout.sections[0], 1.25);
        for (std::size_t r = 0; r < 4; ++r) {
            QCOMPARE(layout.sections[0].rows[r].seats[0].position.y, 5 + 1.25 * static_cast<double>(r));
        }
    }

    void renumberAndRelabel() {
        VenueLayout layout = block(3, 4);
        Section& section = layout.sections[0];
        renumberRow(section.rows[0], selectAll(layout), {1, NumberParity::Odd, NumberDirection::RightToLeft});
        QCOMPARE(section.rows[0].seats[0].number, std::string("7"));
        QCOMPARE(section.rows[0].seats[3].number, std::string("1"));
        // Only the selected seats: the left half counts even numbers out from the middle.
        Selection left{{section.rows[0].seats[0].id, section.rows[0].seats[1].id}, {}, {}, {}};
        renumberRow(section.rows[0], left, {2, NumberParity::Even, NumberDirection::RightToLeft});
        QCOMPARE(section.rows[0].seats[0].number, std::string("4"));
        QCOMPARE(section.rows[0].seats[1].number, std::string("2"));
        QCOMPARE(section.rows[0].seats[2].number, std::string("3"));
        const std::string id = section.rows[0].seats[0].id;
        relabelRows(section, {0, "A"}, true);
        QCOMPARE(section.rows[0].label, std::string("D"));
        QCOMPARE(section.rows[2].label, std::string("B"));
        QCOMPARE(section.rows[0].seats[0].id, id); // ids never change
    }

    void companionsFollowTheirWheelchairSpace() {
        VenueLayout layout = block(1, 4);
        QVERIFY(pairCompanion(layout, "M-A-1", "M-A-2"));
        QVERIFY(!pairCompanion(layout, "M-A-1", "M-A-1"));
        QVERIFY(!pairCompanion(layout, "M-A-1", "nowhere"));
        const Row& row = layout.sections[0].rows[0];
        QVERIFY(row.seats[0].wheelchair);
        QCOMPARE(row.seats[1].companionOf, std::string("M-A-1"));
        QVERIFY(validate(layout).empty());
        // A space that is no longer one leaves no dangling companion.
        setAttribute(layout, Selection{{"M-A-1"}, {}, {}, {}}, SeatAttribute::Wheelchair, false);
        QVERIFY(!layout.sections[0].rows[0].seats[1].isCompanion());
        QVERIFY(pairCompanion(layout, "M-A-1", "M-A-2"));
        removeSelection(layout, Selection{{"M-A-1"}, {}, {}, {}});
        QVERIFY(!layout.sections[0].rows[0].seats[0].isCompanion());
        QVERIFY(validate(layout).empty());
    }

    void sectionsThatOnlyMovedAreTold() {
        const VenueLayout original = block(3, 4);
        VenueLayout moved = original;
        translate(moved, selectAll(moved), {2, 1});
        QVERIFY(sameApartFromPositions(original.sections[0], moved.sections[0]));
        VenueLayout painted = moved;
        setCategory(painted, selectAll(painted), "b");
        QVERIFY(!sameApartFromPositions(original.sections[0], painted.sections[0]));
        VenueLayout stretched = original;
        stretchRow(stretched, stretched.sections[0], stretched.sections[0].rows[1], 5);
        QVERIFY(!sameApartFromPositions(original.sections[0], stretched.sections[0]));
    }

    void removingEveryRowRemovesTheSection() {
        VenueLayout layout = block(2, 3);
        removeSelection(layout, selectObject(layout, "main"));
        QVERIFY(layout.sections.empty());
    }

    void pasteMakesFreshIdsAndAValidLayout() {
        VenueLayout theatre = grandTheatre();
        const Selection stalls = selectObject(theatre, "stalls");
        const VenueLayout clip = copySelection(theatre, stalls);
        const Selection pasted = paste(theatre, clip, {60, 0});
        QCOMPARE(pasted.seats.size(), stalls.seats.size());
        QCOMPARE(theatre.sections.back().id, std::string("stalls-2"));
        for (const std::string& id : pasted.seats) {
            QVERIFY(stalls.seats.count(id) == 0);
        }
        const auto problems = validate(theatre);
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().message.c_str());
        // Companions point at the pasted wheelchair spaces, not at the originals.
        for (const Row& row : theatre.sections.back().rows) {
            for (const Seat& seat : row.seats) {
                QVERIFY(!seat.isCompanion() || pasted.seats.count(seat.companionOf) == 1);
            }
        }
    }

    void rotateTurnsAboutThePivotAndTurnsLabels() {
        VenueLayout layout = block(1, 3);
        Decoration label;
        label.id = "sign";
        label.points = {{0, 0}};
        label.text = "Bar";
        layout.decorations.push_back(label);
        rotate(layout, Selection{{"M-A-1"}, {}, {}, {"sign"}}, {0, 0}, 90);
        QCOMPARE(layout.sections[0].rows[0].seats[0].position, (Point{-5, 0}));
        QCOMPARE(layout.decorations[0].rotation, 90.0);
    }

    void patchPutsBackExactlyTheCapturedParts() {
        VenueLayout layout = grandTheatre();
        const VenueLayout original = layout;
        const Selection circle = selectObject(layout, "circle");
        const LayoutParts parts = partsOf(layout, circle);
        QCOMPARE(parts.sections.items.size(), 1u);
        const LayoutPatch before(layout, parts);
        translate(layout, circle, {0.001, 0.003});
        setCategory(layout, circle, "value");
        before.applyTo(layout);
        QVERIFY(layout == original);
    }

    void decorationsRoundTripAndValidate() {
        VenueLayout layout = block(1, 2);
        Decoration exit;
        exit.id = "exit";
        exit.kind = DecorationKind::Ellipse;
        exit.points = {{3, 3}};
        exit.radii = {1, 0.5};
        exit.rotation = 30;
        exit.text = "Mixing desk";
        layout.decorations.push_back(exit);
        layout.sections[0].rows[0].seats[0].blocked = "camera position";
        const auto decoded = layoutFromJson(toJsonText(layout));
        QVERIFY(decoded.hasValue());
        QVERIFY(decoded.value() == layout);
        QVERIFY(validate(layout).empty());
        const std::string svg = toSvg(layout);
        QVERIFY(svg.find("<ellipse class=\"decoration\"") != std::string::npos);
        QVERIFY(svg.find("Mixing desk") != std::string::npos);
        QVERIFY(svg.find("state-blocked") != std::string::npos);

        layout.decorations.push_back(exit);
        layout.decorations.back().kind = DecorationKind::Polygon;
        const auto problems = validate(layout);
        QCOMPARE(problems.size(), 2u);
        QCOMPARE(problems[0].path, std::string("decorations[1].id"));
        QCOMPARE(problems[1].path, std::string("decorations[1].points"));
    }

    void layoutsWithoutDecorationsKeepTheirFiles() {
        QVERIFY(toJsonText(grandTheatre()).find("decorations") == std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestLayoutEditing)
#include "tst_layout_editing.moc"
