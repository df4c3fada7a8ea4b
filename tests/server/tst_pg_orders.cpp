// The PostgreSQL order repository against a real database: a commit sells exactly the hold's seats
// and places (exact expiry, no sweeper needed), logs every change with a gap-free sequence and
// extends the audit chain; refunds put seats back on sale; idempotency claims behave as invariant
// 4 needs; the schema keeps one live ticket per seat.

#include "server/storage/pg/connection_pool.h"
#include "server/storage/pg/migrator.h"
#include "server/storage/pg/pg_catalog_repository.h"
#include "server/storage/pg/pg_inventory_repository.h"
#include "server/storage/pg/pg_order_repository.h"
#include "tests/server/support/sql_checks.h"
#include "tests/server/support/test_database.h"
#include "tests/server/support/test_event.h"

#include <QtTest>

#include <pqxx/pqxx>

using namespace usher;
using namespace usher::server;
using usher::testing::TestDatabase;

namespace {

const char* kHoldA = "00000000-0000-4000-8000-00000000000a";
const char* kHoldB = "00000000-0000-4000-8000-00000000000b";
const char* kOrderA = "00000000-0000-4000-8000-0000000000a1";
const char* kOrderB = "00000000-0000-4000-8000-0000000000b1";
const char* kOrderC = "00000000-0000-4000-8000-0000000000c1";
const char* kRefund1 = "00000000-0000-4000-8000-0000000000f1";
const char* kRefund2 = "00000000-0000-4000-8000-0000000000f2";
const char* kRefund3 = "00000000-0000-4000-8000-0000000000f3";

std::string ticketId(int n) {
    std::string digits = std::to_string(n);
    return "00000000-0000-4000-8000-" + std::string(12 - digits.size(), '0') + digits;
}

std::string categoryOf(const std::string& seat) {
    return seat.starts_with("S-A-") ? "premium" : "standard";
}

} // namespace

class TestPgOrders : public QObject {
    Q_OBJECT

private:
    std::optional<TestDatabase> m_database;
    std::unique_ptr<pg::ConnectionPool> m_pool;
    std::unique_ptr<pg::PgInventoryRepository> m_inventory;
    std::unique_ptr<pg::PgOrderRepository> m_orders;
    storage::EventId m_event = 0;
    storage::UserId m_user = 0;
    int m_nextTicket = 1;

    std::string query1(const std::string& sql) { return usher::testing::queryOne(m_database->url(), sql); }
    void exec(const std::string& sql) { usher::testing::execute(m_database->url(), sql); }
    std::string seatState(const std::string& seat) {
        return query1("SELECT state FROM event_seats WHERE seat_id = '" + seat + "'");
    }
    void verifyChangeLogGapFree() {
        QCOMPARE(query1("SELECT count(*) = max(seq) AND min(seq) = 1 FROM inventory_changes"),
                 std::string("t"));
        QCOMPARE(query1("SELECT max(seq) FROM inventory_changes"), query1("SELECT last_seq FROM events"));
    }
    void verifyAuditChainIntact() {
        QCOMPARE(query1("SELECT audit_first_broken_row()"), std::string("(null)"));
    }
    // The hot tables have no foreign keys (migration 0004); the check that replaces them.
    void verifyNoOrphans() {
        QCOMPARE(query1("SELECT coalesce(sum(orphans), 0) FROM usher_orphan_rows()"), std::string("0"));
    }

    void takeHold(const std::string& holdId, const std::vector<std::string>& seats, int floorPlaces = 0) {
        storage::HoldPlan plan;
        plan.holdId = holdId;
        plan.user = m_user;
        for (const auto& seat : seats) {
            plan.seats.push_back({seat, categoryOf(seat)});
        }
        if (floorPlaces > 0) {
            plan.ga.push_back({"floor", floorPlaces});
        }
        const auto outcome = m_inventory->createHolds(m_event, std::vector{plan});
        QVERIFY(std::holds_alternative<storage::HoldCreated>(outcome.at(0)));
    }

