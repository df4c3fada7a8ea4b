// OrderService against a real PostgreSQL with the built-in test gateway and a real ticket signer:
// every tender, who may do what, idempotent commits and refunds (replays, reused keys, requests in
// flight, a lost gateway answer, 20 concurrent commits with one key), bad ticket types, expiry,
// and refunds that put seats back on sale and give card money back.

#include "common/util/text.h"
#include "server/security/random_tokens.h"
#include "server/security/ticket_signer.h"
#include "server/services/event_catalog.h"
#include "server/services/order_service.h"
#include "server/services/test_payment_gateway.h"
#include "server/storage/pg/connection_pool.h"
#include "server/storage/pg/migrator.h"
#include "server/storage/pg/pg_catalog_repository.h"
#include "server/storage/pg/pg_inventory_repository.h"
#include "server/storage/pg/pg_order_repository.h"
#include "server/storage/pg/pg_shift_repository.h"
#include "tests/server/support/sql_checks.h"
#include "tests/server/support/test_database.h"
#include "tests/server/support/test_event.h"

#include <QtTest>

#include <atomic>
#include <functional>
#include <future>
#include <set>
#include <thread>

using namespace usher;
using namespace usher::server;
using protocol::ProblemKind;
using services::Caller;
using usher::testing::TestDatabase;

namespace {

class CountingListener final : public services::InventoryListener {
public:
    void inventoryChanged(storage::EventId) override { ++calls; }
    std::atomic<int> calls = 0;
};

// The test gateway with a hook that runs inside charge(), before the charge is made.
class HookedGateway final : public services::PaymentGateway {
public:
    explicit HookedGateway(services::PaymentGateway& inner) : m_inner(inner) {}
    services::ChargeOutcome charge(const services::ChargeRequest& request) override {
        if (beforeCharge) {
            beforeCharge();
        }
        return m_inner.charge(request);
    }
    services::RefundOutcome refund(std::string_view chargeId, const Money& amount,
                                   std::string_view reference) override {
        return m_inner.refund(chargeId, amount, reference);
    }
    std::function<void()> beforeCharge;

private:
    services::PaymentGateway& m_inner;
};

protocol::CommitRequest card(std::string token, std::map<std::string, std::string> ticketTypes = {}) {
    return {.payments = {protocol::TestCardPayment{std::move(token)}}, .ticketTypes = std::move(ticketTypes)};
}

Money eur(std::int64_t amount) {
    return Money{amount, *Currency::fromCode("EUR")};
}

protocol::CardPresentPayment terminal(std::string reference, std::int64_t amount) {
    return {std::move(reference), eur(amount)};
}

protocol::CashPayment tendered(std::int64_t amount) {
    return {eur(amount)};
}

// "method amount" per line, as a clerk reads a receipt.
std::string describeLines(const std::vector<protocol::PaymentLine>& lines) {
    std::string out;
    for (const auto& line : lines) {
        out += (out.empty() ? "" : ", ") + std::string(protocol::toString(line.method)) + " " +
               std::to_string(line.amount.amount);
    }
    return out;
}

const protocol::TenderTotals& tenderOf(const protocol::ShiftReport& report, protocol::PaymentMethod method) {
    return *std::find_if(report.tenders.begin(), report.tenders.end(),
                         [&](const protocol::TenderTotals& tender) { return tender.method == method; });
}

template <typename T>
bool isProblem(const services::Outcome<T>& outcome, ProblemKind kind) {
    return !outcome.hasValue() && outcome.error().type == protocol::problemTypeUri(kind);
}

template <typename T>
std::string describe(const services::Outcome<T>& outcome) {
    if (outcome.hasValue()) {
        return "success";
    }
    const auto& problem = outcome.error();
    std::string text =
        std::to_string(problem.status) + " " + problem.type + " " + problem.detail.value_or("");
    for (const auto& error : problem.errors) {
        text += " [" + error.toString() + "]";
    }
    return text;
}

std::string errorPath(const protocol::Problem& problem) {
    return problem.errors.empty() ? std::string() : problem.errors.front().path;
}

} // namespace

class TestOrderService : public QObject {
    Q_OBJECT

private:
    std::optional<TestDatabase> m_database;
    std::unique_ptr<pg::ConnectionPool> m_pool;
    std::unique_ptr<pg::PgCatalogRepository> m_catalogRepository;
    std::unique_ptr<pg::PgInventoryRepository> m_inventory;
    std::unique_ptr<pg::PgOrderRepository> m_orders;
    std::unique_ptr<services::EventCatalog> m_events;
    std::unique_ptr<services::TestPaymentGateway> m_gateway;
    std::unique_ptr<HookedGateway> m_hooked;
    std::optional<security::TicketSigner> m_signer;
    std::unique_ptr<CountingListener> m_listener;
    std::unique_ptr<pg::PgShiftRepository> m_shiftRepository;
    std::unique_ptr<services::ShiftService> m_shifts;
    std::unique_ptr<services::OrderService> m_service;
    storage::EventId m_event = 0;
    std::string m_clerkShift; // open at "Counter 1"
    std::string m_adminShift; // open at "Counter 2"
    Caller m_customer;
    Caller m_otherCustomer;
    Caller m_clerk;
    Caller m_admin;

    // Cash at the counter, through the clerk's open shift.
    protocol::CommitRequest cash(std::int64_t amount, std::string_view currency = "EUR") const {
        return {.payments = {protocol::CashPayment{Money{amount, *Currency::fromCode(currency)}}},
                .shiftId = m_clerkShift};
    }

    std::string openShift(const Caller& clerk, const std::string& device, std::int64_t openingFloat) {
        const auto opened = m_shifts->open(clerk, {device, eur(openingFloat)});
        if (!opened) {
            throw std::logic_error("the test shift was refused: " + opened.error().detail.value_or(""));
        }
        return opened->shiftId;
    }

    std::string query1(const std::string& sql) { return usher::testing::queryOne(m_database->url(), sql); }
    void exec(const std::string& sql) { usher::testing::execute(m_database->url(), sql); }
    std::string seatState(const std::string& seat) {
        return query1("SELECT state FROM event_seats WHERE seat_id = '" + seat + "'");
    }

