#include "common/booking/best_available.h"
#include "common/layout/builders.h"
#include "common/layout/layout_index.h"
#include "tests/common/support/expected_checks.h"
#include "tests/common/support/sample_layout.h"

#include <QtTest>

#include <algorithm>
#include <array>
#include <optional>
#include <random>
#include <string_view>
#include <tuple>
#include <vector>

using namespace usher;
using namespace usher::booking;
using namespace usher::layout;
using namespace usher::testing;

namespace {

VenueLayout emptyLayout() {
    return emptyVenue({{"premium", "Premium", "#aa0000"}, {"standard", "Standard", "#888888"}});
}

VenueLayout theatre(int rows = 5, int seatsPerRow = 10) {
    VenueLayout layout = emptyLayout();
    layout.sections.push_back(straightSection("S1", rows, seatsPerRow, 2, "standard"));
    return layout;
}

// A venue with its seat availability, as a clerk's screen would see it.
struct House {
    explicit House(VenueLayout venue)
        : layout(std::move(venue)), index(layout), available(index.seatCount(), 1) {}

    // '.' available, 'x' taken, one character per seat of the line (a row or a table).
    void setLine(std::uint32_t line, std::string_view pattern) {
        const SeatLine& l = index.lines()[line];
        QCOMPARE(pattern.size(), std::size_t{l.seatCount});
        for (std::uint32_t k = 0; k < l.seatCount; ++k) {
            available[l.firstSeat + k] = pattern[k] == '.' ? 1 : 0;
        }
    }
    void sellAll() { std::fill(available.begin(), available.end(), 0); }

    BestAvailableOutcome find(int quantity, int wheelchair = 0, std::vector<std::string> categories = {}) {
        return findBestAvailable(index, available, {quantity, std::move(categories), wheelchair}, scratch);
    }

    QStringList ids(const BestAvailableResult& result) const {
        QStringList out;
        for (const std::uint32_t seat : result.seats) {
            const std::string_view id = index.seat(seat).id;
            out << QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size()));
        }
        return out;
    }

    std::uint32_t orphans(const BestAvailableResult& result) const {
        return orphansCreated(index, available, result.seats).value();
    }

    VenueLayout layout;
    LayoutIndex index;
    std::vector<std::uint8_t> available;
    BestAvailableScratch scratch;
};

Seat& seatOf(VenueLayout& layout, std::size_t row, std::size_t seat) {
    return layout.sections[0].rows[row].seats[seat];
}

// Steps and errors are compared by name so that a failure prints them.
QByteArray nameOf(std::string_view name) {
    return QByteArray(name.data(), static_cast<qsizetype>(name.size()));
}

QByteArray stepOf(const BestAvailableOutcome& outcome) {
    return outcome ? nameOf(toString(outcome->step)) : "error: " + nameOf(toString(outcome.error()));
}

} // namespace

class TestBestAvailable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fourTogetherNearTheStage();
    void emptyTheatreNeverLeavesAnOrphan();
    void aGapOfFiveIsSkippedForFour();
    void aGapOfSixGivesTheGroupWithoutOrphan();
    void leavesAnOrphanOnlyWhenEveryGroupWould();
    void splitsOverRowsOnlyWhenNoRowHasEnough();
    void splitPartsAreInAdjacentRowsAndAligned();
    void scatteredSeatsAreNotEnough();
    void filtersByPriceCategory();
    void wheelchairRequestGetsTheSpaceWithItsCompanion();
    void otherRequestsNeverTakeWheelchairOrCompanionSeats();
    void aislesKeepPartiesApart();
    void restrictedViewSeatsComeLast();
    void aTableGroupGoesAroundTheTable();
    void sameInputSameSeats();
    void matchesAnExhaustiveSearch();
    void rejectsInvalidRequests();
};

void TestBestAvailable::fourTogetherNearTheStage() {
    House house(theatre());
    const auto result = house.find(4);
    QVERIFY(result);
    QCOMPARE(stepOf(result), QByteArray("together"));
    QCOMPARE(house.ids(*result), QStringList({"S1-A-4", "S1-A-5", "S1-A-6", "S1-A-7"}));
}