    storage::ClaimToken claim(const std::string& key, const std::string& scope) {
        const auto claimed =
            m_orders->claimIdempotencyKey({m_user, key, scope, "hash-" + scope}, std::chrono::minutes(2));
        if (claimed.status != storage::ClaimStatus::Claimed) {
            throw std::logic_error("claim refused");
        }
        return claimed.token;
    }

    storage::OrderPlan orderPlan(const std::string& holdId, const std::string& orderId,
                                 const std::vector<std::string>& seats, int floorPlaces,
                                 storage::ClaimToken token) {
        storage::OrderPlan plan;
        plan.orderId = orderId;
        plan.holdId = holdId;
        plan.eventId = m_event;
        plan.actor = m_user;
        plan.channel = storage::Channel::BoxOffice;
        plan.claim = std::move(token);
        const Currency eur = *Currency::fromCode("EUR");
        std::int64_t total = 0;
        for (const auto& seat : seats) {
            const std::int64_t price = categoryOf(seat) == "premium" ? 5000 : 3000;
            plan.tickets.push_back({ticketId(m_nextTicket), seat, std::nullopt, "adult", price,
                                    "CODE" + std::to_string(m_nextTicket), "signature"});
            ++m_nextTicket;
            total += price;
        }
        for (int place = 0; place < floorPlaces; ++place) {
            plan.tickets.push_back({ticketId(m_nextTicket), std::nullopt, "floor", "adult", 2000,
                                    "CODE" + std::to_string(m_nextTicket), "signature"});
            ++m_nextTicket;
            total += 2000;
        }
        plan.total = Money{total, eur};
        plan.payments = {{protocol::PaymentMethod::Cash, total, total + 500, std::nullopt}};
        plan.changeDue = 500;
        plan.response = [](const storage::StoredOrder& order) {
            return "{\"order\":\"" + order.number + "\"}";
        };
        return plan;
    }

    storage::RefundPlan refundPlan(const std::string& refundId, const std::string& orderId,
                                   std::vector<std::string> tickets, const std::string& key) {
        storage::RefundPlan plan;
        plan.refundId = refundId;
        plan.orderId = orderId;
        plan.actor = m_user;
        plan.reason = "cancelled";
        plan.tickets = std::move(tickets);
        plan.claim = claim(key, "refund:" + orderId);
        plan.response = [](const storage::StoredRefund& refund) {
            return std::to_string(refund.amount.amount);
        };
        return plan;
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
        m_pool = std::make_unique<pg::ConnectionPool>(m_database->url(), 4);
        pg::PgCatalogRepository catalog(*m_pool);
        m_event = usher::testing::createSmallEvent(catalog).id;
        m_user = usher::testing::createTestUser(m_database->url(), "clerk@test", "clerk");
        m_inventory = std::make_unique<pg::PgInventoryRepository>(*m_pool);
        m_orders = std::make_unique<pg::PgOrderRepository>(*m_pool);
        m_nextTicket = 1;
    }
    void cleanup() {
        m_orders.reset();
        m_inventory.reset();
        m_pool.reset();
        m_database.reset();
    }

    void orderNumbersAreForPeople() {
        QCOMPARE(pg::formatOrderNumber(100001), std::string("U-100001"));
        QCOMPARE(pg::formatOrderNumber(42), std::string("U-000042"));
    }

