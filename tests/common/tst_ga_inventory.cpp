#include "common/inventory/ga_inventory.h"
#include "common/inventory/inventory_error.h"
#include "tests/common/support/expected_checks.h"
#include "tests/common/support/inventory_clock.h"

#include <QtTest>

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>

using namespace usher;
using namespace usher::testing;
using namespace std::chrono_literals;

namespace {

GaState area(std::int64_t capacity) {
    GaState state;
    state.capacity = capacity;
    return state;
}

GaHoldRequest poolHold(std::string holdId, std::int64_t quantity, Timestamp until = kUntil) {
    return {std::move(holdId), quantity, until, std::nullopt};
}

GaHoldRequest allotmentHold(std::string holdId, std::int64_t quantity, std::string owner,
                            Timestamp until = kUntil) {
    return {std::move(holdId), quantity, until, std::move(owner)};
}

GaCounts counts(std::int64_t available, std::int64_t held, std::int64_t sold, std::int64_t blocked,
                std::int64_t allotted) {
    return {available, held, sold, blocked, allotted};
}

// The area accounts for every place, whatever happened.
bool balanced(const GaState& state, Timestamp now) {
    const GaCounts c = countGa(state, now);
    return c.available >= 0 && c.held >= 0 && c.sold >= 0 && c.blocked >= 0 && c.allotted >= 0 &&
           c.available + c.held + c.sold + c.blocked + c.allotted == state.capacity;
}

} // namespace

namespace QTest {
template <>
inline char* toString(const GaCounts& c) {
    const std::string text = "{available=" + std::to_string(c.available) + " held=" + std::to_string(c.held) +
                             " sold=" + std::to_string(c.sold) + " blocked=" + std::to_string(c.blocked) +
                             " allotted=" + std::to_string(c.allotted) + "}";
    return qstrdup(text.c_str());
}
} // namespace QTest

class TestGaInventory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyArea();
    void holdFromPool();
    void holdIsAllOrNothing();
    void holdRefusesBadRequests();
    void duplicateHoldId();
    void holdIsActiveUntilItsLastMicrosecond();
    void expiredHoldFreesPlacesWithoutSweeper();
    void extend();
    void extendRefused();
    void release();
    void releaseRefused();
    void expireDropsOnlyExpiredHolds();
    void expireWithNothingExpired();
    void commit();
    void commitRefused();
    void refund();
    void refundRefused();
    void blockAndUnblock();
    void blockRefused();
    void unblockRefused();
    void allotAndReturn();
    void allotRefused();
    void returnAllotmentRefused();
    void ownerHoldsFromAllotment();
    void allotmentHoldRefused();
    void allotmentHoldReleaseAndExpiryGoBackToAllotment();
    void allotmentSaleAndRefund();
    void soldOut();
};

void TestGaInventory::emptyArea() {
    const GaState state = area(100);
    QCOMPARE(countGa(state, kNow), counts(100, 0, 0, 0, 0));
    QCOMPARE(available(state, kNow), std::int64_t{100});
    QVERIFY(findGaHold(state, "h1") == nullptr);
}

void TestGaInventory::holdFromPool() {
    const auto held = holdGa(area(100), poolHold("h1", 10), kNow);
    QVERIFY(held);
    QCOMPARE(countGa(*held, kNow), counts(90, 10, 0, 0, 0));
    const GaHold* hold = findGaHold(*held, "h1");
    QVERIFY(hold != nullptr);
    QCOMPARE(*hold, (GaHold{"h1", 10, kUntil, ""}));
    QVERIFY(balanced(*held, kNow));
}

void TestGaInventory::holdIsAllOrNothing() {
    const GaState state = VALUE(holdGa(area(10), poolHold("h1", 5), kNow));
    QCOMPARE(errorOf(holdGa(state, poolHold("h2", 6), kNow)), code(InventoryError::InsufficientCapacity));
    const auto rest = holdGa(state, poolHold("h2", 5), kNow);
    QVERIFY(rest);
    QCOMPARE(countGa(*rest, kNow), counts(0, 10, 0, 0, 0));
    QCOMPARE(errorOf(holdGa(*rest, poolHold("h3", 1), kNow)), code(InventoryError::InsufficientCapacity));
}

