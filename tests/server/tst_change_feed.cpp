// The live feed across server instances: a commit made through another connection pool (as by
// another usher-server on the same database) reaches this instance's subscribers through
// PostgreSQL's notifications, with the feed's poll switched off. Without notifications the same
// commit does not arrive, which shows the notification is what carried it.
#include "server/services/change_feed.h"
#include "server/storage/pg/migrator.h"
#include "server/storage/pg/pg_catalog_repository.h"
#include "server/storage/pg/pg_inventory_notifications.h"
#include "server/storage/pg/pg_inventory_repository.h"
#include "tests/server/support/test_database.h"
#include "tests/server/support/test_event.h"

#include <QtTest>

#include <condition_variable>
#include <mutex>

using namespace usher;
using namespace usher::server;

namespace {

// Long enough for a loaded CI machine; the tests wait this long only when something is wrong.
constexpr auto kPatience = std::chrono::seconds(20);
// The feed never polls in these tests.
const services::ChangeFeedOptions kNoPoll{std::chrono::milliseconds(30), std::chrono::hours(1)};

class Collector final : public services::FeedSubscriber {
public:
    void onChanges(storage::EventId, const std::vector<protocol::ChangeEntry>& entries) override {
        std::lock_guard lock(m_mutex);
        for (const auto& entry : entries) {
            if (const auto* seat = std::get_if<protocol::SeatChange>(&entry.change)) {
                m_seats.push_back(seat->seat + "=" + std::string(toString(seat->state)));
            }
        }
        m_changed.notify_all();
    }
    // The seat changes received, once `count` have arrived or the wait gave up.
    std::vector<std::string> waitFor(std::size_t count, std::chrono::milliseconds wait) {
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, wait, [&] { return m_seats.size() >= count; });
        return m_seats;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::string> m_seats;
};

storage::HoldPlan holdOf(const std::string& holdId, storage::UserId user, const std::string& seat) {
    storage::HoldPlan plan;
    plan.holdId = holdId;
    plan.user = user;
    plan.seats.push_back({seat, "standard"});
    return plan;
}

} // namespace

class TestChangeFeed : public QObject {
    Q_OBJECT

private:
    std::optional<testing::TestDatabase> m_database;
    std::unique_ptr<pg::ConnectionPool> m_here;  // this instance's pool
    std::unique_ptr<pg::ConnectionPool> m_other; // another instance's
    storage::EventId m_event = 0;
    storage::UserId m_user = 0;

    // Holds a seat through the other instance's pool.
    void holdElsewhere(const std::string& holdId, const std::string& seat) {
        pg::PgInventoryRepository other(*m_other);
        const auto outcome = other.createHolds(m_event, std::vector{holdOf(holdId, m_user, seat)});
        QVERIFY(std::holds_alternative<storage::HoldCreated>(outcome.at(0)));
    }

private Q_SLOTS:
    void init() {
        auto database = testing::TestDatabase::create();
        if (!database) {
            QFAIL(database.error().c_str());
        }
        m_database.emplace(std::move(*database));
        pg::migrate(m_database->url());
        m_here = std::make_unique<pg::ConnectionPool>(m_database->url(), 2);
        m_other = std::make_unique<pg::ConnectionPool>(m_database->url(), 2);
        pg::PgCatalogRepository catalog(*m_here);
        m_event = testing::createSmallEvent(catalog).id;
        m_user = testing::createTestUser(m_database->url(), "customer@test", "customer");
    }
    void cleanup() {
        m_other.reset();
        m_here.reset();
        m_database.reset();
    }

    void notificationsNameTheEventOfEachCommit() {
        pg::PgInventoryNotifications notifications(m_database->url());
        QVERIFY(notifications.waitForChanges(std::chrono::milliseconds(10)).empty()); // listening now
        holdElsewhere("00000000-0000-4000-8000-0000000000a1", "S-A-1");
        std::vector<storage::EventId> events;
        const auto deadline = std::chrono::steady_clock::now() + kPatience;
        while (events.empty() && std::chrono::steady_clock::now() < deadline) {
            events = notifications.waitForChanges(std::chrono::milliseconds(200));
        }
        QCOMPARE(events, std::vector<storage::EventId>{m_event});
    }

    void aCommitElsewhereReachesSubscribersWithoutPolling() {
        pg::PgCatalogRepository catalog(*m_here);
        pg::PgInventoryNotifications notifications(m_database->url());
        services::ChangeFeed feed(catalog, kNoPoll, &notifications);
        auto collector = std::make_shared<Collector>();
        QVERIFY(feed.subscribe(m_event, collector));
        // The listener may still be connecting: hold again until something arrives.
        std::vector<std::string> seats;
        for (int attempt = 1; seats.empty() && attempt <= 10; ++attempt) {
            holdElsewhere("00000000-0000-4000-8000-0000000000b" + std::to_string(attempt),
                          "S-A-" + std::to_string(attempt));
            seats = collector->waitFor(1, kPatience / 10);
        }
        QVERIFY(!seats.empty());
        QCOMPARE(seats.front(), std::string("S-A-1=held"));
    }

    void withoutNotificationsTheSameCommitWaitsForThePoll() {
        pg::PgCatalogRepository catalog(*m_here);
        services::ChangeFeed feed(catalog, kNoPoll);
        auto collector = std::make_shared<Collector>();
        QVERIFY(feed.subscribe(m_event, collector));
        holdElsewhere("00000000-0000-4000-8000-0000000000c1", "S-A-1");
        QVERIFY(collector->waitFor(1, std::chrono::seconds(1)).empty());
    }
};

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_change_feed.moc"