    std::string takeHold(const Caller& owner, const std::vector<std::string>& seats, int floorPlaces = 0) {
        storage::HoldPlan plan;
        plan.holdId = security::newUuid();
        plan.user = owner.id;
        for (const auto& seat : seats) {
            plan.seats.push_back({seat, seat.starts_with("S-A-") ? "premium" : "standard"});
        }
        if (floorPlaces > 0) {
            plan.ga.push_back({"floor", floorPlaces});
        }
        const auto outcome = m_inventory->createHolds(m_event, std::vector{plan});
        if (!std::holds_alternative<storage::HoldCreated>(outcome.at(0))) {
            throw std::logic_error("the test hold was refused");
        }
        return plan.holdId;
    }

    // Nothing of a refused commit remains: the hold as it was, no order, no claim, no log entry.
    void verifyUntouched(const std::string& holdId, const std::string& seqBefore) {
        QCOMPARE(query1("SELECT state FROM holds WHERE id = '" + holdId + "'"), std::string("active"));
        QCOMPARE(query1("SELECT count(*) FROM orders"), std::string("0"));
        QCOMPARE(query1("SELECT count(*) FROM idempotency_keys"), std::string("0"));
        QCOMPARE(query1("SELECT last_seq FROM events"), seqBefore);
    }

    void verifyNoOrphansOrBrokenAudit() {
        QCOMPARE(query1("SELECT audit_first_broken_row()"), std::string("(null)"));
        QCOMPARE(query1("SELECT coalesce(sum(orphans), 0) FROM usher_orphan_rows()"), std::string("0"));
    }

    void verifySignatures(const protocol::OrderResponse& order) {
        for (const auto& ticket : order.tickets) {
            QVERIFY(ticket.signature.has_value());
            QVERIFY(security::isTicketCodeShaped(ticket.code));
            const auto fields = services::ticketFields(ticket, order.eventId, order.orderId);
            QVERIFY(security::TicketSigner::verify(m_signer->publicKeyBase64(), fields, *ticket.signature));
            auto forged = fields;
            forged.ticketType += "-forged";
            QVERIFY(!security::TicketSigner::verify(m_signer->publicKeyBase64(), forged, *ticket.signature));
        }
    }

private Q_SLOTS:
    void init() {
        auto database = TestDatabase::create();
        if (!database) {
            QFAIL(database.error().c_str());
        }
        m_database.emplace(std::move(*database));
        const auto report = pg::migrate(m_database->url());
        QCOMPARE(report.applied, pg::latestSchemaVersion());
        m_pool = std::make_unique<pg::ConnectionPool>(m_database->url(), 8);
        m_catalogRepository = std::make_unique<pg::PgCatalogRepository>(*m_pool);
        m_event = usher::testing::createSmallEvent(*m_catalogRepository).id;
        const std::string url = m_database->url();
        m_customer = {usher::testing::createTestUser(url, "customer@test", "customer"),
                      protocol::Role::Customer};
        m_otherCustomer = {usher::testing::createTestUser(url, "other@test", "customer"),
                           protocol::Role::Customer};
        m_clerk = {usher::testing::createTestUser(url, "clerk@test", "clerk"), protocol::Role::Clerk};
        m_admin = {usher::testing::createTestUser(url, "admin@test", "admin"), protocol::Role::Admin};
        m_inventory = std::make_unique<pg::PgInventoryRepository>(*m_pool);
        m_orders = std::make_unique<pg::PgOrderRepository>(*m_pool);
        m_events = std::make_unique<services::EventCatalog>(*m_catalogRepository);
        m_gateway = std::make_unique<services::TestPaymentGateway>();
        m_hooked = std::make_unique<HookedGateway>(*m_gateway);
        m_signer.emplace(security::TicketSigner::fromSeed(std::vector<unsigned char>(32, 7)));
        m_listener = std::make_unique<CountingListener>();
        m_shiftRepository = std::make_unique<pg::PgShiftRepository>(*m_pool);
        m_shifts = std::make_unique<services::ShiftService>(*m_shiftRepository);
        m_service = std::make_unique<services::OrderService>(*m_orders, *m_inventory, *m_events, *m_hooked,
                                                             *m_signer, *m_listener, *m_shifts);
        m_clerkShift = openShift(m_clerk, "Counter 1", 10000);
        m_adminShift = openShift(m_admin, "Counter 2", 0);
    }
    void cleanup() {
        m_service.reset();
        m_shifts.reset();
        m_shiftRepository.reset();
        m_events.reset();
        m_orders.reset();
        m_inventory.reset();
        m_catalogRepository.reset();
        m_pool.reset();
        m_database.reset();
    }

    void testCardOrderWithSignedTickets() {
        const std::string hold = takeHold(m_customer, {"S-A-1", "S-B-1"}, 1);
        const auto committed = m_service->commit(m_customer, hold, "k1", card("tok_visa"));
        QVERIFY2(committed.hasValue(), describe(committed).c_str());
        QVERIFY(!committed->replayed);
        const protocol::OrderResponse& order = committed->order;
        QCOMPARE(order.eventId, std::to_string(m_event));
        QVERIFY(order.status == protocol::OrderStatus::Paid);
        QCOMPARE(order.total, (Money{5000 + 3000 + 2000, *Currency::fromCode("EUR")}));
        QVERIFY(!order.change.has_value());
        QVERIFY(order.number.starts_with("U-"));
        QCOMPARE(order.tickets.size(), std::size_t{3});
        QCOMPARE(*order.tickets[0].seat, std::string("S-A-1"));
        QCOMPARE(order.tickets[0].ticketType, std::string("adult"));
        QCOMPARE(order.tickets[0].price.amount, std::int64_t{5000});
        QCOMPARE(*order.tickets[2].gaArea, std::string("floor"));
        verifySignatures(order);

        QCOMPARE(m_gateway->chargeCount(), 1);
        QCOMPARE(m_listener->calls.load(), 1);
        QCOMPARE(seatState("S-A-1"), std::string("sold"));
        QCOMPARE(query1("SELECT channel FROM orders"), std::string("online"));
        QCOMPARE(query1("SELECT method || ' ' || reference FROM payments"),
                 std::string("test_card ch_test_1"));

        // The owner and staff see it; another customer gets 404.
        const auto mine = m_service->order(m_customer, order.orderId);
        QVERIFY(mine.hasValue());
        QCOMPARE(*mine, order);
        QVERIFY(m_service->order(m_clerk, order.orderId).hasValue());
        QVERIFY(isProblem(m_service->order(m_otherCustomer, order.orderId), ProblemKind::NotFound));
        QVERIFY(isProblem(m_service->order(m_customer, "not-a-uuid"), ProblemKind::NotFound));
        QVERIFY(isProblem(m_service->order(m_customer, security::newUuid()), ProblemKind::NotFound));
    }

