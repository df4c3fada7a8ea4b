#include "common/layout/demo_venues.h"
#include "common/layout/layout_json.h"
#include "common/layout/seat_location.h"
#include "common/layout/synthetic_layout.h"
#include "common/layout/validation.h"

#include <QFile>
#include <QtTest>

#include <map>
#include <optional>
#include <set>
#include <string>

using namespace usher;
using namespace usher::layout;

namespace {

QString describe(const std::vector<PathError>& problems) {
    QStringList lines;
    for (const PathError& problem : problems) {
        lines << QString::fromStdString(problem.toString());
        if (lines.size() == 20) {
            break;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

// The checked-in file, decoded; fails the test (and returns nothing) when it cannot be read.
std::optional<VenueLayout> loadVenue(const char* name) {
    QFile file(QStringLiteral(USHER_SOURCE_DIR "/resources/venues/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot open %s", qPrintable(file.fileName()));
        return std::nullopt;
    }
    const QByteArray text = file.readAll();
    auto decoded = layoutFromJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!decoded) {
        qWarning("%s", qPrintable(describe(decoded.error())));
        return std::nullopt;
    }
    return std::move(decoded).value();
}

struct Accessibility {
    int wheelchair = 0;
    int companions = 0;
    int unaccompanied = 0; // wheelchair spaces with no companion seat
    int restricted = 0;
    int aisle = 0;
};

Accessibility accessibilityOf(const VenueLayout& venue) {
    Accessibility a;
    std::map<std::string, int> companionsOf;
    forEachSeat(venue, [&](const Seat& seat, SeatLocation) {
        a.wheelchair += seat.wheelchair ? 1 : 0;
        a.restricted += seat.restrictedView ? 1 : 0;
        a.aisle += seat.aisle ? 1 : 0;
        if (seat.isCompanion()) {
            ++a.companions;
            ++companionsOf[seat.companionOf];
        }
    });
    forEachSeat(venue, [&](const Seat& seat, SeatLocation) {
        if (seat.wheelchair && companionsOf[seat.id] == 0) {
            ++a.unaccompanied;
        }
    });
    return a;
}

std::set<std::string> seatCategories(const VenueLayout& venue) {
    std::set<std::string> categories;
    forEachSeat(venue, [&](const Seat& seat, SeatLocation) { categories.insert(seat.category); });
    return categories;
}

void checkCategories(const VenueLayout& venue) {
    for (const PriceCategory& category : venue.categories) {
        QVERIFY(!category.name.empty());
        QCOMPARE(category.color.size(), std::size_t{7});
    }
}

} // namespace

class TestDemoVenues : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theatreFileIsValid() {
        const auto venue = loadVenue("grand-theatre.json");
        QVERIFY(venue.has_value());
        QVERIFY2(validate(*venue).empty(), qPrintable(describe(validate(*venue))));
        QCOMPARE(seatCount(*venue), std::size_t{1100});
        QCOMPARE(venue->categories.size(), std::size_t{3});
        checkCategories(*venue);
        QCOMPARE(seatCategories(*venue).size(), std::size_t{3});
        QVERIFY(venue->stage.size() >= 3);

        const Accessibility a = accessibilityOf(*venue);
        QVERIFY(a.wheelchair >= 4);
        QCOMPARE(a.unaccompanied, 0);
        QVERIFY(a.companions >= a.wheelchair);
        QVERIFY(a.restricted > 0);
        QVERIFY(a.aisle > 0);

        QCOMPARE(venue->gaAreas.size(), std::size_t{1});
        QCOMPARE(venue->gaAreas[0].capacity, std::int64_t{100});
        QVERIFY(venue->gaAreas[0].outline.size() >= 3);

        // Stalls, a dress circle and boxes; no row I in the stalls.
        std::set<std::string> sections;
        int boxes = 0;
        for (const Section& section : venue->sections) {
            sections.insert(section.id);
            std::size_t seats = 0;
            for (const Row& row : section.rows) {
                seats += row.seats.size();
            }
            boxes += seats <= 8 ? 1 : 0;
        }
        QVERIFY(sections.count("stalls") == 1 && sections.count("circle") == 1);
        QCOMPARE(boxes, 4);
        for (const Row& row : venue->sections[0].rows) {
            QVERIFY(row.label != "I");
        }
    }

    void arenaFileIsValid() {
        const auto venue = loadVenue("city-arena.json");
        QVERIFY(venue.has_value());
        QVERIFY2(validate(*venue).empty(), qPrintable(describe(validate(*venue))));
        QCOMPARE(seatCount(*venue), std::size_t{18000});
        QVERIFY(venue->sections.size() >= 24);
        QVERIFY(venue->categories.size() >= 3);
        checkCategories(*venue);
        QVERIFY(seatCategories(*venue).size() >= 3);

        const Accessibility a = accessibilityOf(*venue);
        QVERIFY(a.wheelchair > 0);
        QCOMPARE(a.unaccompanied, 0);

        QCOMPARE(venue->gaAreas.size(), std::size_t{1});
        QCOMPARE(venue->gaAreas[0].capacity, std::int64_t{2500});
        QVERIFY(venue->gaAreas[0].outline.size() >= 3);
    }

    // The files are generated from the recipes; the test in tests/load compares the bytes, this one
    // the meaning, so a stale file fails here too.
    void filesMatchRecipes() {
        const auto theatre = loadVenue("grand-theatre.json");
        const auto arena = loadVenue("city-arena.json");
        QVERIFY(theatre.has_value() && arena.has_value());
        QVERIFY(*theatre == grandTheatre());
        QVERIFY(*arena == cityArena());
    }

    void syntheticHasExactlyNSeats_data() {
        QTest::addColumn<qulonglong>("seats");
        for (qulonglong n :
             {0ULL, 1ULL, 2ULL, 39ULL, 40ULL, 41ULL, 999ULL, 1000ULL, 1001ULL, 12345ULL, 100000ULL}) {
            QTest::addRow("%llu", n) << n;
        }
    }

    void syntheticHasExactlyNSeats() {
        QFETCH(qulonglong, seats);
        const VenueLayout venue = syntheticLayout(static_cast<std::size_t>(seats));
        QCOMPARE(seatCount(venue), static_cast<std::size_t>(seats));
        const auto problems = validate(venue);
        QVERIFY2(problems.empty(), qPrintable(describe(problems)));
    }

    void syntheticHonoursOptions() {
        SyntheticOptions options;
        options.seatsPerRow = 7;
        options.rowsPerSection = 3;
        options.categories = 1;
        options.curvature = -0.2;
        const VenueLayout venue = syntheticLayout(100, options);
        QCOMPARE(seatCount(venue), std::size_t{100});
        QCOMPARE(venue.sections.size(), std::size_t{5}); // 21 seats a section
        QCOMPARE(venue.sections[0].rows[0].seats.size(), std::size_t{7});
        QCOMPARE(venue.categories.size(), std::size_t{1});
        QVERIFY2(validate(venue).empty(), qPrintable(describe(validate(venue))));
        QCOMPARE(accessibilityOf(venue).unaccompanied, 0);
    }

    void syntheticIsDeterministicAndRoundTrips() {
        const VenueLayout venue = syntheticLayout(5000);
        QVERIFY(venue == syntheticLayout(5000));
        auto decoded = layoutFromJson(toJsonText(venue));
        QVERIFY(decoded.hasValue());
        QVERIFY(*decoded == venue);
    }
};

QTEST_APPLESS_MAIN(TestDemoVenues)
#include "tst_demo_venues.moc"
