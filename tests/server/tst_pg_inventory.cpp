// The PostgreSQL inventory repository against a real database: holds are all-or-nothing, expiry
// is exact without a sweeper, every change lands in a gap-free change log, GA counters follow the
// same rules, and the audit log detects tampering.

#include "server/storage/pg/connection_pool.h"
#include "server/storage/pg/migrator.h"
#include "server/storage/pg/pg_catalog_repository.h"
#include "server/storage/pg/pg_inventory_repository.h"
#include "tests/server/support/sql_checks.h"
#include "tests/server/support/test_database.h"

#include <QtTest>

#include <boost/json/parse.hpp>

#include <pqxx/pqxx>
#include <thread>

using namespace usher;
using namespace usher::server;
using usher::testing::TestDatabase;

namespace {

storage::HoldPlan plan(std::string id, storage::UserId user, std::vector<std::string> seats,
                       std::vector<protocol::GaQuantity> ga = {}) {
    storage::HoldPlan p;
    p.holdId = std::move(id);
    p.user = user;
    for (auto& seat : seats) {
        p.seats.push_back({std::move(seat), "stalls"});
    }
    p.ga = std::move(ga);
    return p;
}

bool created(const storage::HoldOutcome& outcome) {
    return std::holds_alternative<storage::HoldCreated>(outcome);
}

const storage::HoldRefused& refused(const storage::HoldOutcome& outcome) {
    return std::get<storage::HoldRefused>(outcome);
}

const char* kHoldA = "00000000-0000-4000-8000-00000000000a";
const char* kHoldB = "00000000-0000-4000-8000-00000000000b";
const char* kHoldC = "00000000-0000-4000-8000-00000000000c";

} // namespace

class TestPgInventory : public QObject {
    Q_OBJECT

private:
    std::optional<TestDatabase> m_database;
    std::unique_ptr<pg::ConnectionPool> m_pool;
    storage::EventId m_event = 0;
    storage::UserId m_user = 0;

    std::string query1(const std::string& sql) { return usher::testing::queryOne(m_database->url(), sql); }
    void exec(const std::string& sql) { usher::testing::execute(m_database->url(), sql); }
    std::string seatState(const std::string& seat) {
        return query1("SELECT state FROM event_seats WHERE seat_id = '" + seat + "'");
    }
    // The change log is numbered 1..last_seq without gaps.
    void verifyChangeLogGapFree() {
        QCOMPARE(query1("SELECT count(*) = max(seq) AND min(seq) = 1 FROM inventory_changes"),
                 std::string("t"));
        QCOMPARE(query1("SELECT max(seq) FROM inventory_changes"), query1("SELECT last_seq FROM events"));
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
        catalog.upsertVenue({"hall", "Hall", "Lyon", "Europe/Paris"});
        const auto layout = boost::json::parse(R"({"format":"test"})");
        const int version = catalog.addLayoutVersion("hall", layout);
        storage::NewEvent event;
        event.event.venueId = "hall";
        event.event.name = "Test night";
        event.event.category = "concert";
        event.event.layout = layout;
        event.event.priceTable = boost::json::parse(R"({})");
        event.layoutVersion = version;
        event.currency = "EUR";
        for (const char* seat : {"A-1", "A-2", "A-3", "A-4", "A-5"}) {
            event.seats.push_back({seat, "stalls"});
        }
        event.gaAreas.push_back({"floor", "standing", 3});
        m_event = catalog.createEvent(event);
        m_user = std::stoll(query1("INSERT INTO users (email, name, role, password_hash) "
                                   "VALUES ('a@b.c', 'A', 'customer', 'x') RETURNING id"));
    }
    void cleanup() {
        m_pool.reset();
        m_database.reset();
    }

    void migrationsAreAppliedOnceEvenWhenInstancesStartTogether() {
        auto database = TestDatabase::create();
        QVERIFY2(database.hasValue(), database.hasValue() ? "" : database.error().c_str());
        TestDatabase& fresh = *database;
        std::vector<std::thread> instances;
        std::atomic<int> applied = 0;
        for (int i = 0; i < 4; ++i) {
            instances.emplace_back([&] { applied += pg::migrate(fresh.url()).applied; });
        }
        for (auto& instance : instances) {
            instance.join();
        }
        QCOMPARE(applied.load(), pg::latestSchemaVersion());
        QVERIFY(pg::isSchemaCurrent(fresh.url()));
        QCOMPARE(pg::migrate(fresh.url()).applied, 0);
    }

