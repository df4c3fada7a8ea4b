#include "common/inventory/inventory_error.h"
#include "common/inventory/seat_inventory.h"
#include "tests/common/support/expected_checks.h"
#include "tests/common/support/inventory_clock.h"

#include <QtTest>

#include <chrono>
#include <string>

using namespace usher;
using namespace usher::testing;
using namespace std::chrono_literals;

namespace {

QByteArray statusName(SeatStatus status) {
    const std::string_view name = toString(status);
    return QByteArray(name.data(), static_cast<qsizetype>(name.size()));
}

HoldRequest clerkHold(std::string holdId, Timestamp until = kUntil) {
    return {std::move(holdId), until, std::nullopt};
}

HoldRequest allotmentHold(std::string holdId, std::string owner, Timestamp until = kUntil) {
    return {std::move(holdId), until, std::move(owner)};
}

const SeatState kHeld = SeatState::held("h1", kUntil);
const SeatState kSold = SeatState::sold("o1");
const SeatState kBlocked = SeatState::blocked("house seat");
const SeatState kAllotted = SeatState::allotted("counter-1");
const SeatState kHeldFromAllotment = SeatState::held("h1", kUntil, "counter-1");

} // namespace

namespace QTest {
template <>
inline char* toString(const SeatState& state) {
    const std::string text = std::string(usher::toString(state.status)) + "{hold=" + state.holdId +
                             " until=" + std::to_string(state.heldUntil.time_since_epoch().count()) +
                             " order=" + state.orderId + " reason=" + state.blockReason +
                             " allotment=" + state.allotment + "}";
    return qstrdup(text.c_str());
}
} // namespace QTest

class TestSeatInventory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statusNames();
    void errorNames();
    void stateConstructors();

    // A clerk (or an online customer) selling a seat.
    void holdAvailableSeat();
    void holdRefused();
    void holdRefusesBadRequests();
    void extend();
    void extendRefused();
    void release();
    void releaseRefused();
    void commit();
    void commitRefused();
    void seatIsNeverSoldTwice();
    void refund();
    void refundRefused();
    void saleJourney();

    // Expiry is exact.
    void holdIsActiveUntilItsLastMicrosecond();
    void expiredHoldIsAvailableWithoutSweeper();
    void expire();
    void expireRefused();

    // An admin's kills, house seats and allotments.
    void blockAndUnblock();
    void blockRefused();
    void unblockRefused();
    void allotAndReturn();
    void allotRefused();
    void returnAllotmentRefused();

    // The owner of an allotment selling from it.
    void ownerHoldsFromAllotment();
    void othersCannotHoldAllottedSeat();
    void allotmentHoldReleaseGoesBackToAllotment();
    void allotmentHoldExpiryGoesBackToAllotment();
    void allotmentSaleRefundGoesToGeneralSale();
};

void TestSeatInventory::statusNames() {
    for (const SeatStatus status : {SeatStatus::Available, SeatStatus::Held, SeatStatus::Sold,
                                    SeatStatus::Blocked, SeatStatus::Allotted}) {
        const auto parsed = parseSeatStatus(toString(status));
        QVERIFY(parsed.has_value());
        QVERIFY(*parsed == status);
    }
    QCOMPARE(statusName(SeatStatus::Available), QByteArray("available"));
    QCOMPARE(statusName(SeatStatus::Held), QByteArray("held"));
    QCOMPARE(statusName(SeatStatus::Sold), QByteArray("sold"));
    QCOMPARE(statusName(SeatStatus::Blocked), QByteArray("blocked"));
    QCOMPARE(statusName(SeatStatus::Allotted), QByteArray("allotted"));
    QVERIFY(!parseSeatStatus("reserved").has_value());
    QVERIFY(!parseSeatStatus("Available").has_value());
    QVERIFY(!parseSeatStatus("").has_value());
}