void TestBestAvailable::emptyTheatreNeverLeavesAnOrphan() {
    House house(theatre());
    // In a row of 10, every group of 9 leaves one seat alone; all other sizes have a clean choice.
    for (const int quantity : {1, 2, 3, 4, 5, 6, 7, 8, 10}) {
        const auto result = house.find(quantity);
        QVERIFY(result);
        QCOMPARE(stepOf(result), QByteArray("together"));
        QCOMPARE(result->seats.size(), std::size_t(quantity));
        QCOMPARE(house.orphans(*result), 0U);
        QVERIFY(house.ids(*result).first().startsWith("S1-A-"));
    }
    const auto nine = house.find(9);
    QVERIFY(nine);
    QCOMPARE(stepOf(nine), QByteArray("together_with_orphan"));
    QCOMPARE(house.orphans(*nine), 1U);
}

void TestBestAvailable::aGapOfFiveIsSkippedForFour() {
    // Four in a gap of five strands a seat whichever end they sit at: the next row gets them.
    House house(theatre());
    house.setLine(0, "xx.....xxx");
    const auto result = house.find(4);
    QVERIFY(result);
    QCOMPARE(stepOf(result), QByteArray("together"));
    QCOMPARE(house.ids(*result), QStringList({"S1-B-4", "S1-B-5", "S1-B-6", "S1-B-7"}));
    QCOMPARE(house.orphans(*result), 0U);
}

void TestBestAvailable::aGapOfSixGivesTheGroupWithoutOrphan() {
    // The centre four of the gap would be closest but strand a seat on each side; one end of the
    // gap leaves a sellable pair instead.
    House house(theatre());
    house.sellAll();
    house.setLine(0, "xx......xx");
    const auto result = house.find(4);
    QVERIFY(result);
    QCOMPARE(stepOf(result), QByteArray("together"));
    QCOMPARE(house.ids(*result), QStringList({"S1-A-3", "S1-A-4", "S1-A-5", "S1-A-6"}));
    QCOMPARE(house.orphans(*result), 0U);
}

void TestBestAvailable::leavesAnOrphanOnlyWhenEveryGroupWould() {
    House house(theatre());
    for (std::uint32_t row = 0; row < 5; ++row) {
        house.setLine(row, "xx.....xxx");
    }
    const auto four = house.find(4);
    QVERIFY(four);
    QCOMPARE(stepOf(four), QByteArray("together_with_orphan"));
    QCOMPARE(house.orphans(*four), 1U);
    QVERIFY(house.ids(*four).first().startsWith("S1-A-"));

    // A clean group in the back row still beats the front row with an orphan.
    house.setLine(4, "xx....xxxx");
    const auto clean = house.find(4);
    QVERIFY(clean);
    QCOMPARE(stepOf(clean), QByteArray("together"));
    QCOMPARE(house.ids(*clean), QStringList({"S1-E-3", "S1-E-4", "S1-E-5", "S1-E-6"}));

    // Five fill the gap exactly: nothing is stranded.
    const auto five = house.find(5);
    QVERIFY(five);
    QCOMPARE(stepOf(five), QByteArray("together"));
    QCOMPARE(house.ids(*five).first(), QString("S1-A-3"));
}

void TestBestAvailable::splitsOverRowsOnlyWhenNoRowHasEnough() {
    House house(theatre());
    house.sellAll();
    house.setLine(0, "xxx...xxxx");
    house.setLine(1, "xxx...xxxx");
    house.setLine(4, "xxx....xxx");
    const auto together = house.find(4);
    QVERIFY(together);
    QCOMPARE(stepOf(together), QByteArray("together"));
    QCOMPARE(house.ids(*together), QStringList({"S1-E-4", "S1-E-5", "S1-E-6", "S1-E-7"}));

    house.setLine(4, "xxxxxxxxxx");
    const auto split = house.find(4);
    QVERIFY(split);
    QCOMPARE(stepOf(split), QByteArray("split_rows"));
}