    void commitSellsTheHoldAndLogsIt() {
        takeHold(kHoldA, {"S-A-1", "S-B-2"}, 2);
        const std::string seqBefore = query1("SELECT last_seq FROM events");
        auto plan =
            orderPlan(kHoldA, kOrderA, {"S-A-1", "S-B-2"}, 2, claim("k1", std::string("commit:") + kHoldA));
        const auto order = m_orders->commitOrder(plan);
        QVERIFY(order.hasValue());
        QVERIFY(order->number.starts_with("U-"));
        QCOMPARE(order->tickets.size(), std::size_t{4});
        QCOMPARE(order->total.amount, std::int64_t{12000});
        QCOMPARE(order->change->amount, std::int64_t{500});
        QVERIFY(order->user == m_user);

        QCOMPARE(seatState("S-A-1"), std::string("sold"));
        QCOMPARE(seatState("S-B-2"), std::string("sold"));
        QCOMPARE(query1("SELECT count(*) FROM event_seats WHERE order_id = '" + std::string(kOrderA) + "'"),
                 std::string("2"));
        QCOMPARE(query1("SELECT held || '/' || sold FROM event_ga_areas"), std::string("0/2"));
        QCOMPARE(query1("SELECT state FROM holds"), std::string("committed"));
        QCOMPARE(query1("SELECT count(*) FROM hold_ga_lines WHERE active"), std::string("0"));
        // Each seat and the area in the log, after the hold's own entries, without gaps.
        QCOMPARE(
            query1("SELECT string_agg(coalesce(seat_id || '=' || state, ga_area_id || '=' || ga_available), "
                   "',' ORDER BY seq) FROM inventory_changes WHERE seq > " +
                   seqBefore),
            std::string("S-A-1=sold,S-B-2=sold,floor=8"));
        verifyChangeLogGapFree();
        // Order, tickets, payment, the stored answer and the audit row, all in that transaction.
        QCOMPARE(query1("SELECT count(*) FROM tickets WHERE status = 'valid'"), std::string("4"));
        QCOMPARE(query1("SELECT kind || ' ' || method || ' ' || amount || ' ' || tendered FROM payments"),
                 std::string("charge cash 12000 12500"));
        QCOMPARE(query1("SELECT status || ' ' || response FROM idempotency_keys"),
                 "201 {\"order\":\"" + order->number + "\"}");
        QCOMPARE(query1("SELECT action || ' ' || subject FROM audit_log"),
                 "order.created order:" + std::string(kOrderA));
        verifyAuditChainIntact();
        verifyNoOrphans();

        const auto found = m_orders->findOrder(kOrderA);
        QVERIFY(found.has_value());
        QCOMPARE(found->number, order->number);
        QVERIFY(found->createdAt == order->createdAt);
        QCOMPARE(found->tickets.size(), std::size_t{4});
        QCOMPARE(*found->tickets[0].seat, std::string("S-A-1"));
        QCOMPARE(*found->tickets[3].gaArea, std::string("floor"));
        QVERIFY(found->payments.at(0).method == protocol::PaymentMethod::Cash);
        QVERIFY(!m_orders->findOrder(kOrderB).has_value());
        QVERIFY(!m_orders->findOrder("not-a-uuid").has_value());

        // Invariant 1: the sold seat cannot be held again.
        storage::HoldPlan again;
        again.holdId = kHoldB;
        again.user = m_user;
        again.seats.push_back({"S-A-1", "premium"});
        QVERIFY(!std::holds_alternative<storage::HoldCreated>(
            m_inventory->createHolds(m_event, std::vector{again}).at(0)));
    }

    void commitRefusesAnExpiredHoldWithoutSweeper() {
        takeHold(kHoldA, {"S-A-1", "S-A-2"}, 1);
        exec(
            "UPDATE event_seats SET held_until = now() - interval '1 millisecond' WHERE hold_id IS NOT NULL");
        exec("UPDATE holds SET expires_at = now() - interval '1 millisecond'");
        exec("UPDATE hold_ga_lines SET expires_at = now() - interval '1 millisecond'");
        const std::string seqBefore = query1("SELECT last_seq FROM events");
        const auto order =
            m_orders->commitOrder(orderPlan(kHoldA, kOrderA, {"S-A-1", "S-A-2"}, 1, claim("k1", "commit:a")));
        QVERIFY(!order.hasValue());
        QVERIFY(order.error() == storage::CommitError::HoldGone);
        QCOMPARE(query1("SELECT count(*) FROM orders"), std::string("0"));
        QCOMPARE(query1("SELECT count(*) FROM event_seats WHERE state = 'sold'"), std::string("0"));
        QCOMPARE(query1("SELECT last_seq FROM events"), seqBefore);
        QCOMPARE(query1("SELECT count(*) FROM idempotency_keys WHERE response IS NULL"), std::string("1"));
    }