    void cashOrderGivesChange() {
        const std::string hold = takeHold(m_clerk, {"S-A-1"});
        const std::string seqBefore = query1("SELECT last_seq FROM events");
        const auto tooLittle = m_service->commit(m_clerk, hold, "k1", cash(4999));
        QVERIFY2(isProblem(tooLittle, ProblemKind::Validation), describe(tooLittle).c_str());
        QCOMPARE(errorPath(tooLittle.error()), std::string("payment.tendered"));
        const auto dollars = m_service->commit(m_clerk, hold, "k1", cash(9000, "USD"));
        QVERIFY(isProblem(dollars, ProblemKind::Validation));
        QCOMPARE(errorPath(dollars.error()), std::string("payment.tendered"));
        verifyUntouched(hold, seqBefore);

        // The same key works once the body is right: failures are not stored.
        const auto paid = m_service->commit(m_clerk, hold, "k1", cash(6000));
        QVERIFY2(paid.hasValue(), describe(paid).c_str());
        QCOMPARE(paid->order.change, (Money{1000, *Currency::fromCode("EUR")}));
        QCOMPARE(query1("SELECT method || ' ' || amount || ' ' || tendered FROM payments"),
                 std::string("cash 5000 6000"));
        QCOMPARE(query1("SELECT channel || ' ' || change_due FROM orders"), std::string("box_office 1000"));
        QCOMPARE(m_gateway->chargeCount(), 0);
        // A replay carries the change too.
        const auto replay = m_service->commit(m_clerk, hold, "k1", cash(6000));
        QVERIFY(replay.hasValue() && replay->replayed);
        QCOMPARE(replay->order, paid->order);
    }

    void cardPresentKeepsTheTerminalReference() {
        const std::string hold = takeHold(m_admin, {"S-B-3"});
        const protocol::CommitRequest request{.payments = {protocol::CardPresentPayment{"TERM-42-0007"}},
                                              .ticketTypes = {{"S-B-3", "child"}},
                                              .shiftId = m_adminShift};
        const auto paid = m_service->commit(m_admin, hold, "k1", request);
        QVERIFY2(paid.hasValue(), describe(paid).c_str());
        QCOMPARE(paid->order.total.amount, std::int64_t{1500});
        QCOMPARE(paid->order.tickets[0].ticketType, std::string("child"));
        QCOMPARE(query1("SELECT method || ' ' || reference FROM payments"),
                 std::string("card_present TERM-42-0007"));
        verifySignatures(paid->order);
    }

    void customersCannotUseBoxOfficeTenders() {
        const std::string hold = takeHold(m_customer, {"S-A-1"});
        const std::string seqBefore = query1("SELECT last_seq FROM events");
        QVERIFY(isProblem(m_service->commit(m_customer, hold, "k1", cash(9000)), ProblemKind::Forbidden));
        const protocol::CommitRequest terminal{.payments = {protocol::CardPresentPayment{"REF"}}};
        QVERIFY(isProblem(m_service->commit(m_customer, hold, "k2", terminal), ProblemKind::Forbidden));
        verifyUntouched(hold, seqBefore);
    }

    void declinedCardLeavesTheHoldIntact() {
        const std::string hold = takeHold(m_customer, {"S-A-1", "S-A-2"});
        const auto before = m_inventory->findHold(hold);
        const std::string seqBefore = query1("SELECT last_seq FROM events");
        const auto declined = m_service->commit(m_customer, hold, "k1", card("tok_declined"));
        QVERIFY2(isProblem(declined, ProblemKind::PaymentDeclined), describe(declined).c_str());
        QCOMPARE(declined.error().status, 402);
        QVERIFY(isProblem(m_service->commit(m_customer, hold, "k2", card("tok_unknown")),
                          ProblemKind::PaymentDeclined));
        const auto after = m_inventory->findHold(hold);
        QVERIFY(after->state == storage::HoldState::Active && !after->expired);
        QVERIFY(after->expiresAt == before->expiresAt);
        QCOMPARE(seatState("S-A-1"), std::string("held"));
        verifyUntouched(hold, seqBefore);
        QCOMPARE(m_gateway->chargeCount(), 0);

        const auto paid = m_service->commit(m_customer, hold, "k3", card("tok_visa"));
        QVERIFY2(paid.hasValue(), describe(paid).c_str());
        QCOMPARE(m_gateway->chargeCount(), 1);
    }

    void gatewayTimeoutIsResolvedByRetryingWithTheSameKey() {
        const std::string hold = takeHold(m_customer, {"S-A-1"});
        const auto timedOut = m_service->commit(m_customer, hold, "k1", card("tok_timeout"));
        QVERIFY2(isProblem(timedOut, ProblemKind::PaymentTimeout), describe(timedOut).c_str());
        QCOMPARE(timedOut.error().status, 504);
        QCOMPARE(m_gateway->chargeCount(), 1); // the provider did charge; its answer was lost
        QCOMPARE(query1("SELECT count(*) FROM orders"), std::string("0"));

        const auto retried = m_service->commit(m_customer, hold, "k1", card("tok_timeout"));
        QVERIFY2(retried.hasValue(), describe(retried).c_str());
        QVERIFY(!retried->replayed);
        QCOMPARE(m_gateway->chargeCount(), 1);
        QCOMPARE(query1("SELECT count(*) FROM orders"), std::string("1"));
        QCOMPARE(query1("SELECT reference FROM payments"), std::string("ch_test_1"));
        const auto replay = m_service->commit(m_customer, hold, "k1", card("tok_timeout"));
        QVERIFY(replay.hasValue() && replay->replayed);
        QCOMPARE(m_gateway->chargeCount(), 1);
    }