void TestSeatInventory::errorNames() {
    QCOMPARE(code(InventoryError::SeatUnavailable), QByteArray("seat_unavailable"));
    QCOMPARE(code(InventoryError::HoldMismatch), QByteArray("hold_mismatch"));
    QCOMPARE(code(InventoryError::HoldExpired), QByteArray("hold_expired"));
    QCOMPARE(code(InventoryError::HoldActive), QByteArray("hold_active"));
    QCOMPARE(code(InventoryError::NotHeld), QByteArray("not_held"));
    QCOMPARE(code(InventoryError::NotSold), QByteArray("not_sold"));
    QCOMPARE(code(InventoryError::OrderMismatch), QByteArray("order_mismatch"));
    QCOMPARE(code(InventoryError::NotBlocked), QByteArray("not_blocked"));
    QCOMPARE(code(InventoryError::NotAllotted), QByteArray("not_allotted"));
    QCOMPARE(code(InventoryError::AllotmentMismatch), QByteArray("allotment_mismatch"));
    QCOMPARE(code(InventoryError::InvalidQuantity), QByteArray("invalid_quantity"));
    QCOMPARE(code(InventoryError::InsufficientCapacity), QByteArray("insufficient_capacity"));
    QCOMPARE(code(InventoryError::InvalidExpiry), QByteArray("invalid_expiry"));
    QCOMPARE(code(InventoryError::InvalidId), QByteArray("invalid_id"));
    QCOMPARE(code(InventoryError::DuplicateHold), QByteArray("duplicate_hold"));
}

void TestSeatInventory::stateConstructors() {
    QCOMPARE(SeatState::available(), SeatState{});
    QVERIFY(kHeld.status == SeatStatus::Held);
    QCOMPARE(kHeld.holdId, std::string("h1"));
    QCOMPARE(kHeld.heldUntil, kUntil);
    QVERIFY(kHeld.allotment.empty());
    QVERIFY(kSold.status == SeatStatus::Sold);
    QCOMPARE(kSold.orderId, std::string("o1"));
    QCOMPARE(kBlocked.blockReason, std::string("house seat"));
    QCOMPARE(kAllotted.allotment, std::string("counter-1"));
    QVERIFY(kHeld != kHeldFromAllotment);
}

void TestSeatInventory::holdAvailableSeat() {
    const auto held = hold(SeatState::available(), clerkHold("h1"), kNow);
    QVERIFY(held);
    QCOMPARE(*held, kHeld);
    QVERIFY(isHoldActive(*held, kNow));
    QVERIFY(effectiveStatus(*held, kNow) == SeatStatus::Held);
}

void TestSeatInventory::holdRefused() {
    const auto unavailable = code(InventoryError::SeatUnavailable);
    QCOMPARE(errorOf(hold(kHeld, clerkHold("h2"), kNow)), unavailable);
    // Holding again under the same id is still a second hold on a held seat.
    QCOMPARE(errorOf(hold(kHeld, clerkHold("h1"), kNow)), unavailable);
    QCOMPARE(errorOf(hold(kSold, clerkHold("h2"), kNow)), unavailable);
    QCOMPARE(errorOf(hold(kBlocked, clerkHold("h2"), kNow)), unavailable);
    QCOMPARE(errorOf(hold(kAllotted, clerkHold("h2"), kNow)), unavailable);
    QCOMPARE(errorOf(hold(kHeldFromAllotment, clerkHold("h2"), kNow)), unavailable);
}

void TestSeatInventory::holdRefusesBadRequests() {
    const SeatState seat;
    QCOMPARE(errorOf(hold(seat, clerkHold(""), kNow)), code(InventoryError::InvalidId));
    QCOMPARE(errorOf(hold(seat, allotmentHold("h1", ""), kNow)), code(InventoryError::InvalidId));
    QCOMPARE(errorOf(hold(seat, clerkHold("h1", kNow), kNow)), code(InventoryError::InvalidExpiry));
    QCOMPARE(errorOf(hold(seat, clerkHold("h1", kNow - 1s), kNow)), code(InventoryError::InvalidExpiry));
    QVERIFY(hold(seat, clerkHold("h1", kNow + kTick), kNow));
}

void TestSeatInventory::extend() {
    const auto extended = usher::extend(kHeld, "h1", kUntil + 5min, kNow);
    QVERIFY(extended);
    QCOMPARE(*extended, SeatState::held("h1", kUntil + 5min));
    // Allowed up to the last microsecond of the hold.
    QVERIFY(usher::extend(kHeld, "h1", kUntil + kTick, kUntil));
    // An allotment hold keeps its allotment.
    QCOMPARE(VALUE(usher::extend(kHeldFromAllotment, "h1", kUntil + 1min, kNow)),
             SeatState::held("h1", kUntil + 1min, "counter-1"));
}