    void commitRollsBackWhenOneSeatOfTheHoldIsGone() {
        // The hold row still runs, but one seat's time is up and another hold took it: nothing
        // of the order may be written, not even the other seat's sale.
        takeHold(kHoldA, {"S-A-1", "S-A-2"}, 1);
        exec("UPDATE event_seats SET held_until = now() - interval '1 millisecond' WHERE seat_id = 'S-A-2'");
        takeHold(kHoldB, {"S-A-2"});
        const std::string seqBefore = query1("SELECT last_seq FROM events");
        const auto order =
            m_orders->commitOrder(orderPlan(kHoldA, kOrderA, {"S-A-1", "S-A-2"}, 1, claim("k1", "commit:a")));
        QVERIFY(!order.hasValue());
        QVERIFY(order.error() == storage::CommitError::HoldGone);
        QCOMPARE(seatState("S-A-1"), std::string("held"));
        QCOMPARE(query1("SELECT hold_id FROM event_seats WHERE seat_id = 'S-A-2'"), std::string(kHoldB));
        QCOMPARE(query1("SELECT held || '/' || sold FROM event_ga_areas"), std::string("1/0"));
        QCOMPARE(query1("SELECT count(*) FROM hold_ga_lines WHERE active"), std::string("1"));
        QCOMPARE(query1("SELECT count(*) FROM orders"), std::string("0"));
        QCOMPARE(query1("SELECT state FROM holds WHERE id = '" + std::string(kHoldA) + "'"),
                 std::string("active"));
        QCOMPARE(query1("SELECT last_seq FROM events"), seqBefore);
        QCOMPARE(query1("SELECT count(*) FROM audit_log"), std::string("0"));
    }

    void commitOfACommittedHoldOrWithALostClaim() {
        takeHold(kHoldA, {"S-A-1"});
        const auto stale = claim("k1", "commit:a");
        // Another attempt takes the key over: the first one may no longer write.
        const auto takeover = m_orders->claimIdempotencyKey({m_user, "k1", "commit:a", "hash-commit:a"},
                                                            std::chrono::seconds(0));
        QVERIFY(takeover.status == storage::ClaimStatus::Claimed);
        QVERIFY(takeover.token.attempt != stale.attempt);
        const auto lost = m_orders->commitOrder(orderPlan(kHoldA, kOrderA, {"S-A-1"}, 0, stale));
        QVERIFY(!lost.hasValue() && lost.error() == storage::CommitError::ClaimLost);
        QCOMPARE(seatState("S-A-1"), std::string("held"));

        QVERIFY(m_orders->commitOrder(orderPlan(kHoldA, kOrderA, {"S-A-1"}, 0, takeover.token)).hasValue());
        const auto twice =
            m_orders->commitOrder(orderPlan(kHoldA, kOrderB, {"S-A-1"}, 0, claim("k2", "commit:a")));
        QVERIFY(!twice.hasValue() && twice.error() == storage::CommitError::HoldCommitted);
        QCOMPARE(query1("SELECT count(*) FROM orders"), std::string("1"));
    }