    void holdIsAllOrNothing() {
        pg::PgInventoryRepository inventory(*m_pool);
        const auto first = inventory.createHolds(m_event, std::vector{plan(kHoldA, m_user, {"A-1", "A-2"})});
        QVERIFY(created(first.at(0)));
        const auto second = inventory.createHolds(m_event, std::vector{plan(kHoldB, m_user, {"A-2", "A-3"})});
        QVERIFY(!created(second.at(0)));
        QCOMPARE(refused(second.at(0)).unavailableSeats, std::vector<std::string>{"A-2"});
        QCOMPARE(seatState("A-3"), std::string("available"));
        QCOMPARE(query1("SELECT count(*) FROM holds"), std::string("1"));
        verifyChangeLogGapFree();
    }

    void plansInOneBatchAreDecidedInOrder() {
        pg::PgInventoryRepository inventory(*m_pool);
        const auto outcomes = inventory.createHolds(m_event, std::vector{plan(kHoldA, m_user, {"A-1"}),
                                                                         plan(kHoldB, m_user, {"A-1", "A-2"}),
                                                                         plan(kHoldC, m_user, {"A-2"})});
        QVERIFY(created(outcomes.at(0)));
        QCOMPARE(refused(outcomes.at(1)).unavailableSeats, std::vector<std::string>{"A-1"});
        QVERIFY(created(outcomes.at(2)));
        QCOMPARE(query1("SELECT hold_id FROM event_seats WHERE seat_id = 'A-2'"), std::string(kHoldC));
        verifyChangeLogGapFree();
    }

    void releasesInOneBatchAreDecidedOneByOne() {
        pg::PgInventoryRepository inventory(*m_pool);
        QVERIFY(created(inventory
                            .createHolds(m_event, std::vector{plan(kHoldA, m_user, {"A-1", "A-2"}),
                                                              plan(kHoldB, m_user, {"A-3"})})
                            .at(0)));
        exec("UPDATE holds SET expires_at = now() - interval '1 millisecond' WHERE id = '" +
             std::string(kHoldB) + "'");
        const std::vector<std::string> ids{kHoldA, kHoldA, kHoldB, kHoldC, "not-a-uuid"};
        const auto outcomes = inventory.releaseHolds(m_event, ids);
        QCOMPARE(outcomes.size(), ids.size());
        QVERIFY(outcomes[0].hasValue());
        QVERIFY(outcomes[1].error() == storage::HoldChangeError::NotActive); // released just before
        QVERIFY(outcomes[2].error() == storage::HoldChangeError::Expired);
        QVERIFY(outcomes[3].error() == storage::HoldChangeError::NotFound);
        QVERIFY(outcomes[4].error() == storage::HoldChangeError::NotFound);
        QCOMPARE(seatState("A-1"), std::string("available"));
        QCOMPARE(seatState("A-2"), std::string("available"));
        QCOMPARE(seatState("A-3"), std::string("held")); // the sweeper's to tidy
        QCOMPARE(query1("SELECT state FROM holds WHERE id = '" + std::string(kHoldA) + "'"),
                 std::string("released"));
        verifyChangeLogGapFree();
    }

    void expiredHoldIsAvailableWithoutSweeper() {
        pg::PgInventoryRepository inventory(*m_pool);
        QVERIFY(created(inventory.createHolds(m_event, std::vector{plan(kHoldA, m_user, {"A-1"})}).at(0)));
        exec("UPDATE event_seats SET held_until = now() - interval '1 millisecond' WHERE seat_id = 'A-1'");
        exec("UPDATE holds SET expires_at = now() - interval '1 millisecond'");
        const auto next = inventory.createHolds(m_event, std::vector{plan(kHoldB, m_user, {"A-1"})});
        QVERIFY(created(next.at(0)));
        QCOMPARE(query1("SELECT hold_id FROM event_seats WHERE seat_id = 'A-1'"), std::string(kHoldB));
        // The sweeper later marks the old hold expired and leaves the new one's seat alone.
        QCOMPARE(inventory.expireHolds(100), 1);
        QCOMPARE(seatState("A-1"), std::string("held"));
        QVERIFY(inventory.findHold(kHoldA)->state == storage::HoldState::Expired);
        verifyChangeLogGapFree();
    }

