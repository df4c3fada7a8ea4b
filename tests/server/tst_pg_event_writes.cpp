// EventWriteQueue: writes to one event share transactions, yet each succeeds or fails alone.
#include "server/storage/pg/event_writes.h"
#include "server/storage/pg/migrator.h"
#include "server/storage/pg/pg_catalog_repository.h"
#include "tests/server/support/sql_checks.h"
#include "tests/server/support/test_database.h"
#include "tests/server/support/test_event.h"

#include <QtTest>

#include <atomic>
#include <set>
#include <thread>

using namespace usher;
using namespace usher::server;

class TestPgEventWrites : public QObject {
    Q_OBJECT

private:
    std::optional<testing::TestDatabase> m_database;
    std::unique_ptr<pg::ConnectionPool> m_pool;
    storage::EventId m_event = 0;

    std::string query1(const std::string& sql) { return testing::queryOne(m_database->url(), sql); }

    // Each write leaves one row in login_throttle (a table without references), keyed by `key`.
    static void insertKey(pqxx::transaction_base& tx, const std::string& key) {
        tx.exec_params0("INSERT INTO login_throttle (key, failures, window_start) VALUES ($1, 1, now())",
                        key);
    }

private Q_SLOTS:
    void init() {
        auto database = testing::TestDatabase::create();
        if (!database) {
            QFAIL(database.error().c_str());
        }
        m_database.emplace(std::move(*database));
        pg::migrate(m_database->url());
        m_pool = std::make_unique<pg::ConnectionPool>(m_database->url(), 4);
        pg::PgCatalogRepository catalog(*m_pool);
        m_event = testing::createSmallEvent(catalog).id;
    }
    void cleanup() {
        m_pool.reset();
        m_database.reset();
    }

    void concurrentWritesShareTransactionsAndFailAlone() {
        constexpr int kWriters = 20;
        std::vector<std::string> outcomes(kWriters);
        std::vector<std::int64_t> transactions(kWriters);
        std::atomic<int> started{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < kWriters; ++i) {
            threads.emplace_back([&, i] {
                ++started;
                try {
                    m_pool->eventWrites().run(
                        m_event, [&, i](pqxx::transaction_base& tx, std::int64_t, pg::ChangeBatch& changes) {
                            transactions[static_cast<std::size_t>(i)] =
                                tx.exec1("SELECT txid_current()")[0].as<std::int64_t>();
                            if (i == 0) {
                                // Holds the first batch open while the other writers queue up behind it.
                                while (started.load() < kWriters) {
                                    std::this_thread::yield();
                                }
                                tx.exec("SELECT pg_sleep(0.3)");
                            }
                            insertKey(tx, i == 7 ? "key-3" : "key-" + std::to_string(i)); // 7 collides with 3
                            changes.seats.emplace_back("S-A-" + std::to_string(i + 1), "held");
                            return i != 11; // 11 changes its mind: its row and its change must go
                        });
                    outcomes[static_cast<std::size_t>(i)] = "ok";
                } catch (const pqxx::unique_violation&) {
                    outcomes[static_cast<std::size_t>(i)] = "duplicate";
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        // Exactly one of the two writers of key-3 failed, and only that one.
        const int failed = static_cast<int>(std::count(outcomes.begin(), outcomes.end(), "duplicate"));
        QCOMPARE(failed, 1);
        QVERIFY(outcomes[3] == "duplicate" || outcomes[7] == "duplicate");
        QCOMPARE(query1("SELECT count(*) FROM login_throttle"), std::to_string(kWriters - 2));
        QCOMPARE(query1("SELECT count(*) FROM login_throttle WHERE key = 'key-11'"), std::string("0"));
        // The changes of the writes kept, logged once per transaction, numbered without gaps.
        QCOMPARE(query1("SELECT count(*) || '/' || min(seq) || '/' || max(seq) FROM inventory_changes"),
                 std::to_string(kWriters - 2) + "/1/" + std::to_string(kWriters - 2));
        QCOMPARE(query1("SELECT last_seq FROM events"), std::to_string(kWriters - 2));
        QCOMPARE(query1("SELECT count(*) FROM inventory_changes WHERE seat_id = 'S-A-12'"), std::string("0"));
        QCOMPARE(query1("SELECT count(*) FROM inventory_changes WHERE seat_id IN ('S-A-4', 'S-A-8')"),
                 std::string("1"));
        // Fewer transactions than writes: the writers that queued behind the first shared one.
        const std::set<std::int64_t> distinct(transactions.begin(), transactions.end());
        QVERIFY2(
            distinct.size() < static_cast<std::size_t>(kWriters),
            qPrintable(QStringLiteral("%1 transactions for %2 writes").arg(distinct.size()).arg(kWriters)));
    }

    void aWriteThatThrowsLeavesTheOthersAndTheConnectionUsable() {
        QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            m_pool->eventWrites().run(m_event,
                                      [](pqxx::transaction_base& tx, std::int64_t, pg::ChangeBatch&) -> bool {
                                          insertKey(tx, "lost");
                                          throw std::runtime_error("changed its mind");
                                      }));
        m_pool->eventWrites().run(m_event, [](pqxx::transaction_base& tx, std::int64_t, pg::ChangeBatch&) {
            insertKey(tx, "kept");
            return true;
        });
        QCOMPARE(query1("SELECT string_agg(key, ',') FROM login_throttle"), std::string("kept"));
    }

    void changesToAnUnknownEventFail() {
        QVERIFY_THROWS_EXCEPTION(std::exception, m_pool->eventWrites().run(
                                                     m_event + 1000, [](pqxx::transaction_base&, std::int64_t,
                                                                        pg::ChangeBatch& changes) {
                                                         changes.seats.emplace_back("S-A-1", "held");
                                                         return true;
                                                     }));
    }
};

QTEST_GUILESS_MAIN(TestPgEventWrites)
#include "tst_pg_event_writes.moc"