    void commitsInOneBatchAreDecidedOneByOne() {
        takeHold(kHoldA, {"S-A-1"}, 1);
        takeHold(kHoldB, {"S-A-2", "S-A-3"});
        exec("UPDATE event_seats SET held_until = now() - interval '1 millisecond' WHERE seat_id = 'S-A-3'");
        const std::string seqBefore = query1("SELECT last_seq FROM events");
        const std::vector plans{
            orderPlan(kHoldA, kOrderA, {"S-A-1"}, 1, claim("k1", "commit:a")),
            orderPlan(kHoldA, kOrderB, {"S-A-1"}, 1, claim("k2", "commit:a")),          // the same hold again
            orderPlan(kHoldB, kOrderC, {"S-A-2", "S-A-3"}, 0, claim("k3", "commit:b")), // not whole
        };
        const auto outcomes = m_orders->commitOrders(m_event, plans);
        QCOMPARE(outcomes.size(), plans.size());
        QVERIFY(outcomes[0].hasValue());
        QVERIFY(outcomes[1].error() == storage::CommitError::HoldCommitted);
        QVERIFY(outcomes[2].error() == storage::CommitError::HoldGone);
        QCOMPARE(query1("SELECT count(*) FROM orders"), std::string("1"));
        QCOMPARE(query1("SELECT count(*) FROM tickets"), std::string("2"));
        QCOMPARE(query1("SELECT held || '/' || sold FROM event_ga_areas"), std::string("0/1"));
        QCOMPARE(seatState("S-A-1"), std::string("sold"));
        QCOMPARE(seatState("S-A-2"), std::string("held"));
        QCOMPARE(query1("SELECT count(*) FROM audit_log"), std::string("1"));
        // One seat and one GA area changed.
        QCOMPARE(std::stoll(query1("SELECT last_seq FROM events")), std::stoll(seqBefore) + 2);
        QCOMPARE(query1("SELECT response FROM idempotency_keys WHERE key = 'k1'"),
                 "{\"order\":\"" + outcomes[0]->number + "\"}");
        QCOMPARE(query1("SELECT count(*) FROM idempotency_keys WHERE response IS NULL"), std::string("2"));
    }

    void idempotencyClaims() {
        const storage::IdempotencyRequest request{m_user, "key-1", "commit:x", "hash-1"};
        const auto first = m_orders->claimIdempotencyKey(request, std::chrono::minutes(2));
        QVERIFY(first.status == storage::ClaimStatus::Claimed);
        QVERIFY(m_orders->claimIdempotencyKey(request, std::chrono::minutes(2)).status ==
                storage::ClaimStatus::InFlight);
        auto otherBody = request;
        otherBody.requestHash = "hash-2";
        QVERIFY(m_orders->claimIdempotencyKey(otherBody, std::chrono::minutes(2)).status ==
                storage::ClaimStatus::Mismatch);
        auto otherScope = request;
        otherScope.scope = "commit:y";
        QVERIFY(m_orders->claimIdempotencyKey(otherScope, std::chrono::minutes(2)).status ==
                storage::ClaimStatus::Mismatch);
        // Keys are per user.
        const auto otherUser = usher::testing::createTestUser(m_database->url(), "other@test", "customer");
        auto theirs = request;
        theirs.user = otherUser;
        QVERIFY(m_orders->claimIdempotencyKey(theirs, std::chrono::minutes(2)).status ==
                storage::ClaimStatus::Claimed);

        // A dead attempt's claim is taken over; its late release no longer drops the new claim.
        const auto second = m_orders->claimIdempotencyKey(request, std::chrono::seconds(0));
        QVERIFY(second.status == storage::ClaimStatus::Claimed);
        m_orders->releaseIdempotencyKey(first.token);
        QVERIFY(m_orders->claimIdempotencyKey(request, std::chrono::minutes(2)).status ==
                storage::ClaimStatus::InFlight);
        m_orders->releaseIdempotencyKey(second.token);
        QCOMPARE(query1("SELECT count(*) FROM idempotency_keys WHERE user_id = " + std::to_string(m_user)),
                 std::string("0"));
        QVERIFY(m_orders->claimIdempotencyKey(request, std::chrono::minutes(2)).status ==
                storage::ClaimStatus::Claimed);

        // A stored answer is replayed and never released.
        exec("UPDATE idempotency_keys SET status = 201, response = '{}' WHERE key = 'key-1' AND user_id = " +
             std::to_string(m_user));
        const auto replay = m_orders->claimIdempotencyKey(request, std::chrono::seconds(0));
        QVERIFY(replay.status == storage::ClaimStatus::Replay);
        QCOMPARE(replay.response, std::string("{}"));
        QCOMPARE(replay.responseStatus, 201);
    }