    void sweeperReturnsSeatsAndLogsThem() {
        pg::PgInventoryRepository inventory(*m_pool);
        QVERIFY(
            created(inventory.createHolds(m_event, std::vector{plan(kHoldA, m_user, {"A-4"}, {{"floor", 2}})})
                        .at(0)));
        QCOMPARE(inventory.expireHolds(100), 0);
        exec("UPDATE event_seats SET held_until = now() - interval '1 second' WHERE seat_id = 'A-4'");
        exec("UPDATE holds SET expires_at = now() - interval '1 second'");
        exec("UPDATE hold_ga_lines SET expires_at = now() - interval '1 second'");
        QCOMPARE(inventory.expireHolds(100), 1);
        QCOMPARE(seatState("A-4"), std::string("available"));
        QCOMPARE(query1("SELECT held FROM event_ga_areas"), std::string("0"));
        QCOMPARE(
            query1("SELECT state FROM inventory_changes WHERE seat_id = 'A-4' ORDER BY seq DESC LIMIT 1"),
            std::string("available"));
        QCOMPARE(
            query1("SELECT ga_available FROM inventory_changes WHERE ga_area_id = 'floor' ORDER BY seq DESC "
                   "LIMIT 1"),
            std::string("3"));
        verifyChangeLogGapFree();
    }

    void gaAreaNeverSellsPastCapacity() {
        pg::PgInventoryRepository inventory(*m_pool);
        QVERIFY(created(
            inventory.createHolds(m_event, std::vector{plan(kHoldA, m_user, {}, {{"floor", 2}})}).at(0)));
        const auto second =
            inventory.createHolds(m_event, std::vector{plan(kHoldB, m_user, {}, {{"floor", 2}})});
        QVERIFY(!created(second.at(0)));
        QCOMPARE(refused(second.at(0)).unavailableGa, (std::vector<protocol::GaShortfall>{{"floor", 1}}));
        // Exact expiry for counters: the expired places serve the very next request.
        exec("UPDATE hold_ga_lines SET expires_at = now() - interval '1 millisecond'");
        QVERIFY(created(
            inventory.createHolds(m_event, std::vector{plan(kHoldC, m_user, {}, {{"floor", 3}})}).at(0)));
        QCOMPARE(query1("SELECT held FROM event_ga_areas"), std::string("3"));
        verifyChangeLogGapFree();
    }

    void customerLimitCountsHoldsAlreadyHeld() {
        pg::PgInventoryRepository inventory(*m_pool);
        auto first = plan(kHoldA, m_user, {"A-1", "A-2"});
        first.maxTicketsPerCustomer = 3;
        QVERIFY(created(inventory.createHolds(m_event, std::vector{first}).at(0)));
        auto second = plan(kHoldB, m_user, {"A-3", "A-4"});
        second.maxTicketsPerCustomer = 3;
        const auto outcome = inventory.createHolds(m_event, std::vector{second});
        QVERIFY(!created(outcome.at(0)));
        QVERIFY(refused(outcome.at(0)).customerLimit);
    }

    void releaseAndExtend() {
        pg::PgInventoryRepository inventory(*m_pool);
        QVERIFY(
            created(inventory.createHolds(m_event, std::vector{plan(kHoldA, m_user, {"A-1"}, {{"floor", 1}})})
                        .at(0)));
        const auto before = inventory.findHold(kHoldA);
        QVERIFY(before.has_value());
        QCOMPARE(before->seats.size(), std::size_t{1});
        QCOMPARE(before->ga.size(), std::size_t{1});

        const storage::ExtendPolicy policy{1, std::chrono::minutes(30)};
        const auto extended = inventory.extendHold(kHoldA, std::chrono::seconds(60), policy);
        QVERIFY(extended.hasValue());
        QVERIFY(*extended == before->expiresAt + std::chrono::seconds(60));
        QCOMPARE(query1("SELECT usher_us(held_until) FROM event_seats WHERE seat_id = 'A-1'"),
                 std::to_string(extended->time_since_epoch().count()));
        const auto again = inventory.extendHold(kHoldA, std::chrono::seconds(60), policy);
        QVERIFY(!again.hasValue() && again.error() == storage::HoldChangeError::ExtendLimit);

        QVERIFY(inventory.releaseHold(m_event, kHoldA).hasValue());
        QCOMPARE(seatState("A-1"), std::string("available"));
        QCOMPARE(query1("SELECT held FROM event_ga_areas"), std::string("0"));
        const auto twice = inventory.releaseHold(m_event, kHoldA);
        QVERIFY(!twice.hasValue() && twice.error() == storage::HoldChangeError::NotActive);
        const auto malformed = inventory.releaseHold(m_event, "not-a-uuid");
        QVERIFY(!malformed.hasValue() && malformed.error() == storage::HoldChangeError::NotFound);
        QVERIFY(!inventory.findHold(kHoldC).has_value());
        verifyChangeLogGapFree();
    }

