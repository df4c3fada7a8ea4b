// The inventory invariants under real concurrency: many clients over real sockets against the
// whole server, then the database is checked with SQL. The same harness is run once against the
// test-only hold statement without its state condition, to prove it can see a double sale.
#include "tests/server/support/api_test_server.h"
#include "tests/server/support/async_http.h"
#include "tests/server/support/sql_checks.h"

#include <QtTest>

#include <boost/json/serialize.hpp>

#include <atomic>
#include <mutex>
#include <random>
#include <set>

using namespace usher;
using namespace usher::testing;
namespace http = boost::beast::http;

namespace {

std::string holdBody(const std::vector<std::string>& seats) {
    boost::json::array ids;
    for (const auto& seat : seats) {
        ids.emplace_back(seat);
    }
    return boost::json::serialize(boost::json::object{{"seats", ids}});
}

using Headers = std::vector<std::pair<std::string, std::string>>;

const std::string kPayByCard = R"({"payment":{"method":"test_card","token":"tok_visa"}})";

std::int64_t count(const std::string& url, const std::string& sql) {
    return std::stoll(queryOne(url, sql));
}

} // namespace

class TestApiConcurrency : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ApiTestServer> startServer(ApiTestOptions options = {}) {
        auto server = ApiTestServer::start(options);
        if (!server) {
            qFatal("%s", server.error().c_str());
        }
        return std::move(server.value());
    }

    std::vector<std::string> customerTokens(ApiTestServer& server, int count) {
        std::vector<std::string> tokens;
        for (int i = 0; i < count; ++i) {
            tokens.push_back(
                server.account("racer" + std::to_string(i) + "@test.usher", protocol::Role::Customer).token);
        }
        return tokens;
    }

    // 500 clients at once ask for the same seat; returns how many got it.
    int raceForOneSeat(ApiTestServer& server, std::map<int, int>& statuses) {
        const std::string event = server.createGridEvent({1, 10});
        const auto tokens = customerTokens(server, 10);
        std::mutex mutex;
        // GCC 12 cannot compile string literals inside co_await expressions: arguments are built first.
        const std::string body = holdBody({"G-R1-1"});
        const std::string target = "/api/v1/events/" + event + "/holds";
        async::runClients(500, [&](int i) -> async::asio::awaitable<void> {
            async::Client client(server.endpoint());
            auto answer = co_await client.send(http::verb::post, target, body,
                                               tokens[static_cast<std::size_t>(i) % tokens.size()]);
            std::lock_guard lock(mutex);
            ++statuses[answer.status];
        });
        return statuses[201];
    }