void TestSeatInventory::extendRefused() {
    QCOMPARE(errorOf(usher::extend(kHeld, "h1", kUntil, kNow)), code(InventoryError::InvalidExpiry));
    QCOMPARE(errorOf(usher::extend(kHeld, "h1", kUntil - 1min, kNow)), code(InventoryError::InvalidExpiry));
    QCOMPARE(errorOf(usher::extend(kHeld, "h2", kUntil + 1min, kNow)), code(InventoryError::HoldMismatch));
    QCOMPARE(errorOf(usher::extend(kHeld, "h1", kUntil + 1min, kUntil + kTick)),
             code(InventoryError::HoldExpired));
    QCOMPARE(errorOf(usher::extend(SeatState{}, "h1", kUntil, kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(usher::extend(kSold, "h1", kUntil, kNow)), code(InventoryError::NotHeld));
}

void TestSeatInventory::release() {
    QCOMPARE(VALUE(usher::release(kHeld, "h1", kNow)), SeatState::available());
    QCOMPARE(VALUE(usher::release(kHeld, "h1", kUntil)), SeatState::available());
}

void TestSeatInventory::releaseRefused() {
    QCOMPARE(errorOf(usher::release(kHeld, "h2", kNow)), code(InventoryError::HoldMismatch));
    QCOMPARE(errorOf(usher::release(kHeld, "h1", kUntil + kTick)), code(InventoryError::HoldExpired));
    QCOMPARE(errorOf(usher::release(SeatState{}, "h1", kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(usher::release(kSold, "h1", kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(usher::release(kAllotted, "h1", kNow)), code(InventoryError::NotHeld));
}

void TestSeatInventory::commit() {
    const auto sold = usher::commit(kHeld, "h1", "o1", kNow);
    QVERIFY(sold);
    QCOMPARE(*sold, kSold);
    QVERIFY(effectiveStatus(*sold, kUntil + 1h) == SeatStatus::Sold);
    // Paying in the last microsecond still counts.
    QCOMPARE(VALUE(usher::commit(kHeld, "h1", "o1", kUntil)), kSold);
}

void TestSeatInventory::commitRefused() {
    QCOMPARE(errorOf(usher::commit(kHeld, "h2", "o1", kNow)), code(InventoryError::HoldMismatch));
    QCOMPARE(errorOf(usher::commit(kHeld, "h1", "o1", kUntil + kTick)), code(InventoryError::HoldExpired));
    QCOMPARE(errorOf(usher::commit(kHeld, "h1", "", kNow)), code(InventoryError::InvalidId));
    QCOMPARE(errorOf(usher::commit(SeatState{}, "h1", "o1", kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(usher::commit(kBlocked, "h1", "o1", kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(usher::commit(kAllotted, "h1", "o1", kNow)), code(InventoryError::NotHeld));
}

void TestSeatInventory::seatIsNeverSoldTwice() {
    const SeatState sold = VALUE(usher::commit(kHeld, "h1", "o1", kNow));
    // Neither the same hold replayed nor anyone else can sell it again.
    QCOMPARE(errorOf(usher::commit(sold, "h1", "o1", kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(usher::commit(sold, "h1", "o2", kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(hold(sold, clerkHold("h2"), kNow)), code(InventoryError::SeatUnavailable));
    // Not even long after the hold it came from would have expired.
    QCOMPARE(errorOf(hold(sold, clerkHold("h2", kUntil + 2h), kUntil + 1h)),
             code(InventoryError::SeatUnavailable));
    QCOMPARE(errorOf(block(sold, "kill", kUntil + 1h)), code(InventoryError::SeatUnavailable));
    QCOMPARE(errorOf(allot(sold, "web", kUntil + 1h)), code(InventoryError::SeatUnavailable));
    QCOMPARE(errorOf(usher::expire(sold, kUntil + 1h)), code(InventoryError::NotHeld));
}

void TestSeatInventory::refund() {
    QCOMPARE(VALUE(usher::refund(kSold, "o1")), SeatState::available());
}

void TestSeatInventory::refundRefused() {
    QCOMPARE(errorOf(usher::refund(kSold, "o2")), code(InventoryError::OrderMismatch));
    QCOMPARE(errorOf(usher::refund(SeatState{}, "o1")), code(InventoryError::NotSold));
    QCOMPARE(errorOf(usher::refund(kHeld, "o1")), code(InventoryError::NotSold));
    QCOMPARE(errorOf(usher::refund(kBlocked, "o1")), code(InventoryError::NotSold));
    const SeatState refunded = VALUE(usher::refund(kSold, "o1"));
    QCOMPARE(errorOf(usher::refund(refunded, "o1")), code(InventoryError::NotSold));
}

void TestSeatInventory::saleJourney() {
    // A clerk holds, the customer dithers, the clerk extends, they pay; the customer later returns
    // the ticket and a second clerk sells the seat again.
    SeatState seat;
    seat = VALUE(hold(seat, clerkHold("clerk-a"), kNow));
    seat = VALUE(usher::extend(seat, "clerk-a", kUntil + 10min, kUntil - 1s));
    seat = VALUE(usher::commit(seat, "clerk-a", "order-1", kUntil + 5min));
    QCOMPARE(seat, SeatState::sold("order-1"));
    seat = VALUE(usher::refund(seat, "order-1"));
    seat = VALUE(hold(seat, clerkHold("clerk-b", kNow + 2h), kNow + 1h));
    seat = VALUE(usher::commit(seat, "clerk-b", "order-2", kNow + 1h));
    QCOMPARE(seat, SeatState::sold("order-2"));
    QCOMPARE(errorOf(usher::refund(seat, "order-1")), code(InventoryError::OrderMismatch));
}

void TestSeatInventory::holdIsActiveUntilItsLastMicrosecond() {
    // Active while now <= until, as in the SQL `held_until < now()` for expired.
    QVERIFY(isHoldActive(kHeld, kUntil));
    QVERIFY(effectiveStatus(kHeld, kUntil) == SeatStatus::Held);
    QCOMPARE(effectiveState(kHeld, kUntil), kHeld);
    QCOMPARE(errorOf(hold(kHeld, clerkHold("h2", kUntil + 1min), kUntil)),
             code(InventoryError::SeatUnavailable));
    QCOMPARE(errorOf(block(kHeld, "kill", kUntil)), code(InventoryError::SeatUnavailable));
    QCOMPARE(errorOf(allot(kHeld, "web", kUntil)), code(InventoryError::SeatUnavailable));

    const Timestamp after = kUntil + kTick;
    QVERIFY(!isHoldActive(kHeld, after));
    QVERIFY(effectiveStatus(kHeld, after) == SeatStatus::Available);
    QCOMPARE(effectiveState(kHeld, after), SeatState::available());
}

void TestSeatInventory::expiredHoldIsAvailableWithoutSweeper() {
    const Timestamp after = kUntil + kTick;
    // No expire() runs first: every transition that needs an available seat sees one.
    QCOMPARE(VALUE(hold(kHeld, clerkHold("h2", after + 1min), after)), SeatState::held("h2", after + 1min));
    QCOMPARE(VALUE(block(kHeld, "broken", after)), SeatState::blocked("broken"));
    QCOMPARE(VALUE(allot(kHeld, "counter-2", after)), SeatState::allotted("counter-2"));
    // The former holder lost it: they cannot sell it, and the new holder can.
    const SeatState retaken = VALUE(hold(kHeld, clerkHold("h2", after + 1min), after));
    QCOMPARE(errorOf(usher::commit(retaken, "h1", "o1", after)), code(InventoryError::HoldMismatch));
    QCOMPARE(VALUE(usher::commit(retaken, "h2", "o2", after)), SeatState::sold("o2"));
}

void TestSeatInventory::expire() {
    QCOMPARE(VALUE(usher::expire(kHeld, kUntil + kTick)), SeatState::available());
    QCOMPARE(VALUE(usher::expire(kHeld, kUntil + 24h)), SeatState::available());
}

void TestSeatInventory::expireRefused() {
    QCOMPARE(errorOf(usher::expire(kHeld, kUntil)), code(InventoryError::HoldActive));
    QCOMPARE(errorOf(usher::expire(kHeld, kNow)), code(InventoryError::HoldActive));
    QCOMPARE(errorOf(usher::expire(SeatState{}, kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(usher::expire(kSold, kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(usher::expire(kBlocked, kNow)), code(InventoryError::NotHeld));
    QCOMPARE(errorOf(usher::expire(kAllotted, kNow)), code(InventoryError::NotHeld));
}

void TestSeatInventory::blockAndUnblock() {
    const auto blocked = block(SeatState{}, "house seat", kNow);
    QVERIFY(blocked);
    QCOMPARE(*blocked, kBlocked);
    QVERIFY(effectiveStatus(*blocked, kNow) == SeatStatus::Blocked);
    // A clerk cannot sell a killed seat.
    QCOMPARE(errorOf(hold(*blocked, clerkHold("h1"), kNow)), code(InventoryError::SeatUnavailable));
    QCOMPARE(VALUE(unblock(*blocked)), SeatState::available());
}

void TestSeatInventory::blockRefused() {
    const auto unavailable = code(InventoryError::SeatUnavailable);
    QCOMPARE(errorOf(block(kHeld, "kill", kNow)), unavailable);
    QCOMPARE(errorOf(block(kSold, "kill", kNow)), unavailable);
    QCOMPARE(errorOf(block(kBlocked, "kill", kNow)), unavailable);
    QCOMPARE(errorOf(block(kAllotted, "kill", kNow)), unavailable);
    QCOMPARE(errorOf(block(kHeldFromAllotment, "kill", kNow)), unavailable);
    // An expired allotment hold leaves the seat allotted, not available.
    QCOMPARE(errorOf(block(kHeldFromAllotment, "kill", kUntil + kTick)), unavailable);
}

void TestSeatInventory::unblockRefused() {
    QCOMPARE(errorOf(unblock(SeatState{})), code(InventoryError::NotBlocked));
    QCOMPARE(errorOf(unblock(kHeld)), code(InventoryError::NotBlocked));
    QCOMPARE(errorOf(unblock(kSold)), code(InventoryError::NotBlocked));
    QCOMPARE(errorOf(unblock(kAllotted)), code(InventoryError::NotBlocked));
}

void TestSeatInventory::allotAndReturn() {
    const auto allotted = allot(SeatState{}, "counter-1", kNow);
    QVERIFY(allotted);
    QCOMPARE(*allotted, kAllotted);
    QVERIFY(effectiveStatus(*allotted, kNow) == SeatStatus::Allotted);
    QCOMPARE(VALUE(returnAllotment(*allotted, "counter-1", kNow)), SeatState::available());
}

void TestSeatInventory::allotRefused() {
    const auto unavailable = code(InventoryError::SeatUnavailable);
    QCOMPARE(errorOf(allot(SeatState{}, "", kNow)), code(InventoryError::InvalidId));
    QCOMPARE(errorOf(allot(kHeld, "web", kNow)), unavailable);
    QCOMPARE(errorOf(allot(kSold, "web", kNow)), unavailable);
    QCOMPARE(errorOf(allot(kBlocked, "web", kNow)), unavailable);
    QCOMPARE(errorOf(allot(kAllotted, "web", kNow)), unavailable);
    QCOMPARE(errorOf(allot(kAllotted, "counter-1", kNow)), unavailable);
}

void TestSeatInventory::returnAllotmentRefused() {
    QCOMPARE(errorOf(returnAllotment(kAllotted, "counter-2", kNow)), code(InventoryError::AllotmentMismatch));
    QCOMPARE(errorOf(returnAllotment(kAllotted, "", kNow)), code(InventoryError::InvalidId));
    QCOMPARE(errorOf(returnAllotment(SeatState{}, "counter-1", kNow)), code(InventoryError::NotAllotted));
    QCOMPARE(errorOf(returnAllotment(kSold, "counter-1", kNow)), code(InventoryError::NotAllotted));
    QCOMPARE(errorOf(returnAllotment(kBlocked, "counter-1", kNow)), code(InventoryError::NotAllotted));
    QCOMPARE(errorOf(returnAllotment(kHeld, "counter-1", kNow)), code(InventoryError::NotAllotted));
    // The owner is selling the seat right now: it comes back once the hold ends.
    QCOMPARE(errorOf(returnAllotment(kHeldFromAllotment, "counter-1", kUntil)),
             code(InventoryError::HoldActive));
    QCOMPARE(VALUE(returnAllotment(kHeldFromAllotment, "counter-1", kUntil + kTick)), SeatState::available());
    QCOMPARE(errorOf(returnAllotment(kHeldFromAllotment, "counter-2", kUntil + kTick)),
             code(InventoryError::AllotmentMismatch));
}

void TestSeatInventory::ownerHoldsFromAllotment() {
    const auto held = hold(kAllotted, allotmentHold("h1", "counter-1"), kNow);
    QVERIFY(held);
    QCOMPARE(*held, kHeldFromAllotment);
    QVERIFY(effectiveStatus(*held, kNow) == SeatStatus::Held);
    QCOMPARE(VALUE(usher::commit(*held, "h1", "o1", kNow)), kSold);
}

void TestSeatInventory::othersCannotHoldAllottedSeat() {
    // Another channel without an allotment, and another allotment owner.
    QCOMPARE(errorOf(hold(kAllotted, clerkHold("h2"), kNow)), code(InventoryError::SeatUnavailable));
    QCOMPARE(errorOf(hold(kAllotted, allotmentHold("h2", "web"), kNow)),
             code(InventoryError::AllotmentMismatch));
    // The owner claiming a seat outside its allotment.
    QCOMPARE(errorOf(hold(SeatState{}, allotmentHold("h2", "counter-1"), kNow)),
             code(InventoryError::NotAllotted));
    // The owner cannot hold from its allotment a seat that is not there any more.
    QCOMPARE(errorOf(hold(kHeldFromAllotment, allotmentHold("h2", "counter-1"), kNow)),
             code(InventoryError::SeatUnavailable));
    QCOMPARE(errorOf(hold(kSold, allotmentHold("h2", "counter-1"), kNow)),
             code(InventoryError::SeatUnavailable));
}

void TestSeatInventory::allotmentHoldReleaseGoesBackToAllotment() {
    QCOMPARE(VALUE(usher::release(kHeldFromAllotment, "h1", kNow)), kAllotted);
}

void TestSeatInventory::allotmentHoldExpiryGoesBackToAllotment() {
    const Timestamp after = kUntil + kTick;
    QVERIFY(effectiveStatus(kHeldFromAllotment, kUntil) == SeatStatus::Held);
    QVERIFY(effectiveStatus(kHeldFromAllotment, after) == SeatStatus::Allotted);
    QCOMPARE(effectiveState(kHeldFromAllotment, after), kAllotted);
    QCOMPARE(VALUE(usher::expire(kHeldFromAllotment, after)), kAllotted);
    // Before any sweeper: others still cannot take it, the owner can hold it again.
    QCOMPARE(errorOf(hold(kHeldFromAllotment, clerkHold("h2", after + 1min), after)),
             code(InventoryError::SeatUnavailable));
    QCOMPARE(errorOf(allot(kHeldFromAllotment, "web", after)), code(InventoryError::SeatUnavailable));
    QCOMPARE(VALUE(hold(kHeldFromAllotment, allotmentHold("h2", "counter-1", after + 1min), after)),
             SeatState::held("h2", after + 1min, "counter-1"));
}

void TestSeatInventory::allotmentSaleRefundGoesToGeneralSale() {
    SeatState seat = VALUE(hold(kAllotted, allotmentHold("h1", "counter-1"), kNow));
    seat = VALUE(usher::commit(seat, "h1", "o1", kNow));
    QCOMPARE(seat, kSold);
    seat = VALUE(usher::refund(seat, "o1"));
    QCOMPARE(seat, SeatState::available());
    QVERIFY(hold(seat, clerkHold("web-hold"), kNow));
}

QTEST_APPLESS_MAIN(TestSeatInventory)
#include "tst_seat_inventory.moc"