    void unsafeStatementOversells() {
        // The test-only statement without the state condition must let a second hold take a held
        // seat: the race tests use it to prove they can detect a double sale.
        pg::PgInventoryRepository unsafe(*m_pool, storage::HoldCondition::UnsafeWithoutStateCondition);
        QVERIFY(created(unsafe.createHolds(m_event, std::vector{plan(kHoldA, m_user, {"A-1"})}).at(0)));
        QVERIFY(created(unsafe.createHolds(m_event, std::vector{plan(kHoldB, m_user, {"A-1"})}).at(0)));
    }

    void seatmapAndChangesAgree() {
        pg::PgInventoryRepository inventory(*m_pool);
        pg::PgCatalogRepository catalog(*m_pool);
        QVERIFY(
            created(inventory.createHolds(m_event, std::vector{plan(kHoldA, m_user, {"A-1", "A-2"})}).at(0)));
        const auto map = catalog.seatmap(m_event);
        QVERIFY(map.has_value());
        QCOMPARE(map->seq, std::int64_t{2});
        QCOMPARE(map->seats.size(), std::size_t{5});
        const auto changes = catalog.changesSince(m_event, 0, 100);
        QVERIFY(changes.has_value() && !changes->expired);
        QCOMPARE(changes->changes.size(), std::size_t{2});
        QCOMPARE(changes->changes[1].seq, std::int64_t{2});
        QCOMPARE(catalog.changesSince(m_event, 2, 100)->changes.size(), std::size_t{0});
        QVERIFY(!catalog.seatmap(m_event + 1000).has_value());
    }

    void auditChainDetectsTampering() {
        exec("SELECT audit_append(NULL, 'order.created', 'order:1', '{\"total\": 2500}')");
        exec("SELECT audit_append(NULL, 'refund.created', 'order:1', '{\"amount\": 2500}')");
        // A batch continues the same chain, row by row in array order.
        exec(
            "SELECT audit_append_all('order.created', ARRAY[NULL, 7]::bigint[], ARRAY['order:2', 'order:3'], "
            "ARRAY['{\"total\": 10}', '{\"total\": 20}']::jsonb[])");
        QCOMPARE(query1("SELECT string_agg(id || ':' || subject || ':' || coalesce(actor_id::text, '-'), ',' "
                        "ORDER BY id) FROM audit_log"),
                 std::string("1:order:1:-,2:order:1:-,3:order:2:-,4:order:3:7"));
        QCOMPARE(query1("SELECT last_id FROM audit_head"), std::string("4"));
        QCOMPARE(query1("SELECT audit_first_broken_row()"), std::string("(null)"));
        bool refusedEdit = false;
        try {
            exec("UPDATE audit_log SET details = '{\"total\": 1}' WHERE id = 1");
        } catch (const pqxx::sql_error&) {
            refusedEdit = true;
        }
        QVERIFY(refusedEdit);
        // A superuser who bypasses the trigger still leaves a broken chain behind.
        exec("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
        exec("UPDATE audit_log SET details = '{\"total\": 1}' WHERE id = 4");
        QCOMPARE(query1("SELECT audit_first_broken_row()"), std::string("4"));
        exec("UPDATE audit_log SET details = '{\"total\": 1}' WHERE id = 1");
        QCOMPARE(query1("SELECT audit_first_broken_row()"), std::string("1"));
    }
};

QTEST_GUILESS_MAIN(TestPgInventory)
#include "tst_pg_inventory.moc"