    void replayAndReusedKey() {
        const std::string hold = takeHold(m_customer, {"S-A-1"}, 2);
        const auto first = m_service->commit(m_customer, hold, "k1", card("tok_visa"));
        QVERIFY2(first.hasValue(), describe(first).c_str());
        const auto again = m_service->commit(m_customer, hold, "k1", card("tok_visa"));
        QVERIFY2(again.hasValue(), describe(again).c_str());
        QVERIFY(again->replayed);
        QCOMPARE(again->order, first->order);
        QCOMPARE(m_gateway->chargeCount(), 1);
        QCOMPARE(m_listener->calls.load(), 1);

        const auto otherBody =
            m_service->commit(m_customer, hold, "k1", card("tok_visa", {{"S-A-1", "child"}}));
        QVERIFY2(isProblem(otherBody, ProblemKind::IdempotencyKeyReused), describe(otherBody).c_str());
        QCOMPARE(otherBody.error().status, 422);
        const std::string otherHold = takeHold(m_customer, {"S-A-2"});
        QVERIFY(isProblem(m_service->commit(m_customer, otherHold, "k1", card("tok_visa")),
                          ProblemKind::IdempotencyKeyReused));
        // Under a new key the committed hold no longer exists as a hold.
        QVERIFY(
            isProblem(m_service->commit(m_customer, hold, "k2", card("tok_visa")), ProblemKind::NotFound));
        QVERIFY(isProblem(m_service->commit(m_customer, hold, "", card("tok_visa")),
                          ProblemKind::IdempotencyKeyMissing));
        QCOMPARE(query1("SELECT count(*) FROM orders"), std::string("1"));
    }

    void requestInFlightGets409() {
        const std::string hold = takeHold(m_customer, {"S-A-1"});
        std::promise<void> charging;
        std::promise<void> proceed;
        std::shared_future<void> proceedSignal = proceed.get_future().share();
        m_hooked->beforeCharge = [&charging, proceedSignal] {
            charging.set_value();
            proceedSignal.wait();
        };
        auto first = std::async(std::launch::async,
                                [&] { return m_service->commit(m_customer, hold, "k1", card("tok_visa")); });
        charging.get_future().wait();
        const auto second = m_service->commit(m_customer, hold, "k1", card("tok_visa"));
        QVERIFY2(isProblem(second, ProblemKind::RequestInFlight), describe(second).c_str());
        QCOMPARE(second.error().status, 409);
        QCOMPARE(second.error().retryAfter, std::optional<std::int64_t>(1));
        proceed.set_value();
        const auto done = first.get();
        m_hooked->beforeCharge = nullptr;
        QVERIFY2(done.hasValue(), describe(done).c_str());
        const auto replay = m_service->commit(m_customer, hold, "k1", card("tok_visa"));
        QVERIFY(replay.hasValue() && replay->replayed);
        QCOMPARE(replay->order, done->order);
    }