void TestBestAvailable::splitPartsAreInAdjacentRowsAndAligned() {
    House house(theatre());
    house.sellAll();
    house.setLine(0, "xxx...xxxx");
    house.setLine(1, "xxx...xxxx");
    house.setLine(3, "..xxxxxx..");
    const auto result = house.find(4);
    QVERIFY(result);
    QCOMPARE(stepOf(result), QByteArray("split_rows"));
    // Three in front; the fourth right behind them, on the side that leaves a pair, not two singles.
    QCOMPARE(house.ids(*result), QStringList({"S1-A-4", "S1-A-5", "S1-A-6", "S1-B-6"}));
    QCOMPARE(house.orphans(*result), 0U);

    // Same shape further back, shifted: the parts still sit one behind the other.
    house.sellAll();
    house.setLine(2, "x...xxxxxx");
    house.setLine(3, "....xxxxxx");
    const auto back = house.find(5);
    QVERIFY(back);
    QCOMPARE(stepOf(back), QByteArray("split_rows"));
    QCOMPARE(house.ids(*back), QStringList({"S1-C-2", "S1-C-3", "S1-C-4", "S1-D-3", "S1-D-4"}));
    QCOMPARE(house.orphans(*back), 0U);
    auto x = [&](std::size_t i) { return house.index.seat(back->seats[i]).position.x; };
    QVERIFY(std::abs((x(0) + x(2)) / 2 - (x(3) + x(4)) / 2) <= 0.5);
}

void TestBestAvailable::scatteredSeatsAreNotEnough() {
    // Six free seats, but no row has four and the rows are not next to each other.
    House house(theatre());
    house.sellAll();
    house.setLine(0, "xxx...xxxx");
    house.setLine(2, "xxx...xxxx");
    const auto result = house.find(4);
    QCOMPARE(errorOf(result), QByteArray("not_enough_seats"));

    const auto three = house.find(3);
    QVERIFY(three);
    QCOMPARE(house.ids(*three), QStringList({"S1-A-4", "S1-A-5", "S1-A-6"}));
}

void TestBestAvailable::filtersByPriceCategory() {
    VenueLayout layout = emptyLayout();
    layout.sections.push_back(straightSection("P", 2, 10, 2, "premium"));
    layout.sections.push_back(straightSection("S", 3, 10, 5, "standard"));
    House house(std::move(layout));

    const auto any = house.find(2);
    QVERIFY(any);
    QCOMPARE(house.ids(*any), QStringList({"P-A-5", "P-A-6"}));

    const auto standard = house.find(2, 0, {"standard"});
    QVERIFY(standard);
    QCOMPARE(house.ids(*standard), QStringList({"S-A-5", "S-A-6"}));

    const auto both = house.find(2, 0, {"standard", "premium"});
    QVERIFY(both);
    QCOMPARE(house.ids(*both), QStringList({"P-A-5", "P-A-6"}));

    const auto unknown = house.find(2, 0, {"balcony"});
    QCOMPARE(errorOf(unknown), QByteArray("unknown_category"));
}

void TestBestAvailable::wheelchairRequestGetsTheSpaceWithItsCompanion() {
    VenueLayout layout = theatre();
    // Row E: a wheelchair space at 6 with its companion seat at 7, another space at 2 without one.
    seatOf(layout, 4, 5).wheelchair = true;
    seatOf(layout, 4, 6).companionOf = seatOf(layout, 4, 5).id;
    seatOf(layout, 4, 1).wheelchair = true;
    House house(std::move(layout));

    const auto pair = house.find(2, 1);
    QVERIFY(pair);
    QCOMPARE(stepOf(pair), QByteArray("together"));
    QCOMPARE(house.ids(*pair), QStringList({"S1-E-6", "S1-E-7"}));

    const auto three = house.find(3, 1);
    QVERIFY(three);
    QCOMPARE(house.ids(*three), QStringList({"S1-E-5", "S1-E-6", "S1-E-7"}));

    // Two spaces wanted: the group must hold both, and the companion seat comes along.
    const auto two = house.find(7, 2);
    QVERIFY(two);
    QCOMPARE(stepOf(two), QByteArray("together"));
    QCOMPARE(house.ids(*two),
             QStringList({"S1-E-1", "S1-E-2", "S1-E-3", "S1-E-4", "S1-E-5", "S1-E-6", "S1-E-7"}));

    // With the space at 6 sold, its companion seat is not a seat for someone else.
    house.available[*house.index.find("S1-E-6")] = 0;
    const auto alone = house.find(2, 1);
    QVERIFY(alone);
    QCOMPARE(house.ids(*alone), QStringList({"S1-E-1", "S1-E-2"}));
    for (std::uint32_t row = 0; row < 4; ++row) {
        house.setLine(row, "xxxxxxxxxx");
    }
    const auto plain = house.find(3);
    QVERIFY(plain);
    QCOMPARE(house.ids(*plain), QStringList({"S1-E-3", "S1-E-4", "S1-E-5"}));

    house.available[*house.index.find("S1-E-2")] = 0;
    const auto none = house.find(2, 1);
    QCOMPARE(errorOf(none), QByteArray("not_enough_seats"));
}

