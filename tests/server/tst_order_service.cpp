// OrderService against a real PostgreSQL with the built-in test gateway and a real ticket signer:
// every tender, who may do what, idempotent commits and refunds (replays, reused keys, requests in
// flight, a lost gateway answer, 20 concurrent commits with one key), bad ticket types, expiry,
// and refunds that put seats back on sale and give card money back.

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
    return {protocol::TestCardPayment{std::move(token)}, std::move(ticketTypes)};
}
protocol::CommitRequest cash(std::int64_t amount, std::string_view currency = "EUR") {
    return {protocol::CashPayment{Money{amount, *Currency::fromCode(currency)}}, {}};
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
    std::unique_ptr<services::OrderService> m_service;
    storage::EventId m_event = 0;
    Caller m_customer;
    Caller m_otherCustomer;
    Caller m_clerk;
    Caller m_admin;

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
        m_service = std::make_unique<services::OrderService>(*m_orders, *m_inventory, *m_events, *m_hooked,
                                                             *m_signer, *m_listener);
    }
    void cleanup() {
        m_service.reset();
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
        const protocol::CommitRequest request{protocol::CardPresentPayment{"TERM-42-0007"},
                                              {{"S-B-3", "child"}}};
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
        const protocol::CommitRequest terminal{protocol::CardPresentPayment{"REF"}, {}};
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
        QCOMPARE(query1("SELECT count(*) FROM audit_log"), std::string("3"));
    }

    void cashRefundRecordsThePayment() {
        const std::string hold = takeHold(m_clerk, {"S-B-1", "S-B-2"});
        const auto paid = m_service->commit(m_clerk, hold, "k1", cash(10000));
        QVERIFY2(paid.hasValue(), describe(paid).c_str());
        const auto refund = m_service->refund(m_clerk, paid->order.orderId, "r1", {"wrong date", {}});
        QVERIFY2(refund.hasValue(), describe(refund).c_str());
        QCOMPARE(refund->amount.amount, std::int64_t{6000});
        QCOMPARE(
            query1(
                "SELECT string_agg(kind || ':' || method || ':' || amount, ',' ORDER BY id) FROM payments"),
            std::string("charge:cash:6000,refund:cash:6000"));
        QCOMPARE(m_gateway->refundCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOrderService)
#include "tst_order_service.moc"