    void concurrentCommitsWithOneKeyMakeOneOrder() {
        const std::string hold = takeHold(m_customer, {"S-A-1", "S-A-2"}, 1);
        constexpr int kThreads = 20;
        std::vector<services::Outcome<services::CommitResult>> outcomes;
        outcomes.reserve(kThreads);
        for (int i = 0; i < kThreads; ++i) {
            outcomes.push_back(services::fail(ProblemKind::Internal, "not run"));
        }
        std::atomic<int> ready = 0;
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back([&, i] {
                ++ready;
                while (ready.load() < kThreads) {
                    std::this_thread::yield();
                }
                outcomes[static_cast<std::size_t>(i)] =
                    m_service->commit(m_customer, hold, "same-key", card("tok_visa"));
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        std::set<std::string> orderIds;
        int created = 0;
        for (const auto& outcome : outcomes) {
            if (outcome.hasValue()) {
                orderIds.insert(outcome->order.orderId);
                created += outcome->replayed ? 0 : 1;
            } else {
                QVERIFY2(isProblem(outcome, ProblemKind::RequestInFlight), describe(outcome).c_str());
            }
        }
        QCOMPARE(created, 1);
        QCOMPARE(orderIds.size(), std::size_t{1});
        QCOMPARE(query1("SELECT count(*) FROM orders"), std::string("1"));
        QCOMPARE(query1("SELECT id FROM orders"), *orderIds.begin());
        QCOMPARE(query1("SELECT count(*) FROM tickets"), std::string("3"));
        QCOMPARE(m_gateway->chargeCount(), 1);
    }

    void otherPeoplesHoldsAre404() {
        const std::string hold = takeHold(m_customer, {"S-A-1"});
        QVERIFY(isProblem(m_service->commit(m_otherCustomer, hold, "k1", card("tok_visa")),
                          ProblemKind::NotFound));
        QVERIFY(
            isProblem(m_service->commit(m_customer, "nope", "k1", card("tok_visa")), ProblemKind::NotFound));
        QVERIFY(isProblem(m_service->commit(m_customer, security::newUuid(), "k1", card("tok_visa")),
                          ProblemKind::NotFound));
        QCOMPARE(query1("SELECT count(*) FROM idempotency_keys"), std::string("0"));
        // Staff may commit anyone's hold; the order stays the customer's.
        const auto paid = m_service->commit(m_clerk, hold, "k1", card("tok_visa"));
        QVERIFY2(paid.hasValue(), describe(paid).c_str());
        QVERIFY(m_service->order(m_customer, paid->order.orderId).hasValue());
        QVERIFY(isProblem(m_service->order(m_otherCustomer, paid->order.orderId), ProblemKind::NotFound));
    }

    void badTicketTypesChangeNothing() {
        const std::string hold = takeHold(m_customer, {"S-A-1"}, 1);
        const std::string seqBefore = query1("SELECT last_seq FROM events");
        const auto unknownType =
            m_service->commit(m_customer, hold, "k1", card("tok_visa", {{"S-A-1", "senior"}}));
        QVERIFY2(isProblem(unknownType, ProblemKind::Validation), describe(unknownType).c_str());
        QCOMPARE(errorPath(unknownType.error()), std::string("ticket_types.S-A-1"));
        const auto foreignSeat =
            m_service->commit(m_customer, hold, "k2", card("tok_visa", {{"S-B-5", "adult"}}));
        QVERIFY(isProblem(foreignSeat, ProblemKind::Validation));
        QCOMPARE(errorPath(foreignSeat.error()), std::string("ticket_types.S-B-5"));
        const auto noPrice =
            m_service->commit(m_customer, hold, "k3", card("tok_visa", {{"floor", "child"}}));
        QVERIFY(isProblem(noPrice, ProblemKind::Validation));
        QCOMPARE(errorPath(noPrice.error()), std::string("ticket_types.floor"));
        verifyUntouched(hold, seqBefore);
        QCOMPARE(m_gateway->chargeCount(), 0);

        const auto child = m_service->commit(m_customer, hold, "k4", card("tok_visa", {{"S-A-1", "child"}}));
        QVERIFY2(child.hasValue(), describe(child).c_str());
        QCOMPARE(child->order.total.amount, std::int64_t{2500 + 2000});
    }

    void expiredOrReleasedHoldsAre410() {
        const std::string expired = takeHold(m_customer, {"S-A-1"});
        exec("UPDATE event_seats SET held_until = now() - interval '1 millisecond' WHERE seat_id = 'S-A-1'");
        exec("UPDATE holds SET expires_at = now() - interval '1 millisecond' WHERE id = '" + expired + "'");
        const auto late = m_service->commit(m_customer, expired, "k1", card("tok_visa"));
        QVERIFY2(isProblem(late, ProblemKind::HoldExpired), describe(late).c_str());
        QCOMPARE(late.error().status, 410);

        const std::string released = takeHold(m_customer, {"S-A-2"});
        QVERIFY(m_inventory->releaseHold(m_event, released).hasValue());
        QVERIFY(isProblem(m_service->commit(m_customer, released, "k2", card("tok_visa")),
                          ProblemKind::HoldExpired));
        QCOMPARE(m_gateway->chargeCount(), 0);
        QCOMPARE(query1("SELECT count(*) FROM idempotency_keys"), std::string("0"));
    }

    void holdExpiringWhileChargingIsRefunded() {
        const std::string hold = takeHold(m_customer, {"S-A-1"});
        m_hooked->beforeCharge = [this, hold] {
            exec("UPDATE event_seats SET held_until = now() - interval '1 millisecond' WHERE seat_id = "
                 "'S-A-1'");
            exec("UPDATE holds SET expires_at = now() - interval '1 millisecond' WHERE id = '" + hold + "'");
        };
        const auto late = m_service->commit(m_customer, hold, "k1", card("tok_visa"));
        m_hooked->beforeCharge = nullptr;
        QVERIFY2(isProblem(late, ProblemKind::HoldExpired), describe(late).c_str());
        QCOMPARE(m_gateway->chargeCount(), 1);
        QCOMPARE(m_gateway->refundedAmount("ch_test_1"), std::int64_t{5000});
        QCOMPARE(query1("SELECT count(*) FROM orders"), std::string("0"));
        QCOMPARE(query1("SELECT count(*) FROM idempotency_keys"), std::string("0"));
    }

    void refundsPartialThenFull() {
        const std::string hold = takeHold(m_customer, {"S-A-1", "S-B-1"}, 1);
        const auto paid = m_service->commit(m_customer, hold, "k1", card("tok_visa"));
        QVERIFY2(paid.hasValue(), describe(paid).c_str());
        const protocol::OrderResponse& order = paid->order;
        const std::string premium = order.tickets[0].id;

        // Refunds are the box office's: the owner gets 403, anyone else 404.
        QVERIFY(isProblem(m_service->refund(m_customer, order.orderId, "r1", {"changed my mind", {}}),
                          ProblemKind::Forbidden));
        QVERIFY(isProblem(m_service->refund(m_otherCustomer, order.orderId, "r1", {"x", {}}),
                          ProblemKind::NotFound));
        QVERIFY(isProblem(m_service->refund(m_clerk, "nope", "r1", {"x", {}}), ProblemKind::NotFound));
        QVERIFY(isProblem(m_service->refund(m_clerk, order.orderId, "", {"x", {}}),
                          ProblemKind::IdempotencyKeyMissing));

        const int notified = m_listener->calls.load();
        const protocol::RefundRequest partialRequest{"seat broken", {premium}};
        const auto partial = m_service->refund(m_clerk, order.orderId, "r1", partialRequest);
        QVERIFY2(partial.hasValue(), describe(partial).c_str());
        QCOMPARE(partial->amount.amount, std::int64_t{5000});
        QCOMPARE(partial->tickets, std::vector<std::string>{premium});
        QCOMPARE(partial->orderId, order.orderId);
        QCOMPARE(m_gateway->refundedAmount("ch_test_1"), std::int64_t{5000});
        QCOMPARE(m_listener->calls.load(), notified + 1);
        QCOMPARE(seatState("S-A-1"), std::string("available"));
        auto now = m_service->order(m_customer, order.orderId);
        QVERIFY(now->status == protocol::OrderStatus::PartiallyRefunded);
        QVERIFY(now->tickets[0].status == protocol::TicketStatus::Refunded);
        QVERIFY(now->tickets[1].status == protocol::TicketStatus::Valid);

        // A replay answers the same and gives no money back twice.
        const auto replay = m_service->refund(m_clerk, order.orderId, "r1", partialRequest);
        QVERIFY(replay.hasValue());
        QCOMPARE(*replay, *partial);
        QCOMPARE(m_gateway->refundCount(), 1);
        QVERIFY(isProblem(m_service->refund(m_clerk, order.orderId, "r1", {"other reason", {premium}}),
                          ProblemKind::IdempotencyKeyReused));

        const auto twice = m_service->refund(m_clerk, order.orderId, "r2", partialRequest);
        QVERIFY2(isProblem(twice, ProblemKind::NotRefundable), describe(twice).c_str());
        const auto unknown = m_service->refund(m_clerk, order.orderId, "r3",
                                               {"x", {order.tickets[1].id, security::newUuid()}});
        QVERIFY2(isProblem(unknown, ProblemKind::Validation), describe(unknown).c_str());
        QCOMPARE(errorPath(unknown.error()), std::string("tickets[1]"));
        const auto duplicate = m_service->refund(m_clerk, order.orderId, "r3",
                                                 {"x", {order.tickets[1].id, order.tickets[1].id}});
        QVERIFY(isProblem(duplicate, ProblemKind::Validation));
        QCOMPARE(errorPath(duplicate.error()), std::string("tickets[1]"));
        QCOMPARE(query1("SELECT count(*) FROM refunds"), std::string("1"));

        const auto rest = m_service->refund(m_admin, order.orderId, "r4", {"show cancelled", {}});
        QVERIFY2(rest.hasValue(), describe(rest).c_str());
        QCOMPARE(rest->amount.amount, std::int64_t{3000 + 2000});
        QCOMPARE(rest->tickets.size(), std::size_t{2});
        QCOMPARE(m_gateway->refundedAmount("ch_test_1"), std::int64_t{10000});
        now = m_service->order(m_customer, order.orderId);
        QVERIFY(now->status == protocol::OrderStatus::Refunded);
        QCOMPARE(query1("SELECT held || '/' || sold FROM event_ga_areas"), std::string("0/0"));
        QCOMPARE(seatState("S-B-1"), std::string("available"));
        const auto nothingLeft = m_service->refund(m_clerk, order.orderId, "r5", {"again", {}});
        QVERIFY2(isProblem(nothingLeft, ProblemKind::NotRefundable), describe(nothingLeft).c_str());
        QCOMPARE(query1("SELECT count(*) FROM idempotency_keys WHERE response IS NULL"), std::string("0"));
        QCOMPARE(query1("SELECT audit_first_broken_row()"), std::string("(null)"));
        QCOMPARE(query1("SELECT count(*) FROM audit_log WHERE action LIKE 'order.%'"), std::string("3"));
    }

    void cashRefundRecordsThePayment() {
        const std::string hold = takeHold(m_clerk, {"S-B-1", "S-B-2"});
        const auto paid = m_service->commit(m_clerk, hold, "k1", cash(10000));
        QVERIFY2(paid.hasValue(), describe(paid).c_str());
        const auto refund =
            m_service->refund(m_clerk, paid->order.orderId, "r1", {"wrong date", {}, m_clerkShift});
        QVERIFY2(refund.hasValue(), describe(refund).c_str());
        QCOMPARE(refund->amount.amount, std::int64_t{6000});
        QCOMPARE(
            query1(
                "SELECT string_agg(kind || ':' || method || ':' || amount, ',' ORDER BY id) FROM payments"),
            std::string("charge:cash:6000,refund:cash:6000"));
        QCOMPARE(m_gateway->refundCount(), 0);
    }

    // ---- box office: split tenders, shifts, lookup, reprints ----

    void splitTenderTakesCardsThenCash() {
        const std::string hold = takeHold(m_clerk, {"S-A-1", "S-B-1"}); // 5000 + 3000
        const std::string seqBefore = query1("SELECT last_seq FROM events");
        const auto split = [&](std::vector<protocol::Payment> payments) {
            return protocol::CommitRequest{.payments = std::move(payments), .shiftId = m_clerkShift};
        };
        const std::vector<std::pair<protocol::CommitRequest, std::string>> refused{
            {split({terminal("T-1", 9000), tendered(100)}), "payments"},
            {split({protocol::CardPresentPayment{"T-1"}, tendered(8000)}), "payments[0].amount"},
            {split({tendered(4000), tendered(4000)}), "payments[1].method"},
            {split({protocol::TestCardPayment{"tok_visa"}, tendered(8000)}), "payments[0].method"},
            {split({terminal("T-1", 5000), tendered(2999)}), "payments[1].tendered"},
            {split({terminal("T-1", 8000), tendered(0)}), "payments[1].tendered"},
            {split({terminal("T-1", 3000), terminal("T-2", 3000)}), "payments"},
        };
        for (const auto& [request, path] : refused) {
            const auto outcome = m_service->commit(m_clerk, hold, "k1", request);
            QVERIFY2(isProblem(outcome, ProblemKind::Validation), describe(outcome).c_str());
            QCOMPARE(errorPath(outcome.error()), path);
        }
        verifyUntouched(hold, seqBefore);

        const auto paid =
            m_service->commit(m_clerk, hold, "k1", split({terminal("T-1", 5000), tendered(5000)}));
        QVERIFY2(paid.hasValue(), describe(paid).c_str());
        QCOMPARE(describeLines(paid->order.payments), std::string("card_present 5000, cash 3000"));
        QCOMPARE(paid->order.payments[1].tendered, std::optional(eur(5000)));
        QCOMPARE(paid->order.change, std::optional(eur(2000)));
        QCOMPARE(query1("SELECT string_agg(method || ' ' || amount || ' ' || (shift_id = '" + m_clerkShift +
                        "'), ', ' ORDER BY id) FROM payments"),
                 std::string("card_present 5000 true, cash 3000 true"));
        QCOMPARE(m_service->order(m_clerk, paid->order.orderId)->payments, paid->order.payments);

        // Money goes back in cash first, then to the card.
        const std::string standard = paid->order.tickets[1].id;
        const auto first =
            m_service->refund(m_clerk, paid->order.orderId, "r1", {"seat swap", {standard}, m_clerkShift});
        QVERIFY2(first.hasValue(), describe(first).c_str());
        QCOMPARE(describeLines(first->payments), std::string("cash 3000"));
        const auto rest =
            m_service->refund(m_clerk, paid->order.orderId, "r2", {"cancelled", {}, m_clerkShift});
        QVERIFY2(rest.hasValue(), describe(rest).c_str());
        QCOMPARE(describeLines(rest->payments), std::string("card_present 5000"));
        QCOMPARE(rest->payments[0].reference, std::optional<std::string>("T-1"));

        // Two cards that cover the total need no cash.
        const std::string second = takeHold(m_clerk, {"S-B-2"});
        const auto cards =
            m_service->commit(m_clerk, second, "k2", split({terminal("A", 1000), terminal("B", 2000)}));
        QVERIFY2(cards.hasValue(), describe(cards).c_str());
        QVERIFY(!cards->order.change.has_value());
        verifyNoOrphansOrBrokenAudit();
    }

    void boxOfficeTendersNeedTheClerksOpenShift() {
        const std::string hold = takeHold(m_clerk, {"S-A-1"});
        const std::string seqBefore = query1("SELECT last_seq FROM events");
        protocol::CommitRequest request = cash(6000);
        request.shiftId.reset();
        QVERIFY(isProblem(m_service->commit(m_clerk, hold, "k1", request), ProblemKind::ShiftNotOpen));
        request.shiftId = m_adminShift; // someone else's drawer
        QVERIFY(isProblem(m_service->commit(m_clerk, hold, "k1", request), ProblemKind::ShiftNotOpen));
        request.shiftId = security::newUuid();
        QVERIFY(isProblem(m_service->commit(m_clerk, hold, "k1", request), ProblemKind::ShiftNotOpen));
        const Caller dollars{usher::testing::createTestUser(m_database->url(), "usd@test", "clerk"),
                             protocol::Role::Clerk};
        const std::string dollarShift =
            m_shifts->open(dollars, {"Dollar till", Money{0, *Currency::fromCode("USD")}})->shiftId;
        const std::string dollarHold = takeHold(dollars, {"S-A-2"});
        const auto wrongCurrency = m_service->commit(dollars, dollarHold, "k1",
                                                     {.payments = {tendered(6000)}, .shiftId = dollarShift});
        QVERIFY2(isProblem(wrongCurrency, ProblemKind::Validation), describe(wrongCurrency).c_str());
        QCOMPARE(errorPath(wrongCurrency.error()), std::string("shift_id"));
        // Online payments have no shift and no walk-up customer.
        const std::string online = takeHold(m_customer, {"S-A-3"});
        protocol::CommitRequest card = ::card("tok_visa");
        card.shiftId = m_clerkShift;
        card.customerName = "Ada";
        const auto misplaced = m_service->commit(m_customer, online, "k1", card);
        QVERIFY(isProblem(misplaced, ProblemKind::Validation));
        QCOMPARE(misplaced.error().errors.size(), std::size_t{2});
        QCOMPARE(query1("SELECT count(*) FROM orders"), std::string("0"));

        // A shift closed meanwhile takes no more money in or out.
        const auto paid = m_service->commit(m_clerk, hold, "k2", cash(6000));
        QVERIFY2(paid.hasValue(), describe(paid).c_str());
        QVERIFY(m_shifts->close(m_clerk, m_clerkShift, {eur(15000), std::nullopt}).hasValue());
        const std::string late = takeHold(m_clerk, {"S-B-1"});
        QVERIFY(isProblem(m_service->commit(m_clerk, late, "k3", cash(3000)), ProblemKind::ShiftNotOpen));
        const auto refund = m_service->refund(m_clerk, paid->order.orderId, "r1", {"x", {}, m_clerkShift});
        QVERIFY2(isProblem(refund, ProblemKind::ShiftNotOpen), describe(refund).c_str());
        QVERIFY(isProblem(m_service->refund(m_clerk, paid->order.orderId, "r1", {"x", {}}),
                          ProblemKind::ShiftNotOpen));
        QCOMPARE(query1("SELECT count(*) FROM refunds"), std::string("0"));
        QCOMPARE(seatState("S-B-1"), std::string("held"));
    }

    void shiftReportsAddUp() {
        const Caller anna{usher::testing::createTestUser(m_database->url(), "anna@test", "clerk"),
                          protocol::Role::Clerk};
        const auto opened = m_shifts->open(anna, {"Counter 3", eur(20000)});
        QVERIFY(opened.hasValue());
        QVERIFY(isProblem(m_shifts->open(m_clerk, {"Counter 3", eur(0)}), ProblemKind::ShiftAlreadyOpen));
        QVERIFY(isProblem(m_shifts->open(m_customer, {"Counter 9", eur(0)}), ProblemKind::Forbidden));
        QCOMPARE(m_shifts->current(m_clerk, "Counter 3")->shiftId, opened->shiftId);
        QVERIFY(isProblem(m_shifts->current(m_clerk, "Counter 9"), ProblemKind::NotFound));
        const std::string shift = opened->shiftId;
        const auto sell = [&](const std::vector<std::string>& seats, protocol::CommitRequest request) {
            request.shiftId = shift;
            const auto paid = m_service->commit(anna, takeHold(anna, seats), security::newUuid(), request);
            if (!paid) {
                throw std::logic_error(describe(paid));
            }
            return paid->order;
        };
        // Cash 5000 + 1500 (a child), card 3000, split 5000 card + 3000 cash.
        const auto cashOrder =
            sell({"S-A-1", "S-B-1"}, {.payments = {tendered(10000)}, .ticketTypes = {{"S-B-1", "child"}}});
        sell({"S-B-2"}, {.payments = {protocol::CardPresentPayment{"T-9"}}});
        sell({"S-A-2", "S-B-3"}, {.payments = {terminal("T-10", 5000), tendered(3000)}});
        const auto refunded = m_service->refund(anna, cashOrder.orderId, "r1",
                                                {"wrong night", {cashOrder.tickets[1].id}, shift});
        QVERIFY2(refunded.hasValue(), describe(refunded).c_str());

        const auto x = m_shifts->report(anna, shift);
        QVERIFY2(x.hasValue(), describe(x).c_str());
        QVERIFY(x->status == protocol::ShiftStatus::Open && !x->closedAt);
        QCOMPARE(x->orders, 3);
        QCOMPARE(x->refunds, 1);
        const auto& cashX = tenderOf(*x, protocol::PaymentMethod::Cash);
        QCOMPARE(cashX.sales, eur(6500 + 3000));
        QCOMPARE(cashX.refunds, eur(1500));
        QCOMPARE(cashX.expected, eur(20000 + 9500 - 1500));
        QVERIFY(!cashX.counted && !cashX.variance);
        const auto& cardX = tenderOf(*x, protocol::PaymentMethod::CardPresent);
        QCOMPARE(cardX.sales, eur(3000 + 5000));
        QCOMPARE(cardX.expected, eur(8000));
        QCOMPARE(x->ticketTypes.size(), std::size_t{2});
        QCOMPARE(x->ticketTypes[0].ticketType, std::string("adult"));
        QCOMPARE(x->ticketTypes[0].sold, 4);
        QCOMPARE(x->ticketTypes[0].soldAmount, eur(5000 + 3000 + 5000 + 3000));
        QCOMPARE(x->ticketTypes[1].ticketType, std::string("child"));
        QCOMPARE(x->ticketTypes[1].sold, 1);
        QCOMPARE(x->ticketTypes[1].refunded, 1);
        QCOMPARE(x->ticketTypes[1].refundedAmount, eur(1500));
        // The two views of the same money agree.
        std::int64_t byTender = 0;
        for (const auto& tender : x->tenders) {
            byTender += tender.sales.amount - tender.refunds.amount;
        }
        std::int64_t byType = 0;
        for (const auto& type : x->ticketTypes) {
            byType += type.soldAmount.amount - type.refundedAmount.amount;
        }
        QCOMPARE(byTender, byType);
        // An X report changes nothing; only the clerk and admins see it.
        QCOMPARE(*m_shifts->report(anna, shift), *x);
        QVERIFY(isProblem(m_shifts->report(m_clerk, shift), ProblemKind::NotFound));
        QVERIFY(m_shifts->report(m_admin, shift).hasValue());
        QVERIFY(isProblem(m_shifts->close(m_clerk, shift, {eur(0), std::nullopt}), ProblemKind::NotFound));
        const auto dollars =
            m_shifts->close(anna, shift, {Money{1, *Currency::fromCode("USD")}, std::nullopt});
        QVERIFY(isProblem(dollars, ProblemKind::Validation));

        const auto z = m_shifts->close(anna, shift, {eur(28000 - 500), eur(8000)});
        QVERIFY2(z.hasValue(), describe(z).c_str());
        QVERIFY(z->status == protocol::ShiftStatus::Closed && z->closedAt);
        QCOMPARE(tenderOf(*z, protocol::PaymentMethod::Cash).counted, std::optional(eur(27500)));
        QCOMPARE(tenderOf(*z, protocol::PaymentMethod::Cash).variance, std::optional(eur(-500)));
        QCOMPARE(tenderOf(*z, protocol::PaymentMethod::CardPresent).variance, std::optional(eur(0)));
        QCOMPARE(z->ticketTypes, x->ticketTypes);
        QVERIFY(isProblem(m_shifts->close(anna, shift, {eur(0), std::nullopt}), ProblemKind::ShiftNotOpen));
        QCOMPARE(*m_shifts->report(anna, shift), *z);
        // The device is free for the next shift.
        QVERIFY(m_shifts->open(anna, {"Counter 3", eur(0)}).hasValue());
        QCOMPARE(query1("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE subject = 'shift:" +
                        shift + "'"),
                 std::string("shift.opened,shift.closed"));
        verifyNoOrphansOrBrokenAudit();
    }

    void ordersAreFoundByNumberNameOrEmail() {
        protocol::CommitRequest walkUp = cash(5000);
        walkUp.customerName = "  Ada Lovelace ";
        walkUp.customerEmail = "ada@example.com";
        const auto boxOffice = m_service->commit(m_clerk, takeHold(m_clerk, {"S-A-1"}), "k1", walkUp);
        QVERIFY2(boxOffice.hasValue(), describe(boxOffice).c_str());
        QCOMPARE(boxOffice->order.customerName, std::optional<std::string>("Ada Lovelace"));
        const auto online =
            m_service->commit(m_customer, takeHold(m_customer, {"S-B-1"}), "k2", card("tok_visa"));
        QVERIFY(online.hasValue());
        const auto anonymous = m_service->commit(m_clerk, takeHold(m_clerk, {"S-B-2"}), "k3", cash(3000));
        QVERIFY(anonymous.hasValue());

        const auto numbersOf = [&](std::string_view text) {
            const auto found = m_service->search(m_clerk, text, 20);
            if (!found) {
                throw std::logic_error(describe(found));
            }
            std::vector<std::string> numbers;
            for (const auto& summary : found->data) {
                numbers.push_back(summary.number);
            }
            return numbers;
        };
        using Numbers = std::vector<std::string>;
        QCOMPARE(numbersOf("lovelace"), Numbers{boxOffice->order.number});
        QCOMPARE(numbersOf("ADA@EXAMPLE"), Numbers{boxOffice->order.number});
        QCOMPARE(numbersOf(asciiLowercase(online->order.number)), Numbers{online->order.number});
        QCOMPARE(numbersOf("customer@test"), Numbers{online->order.number}); // the account's email
        QCOMPARE(numbersOf("clerk@test"), Numbers{});                        // the clerk is not the customer
        QCOMPARE(numbersOf("@"), (Numbers{online->order.number, boxOffice->order.number}));
        const auto found = m_service->search(m_admin, boxOffice->order.number, 20);
        QCOMPARE(found->data.size(), std::size_t{1});
        const protocol::OrderSummary& summary = found->data[0];
        QCOMPARE(summary.eventName, std::string("Order test night"));
        QCOMPARE(summary.tickets, 1);
        QCOMPARE(summary.total, eur(5000));
        QCOMPARE(summary.customerEmail, std::optional<std::string>("ada@example.com"));

        QVERIFY(isProblem(m_service->search(m_customer, "ada", 20), ProblemKind::Forbidden));
        for (const std::string& bad : {std::string(" "), std::string(201, 'a'), std::string("a\nb")}) {
            QVERIFY(isProblem(m_service->search(m_clerk, bad, 20), ProblemKind::Validation));
        }
        QVERIFY(isProblem(m_service->search(m_clerk, "ada", 0), ProblemKind::Validation));
        QVERIFY(isProblem(m_service->search(m_clerk, "ada", 51), ProblemKind::Validation));
        QCOMPARE(m_service->search(m_clerk, "@", 1)->data.size(), std::size_t{1});
    }

    void reissueVoidsTheOldCode() {
        const auto paid = m_service->commit(m_clerk, takeHold(m_clerk, {"S-A-1", "S-B-1"}), "k1", cash(8000));
        QVERIFY(paid.hasValue());
        const protocol::Ticket original = paid->order.tickets[0];
        QVERIFY(isProblem(m_service->reissue(m_customer, original.id), ProblemKind::Forbidden));
        QVERIFY(isProblem(m_service->reissue(m_clerk, security::newUuid()), ProblemKind::NotFound));
        QVERIFY(isProblem(m_service->reissue(m_clerk, "ticket-1"), ProblemKind::NotFound));

        const auto reissued = m_service->reissue(m_clerk, original.id);
        QVERIFY2(reissued.hasValue(), describe(reissued).c_str());
        QCOMPARE(reissued->id, original.id);
        QVERIFY(reissued->code != original.code);
        QCOMPARE(reissued->seat, original.seat);
        QCOMPARE(reissued->price, original.price);
        const auto order = m_service->order(m_clerk, paid->order.orderId);
        QCOMPARE(order->tickets[0], *reissued);
        verifySignatures(*order);
        QCOMPARE(query1("SELECT count(*) FROM tickets WHERE code = '" + original.code + "'"),
                 std::string("0"));
        QCOMPARE(query1("SELECT ticket_id FROM voided_ticket_codes WHERE code = '" + original.code + "'"),
                 original.id);
        // Again: the second code is void too, the first stays void.
        const auto again = m_service->reissue(m_admin, original.id);
        QVERIFY(again.hasValue() && again->code != reissued->code);
        QCOMPARE(query1("SELECT count(*) FROM voided_ticket_codes"), std::string("2"));

        const auto refunded = m_service->refund(m_clerk, paid->order.orderId, "r1",
                                                {"x", {paid->order.tickets[1].id}, m_clerkShift});
        QVERIFY(refunded.hasValue());
        const auto notValid = m_service->reissue(m_clerk, paid->order.tickets[1].id);
        QVERIFY2(isProblem(notValid, ProblemKind::TicketNotValid), describe(notValid).c_str());
        QCOMPARE(query1("SELECT count(*) FROM audit_log WHERE action = 'ticket.reissued'"), std::string("2"));
        verifyNoOrphansOrBrokenAudit();
    }
};

QTEST_GUILESS_MAIN(TestOrderService)
#include "tst_order_service.moc"