void TestBestAvailable::otherRequestsNeverTakeWheelchairOrCompanionSeats() {
    VenueLayout layout = theatre(2, 10);
    // Front row centre: two spaces, each with its companion seat.
    seatOf(layout, 0, 4).wheelchair = true;
    seatOf(layout, 0, 5).wheelchair = true;
    seatOf(layout, 0, 3).companionOf = seatOf(layout, 0, 4).id;
    seatOf(layout, 0, 6).companionOf = seatOf(layout, 0, 5).id;
    House house(std::move(layout));

    for (int quantity = 1; quantity <= 10; ++quantity) {
        const auto result = house.find(quantity);
        QVERIFY(result);
        for (const std::uint32_t seat : result->seats) {
            QVERIFY(!house.index.seat(seat).has(kWheelchair));
            QVERIFY(!house.index.seat(seat).has(kCompanion));
        }
    }

    house.setLine(1, "xxxxxxxxxx");
    house.setLine(0, "xxx....xxx");
    const auto result = house.find(1);
    QCOMPARE(errorOf(result), QByteArray("not_enough_seats"));
}

void TestBestAvailable::aislesKeepPartiesApart() {
    // One row: five seats, a 1.5 m aisle, five seats.
    VenueLayout layout = emptyLayout();
    std::vector<Point> points;
    for (int i = 0; i < 10; ++i) {
        points.push_back({-2.75 + 0.5 * i + (i >= 5 ? 1.0 : 0.0), 3});
    }
    layout.sections.push_back({"S1", "Stalls", {makeRow("S1", "A", points, {}, "standard")}});
    House house(std::move(layout));

    const auto six = house.find(6);
    QCOMPARE(errorOf(six), QByteArray("not_enough_seats"));

    const auto five = house.find(5);
    QVERIFY(five);
    QCOMPARE(stepOf(five), QByteArray("together"));
    QCOMPARE(house.ids(*five), QStringList({"S1-A-1", "S1-A-2", "S1-A-3", "S1-A-4", "S1-A-5"}));

    // Seats 5 and 6 face each other across the aisle: not a pair, and 5 is no neighbour of 6.
    house.setLine(0, "xxxx...xxx");
    const auto two = house.find(2);
    QVERIFY(two);
    QCOMPARE(stepOf(two), QByteArray("together"));
    QCOMPARE(house.ids(*two), QStringList({"S1-A-6", "S1-A-7"}));
}

void TestBestAvailable::restrictedViewSeatsComeLast() {
    VenueLayout layout = theatre(3, 10);
    for (std::size_t seat = 3; seat <= 6; ++seat) {
        seatOf(layout, 0, seat).restrictedView = true; // a pillar in front of row A's centre
    }
    House house(std::move(layout));

    const auto clear = house.find(4);
    QVERIFY(clear);
    QCOMPARE(house.ids(*clear), QStringList({"S1-B-4", "S1-B-5", "S1-B-6", "S1-B-7"}));

    // Only row A left: as few restricted seats as possible.
    house.setLine(1, "xxxxxxxxxx");
    house.setLine(2, "xxxxxxxxxx");
    const auto fewest = house.find(4);
    QVERIFY(fewest);
    QCOMPARE(house.ids(*fewest), QStringList({"S1-A-1", "S1-A-2", "S1-A-3", "S1-A-4"}));
}