void TestGaInventory::holdRefusesBadRequests() {
    const GaState state = area(10);
    QCOMPARE(errorOf(holdGa(state, poolHold("h1", 0), kNow)), code(InventoryError::InvalidQuantity));
    QCOMPARE(errorOf(holdGa(state, poolHold("h1", -3), kNow)), code(InventoryError::InvalidQuantity));
    QCOMPARE(errorOf(holdGa(state, poolHold("h1", std::numeric_limits<std::int64_t>::max()), kNow)),
             code(InventoryError::InsufficientCapacity));
    QCOMPARE(errorOf(holdGa(state, poolHold("h1", std::numeric_limits<std::int64_t>::min()), kNow)),
             code(InventoryError::InvalidQuantity));
    QCOMPARE(errorOf(holdGa(state, poolHold("", 1), kNow)), code(InventoryError::InvalidId));
    QCOMPARE(errorOf(holdGa(state, allotmentHold("h1", 1, ""), kNow)), code(InventoryError::InvalidId));
    QCOMPARE(errorOf(holdGa(state, poolHold("h1", 1, kNow), kNow)), code(InventoryError::InvalidExpiry));
    QCOMPARE(errorOf(holdGa(state, poolHold("h1", 1, kNow - 1s), kNow)), code(InventoryError::InvalidExpiry));
}

void TestGaInventory::duplicateHoldId() {
    const GaState state = VALUE(holdGa(area(10), poolHold("h1", 1), kNow));
    QCOMPARE(errorOf(holdGa(state, poolHold("h1", 1), kNow)), code(InventoryError::DuplicateHold));
    // Still known after it expired, until the sweeper drops it.
    const Timestamp after = kUntil + kTick;
    QCOMPARE(errorOf(holdGa(state, poolHold("h1", 1, after + 1min), after)),
             code(InventoryError::DuplicateHold));
    const GaState swept = expireGa(state, after).state;
    QVERIFY(holdGa(swept, poolHold("h1", 1, after + 1min), after));
}

void TestGaInventory::holdIsActiveUntilItsLastMicrosecond() {
    const GaState state = VALUE(holdGa(area(10), poolHold("h1", 10), kNow));
    QVERIFY(findGaHold(state, "h1") != nullptr);
    QVERIFY(isActive(*findGaHold(state, "h1"), kUntil));
    QCOMPARE(countGa(state, kUntil), counts(0, 10, 0, 0, 0));
    QCOMPARE(errorOf(holdGa(state, poolHold("h2", 1, kUntil + 1min), kUntil)),
             code(InventoryError::InsufficientCapacity));

    const Timestamp after = kUntil + kTick;
    QVERIFY(!isActive(*findGaHold(state, "h1"), after));
    QCOMPARE(countGa(state, after), counts(10, 0, 0, 0, 0));
    QVERIFY(balanced(state, after));
}

void TestGaInventory::expiredHoldFreesPlacesWithoutSweeper() {
    const GaState state = VALUE(holdGa(area(10), poolHold("h1", 10), kNow));
    const Timestamp after = kUntil + kTick;
    // No expireGa() runs first.
    QVERIFY(holdGa(state, poolHold("h2", 10, after + 1min), after));
    QCOMPARE(countGa(VALUE(blockGa(state, 10, after)), after), counts(0, 0, 0, 10, 0));
    QCOMPARE(countGa(VALUE(allotGa(state, "counter-1", 10, after)), after), counts(0, 0, 0, 0, 10));
}

void TestGaInventory::extend() {
    const GaState state = VALUE(holdGa(area(10), poolHold("h1", 4), kNow));
    const auto extended = extendGa(state, "h1", kUntil + 5min, kUntil);
    QVERIFY(extended);
    QVERIFY(findGaHold(*extended, "h1") != nullptr);
    QCOMPARE(findGaHold(*extended, "h1")->until, kUntil + 5min);
    QCOMPARE(countGa(*extended, kUntil + 5min), counts(6, 4, 0, 0, 0));
}