    void refundsPutSeatsBackOnSale() {
        takeHold(kHoldA, {"S-A-1", "S-B-1"}, 2);
        const auto order =
            m_orders->commitOrder(orderPlan(kHoldA, kOrderA, {"S-A-1", "S-B-1"}, 2, claim("c", "commit:a")));
        QVERIFY(order.hasValue());
        const std::string seatTicket = order->tickets[0].id; // S-A-1
        const std::string seqBefore = query1("SELECT last_seq FROM events");

        const auto partial = m_orders->refundOrder(refundPlan(kRefund1, kOrderA, {seatTicket}, "r1"));
        QVERIFY(partial.hasValue());
        QCOMPARE(partial->amount.amount, std::int64_t{5000});
        QVERIFY(partial->orderStatus == protocol::OrderStatus::PartiallyRefunded);
        QCOMPARE(seatState("S-A-1"), std::string("available"));
        QCOMPARE(query1("SELECT order_id IS NULL FROM event_seats WHERE seat_id = 'S-A-1'"),
                 std::string("t"));
        QCOMPARE(query1("SELECT status FROM orders"), std::string("partially_refunded"));
        QCOMPARE(
            query1("SELECT string_agg(seat_id || '=' || state, ',') FROM inventory_changes WHERE seq > " +
                   seqBefore),
            std::string("S-A-1=available"));

        // A refunded or foreign ticket, or nothing left: refused, nothing written.
        const auto again = m_orders->refundOrder(refundPlan(kRefund2, kOrderA, {seatTicket}, "r2"));
        QVERIFY(!again.hasValue() && again.error().error == storage::RefundError::NotRefundable);
        const auto unknown =
            m_orders->refundOrder(refundPlan(kRefund2, kOrderA, {order->tickets[1].id, ticketId(999)}, "r3"));
        QVERIFY(!unknown.hasValue() && unknown.error().error == storage::RefundError::UnknownTicket);
        QCOMPARE(unknown.error().ticketIndex, std::size_t{1});
        QCOMPARE(query1("SELECT count(*) FROM refunds"), std::string("1"));

        const auto rest = m_orders->refundOrder(refundPlan(kRefund2, kOrderA, {}, "r4"));
        QVERIFY(rest.hasValue());
        QCOMPARE(rest->amount.amount, std::int64_t{3000 + 2 * 2000});
        QCOMPARE(rest->tickets.size(), std::size_t{3});
        QVERIFY(rest->orderStatus == protocol::OrderStatus::Refunded);
        QCOMPARE(query1("SELECT status FROM orders"), std::string("refunded"));
        QCOMPARE(query1("SELECT held || '/' || sold FROM event_ga_areas"), std::string("0/0"));
        QCOMPARE(
            query1(
                "SELECT ga_available FROM inventory_changes WHERE ga_area_id IS NOT NULL ORDER BY seq DESC "
                "LIMIT 1"),
            std::string("10"));
        QCOMPARE(query1("SELECT count(*) FROM tickets WHERE status = 'refunded' AND refund_id IS NOT NULL"),
                 std::string("4"));
        QCOMPARE(query1("SELECT string_agg(kind || ':' || amount, ',' ORDER BY id) FROM payments"),
                 std::string("charge:12000,refund:5000,refund:7000"));
        const auto nothing = m_orders->refundOrder(refundPlan(kRefund3, kOrderA, {}, "r5"));
        QVERIFY(!nothing.hasValue() && nothing.error().error == storage::RefundError::NothingToRefund);
        QVERIFY(!m_orders->refundOrder(refundPlan(kRefund3, kOrderB, {}, "r6")).hasValue());

        verifyChangeLogGapFree();
        verifyNoOrphans();
        QCOMPARE(query1("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log"),
                 std::string("order.created,order.refunded,order.refunded"));
        verifyAuditChainIntact();
        // The seat sells again.
        takeHold(kHoldB, {"S-A-1"});
    }