void TestBestAvailable::aTableGroupGoesAroundTheTable() {
    VenueLayout layout = emptyLayout();
    layout.tables.push_back(makeRoundTable("T1", "1", {0, 4}, 1.5, 6, "standard"));
    House house(std::move(layout));
    house.setLine(0, "..xx..");

    const auto four = house.find(4);
    QVERIFY(four);
    QCOMPARE(stepOf(four), QByteArray("together"));
    QCOMPARE(house.ids(*four), QStringList({"T1-5", "T1-6", "T1-1", "T1-2"}));
}

void TestBestAvailable::sameInputSameSeats() {
    VenueLayout layout = emptyLayout();
    const BlockShape stalls{{{-8, 3}, {8, 3}, 0.08}, 12, {0, 0.9}, 0.25};
    const std::array counts{30, 31, 32};
    layout.sections.push_back({"S1", "Stalls", makeBlock("S1", stalls, counts, {}, {}, "standard")});
    layout.sections.push_back(straightSection("S2", 6, 24, 16, "premium"));
    layout.sections[1].rows[5].seats[3].wheelchair = true;
    layout.sections[1].rows[5].seats[4].companionOf = layout.sections[1].rows[5].seats[3].id;
    layout.tables.push_back(makeRoundTable("T1", "1", {14, 6}, 1.5, 8, "premium"));
    House house(std::move(layout));

    std::mt19937 random(7);
    std::bernoulli_distribution sold(0.7);
    for (auto& seat : house.available) {
        seat = sold(random) ? 0 : 1;
    }
    const LayoutIndex again(house.layout);
    BestAvailableScratch other;
    for (int quantity = 1; quantity <= 12; ++quantity) {
        for (int wheelchair = 0; wheelchair <= 1; ++wheelchair) {
            const BestAvailableRequest request{quantity, {}, wheelchair};
            const auto first = findBestAvailable(house.index, house.available, request, house.scratch);
            const auto second = findBestAvailable(house.index, house.available, request, house.scratch);
            const auto third = findBestAvailable(again, house.available, request, other);
            QCOMPARE(first.hasValue(), second.hasValue());
            QCOMPARE(first.hasValue(), third.hasValue());
            if (first) {
                QCOMPARE(first->seats, second->seats);
                QCOMPARE(first->seats, third->seats);
                QCOMPARE(stepOf(first), stepOf(second));
                QCOMPARE(stepOf(first), stepOf(third));
                QCOMPARE(first->seats.size(), std::size_t(quantity));
                for (const std::uint32_t seat : first->seats) {
                    QCOMPARE(house.available[seat], std::uint8_t{1});
                }
            }
        }
    }
}

void TestBestAvailable::rejectsInvalidRequests() {
    House house(theatre());
    for (const int quantity : {0, -1, 51, 1000}) {
        const auto result = house.find(quantity);
        QCOMPARE(errorOf(result), QByteArray("invalid_quantity"));
    }
    QCOMPARE(errorOf(house.find(50)), QByteArray("not_enough_seats"));

    const auto negative = house.find(2, -1);
    QCOMPARE(errorOf(negative), QByteArray("invalid_wheelchair_spaces"));
    const auto tooMany = house.find(2, 3);
    QCOMPARE(errorOf(tooMany), QByteArray("invalid_wheelchair_spaces"));

    const std::vector<std::uint8_t> tooShort(house.index.seatCount() - 1, 1);
    const auto mismatch = findBestAvailable(house.index, tooShort, {2, {}, 0});
    QCOMPARE(errorOf(mismatch), QByteArray("availability_mismatch"));

    // A hand-picked selection is checked too: no crash on seats or availability out of range.
    const std::vector<std::uint32_t> outside{0, static_cast<std::uint32_t>(house.index.seatCount())};
    QCOMPARE(errorOf(orphansCreated(house.index, house.available, outside)), QByteArray("unknown_seat"));
    const std::vector<std::uint32_t> first{0};
    QCOMPARE(errorOf(orphansCreated(house.index, tooShort, first)), QByteArray("availability_mismatch"));
    QCOMPARE(nameOf(toString(BestAvailableError::NotEnoughSeats)), QByteArray("not_enough_seats"));
    QCOMPARE(nameOf(toString(BestAvailableStep::SplitRows)), QByteArray("split_rows"));
}