void TestGaInventory::extendRefused() {
    const GaState state = VALUE(holdGa(area(10), poolHold("h1", 4), kNow));
    QCOMPARE(errorOf(extendGa(state, "h2", kUntil + 1min, kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(extendGa(state, "h1", kUntil, kNow)), code(InventoryError::InvalidExpiry));
    QCOMPARE(errorOf(extendGa(state, "h1", kUntil - 1min, kNow)), code(InventoryError::InvalidExpiry));
    QCOMPARE(errorOf(extendGa(state, "h1", kUntil + 1min, kUntil + kTick)),
             code(InventoryError::HoldExpired));
}

void TestGaInventory::release() {
    GaState state = VALUE(holdGa(area(10), poolHold("h1", 4), kNow));
    state = VALUE(holdGa(state, poolHold("h2", 3), kNow));
    const auto released = releaseGa(state, "h1", kNow);
    QVERIFY(released);
    QCOMPARE(countGa(*released, kNow), counts(7, 3, 0, 0, 0));
    QVERIFY(findGaHold(*released, "h1") == nullptr);
    QVERIFY(findGaHold(*released, "h2") != nullptr);
}

void TestGaInventory::releaseRefused() {
    const GaState state = VALUE(holdGa(area(10), poolHold("h1", 4), kNow));
    QCOMPARE(errorOf(releaseGa(state, "h2", kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(releaseGa(state, "h1", kUntil + kTick)), code(InventoryError::HoldExpired));
    const GaState released = VALUE(releaseGa(state, "h1", kNow));
    QCOMPARE(errorOf(releaseGa(released, "h1", kNow)), code(InventoryError::NotHeld));
}

void TestGaInventory::expireDropsOnlyExpiredHolds() {
    GaState state = VALUE(allotGa(area(100), "counter-1", 20, kNow));
    state = VALUE(holdGa(state, poolHold("short", 5, kNow + 1min), kNow));
    state = VALUE(holdGa(state, poolHold("long", 7, kNow + 1h), kNow));
    state = VALUE(holdGa(state, allotmentHold("device", 3, "counter-1", kNow + 2min), kNow));
    state = VALUE(holdGa(state, poolHold("edge", 2, kNow + 5min), kNow));
    const Timestamp sweep = kNow + 5min;
    QCOMPARE(countGa(state, sweep), counts(100 - 20 - 7 - 2, 9, 0, 0, 20));

    const GaExpiry expiry = expireGa(state, sweep);
    QCOMPARE(expiry.freed, std::int64_t{8});
    QCOMPARE(expiry.expired.size(), std::size_t{2});
    QCOMPARE(expiry.expired[0].holdId, std::string("short"));
    QCOMPARE(expiry.expired[1].holdId, std::string("device"));
    QCOMPARE(expiry.expired[1].allotment, std::string("counter-1"));
    QCOMPARE(expiry.state.holds.size(), std::size_t{2});
    QVERIFY(findGaHold(expiry.state, "long") != nullptr);
    QVERIFY(findGaHold(expiry.state, "edge") != nullptr); // until == now: still active
    // Sweeping changes nothing anyone can see: the places were already free.
    QCOMPARE(countGa(expiry.state, sweep), countGa(state, sweep));
    QVERIFY(balanced(expiry.state, sweep));
}

void TestGaInventory::expireWithNothingExpired() {
    const GaState state = VALUE(holdGa(area(10), poolHold("h1", 4), kNow));
    const GaExpiry expiry = expireGa(state, kUntil);
    QVERIFY(expiry.state == state);
    QCOMPARE(expiry.freed, std::int64_t{0});
    QVERIFY(expiry.expired.empty());
    QCOMPARE(expireGa(area(10), kNow).freed, std::int64_t{0});
}

void TestGaInventory::commit() {
    GaState state = VALUE(holdGa(area(10), poolHold("h1", 4), kNow));
    state = VALUE(holdGa(state, poolHold("h2", 2), kNow));
    const auto sold = commitGa(state, "h1", kUntil);
    QVERIFY(sold);
    QCOMPARE(countGa(*sold, kUntil), counts(4, 2, 4, 0, 0));
    QVERIFY(findGaHold(*sold, "h1") == nullptr);
    // Sold places stay sold long after the hold would have expired.
    QCOMPARE(countGa(*sold, kUntil + 1h), counts(6, 0, 4, 0, 0));
}

void TestGaInventory::commitRefused() {
    const GaState state = VALUE(holdGa(area(10), poolHold("h1", 4), kNow));
    QCOMPARE(errorOf(commitGa(state, "h2", kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(commitGa(state, "h1", kUntil + kTick)), code(InventoryError::HoldExpired));
    const GaState sold = VALUE(commitGa(state, "h1", kNow));
    // A replayed commit cannot sell the places twice.
    QCOMPARE(errorOf(commitGa(sold, "h1", kNow)), code(InventoryError::NotHeld));
    QCOMPARE(sold.sold, std::int64_t{4});
}

void TestGaInventory::refund() {
    GaState state = VALUE(holdGa(area(10), poolHold("h1", 4), kNow));
    state = VALUE(commitGa(state, "h1", kNow));
    const auto refunded = refundGa(state, 3);
    QVERIFY(refunded);
    QCOMPARE(countGa(*refunded, kNow), counts(9, 0, 1, 0, 0));
    QCOMPARE(countGa(VALUE(refundGa(*refunded, 1)), kNow), counts(10, 0, 0, 0, 0));
}

void TestGaInventory::refundRefused() {
    GaState state = VALUE(holdGa(area(10), poolHold("h1", 4), kNow));
    QCOMPARE(errorOf(refundGa(state, 1)), code(InventoryError::NotSold)); // held is not sold
    state = VALUE(commitGa(state, "h1", kNow));
    QCOMPARE(errorOf(refundGa(state, 5)), code(InventoryError::NotSold));
    QCOMPARE(errorOf(refundGa(state, 0)), code(InventoryError::InvalidQuantity));
    QCOMPARE(errorOf(refundGa(state, -1)), code(InventoryError::InvalidQuantity));
}

void TestGaInventory::blockAndUnblock() {
    const auto blocked = blockGa(area(10), 3, kNow);
    QVERIFY(blocked);
    QCOMPARE(countGa(*blocked, kNow), counts(7, 0, 0, 3, 0));
    QCOMPARE(errorOf(holdGa(*blocked, poolHold("h1", 8), kNow)), code(InventoryError::InsufficientCapacity));
    const auto unblocked = unblockGa(*blocked, 2);
    QVERIFY(unblocked);
    QCOMPARE(countGa(*unblocked, kNow), counts(9, 0, 0, 1, 0));
}

void TestGaInventory::blockRefused() {
    const GaState state = VALUE(holdGa(area(10), poolHold("h1", 4), kNow));
    QCOMPARE(errorOf(blockGa(state, 7, kNow)), code(InventoryError::InsufficientCapacity));
    QCOMPARE(errorOf(blockGa(state, 0, kNow)), code(InventoryError::InvalidQuantity));
    QVERIFY(blockGa(state, 6, kNow));
    QVERIFY(blockGa(state, 10, kUntil + kTick));
}

void TestGaInventory::unblockRefused() {
    const GaState state = VALUE(blockGa(area(10), 3, kNow));
    QCOMPARE(errorOf(unblockGa(state, 4)), code(InventoryError::NotBlocked));
    QCOMPARE(errorOf(unblockGa(area(10), 1)), code(InventoryError::NotBlocked));
    QCOMPARE(errorOf(unblockGa(state, 0)), code(InventoryError::InvalidQuantity));
}

void TestGaInventory::allotAndReturn() {
    GaState state = VALUE(allotGa(area(100), "counter-1", 20, kNow));
    state = VALUE(allotGa(state, "web", 30, kNow));
    state = VALUE(allotGa(state, "counter-1", 5, kNow));
    QCOMPARE(countGa(state, kNow), counts(45, 0, 0, 0, 55));
    QCOMPARE(allotmentFree(state, "counter-1", kNow), std::int64_t{25});
    QCOMPARE(allotmentFree(state, "web", kNow), std::int64_t{30});
    QCOMPARE(allotmentFree(state, "nobody", kNow), std::int64_t{0});
    // A channel without an allotment cannot take allotted places from the pool.
    QCOMPARE(errorOf(holdGa(state, poolHold("h1", 46), kNow)), code(InventoryError::InsufficientCapacity));

    state = VALUE(returnGaAllotment(state, "counter-1", 25, kNow));
    QVERIFY(!state.allotments.contains("counter-1"));
    QCOMPARE(countGa(state, kNow), counts(70, 0, 0, 0, 30));
}

void TestGaInventory::allotRefused() {
    const GaState state = VALUE(holdGa(area(10), poolHold("h1", 4), kNow));
    QCOMPARE(errorOf(allotGa(state, "web", 7, kNow)), code(InventoryError::InsufficientCapacity));
    QCOMPARE(errorOf(allotGa(state, "web", 0, kNow)), code(InventoryError::InvalidQuantity));
    QCOMPARE(errorOf(allotGa(state, "", 1, kNow)), code(InventoryError::InvalidId));
}

void TestGaInventory::returnAllotmentRefused() {
    GaState state = VALUE(allotGa(area(10), "counter-1", 5, kNow));
    QCOMPARE(errorOf(returnGaAllotment(state, "web", 1, kNow)), code(InventoryError::NotAllotted));
    QCOMPARE(errorOf(returnGaAllotment(state, "counter-1", 6, kNow)), code(InventoryError::NotAllotted));
    QCOMPARE(errorOf(returnGaAllotment(state, "counter-1", 0, kNow)), code(InventoryError::InvalidQuantity));
    QCOMPARE(errorOf(returnGaAllotment(state, "", 1, kNow)), code(InventoryError::InvalidId));
    state = VALUE(holdGa(state, allotmentHold("h1", 3, "counter-1"), kNow));
    // Three places are in the owner's active hold: only two can go back now, all five once it expired.
    QCOMPARE(errorOf(returnGaAllotment(state, "counter-1", 3, kNow)), code(InventoryError::HoldActive));
    QVERIFY(returnGaAllotment(state, "counter-1", 2, kNow));
    QVERIFY(returnGaAllotment(state, "counter-1", 5, kUntil + kTick));
}

void TestGaInventory::ownerHoldsFromAllotment() {
    GaState state = VALUE(allotGa(area(100), "counter-1", 10, kNow));
    const auto held = holdGa(state, allotmentHold("h1", 4, "counter-1"), kNow);
    QVERIFY(held);
    // The places move from allotted to held; the pool does not change.
    QCOMPARE(countGa(*held, kNow), counts(90, 4, 0, 0, 6));
    QCOMPARE(allotmentFree(*held, "counter-1", kNow), std::int64_t{6});
    QVERIFY(findGaHold(*held, "h1") != nullptr);
    QCOMPARE(findGaHold(*held, "h1")->allotment, std::string("counter-1"));
    QVERIFY(balanced(*held, kNow));
}

void TestGaInventory::allotmentHoldRefused() {
    GaState state = VALUE(allotGa(area(20), "counter-1", 10, kNow));
    state = VALUE(allotGa(state, "web", 5, kNow));
    QCOMPARE(errorOf(holdGa(state, allotmentHold("h1", 11, "counter-1"), kNow)),
             code(InventoryError::InsufficientCapacity));
    QCOMPARE(errorOf(holdGa(state, allotmentHold("h1", 1, "counter-2"), kNow)),
             code(InventoryError::NotAllotted));
    // Others cannot reach into an allotment: the pool has only five places.
    QCOMPARE(errorOf(holdGa(state, poolHold("h1", 6), kNow)), code(InventoryError::InsufficientCapacity));
    state = VALUE(holdGa(state, allotmentHold("h1", 10, "counter-1"), kNow));
    QCOMPARE(errorOf(holdGa(state, allotmentHold("h2", 1, "counter-1"), kNow)),
             code(InventoryError::InsufficientCapacity));
    QCOMPARE(countGa(state, kNow), counts(5, 10, 0, 0, 5));
}

void TestGaInventory::allotmentHoldReleaseAndExpiryGoBackToAllotment() {
    GaState state = VALUE(allotGa(area(100), "counter-1", 10, kNow));
    state = VALUE(holdGa(state, allotmentHold("h1", 4, "counter-1"), kNow));
    state = VALUE(holdGa(state, allotmentHold("h2", 6, "counter-1", kNow + 1h), kNow));
    QCOMPARE(allotmentFree(state, "counter-1", kNow), std::int64_t{0});

    const GaState released = VALUE(releaseGa(state, "h2", kNow));
    QCOMPARE(countGa(released, kNow), counts(90, 4, 0, 0, 6));

    const Timestamp after = kUntil + kTick;
    // Expired, not yet swept: back in the allotment, not in the pool.
    QCOMPARE(countGa(released, after), counts(90, 0, 0, 0, 10));
    QCOMPARE(allotmentFree(released, "counter-1", after), std::int64_t{10});
    QCOMPARE(errorOf(holdGa(released, poolHold("web", 91, after + 1min), after)),
             code(InventoryError::InsufficientCapacity));
    QVERIFY(holdGa(released, allotmentHold("h3", 10, "counter-1", after + 1min), after));

    const GaExpiry expiry = expireGa(released, after);
    QCOMPARE(expiry.freed, std::int64_t{4});
    QCOMPARE(countGa(expiry.state, after), counts(90, 0, 0, 0, 10));
}

void TestGaInventory::allotmentSaleAndRefund() {
    GaState state = VALUE(allotGa(area(100), "counter-1", 10, kNow));
    state = VALUE(holdGa(state, allotmentHold("h1", 4, "counter-1"), kNow));
    state = VALUE(commitGa(state, "h1", kNow));
    QCOMPARE(countGa(state, kNow), counts(90, 0, 4, 0, 6));
    QCOMPARE(state.allotments.at("counter-1"), std::int64_t{6});
    // Refunded places go to general sale, not back into the allotment.
    state = VALUE(refundGa(state, 4));
    QCOMPARE(countGa(state, kNow), counts(94, 0, 0, 0, 6));
    // Selling the whole allotment leaves no empty entry behind.
    state = VALUE(holdGa(state, allotmentHold("h2", 6, "counter-1"), kNow));
    state = VALUE(commitGa(state, "h2", kNow));
    QVERIFY(state.allotments.empty());
    QCOMPARE(countGa(state, kNow), counts(94, 0, 6, 0, 0));
}

void TestGaInventory::soldOut() {
    GaState state = VALUE(allotGa(area(10), "counter-1", 2, kNow));
    state = VALUE(blockGa(state, 1, kNow));
    state = VALUE(holdGa(state, poolHold("h1", 3), kNow));
    state = VALUE(commitGa(state, "h1", kNow));
    state = VALUE(holdGa(state, poolHold("h2", 4), kNow));
    QCOMPARE(countGa(state, kNow), counts(0, 4, 3, 1, 2));
    QVERIFY(balanced(state, kNow));
    QCOMPARE(errorOf(holdGa(state, poolHold("h3", 1), kNow)), code(InventoryError::InsufficientCapacity));
    QCOMPARE(errorOf(blockGa(state, 1, kNow)), code(InventoryError::InsufficientCapacity));
    QCOMPARE(errorOf(allotGa(state, "web", 1, kNow)), code(InventoryError::InsufficientCapacity));
}

QTEST_APPLESS_MAIN(TestGaInventory)
#include "tst_ga_inventory.moc"
