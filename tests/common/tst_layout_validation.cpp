#include "common/layout/validation.h"
#include "tests/common/support/sample_layout.h"

#include <QtTest>

#include <limits>

using namespace usher;
using namespace usher::layout;

namespace {

// The problems as "path: message" lines, for readable failure output.
QStringList problemsOf(const VenueLayout& venue) {
    QStringList lines;
    for (const PathError& problem : validate(venue)) {
        lines << QString::fromStdString(problem.toString());
    }
    return lines;
}

bool hasProblem(const QStringList& problems, const QString& expected) {
    return problems.contains(expected);
}

} // namespace

class TestLayoutValidation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sampleLayoutIsValid() { QCOMPARE(problemsOf(testing::sampleLayout()), QStringList()); }

    void duplicateSeatIdNamesBothPlaces() {
        auto venue = testing::sampleLayout();
        venue.sections[0].rows[2].seats[3].id = "stalls-A-1";
        const auto problems = problemsOf(venue);
        QVERIFY2(hasProblem(problems,
                            "sections[0].rows[2].seats[3]: duplicate seat id \"stalls-A-1\", first used "
                            "at sections[0].rows[0].seats[0]"),
                 qPrintable(problems.join('\n')));
    }

    void duplicateIdsAcrossTablesAndSectionsAreFound() {
        auto venue = testing::sampleLayout();
        venue.tables[0].seats[2].id = "stalls-B-4";
        const auto problems = problemsOf(venue);
        QVERIFY2(hasProblem(problems, "tables[0].seats[2]: duplicate seat id \"stalls-B-4\", first used at "
                                      "sections[0].rows[1].seats[3]"),
                 qPrintable(problems.join('\n')));
    }

    void duplicateLabelWithinASection() {
        auto venue = testing::sampleLayout();
        venue.sections[0].rows[1].seats[5].number = "2";
        const auto problems = problemsOf(venue);
        QVERIFY2(hasProblem(problems, "sections[0].rows[1].seats[5]: duplicate seat label \"B 2\" in section "
                                      "\"stalls\", first used at sections[0].rows[1].seats[1]"),
                 qPrintable(problems.join('\n')));
    }

    void sameLabelInAnotherSectionIsFine() {
        auto venue = testing::sampleLayout();
        Section circle = venue.sections[0];
        circle.id = "circle";
        for (Row& row : circle.rows) {
            for (Seat& seat : row.seats) {
                seat.id = "circle-" + seat.id;
                seat.position.y += 20;
                seat.companionOf = seat.companionOf.empty() ? "" : "circle-" + seat.companionOf;
            }
        }
        venue.sections.push_back(circle);
        QCOMPARE(problemsOf(venue), QStringList());
    }

    void duplicateRowLabel() {
        auto venue = testing::sampleLayout();
        venue.sections[0].rows[2].label = "A";
        const auto problems = problemsOf(venue);
        QVERIFY2(hasProblem(problems,
                            "sections[0].rows[2].label: duplicate row label \"A\" in section \"stalls\", "
                            "first used at sections[0].rows[0]"),
                 qPrintable(problems.join('\n')));
    }

    void companionWithoutWheelchairSpace() {
        auto venue = testing::sampleLayout();
        venue.sections[0].rows[0].seats[2].companionOf = "stalls-A-4";
        venue.sections[0].rows[0].seats[3].companionOf = "no-such-seat";
        const auto problems = problemsOf(venue);
        QVERIFY2(hasProblem(problems,
                            "sections[0].rows[0].seats[2].companion_of: companion seat without a "
                            "wheelchair space: \"stalls-A-4\" at sections[0].rows[0].seats[3] is not a "
                            "wheelchair space"),
                 qPrintable(problems.join('\n')));
        QVERIFY2(hasProblem(problems,
                            "sections[0].rows[0].seats[3].companion_of: companion seat refers to unknown "
                            "seat \"no-such-seat\""),
                 qPrintable(problems.join('\n')));
    }

    void wheelchairAndCompanionAtOnce() {
        auto venue = testing::sampleLayout();
        venue.sections[0].rows[2].seats[0].companionOf = "stalls-C-2";
        const auto problems = problemsOf(venue);
        QVERIFY(hasProblem(problems,
                           "sections[0].rows[2].seats[0]: a seat cannot be both a wheelchair space and a "
                           "companion seat"));
    }

    void seatWithoutCategory() {
        auto venue = testing::sampleLayout();
        venue.sections[0].rows[1].seats[0].category.clear();
        venue.tables[0].seats[0].category = "Z";
        const auto problems = problemsOf(venue);
        QVERIFY(hasProblem(problems, "sections[0].rows[1].seats[0].category: seat has no price category"));
        QVERIFY(hasProblem(problems, "tables[0].seats[0].category: unknown price category \"Z\""));
    }

    void nonFiniteCoordinates() {
        auto venue = testing::sampleLayout();
        venue.sections[0].rows[0].seats[4].position.x = std::numeric_limits<double>::quiet_NaN();
        venue.tables[0].seats[1].position.y = std::numeric_limits<double>::infinity();
        venue.focalPoint.y = std::numeric_limits<double>::infinity();
        const auto problems = problemsOf(venue);
        QVERIFY(hasProblem(problems, "sections[0].rows[0].seats[4]: coordinates must be finite numbers"));
        QVERIFY(hasProblem(problems, "tables[0].seats[1]: coordinates must be finite numbers"));
        QVERIFY(hasProblem(problems, "focal_point: coordinates must be finite numbers"));
    }

    void overlappingSeats() {
        auto venue = testing::sampleLayout();
        // Put a table seat right on top of a stalls seat.
        venue.tables[0].seats[3].position = venue.sections[0].rows[1].seats[6].position;
        venue.tables[0].seats[3].position.y += 0.1;
        const auto problems = problemsOf(venue);
        QVERIFY2(hasProblem(problems, "tables[0].seats[3]: overlaps seat \"stalls-B-7\" at "
                                      "sections[0].rows[1].seats[6]"),
                 qPrintable(problems.join('\n')));
        QCOMPARE(problems.size(), 1);
    }

    void everySeatOnOneSpotIsReportedOncePerSeat() {
        // A broken import that put every seat at the origin: each seat is named once, with the
        // first seat it overlaps, instead of every pair (which would be quadratic).
        VenueLayout venue = testing::sampleLayout();
        venue.tables.clear();
        for (Row& row : venue.sections[0].rows) {
            for (Seat& seat : row.seats) {
                seat.position = {0, 5};
            }
        }
        const auto problems = problemsOf(venue);
        QCOMPARE(problems.size(), 23);
        QCOMPARE(problems.last(), QString("sections[0].rows[2].seats[7]: overlaps seat \"stalls-A-1\" at "
                                          "sections[0].rows[0].seats[0]"));
    }

    void seatsExactlyOneSeatApartDoNotOverlap() {
        auto venue = testing::sampleLayout();
        venue.seatSize = 0.6; // row pitch in the sample is about 0.57 m
        QVERIFY(!problemsOf(venue).isEmpty());
        // The closest pair of neighbours is exactly one seat apart: touching, not overlapping.
        double closest = 1e9;
        for (const Row& row : venue.sections[0].rows) {
            for (std::size_t i = 0; i + 1 < row.seats.size(); ++i) {
                closest = std::min(closest, distance(row.seats[i].position, row.seats[i + 1].position));
            }
        }
        venue.seatSize = closest;
        QCOMPARE(problemsOf(venue), QStringList());
    }

    void categoriesAndAreas() {
        auto venue = testing::sampleLayout();
        venue.categories.push_back({"A", "", "red"});
        venue.gaAreas[0].capacity = 0;
        venue.gaAreas[0].id = "stalls";
        venue.tables[0].width = -1;
        const auto problems = problemsOf(venue);
        QVERIFY(hasProblem(problems, "categories[2].id: duplicate price category id \"A\", first used at "
                                     "categories[0]"));
        QVERIFY(hasProblem(problems, "categories[2].name: must not be empty"));
        QVERIFY(hasProblem(problems, "categories[2].color: must be a colour like \"#1f77b4\", not \"red\""));
        QVERIFY(hasProblem(problems, "ga_areas[0].capacity: must be between 1 and 1000000"));
        QVERIFY(
            hasProblem(problems, "ga_areas[0].id: duplicate area id \"stalls\", first used at sections[0]"));
        QVERIFY(hasProblem(problems, "tables[0]: width and height must be positive numbers"));
    }

    void everyProblemIsReportedNotJustTheFirst() {
        auto venue = testing::sampleLayout();
        for (Seat& seat : venue.sections[0].rows[0].seats) {
            seat.category.clear();
        }
        QCOMPARE(problemsOf(venue).size(), 8);
    }

    void problemListIsCapped() {
        VenueLayout venue = testing::sampleLayout();
        Row& row = venue.sections[0].rows[0];
        for (int i = 0; i < 2000; ++i) {
            Seat seat = row.seats[0];
            seat.position.x += 100.0 + i;
            seat.number = std::to_string(1000 + i);
            row.seats.push_back(seat); // duplicate ids
        }
        const auto problems = validate(venue);
        QCOMPARE(problems.size(), kMaxProblems + 1);
        QCOMPARE(problems.back().message, std::string("and 1500 more problems"));
    }
};

QTEST_APPLESS_MAIN(TestLayoutValidation)
#include "tst_layout_validation.moc"