namespace {

// The one-row rules, written the slow and obvious way: every group of every run, checked seat by seat.
struct Reference {
    using Key =
        std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t, std::int64_t, std::uint32_t>;
    std::optional<std::pair<Key, std::vector<std::uint32_t>>> clean;
    std::optional<std::pair<Key, std::vector<std::uint32_t>>> withOrphans;
};

Reference exhaustive(const LayoutIndex& index, const std::vector<std::uint8_t>& available,
                     const BestAvailableRequest& request) {
    const auto quantity = static_cast<std::uint32_t>(request.quantity);
    const auto wheelchair = static_cast<std::uint32_t>(request.wheelchairSpaces);
    auto usable = [&](std::uint32_t seat) {
        const IndexedSeat& s = index.seat(seat);
        if (available[seat] == 0) {
            return false;
        }
        if (wheelchair == 0 && (s.has(kWheelchair) || s.has(kCompanion))) {
            return false;
        }
        if (request.categories.empty()) {
            return true;
        }
        return s.category != kNoIndex &&
               std::find(request.categories.begin(), request.categories.end(),
                         index.categoryIds()[s.category]) != request.categories.end();
    };
    Reference best;
    for (const SeatRun& run : index.runs()) {
        if (run.seatCount < quantity) {
            continue;
        }
        const std::uint32_t starts =
            run.circular ? (run.seatCount == quantity ? 1 : run.seatCount) : run.seatCount - quantity + 1;
        for (std::uint32_t start = 0; start < starts; ++start) {
            std::vector<std::uint32_t> group;
            for (std::uint32_t k = 0; k < quantity; ++k) {
                group.push_back(run.firstSeat + (start + k) % run.seatCount);
            }
            auto in = [&](std::uint32_t seat) {
                return std::find(group.begin(), group.end(), seat) != group.end();
            };
            std::uint32_t spaces = 0;
            std::uint32_t companions = 0;
            std::uint32_t restricted = 0;
            std::int64_t score = 0;
            bool ok = true;
            for (const std::uint32_t seat : group) {
                const IndexedSeat& s = index.seat(seat);
                ok = ok && usable(seat) && (!s.has(kCompanion) || in(s.companionOf));
                spaces += s.has(kWheelchair) ? 1U : 0U;
                companions += s.has(kCompanion) ? 1U : 0U;
                restricted += s.has(kRestrictedView) ? 1U : 0U;
                score += toMicrometres(s.distance);
            }
            if (!ok || spaces < wheelchair) {
                continue;
            }
            const std::uint32_t orphans = orphansCreated(index, available, group).value();
            const Reference::Key key{orphans,
                                     restricted,
                                     wheelchair > 0 ? spaces - wheelchair : 0,
                                     wheelchair > 0 ? quantity - spaces - companions : 0,
                                     score,
                                     group.front()};
            auto& slot = orphans == 0 ? best.clean : best.withOrphans;
            if (!slot || key < slot->first) {
                slot = std::make_pair(key, group);
            }
        }
    }
    return best;
}

// A small random venue: rows broken by aisles, flagged seats, two price categories, two tables.
VenueLayout randomVenue(std::mt19937& random) {
    VenueLayout layout = emptyLayout();
    std::uniform_int_distribution<int> seatsPerRow(4, 14);
    std::bernoulli_distribution aisle(0.12);
    std::bernoulli_distribution flag(0.1);
    for (int s = 0; s < 2; ++s) {
        Section section{"S" + std::to_string(s), "Section", {}};
        for (int r = 0; r < 5; ++r) {
            std::vector<Point> points;
            double x = s == 0 ? -6 : 1;
            for (int i = seatsPerRow(random); i > 0; --i) {
                points.push_back({x, 2 + 0.9 * r});
                x += aisle(random) ? 1.2 : 0.5;
            }
            section.rows.push_back(
                makeRow(section.id, rowLabel(r), points, {}, r < 2 ? "premium" : "standard"));
        }
        layout.sections.push_back(std::move(section));
    }
    layout.tables.push_back(makeRoundTable("T1", "1", {-3, 10}, 1.5, 6, "standard"));
    layout.tables.push_back(makeRoundTable("T2", "2", {3, 10}, 1.8, 8, "premium"));
    std::vector<Seat*> seats;
    for (auto& section : layout.sections) {
        for (auto& row : section.rows) {
            for (auto& seat : row.seats) {
                seats.push_back(&seat);
            }
        }
    }
    for (auto& table : layout.tables) {
        for (auto& seat : table.seats) {
            seats.push_back(&seat);
        }
    }
    for (std::size_t i = 0; i + 1 < seats.size(); ++i) {
        if (flag(random) && !seats[i]->isCompanion()) {
            seats[i]->wheelchair = true;
            if (flag(random) || flag(random)) {
                seats[i + 1]->companionOf = seats[i]->id; // may sit across an aisle: still a companion
            }
        } else if (flag(random)) {
            seats[i]->restrictedView = true;
        }
    }
    return layout;
}

} // namespace