    void ticketsOneLivePerSeat() {
        takeHold(kHoldA, {"S-A-1"});
        const auto order =
            m_orders->commitOrder(orderPlan(kHoldA, kOrderA, {"S-A-1"}, 0, claim("c", "commit:a")));
        QVERIFY(order.hasValue());
        const std::string insertSecond = "INSERT INTO tickets (id, order_id, event_id, position, seat_id, "
                                         "ticket_type, price, code, signature) "
                                         "VALUES ('" +
                                         ticketId(500) + "', '" + kOrderA + "', " + std::to_string(m_event) +
                                         ", 2, 'S-A-1', 'adult', 0, 'OTHER', 's')";
        bool refused = false;
        try {
            exec(insertSecond);
        } catch (const pqxx::unique_violation&) {
            refused = true;
        }
        QVERIFY(refused);

        // Once the ticket is refunded the seat may have a new live ticket, and only one.
        QVERIFY(m_orders->refundOrder(refundPlan(kRefund1, kOrderA, {}, "r1")).hasValue());
        takeHold(kHoldB, {"S-A-1"});
        QVERIFY(m_orders->commitOrder(orderPlan(kHoldB, kOrderB, {"S-A-1"}, 0, claim("c2", "commit:b")))
                    .hasValue());
        QCOMPARE(query1("SELECT count(*) || '/' || count(*) FILTER (WHERE status <> 'refunded') FROM tickets "
                        "WHERE seat_id = 'S-A-1'"),
                 std::string("2/1"));
        QCOMPARE(query1("SELECT order_id FROM event_seats WHERE seat_id = 'S-A-1'"), std::string(kOrderB));
        verifyChangeLogGapFree();
        verifyNoOrphans();
    }

    void parentsAreNeverDeletedAndOrphansAreCounted() {
        takeHold(kHoldA, {"S-A-1"}, 1);
        QVERIFY(m_orders->commitOrder(orderPlan(kHoldA, kOrderA, {"S-A-1"}, 1, claim("c", "commit:a")))
                    .hasValue());
        verifyNoOrphans();
        for (const char* parent : {"events", "users", "holds", "orders", "event_ga_areas"}) {
            bool refused = false;
            try {
                exec(std::string("DELETE FROM ") + parent);
            } catch (const pqxx::sql_error& error) {
                refused = error.sqlstate() == "23001";
            }
            QVERIFY2(refused, parent);
            refused = false;
            try {
                exec(std::string("TRUNCATE ") + parent + " CASCADE");
            } catch (const pqxx::sql_error& error) {
                refused = error.sqlstate() == "23001";
            }
            QVERIFY2(refused, parent);
        }
        // A child whose parent does not exist is found: the check can fail.
        exec(std::string("INSERT INTO payments (order_id, kind, method, amount, currency) VALUES ('") +
             kOrderB + "', 'charge', 'cash', 100, 'EUR')");
        QCOMPARE(query1("SELECT string_agg(child || '->' || parent || '=' || orphans, ',') "
                        "FROM usher_orphan_rows() WHERE orphans > 0"),
                 std::string("payments->orders=1"));
    }
};

QTEST_GUILESS_MAIN(TestPgOrders)
#include "tst_pg_orders.moc"