private Q_SLOTS:
    void fiveHundredClientsRaceForOneSeat() {
        auto server = startServer();
        std::map<int, int> statuses;
        QCOMPARE(raceForOneSeat(*server, statuses), 1);
        QCOMPARE(statuses[409], 499);
        QCOMPARE(statuses.size(), std::size_t{2});
        QCOMPARE(count(server->databaseUrl(), "SELECT count(*) FROM event_seats WHERE state = 'held'"), 1);
    }

    void raceHarnessSeesADoubleSaleWithoutTheStateCondition() {
        auto server = startServer({.sweeper = true, .unsafeHolds = true});
        std::map<int, int> statuses;
        // Without "state = 'available'" in the hold statement several clients "get" the seat: the
        // check above would fail, so it is a real check.
        QVERIFY2(raceForOneSeat(*server, statuses) > 1, "the unsafe statement did not oversell");
    }

    void twoThousandClientsHoldAndCommitWithoutDoubleSales() {
        auto server = startServer();
        const std::string event = server->createGridEvent({20, 50}); // 1,000 seats
        const auto tokens = customerTokens(*server, 20);
        std::mutex mutex;
        std::set<std::string> confirmedOrders;
        std::map<int, int> holdStatuses;
        std::map<int, int> commitStatuses;
        async::runClients(2000, [&](int i) -> async::asio::awaitable<void> {
            std::mt19937 random(static_cast<unsigned>(i));
            const int quantity = 1 + static_cast<int>(random() % 4);
            std::set<std::string> seats;
            while (static_cast<int>(seats.size()) < quantity) {
                seats.insert("G-R" + std::to_string(1 + random() % 20) + "-" +
                             std::to_string(1 + random() % 50));
            }
            const std::string& token = tokens[static_cast<std::size_t>(i) % tokens.size()];
            const std::string body = holdBody(std::vector<std::string>(seats.begin(), seats.end()));
            async::Client client(server->endpoint());
            const std::string holdTarget = "/api/v1/events/" + event + "/holds";
            auto hold = co_await client.send(http::verb::post, holdTarget, body, token);
            {
                std::lock_guard lock(mutex);
                ++holdStatuses[hold.status];
            }
            if (hold.status != 201) {
                co_return;
            }
            const std::string holdId(hold.json.at("hold_id").as_string());
            const std::string commitTarget = "/api/v1/holds/" + holdId + "/commit";
            const Headers key{{"Idempotency-Key", "race-" + std::to_string(i)}};
            auto commit = co_await client.send(http::verb::post, commitTarget, kPayByCard, token, key);
            std::lock_guard lock(mutex);
            ++commitStatuses[commit.status];
            if (commit.status == 201) {
                confirmedOrders.insert(std::string(commit.json.at("order_id").as_string()));
            }
        });
        QVERIFY(holdStatuses[201] > 0);
        QCOMPARE(holdStatuses[201] + holdStatuses[409], 2000);
        QCOMPARE(commitStatuses[201], holdStatuses[201]);

        const std::string& url = server->databaseUrl();
        // No seat sold twice, and every sold seat belongs to exactly one order.
        QCOMPARE(count(url, "SELECT count(*) FROM (SELECT seat_id FROM tickets WHERE status <> 'refunded' "
                            "GROUP BY seat_id HAVING count(*) > 1) twice"),
                 0);
        QCOMPARE(count(url, "SELECT count(*) FROM event_seats s WHERE s.state = 'sold' AND (SELECT count(*) "
                            "FROM tickets t WHERE t.event_id = s.event_id AND t.seat_id = s.seat_id AND "
                            "t.status <> 'refunded' AND t.order_id = s.order_id) <> 1"),
                 0);
        QCOMPARE(count(url, "SELECT count(*) FROM event_seats WHERE state = 'sold'"),
                 count(url, "SELECT count(*) FROM tickets WHERE seat_id IS NOT NULL"));
        // Every 201 the clients saw is in the database.
        QCOMPARE(count(url, "SELECT count(*) FROM orders"),
                 static_cast<std::int64_t>(confirmedOrders.size()));
        for (const std::string& order : confirmedOrders) {
            QCOMPARE(count(url, "SELECT count(*) FROM orders WHERE id = '" + order + "'"), 1);
        }
        // The change log has no gaps.
        QCOMPARE(count(url, "SELECT count(*) FROM inventory_changes WHERE event_id = " + event),
                 count(url, "SELECT last_seq FROM events WHERE id = " + event));
        // Every row of the hot tables has its parent (they have no foreign keys).
        QCOMPARE(count(url, "SELECT coalesce(sum(orphans), 0) FROM usher_orphan_rows()"), 0);
    }

    void twoThousandClientsRaceForFiveHundredStandingPlaces() {
        auto server = startServer();
        const std::string event = server->createGridEvent({1, 1, 500});
        const auto tokens = customerTokens(*server, 20);
        std::atomic<int> held{0};
        std::atomic<int> sold{0};
        std::atomic<int> other{0};
        const std::string gaBody = R"({"ga":[{"area":"floor","quantity":1}]})";
        const std::string holdTarget = "/api/v1/events/" + event + "/holds";
        async::runClients(2000, [&](int i) -> async::asio::awaitable<void> {
            const std::string& token = tokens[static_cast<std::size_t>(i) % tokens.size()];
            async::Client client(server->endpoint());
            auto hold = co_await client.send(http::verb::post, holdTarget, gaBody, token);
            if (hold.status != 201) {
                other += hold.status == 409 ? 0 : 1;
                co_return;
            }
            ++held;
            const std::string commitTarget =
                "/api/v1/holds/" + std::string(hold.json.at("hold_id").as_string()) + "/commit";
            const Headers key{{"Idempotency-Key", "ga-" + std::to_string(i)}};
            auto commit = co_await client.send(http::verb::post, commitTarget, kPayByCard, token, key);
            sold += commit.status == 201 ? 1 : 0;
        });
        QCOMPARE(held.load(), 500);
        QCOMPARE(sold.load(), 500);
        QCOMPARE(other.load(), 0);
        const std::string& url = server->databaseUrl();
        QCOMPARE(count(url, "SELECT sold FROM event_ga_areas WHERE area_id = 'floor'"), 500);
        QCOMPARE(count(url, "SELECT held FROM event_ga_areas WHERE area_id = 'floor'"), 0);
        QCOMPARE(count(url, "SELECT count(*) FROM tickets WHERE ga_area_id = 'floor'"), 500);
        QCOMPARE(count(url, "SELECT coalesce(sum(orphans), 0) FROM usher_orphan_rows()"), 0);
    }

    void hundredConcurrentCommitsWithOneKeyMakeOneOrder() {
        auto server = startServer();
        const std::string event = server->createGridEvent({1, 10});
        const ApiAccount buyer = server->account("buyer@test.usher", protocol::Role::Customer);
        auto hold = server->request(http::verb::post, "/api/v1/events/" + event + "/holds",
                                    holdBody({"G-R1-1", "G-R1-2"}), buyer.token);
        QCOMPARE(hold.status, 201);
        const std::string holdId(hold.json.at("hold_id").as_string());
        std::mutex mutex;
        const std::string commitTarget = "/api/v1/holds/" + holdId + "/commit";
        const Headers key{{"Idempotency-Key", "one-key"}};
        std::set<std::string> orders;
        std::map<int, int> statuses;
        async::runClients(100, [&](int) -> async::asio::awaitable<void> {
            async::Client client(server->endpoint());
            auto commit = co_await client.send(http::verb::post, commitTarget, kPayByCard, buyer.token, key);
            std::lock_guard lock(mutex);
            ++statuses[commit.status];
            if (commit.status == 201) {
                orders.insert(std::string(commit.json.at("order_id").as_string()));
            }
        });
        QVERIFY(statuses[201] >= 1);
        QCOMPARE(statuses[201] + statuses[409], 100);
        QCOMPARE(orders.size(), std::size_t{1}); // every 201 is the same order
        QCOMPARE(count(server->databaseUrl(), "SELECT count(*) FROM orders"), 1);
        QCOMPARE(count(server->databaseUrl(), "SELECT count(*) FROM tickets"), 2);
    }

    void anExpiredHoldIsAvailableAtOnceWithoutTheSweeper() {
        auto server = startServer({.sweeper = false});
        const std::string event = server->createGridEvent({1, 10});
        const ApiAccount first = server->account("first@test.usher", protocol::Role::Customer);
        const ApiAccount second = server->account("second@test.usher", protocol::Role::Customer);
        QCOMPARE(server
                     ->request(http::verb::post, "/api/v1/events/" + event + "/holds", holdBody({"G-R1-3"}),
                               first.token)
                     .status,
                 201);
        // Time passes for the hold (its expiry moves into the past); this server has no sweeper,
        // so only the hold statement's own condition can let the seat go.
        execute(server->databaseUrl(), "UPDATE event_seats SET held_until = now() - interval '1 second' "
                                       "WHERE state = 'held'");
        execute(server->databaseUrl(), "UPDATE holds SET expires_at = now() - interval '1 second'");
        auto second_ = server->request(http::verb::post, "/api/v1/events/" + event + "/holds",
                                       holdBody({"G-R1-3"}), second.token);
        QCOMPARE(second_.status, 201);
    }
};

QTEST_GUILESS_MAIN(TestApiConcurrency)
#include "tst_api_concurrency.moc"