void TestBestAvailable::matchesAnExhaustiveSearch() {
    std::mt19937 random(2024);
    std::uniform_int_distribution<int> quantities(1, 7);
    std::uniform_int_distribution<int> filters(0, 3);
    int together = 0;
    int split = 0;
    for (int round = 0; round < 1000; ++round) {
        House house(randomVenue(random));
        // Some rounds nearly sold out: long sold stretches take the search's fast path.
        std::bernoulli_distribution isFree(round % 4 == 3 ? 0.15 : 0.55);
        for (auto& seat : house.available) {
            seat = isFree(random) ? 1 : 0;
        }
        BestAvailableRequest request;
        request.quantity = quantities(random);
        // Every other round asks for one or two wheelchair spaces.
        request.wheelchairSpaces =
            round % 2 == 0 ? 0 : std::uniform_int_distribution<int>(1, std::min(2, request.quantity))(random);
        const int filter = filters(random);
        if (filter == 1) {
            request.categories = {"premium"};
        } else if (filter == 2) {
            request.categories = {"standard"};
        }
        const auto result = findBestAvailable(house.index, house.available, request, house.scratch);
        const Reference reference = exhaustive(house.index, house.available, request);
        if (reference.clean) {
            QCOMPARE(stepOf(result), QByteArray("together"));
            QCOMPARE(result->seats, reference.clean->second);
            ++together;
        } else if (reference.withOrphans) {
            QCOMPARE(stepOf(result), QByteArray("together_with_orphan"));
            QCOMPARE(result->seats, reference.withOrphans->second);
            ++together;
        } else if (result) {
            // No one-row group: only a split over two adjacent rows of one section may be offered.
            QCOMPARE(stepOf(result), QByteArray("split_rows"));
            QCOMPARE(result->seats.size(), std::size_t(request.quantity));
            const IndexedSeat& front = house.index.seat(result->seats.front());
            const IndexedSeat& back = house.index.seat(result->seats.back());
            QCOMPARE(house.index.lines()[house.index.runs()[front.run].line].behind,
                     house.index.runs()[back.run].line);
            std::uint32_t spaces = 0;
            for (std::size_t i = 0; i < result->seats.size(); ++i) {
                const std::uint32_t seat = result->seats[i];
                QCOMPARE(house.available[seat], std::uint8_t{1});
                spaces += house.index.seat(seat).has(kWheelchair) ? 1U : 0U;
                if (i > 0 && house.index.seat(seat).run == house.index.seat(result->seats[i - 1]).run) {
                    QCOMPARE(seat, result->seats[i - 1] + 1);
                }
            }
            QVERIFY(spaces >= static_cast<std::uint32_t>(request.wheelchairSpaces));
            ++split;
        } else {
            QCOMPARE(errorOf(result), QByteArray("not_enough_seats"));
        }
    }
    // The random venues must exercise every path, or the comparison proves little.
    QVERIFY(together > 100);
    QVERIFY(split > 5);
}

QTEST_APPLESS_MAIN(TestBestAvailable)
#include "tst_best_available.moc"
