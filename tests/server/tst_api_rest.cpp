// Every REST endpoint over real sockets against the whole server: the happy paths and the bad
// inputs. A bad input must get a 4xx problem+json and change nothing in the database (checked with
// a fingerprint of every table a request can write); no request may ever get a 5xx.
#include "common/protocol/orders.h"
#include "common/protocol/time_json.h"
#include "tests/server/support/api_test_server.h"
#include "tests/server/support/db_fingerprint.h"
#include "tests/server/support/json_fields.h"
#include "tests/server/support/problem_checks.h"
#include "tests/server/support/sql_checks.h"

#include <QtTest>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace usher;
using namespace usher::testing;
using namespace usher::testing::fields;
namespace http = boost::beast::http;
using http::verb;

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

const std::string kPayByCard = R"({"payment":{"method":"test_card","token":"tok_visa"}})";
const std::string kNoSuchUuid = "5b0c8f9e-2a1d-4c3b-9e8f-7a6b5c4d3e2f";

std::optional<Timestamp> timestamp(const boost::json::value& value, std::string_view key) {
    return protocol::parseTimestamp(text(value, key));
}

QString q(const std::string& value) {
    return QString::fromStdString(value);
}

std::string dump(const boost::json::value& value) {
    return boost::json::serialize(value);
}

std::string seatsBody(const std::vector<std::string>& seats) {
    boost::json::array ids;
    for (const auto& seat : seats) {
        ids.emplace_back(seat);
    }
    return dump(boost::json::object{{"seats", ids}});
}

std::string cashBody(std::int64_t amount, const std::string& shiftId, const std::string& currency = "EUR") {
    return dump(boost::json::object{
        {"payment", {{"method", "cash"}, {"tendered", {{"amount", amount}, {"currency", currency}}}}},
        {"shift_id", shiftId}});
}

// Percent-encodes everything but RFC 3986's unreserved characters, for query values.
std::string urlEncoded(std::string_view text) {
    std::string out;
    for (const char raw : text) {
        const auto c = static_cast<unsigned char>(raw);
        if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            constexpr std::string_view kHex = "0123456789ABCDEF";
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

bool isTicketCode(std::string_view code) {
    constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    return code.size() == 26 && code.front() >= '0' && code.front() <= '7' &&
           std::all_of(code.begin(), code.end(),
                       [&](char c) { return kAlphabet.find(c) != std::string_view::npos; });
}

} // namespace

class TestApiRest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ApiTestServer> m_server;
    std::map<int, int> m_statuses;
    std::vector<std::string> m_serverErrors;
    int m_accounts = 0;
    int m_keys = 0;

    // Every request goes through here so that cleanupTestCase can prove no answer was a 5xx.
    ApiResponse call(verb method, const std::string& target, const std::string& body = {},
                     const std::string& token = {}, const Headers& headers = {}) {
        ApiResponse response = m_server->request(method, target, body, token, headers);
        note(response.status, std::string(http::to_string(method)) + " " + target);
        return response;
    }

    void note(int status, const std::string& what) {
        ++m_statuses[status];
        if (status >= 500 || status < 100) {
            m_serverErrors.push_back(what + " -> " + std::to_string(status));
        }
    }

    ApiAccount person(const std::string& name, protocol::Role role = protocol::Role::Customer) {
        return m_server->account(name + "-" + std::to_string(++m_accounts) + "@test.usher", role);
    }

    std::string key() { return "key-" + std::to_string(++m_keys); }

    std::string sql(const std::string& query) { return queryOne(m_server->databaseUrl(), query); }

    std::string fingerprint() { return databaseFingerprint(m_server->databaseUrl()); }

    std::string seatState(const std::string& event, const std::string& seat) {
        return sql("SELECT state FROM event_seats WHERE event_id = " + event + " AND seat_id = '" + seat +
                   "'");
    }

    std::int64_t lastSeq(const std::string& event) {
        return std::stoll(sql("SELECT last_seq FROM events WHERE id = " + event));
    }

    static std::string holdsOf(const std::string& event) { return "/api/v1/events/" + event + "/holds"; }
    static std::string commitOf(const std::string& hold) { return "/api/v1/holds/" + hold + "/commit"; }
    static std::string refundsOf(const std::string& order) { return "/api/v1/orders/" + order + "/refunds"; }

    ApiResponse hold(const std::string& event, const std::vector<std::string>& seats,
                     const std::string& token) {
        return call(verb::post, holdsOf(event), seatsBody(seats), token);
    }

    ApiResponse commit(const std::string& holdId, const std::string& body, const std::string& token,
                       const std::string& idempotencyKey) {
        return call(verb::post, commitOf(holdId), body, token, {{"Idempotency-Key", idempotencyKey}});
    }

    // Holds and pays for `seats` by card; the commit answer (an empty one when the hold failed).
    ApiResponse buy(const std::string& event, const std::vector<std::string>& seats,
                    const std::string& token) {
        ApiResponse held = hold(event, seats, token);
        if (held.status != 201) {
            return held;
        }
        return commit(text(held.json, "hold_id"), kPayByCard, token, key());
    }

private Q_SLOTS:
    void initTestCase() {
        // No sweeper: nothing changes the database behind a test's back, so "nothing changed" is
        // exact (an overdue hold is still refused at once: the statements check the time).
        auto server = ApiTestServer::start({.sweeper = false});
        if (!server) {
            qFatal("%s", server.error().c_str());
        }
        m_server = std::move(server.value());
    }

    void cleanupTestCase() {
        std::string errors;
        for (const std::string& error : m_serverErrors) {
            errors += error + "\n";
        }
        QVERIFY2(m_serverErrors.empty(), ("answers with a 5xx or none:\n" + errors).c_str());
        QVERIFY(m_statuses.size() > 10); // the suite really ran through many kinds of answers
        m_server.reset();
    }

    // ---- POST /api/v1/customers ----

    void signUpCreatesACustomerWhoCanSignIn() {
        const std::string body =
            R"({"email":"new-customer@test.usher","password":"long-enough-1","name":"Ann"})";
        ApiResponse created = call(verb::post, "/api/v1/customers", body);
        QCOMPARE(created.status, 201);
        QVERIFY(!text(created.json, "id").empty());
        QCOMPARE(q(text(created.json, "email")), QStringLiteral("new-customer@test.usher"));
        QCOMPARE(q(text(created.json, "name")), QStringLiteral("Ann"));
        QVERIFY(field(created.json, "password") == nullptr);
        QCOMPARE(q(sql("SELECT role FROM users WHERE email = 'new-customer@test.usher'")),
                 QStringLiteral("customer"));

        ApiResponse login = call(verb::post, "/api/v1/auth/login",
                                 R"({"email":"new-customer@test.usher","password":"long-enough-1"})");
        QCOMPARE(login.status, 200);
        QCOMPARE(q(text(member(login.json, "user"), "id")), q(text(created.json, "id")));

        EXPECT_REJECTED(call(verb::post, "/api/v1/customers", body), 409, "email-taken");
    }

    void signUpRejectsBadInput() {
        const std::string target = "/api/v1/customers";
        EXPECT_REJECTED(
            call(verb::post, target, R"({"email":"not-an-email","password":"long-enough-1","name":"A"})"),
            400, "validation-failed");
        EXPECT_REJECTED(
            call(verb::post, target, R"({"email":"a b@test.usher","password":"long-enough-1","name":"A"})"),
            400, "validation-failed");
        EXPECT_REJECTED(
            call(verb::post, target, R"({"email":"short@test.usher","password":"short","name":"A"})"), 400,
            "validation-failed");
        EXPECT_REJECTED(
            call(verb::post, target,
                 R"({"email":"extra@test.usher","password":"long-enough-1","name":"A","role":"admin"})"),
            400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, target, R"({"email":5,"password":"long-enough-1","name":"A"})"), 400,
                        "validation-failed");
        EXPECT_REJECTED(
            call(verb::post, target, R"({"email":"t@test.usher","password":12345678,"name":"A"})"), 400,
            "validation-failed");
        EXPECT_REJECTED(
            call(verb::post, target, R"({"email":"t@test.usher","password":"long-enough-1","name":["A"]})"),
            400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, target, R"({"email":"t@test.usher","password":"long-enough-1"})"),
                        400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, target, R"([])"), 400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, target, R"({"email":"t@test.usher",)"), 400, "malformed-json");
        EXPECT_REJECTED(call(verb::post, target,
                             R"({"email":"t@test.usher","password":"long-enough-1","name":"A"})", {},
                             {{"Content-Type", "text/plain"}}),
                        415, "unsupported-media-type");
        const std::string longPassword(protocol::kMaxPasswordLength + 1, 'p');
        EXPECT_REJECTED(call(verb::post, target,
                             dump(boost::json::object{
                                 {"email", "long@test.usher"}, {"password", longPassword}, {"name", "A"}})),
                        400, "validation-failed");
    }

    // ---- POST /api/v1/auth/login, /refresh ----

    void loginAnswersTokensAndRefusesWrongCredentials() {
        const ApiAccount clerk = person("login-clerk", protocol::Role::Clerk);
        ApiResponse login =
            call(verb::post, "/api/v1/auth/login",
                 dump(boost::json::object{{"email", clerk.email}, {"password", clerk.password}}));
        QCOMPARE(login.status, 200);
        QVERIFY(!text(login.json, "access_token").empty());
        QVERIFY(!text(login.json, "refresh_token").empty());
        QVERIFY(integer(login.json, "expires_in") > 0);
        QVERIFY(field(login.json, "user") != nullptr);
        QCOMPARE(q(text(member(login.json, "user"), "id")), q(clerk.id));
        QCOMPARE(q(text(member(login.json, "user"), "role")), QStringLiteral("clerk"));

        ApiResponse wrong =
            call(verb::post, "/api/v1/auth/login",
                 dump(boost::json::object{{"email", clerk.email}, {"password", "wrong-pass-1"}}));
        EXPECT_PROBLEM(wrong, 401, "invalid-credentials");
        ApiResponse unknown = call(verb::post, "/api/v1/auth/login",
                                   R"({"email":"nobody@test.usher","password":"secret-pass-1"})");
        EXPECT_PROBLEM(unknown, 401, "invalid-credentials");
        // The same answer for both, so the API does not tell which accounts exist.
        QCOMPARE(q(text(wrong.json, "detail")), q(text(unknown.json, "detail")));
        EXPECT_REJECTED(call(verb::post, "/api/v1/auth/login", R"({"email":"x@test.usher"})"), 400,
                        "validation-failed");
        EXPECT_REJECTED(call(verb::post, "/api/v1/auth/login", R"({"email":"x@test.usher","password":1})"),
                        400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, "/api/v1/auth/login", "{"), 400, "malformed-json");
    }

    void repeatedFailuresLockOneAccount() {
        const ApiAccount victim = person("throttled");
        const std::string wrongBody =
            dump(boost::json::object{{"email", victim.email}, {"password", "wrong-pass-1"}});
        for (int attempt = 0; attempt < 5; ++attempt) {
            EXPECT_PROBLEM(call(verb::post, "/api/v1/auth/login", wrongBody), 401, "invalid-credentials");
        }
        // Locked now, even for the right password.
        ApiResponse locked =
            call(verb::post, "/api/v1/auth/login",
                 dump(boost::json::object{{"email", victim.email}, {"password", victim.password}}));
        EXPECT_PROBLEM(locked, 429, "rate-limited");
        const std::string retryAfter = header(locked, http::field::retry_after);
        QVERIFY2(!retryAfter.empty() && std::stoll(retryAfter) >= 1, retryAfter.c_str());
        QCOMPARE(integer(locked.json, "retry_after"), std::stoll(retryAfter));
        // Another account from the same address still signs in.
        const ApiAccount other = person("not-throttled");
        QCOMPARE(call(verb::post, "/api/v1/auth/login",
                      dump(boost::json::object{{"email", other.email}, {"password", other.password}}))
                     .status,
                 200);
    }

    void refreshRotatesAndASpentTokenIsRefused() {
        const ApiAccount buyer = person("refresher");
        ApiResponse login =
            call(verb::post, "/api/v1/auth/login",
                 dump(boost::json::object{{"email", buyer.email}, {"password", buyer.password}}));
        QCOMPARE(login.status, 200);
        const std::string first = text(login.json, "refresh_token");
        ApiResponse refreshed =
            call(verb::post, "/api/v1/auth/refresh", dump(boost::json::object{{"refresh_token", first}}));
        QCOMPARE(refreshed.status, 200);
        const std::string second = text(refreshed.json, "refresh_token");
        QVERIFY(!second.empty());
        QVERIFY(second != first);
        QVERIFY(!text(refreshed.json, "access_token").empty());
        QCOMPARE(q(text(member(refreshed.json, "user"), "id")), q(buyer.id));
        // The new access token works.
        EXPECT_PROBLEM(
            call(verb::get, "/api/v1/holds/" + kNoSuchUuid, {}, text(refreshed.json, "access_token")), 404,
            "not-found");

        EXPECT_PROBLEM(
            call(verb::post, "/api/v1/auth/refresh", dump(boost::json::object{{"refresh_token", first}})),
            401, "unauthorized");
        EXPECT_PROBLEM(call(verb::post, "/api/v1/auth/refresh", R"({"refresh_token":"garbage"})"), 401,
                       "unauthorized");
        EXPECT_REJECTED(call(verb::post, "/api/v1/auth/refresh", R"({})"), 400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, "/api/v1/auth/refresh", R"({"refresh_token":7})"), 400,
                        "validation-failed");
        QCOMPARE(
            call(verb::post, "/api/v1/auth/refresh", dump(boost::json::object{{"refresh_token", second}}))
                .status,
            200);
    }

    // ---- GET /api/v1/events ----

    void eventListPaginatesWithCursors() {
        for (int i = 0; i < 3; ++i) {
            (void)m_server->createGridEvent({1, 2});
        }
        const std::string expected =
            sql("SELECT string_agg(id::text, ',' ORDER BY starts_at, id) FROM events");
        std::string seen;
        std::string target = "/api/v1/events?limit=1";
        int pages = 0;
        for (;;) {
            ApiResponse page = call(verb::get, target);
            QCOMPARE(page.status, 200);
            const auto& data = list(page.json, "data");
            QCOMPARE(data.size(), std::size_t{1});
            QVERIFY(!text(data[0], "name").empty());
            QVERIFY(field(data[0], "availability") != nullptr);
            QVERIFY(field(data[0], "price_range") != nullptr);
            seen += (seen.empty() ? "" : ",") + text(data[0], "id");
            ++pages;
            const auto* next = field(page.json, "next_cursor");
            QVERIFY(next != nullptr); // always present, null on the last page
            if (next->is_null()) {
                break;
            }
            QVERIFY(next->is_string());
            target = "/api/v1/events?limit=1&cursor=" + std::string(next->get_string());
            QVERIFY(pages < 1000);
        }
        QCOMPARE(q(seen), q(expected));
        QVERIFY(pages >= 3);

        ApiResponse all = call(verb::get, "/api/v1/events?limit=100");
        QCOMPARE(all.status, 200);
        QCOMPARE(static_cast<int>(list(all.json, "data").size()), pages);
        QVERIFY(field(all.json, "next_cursor")->is_null());
    }

    void eventListFilters() {
        const std::string event = m_server->createGridEvent({1, 3});
        const std::string version = sql("SELECT layout_version FROM events WHERE id = " + event);
        execute(
            m_server->databaseUrl(),
            "INSERT INTO venues (id, name, city) VALUES ('river-hall', 'River Hall', 'Othertown');"
            "INSERT INTO venue_layouts (venue_id, version, layout) SELECT 'river-hall', version, layout "
            "FROM venue_layouts WHERE venue_id = 'grid-hall' AND version = " +
                version +
                ";"
                "UPDATE events SET venue_id = 'river-hall', name = 'Zebrafest Special', category = 'jazz', "
                "starts_at = '2031-03-15T20:00:00Z' WHERE id = " +
                event);
        auto ids = [&](const std::string& query) {
            ApiResponse page = call(verb::get, "/api/v1/events?" + query);
            std::string out = std::to_string(page.status) + ":";
            for (const auto& item : list(page.json, "data")) {
                out += text(item, "id") + ";";
            }
            return q(out);
        };
        const QString only = q("200:" + event + ";");
        QCOMPARE(ids("q=zebrafest"), only);
        QCOMPARE(ids("q=river%20hall"), only); // the venue's name counts too
        QCOMPARE(ids("city=othertown"), only);
        QCOMPARE(ids("category=JAZZ"), only);
        QCOMPARE(ids("q=zebrafest&from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z"), only);
        QCOMPARE(ids("q=zebrafest&from=2031-03-16T00:00:00Z"), QStringLiteral("200:"));
        QCOMPARE(ids("q=zebrafest&to=2031-03-15T20:00:00Z"), QStringLiteral("200:")); // `to` is exclusive
        QCOMPARE(ids("q=zebrafest&city=testville"), QStringLiteral("200:"));
        QCOMPARE(ids("q=no-such-event-anywhere"), QStringLiteral("200:"));

        ApiResponse page = call(verb::get, "/api/v1/events?q=zebrafest");
        const auto& item = list(page.json, "data").at(0);
        QCOMPARE(q(text(item, "city")), QStringLiteral("Othertown"));
        QCOMPARE(q(text(item, "venue")), QStringLiteral("River Hall"));
        QCOMPARE(q(text(item, "category")), QStringLiteral("jazz"));
        QCOMPARE(q(text(item, "starts_at")), QStringLiteral("2031-03-15T20:00:00Z"));
        QCOMPARE(integer(member(item, "availability"), "total"), 3);
        QCOMPARE(integer(member(item, "availability"), "available"), 3);
        QCOMPARE(q(money(member(item, "price_range"), "min")), QStringLiteral("1250 EUR"));
        QCOMPARE(q(money(member(item, "price_range"), "max")), QStringLiteral("2500 EUR"));
    }

    void eventListRejectsBadQueries() {
        for (const char* query : {"limit=0", "limit=101", "limit=abc", "limit=-1", "limit=1.5",
                                  "from=yesterday", "from=2031-03-01", "to=2031-13-01T00:00:00Z",
                                  "cursor=garbage", "cursor=1.x", "cursor=.", "limit=99999999999999999999"}) {
            ApiResponse response = call(verb::get, std::string("/api/v1/events?") + query);
            const std::string why = problemMismatch(response, 400, "validation-failed");
            QVERIFY2(why.empty(), (std::string(query) + ": " + why).c_str());
        }
        const std::string longName(protocol::kMaxNameLength + 1, 'x');
        EXPECT_PROBLEM(call(verb::get, "/api/v1/events?q=" + longName), 400, "validation-failed");
        // Every problem is listed with its parameter.
        ApiResponse both = call(verb::get, "/api/v1/events?limit=0&from=bad");
        EXPECT_PROBLEM(both, 400, "validation-failed");
        QCOMPARE(list(both.json, "errors").size(), std::size_t{2});
    }

    // ---- GET /api/v1/events/{id} ----

    void eventDetail() {
        const std::string event = m_server->createGridEvent({2, 5, 40, 6, 0, 300});
        ApiResponse detail = call(verb::get, "/api/v1/events/" + event);
        QCOMPARE(detail.status, 200);
        QCOMPARE(q(text(detail.json, "id")), q(event));
        QCOMPARE(q(text(detail.json, "name")), QStringLiteral("Grid night"));
        QCOMPARE(integer(detail.json, "hold_ttl_seconds"), 300);
        QCOMPARE(integer(detail.json, "max_tickets_per_order"), 6);
        QCOMPARE(integer(detail.json, "max_tickets_per_customer"), 0);
        QCOMPARE(q(text(member(detail.json, "venue"), "city")), QStringLiteral("Testville"));
        QVERIFY(timestamp(detail.json, "starts_at"));
        QVERIFY(timestamp(detail.json, "sale_starts_at") < timestamp(detail.json, "sale_ends_at"));
        QCOMPARE(integer(member(detail.json, "availability"), "total"), 50);
        QVERIFY(field(detail.json, "prices") != nullptr);
        QCOMPARE(list(detail.json, "ga").size(), std::size_t{1});
        QCOMPARE(q(text(list(detail.json, "ga")[0], "id")), QStringLiteral("floor"));
        QCOMPARE(integer(list(detail.json, "ga")[0], "capacity"), 40);

        for (const std::string id : {"999999", "abc", "0", "-1", "01", "1e3", "99999999999999999999999"}) {
            ApiResponse missing = call(verb::get, "/api/v1/events/" + id);
            const std::string why = problemMismatch(missing, 404, "not-found");
            QVERIFY2(why.empty(), (id + ": " + why).c_str());
        }
    }

    // ---- GET /api/v1/events/{id}/seatmap and /changes ----

    void seatmapHasEveryStateAndAnEtag() {
        const std::string event = m_server->createGridEvent({2, 4, 10});
        const std::string target = "/api/v1/events/" + event + "/seatmap";
        ApiResponse map = call(verb::get, target);
        QCOMPARE(map.status, 200);
        QCOMPARE(q(text(map.json, "event_id")), q(event));
        QCOMPARE(integer(map.json, "seq"), 0);
        QVERIFY(field(map.json, "layout") != nullptr && field(map.json, "layout")->is_object());
        QCOMPARE(list(map.json, "seats").size(), std::size_t{8});
        for (const auto& seat : list(map.json, "seats")) {
            QCOMPARE(q(text(seat, "state")), QStringLiteral("available"));
        }
        QCOMPARE(list(map.json, "ga").size(), std::size_t{1});
        QCOMPARE(integer(list(map.json, "ga")[0], "available"), 10);
        const std::string etag = header(map, http::field::etag);
        QVERIFY(!etag.empty());

        ApiResponse same = call(verb::get, target, {}, {}, {{"If-None-Match", etag}});
        QCOMPARE(same.status, 304);
        QVERIFY(same.raw.body().empty());
        QCOMPARE(q(header(same, http::field::etag)), q(etag));

        const ApiAccount buyer = person("mapper");
        QCOMPARE(hold(event, {"G-R2-3"}, buyer.token).status, 201);
        ApiResponse changed = call(verb::get, target, {}, {}, {{"If-None-Match", etag}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(integer(changed.json, "seq"), 1);
        QVERIFY(header(changed, http::field::etag) != etag);
        for (const auto& seat : list(changed.json, "seats")) {
            QCOMPARE(q(text(seat, "state")),
                     text(seat, "id") == "G-R2-3" ? QStringLiteral("held") : QStringLiteral("available"));
        }
        EXPECT_PROBLEM(call(verb::get, "/api/v1/events/999999/seatmap"), 404, "not-found");
        EXPECT_PROBLEM(call(verb::get, "/api/v1/events/x/seatmap"), 404, "not-found");
    }

    void changesListWhatHappenedSinceASeq() {
        const std::string event = m_server->createGridEvent({1, 5, 10});
        const std::string target = "/api/v1/events/" + event + "/changes";
        ApiResponse none = call(verb::get, target + "?since=0");
        QCOMPARE(none.status, 200);
        QCOMPARE(integer(none.json, "since"), 0);
        QCOMPARE(integer(none.json, "seq"), 0);
        QVERIFY(list(none.json, "changes").empty());

        const ApiAccount buyer = person("changes");
        QCOMPARE(hold(event, {"G-R1-1", "G-R1-2"}, buyer.token).status, 201);
        QCOMPARE(
            call(verb::post, holdsOf(event), R"({"ga":[{"area":"floor","quantity":3}]})", buyer.token).status,
            201);
        ApiResponse changes = call(verb::get, target + "?since=0");
        QCOMPARE(changes.status, 200);
        QCOMPARE(integer(changes.json, "seq"), 3);
        const auto& entries = list(changes.json, "changes");
        QCOMPARE(entries.size(), std::size_t{3});
        std::set<std::string> seats;
        for (std::size_t i = 0; i < 2; ++i) {
            QCOMPARE(integer(entries[i], "seq"), static_cast<std::int64_t>(i + 1));
            QCOMPARE(q(text(entries[i], "state")), QStringLiteral("held"));
            seats.insert(text(entries[i], "seat"));
        }
        QCOMPARE(seats, (std::set<std::string>{"G-R1-1", "G-R1-2"}));
        QCOMPARE(integer(entries[2], "seq"), 3);
        QCOMPARE(q(text(entries[2], "ga_area")), QStringLiteral("floor"));
        QCOMPARE(integer(entries[2], "available"), 7);

        ApiResponse later = call(verb::get, target + "?since=2");
        QCOMPARE(later.status, 200);
        QCOMPARE(list(later.json, "changes").size(), std::size_t{1});
        ApiResponse current = call(verb::get, target + "?since=3");
        QCOMPARE(current.status, 200);
        QVERIFY(list(current.json, "changes").empty());
        QCOMPARE(integer(current.json, "seq"), 3);

        for (const char* query : {"", "?since=", "?since=-1", "?since=abc", "?since=1.5", "?other=1"}) {
            ApiResponse bad = call(verb::get, target + query);
            const std::string why = problemMismatch(bad, 400, "validation-failed");
            QVERIFY2(why.empty(), (std::string(query) + ": " + why).c_str());
        }
        EXPECT_PROBLEM(call(verb::get, target + "?since=4"), 410, "changes-expired");
        EXPECT_PROBLEM(call(verb::get, target + "?since=9223372036854775807"), 410, "changes-expired");
        EXPECT_PROBLEM(call(verb::get, "/api/v1/events/999999/changes?since=0"), 404, "not-found");
    }

    // ---- POST /api/v1/events/{id}/holds ----

    void holdSeatsGaAndBestAvailable() {
        const std::string event = m_server->createGridEvent({3, 10, 50});
        const ApiAccount buyer = person("holder");

        ApiResponse seats = hold(event, {"G-R1-1", "G-R1-2"}, buyer.token);
        QCOMPARE(seats.status, 201);
        QVERIFY(!text(seats.json, "hold_id").empty());
        QCOMPARE(q(text(seats.json, "event_id")), q(event));
        const auto expires = timestamp(seats.json, "expires_at");
        QVERIFY(expires && *expires > std::chrono::system_clock::now());
        QCOMPARE(list(seats.json, "seats").size(), std::size_t{2});
        for (const auto& line : list(seats.json, "seats")) {
            QCOMPARE(q(money(line, "price")), QStringLiteral("2500 EUR"));
            QCOMPARE(q(text(line, "category")), QStringLiteral("standard"));
            QVERIFY(!text(line, "label").empty());
        }
        QVERIFY(list(seats.json, "ga").empty());
        QCOMPARE(q(money(seats.json, "total")), QStringLiteral("5000 EUR"));
        QCOMPARE(q(seatState(event, "G-R1-1")), QStringLiteral("held"));
        QCOMPARE(q(sql("SELECT state FROM holds WHERE id = '" + text(seats.json, "hold_id") + "'")),
                 QStringLiteral("active"));

        ApiResponse ga =
            call(verb::post, holdsOf(event), R"({"ga":[{"area":"floor","quantity":3}]})", buyer.token);
        QCOMPARE(ga.status, 201);
        QVERIFY(list(ga.json, "seats").empty());
        QCOMPARE(list(ga.json, "ga").size(), std::size_t{1});
        QCOMPARE(integer(list(ga.json, "ga")[0], "quantity"), 3);
        QCOMPARE(q(money(list(ga.json, "ga")[0], "price")), QStringLiteral("2000 EUR"));
        QCOMPARE(q(money(ga.json, "total")), QStringLiteral("6000 EUR"));
        QCOMPARE(q(sql("SELECT held FROM event_ga_areas WHERE event_id = " + event)), QStringLiteral("3"));

        ApiResponse best =
            call(verb::post, holdsOf(event), R"({"best_available":{"quantity":3,"categories":["standard"]}})",
                 buyer.token);
        QVERIFY2(best.status == 201, best.raw.body().c_str());
        QCOMPARE(list(best.json, "seats").size(), std::size_t{3});
        QCOMPARE(q(money(best.json, "total")), QStringLiteral("7500 EUR"));
        std::set<std::string> picked;
        for (const auto& line : list(best.json, "seats")) {
            picked.insert(text(line, "id"));
            QCOMPARE(q(seatState(event, text(line, "id"))), QStringLiteral("held"));
        }
        QCOMPARE(picked.size(), std::size_t{3});
        QVERIFY(!picked.contains("G-R1-1") && !picked.contains("G-R1-2"));
        // Together: one row, side by side.
        std::set<std::string> rows;
        std::vector<int> numbers;
        for (const std::string& seat : picked) {
            const auto dash = seat.rfind('-');
            rows.insert(seat.substr(0, dash));
            numbers.push_back(std::stoi(seat.substr(dash + 1)));
        }
        std::sort(numbers.begin(), numbers.end());
        QCOMPARE(rows.size(), std::size_t{1});
        QCOMPARE(numbers.back() - numbers.front(), 2);
        QCOMPARE(q(sql("SELECT count(*) FROM event_seats WHERE event_id = " + event + " AND state = 'held'")),
                 QStringLiteral("5"));
    }

    void holdNeedsAValidToken() {
        const std::string event = m_server->createGridEvent({1, 5});
        const std::string body = seatsBody({"G-R1-1"});
        EXPECT_REJECTED(call(verb::post, holdsOf(event), body), 401, "unauthorized");
        EXPECT_REJECTED(call(verb::post, holdsOf(event), body, "garbage"), 401, "unauthorized");
        EXPECT_REJECTED(call(verb::post, holdsOf(event), body, {}, {{"Authorization", "Basic dXNlcjpwYXNz"}}),
                        401, "unauthorized");
        EXPECT_REJECTED(call(verb::post, holdsOf(event), body, {}, {{"Authorization", "Bearer "}}), 401,
                        "unauthorized");
        // A token signed with another key.
        const std::string forged =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluIiwiZXhwIjo"
            "0MTAyNDQ0ODAwfQ.c2lnbmF0dXJlLW9mLWFub3RoZXIta2V5LWZvci10ZXN0cw";
        EXPECT_REJECTED(call(verb::post, holdsOf(event), body, forged), 401, "unauthorized");
        ApiResponse refused = call(verb::post, holdsOf(event), body);
        QCOMPARE(q(header(refused, http::field::www_authenticate)), QStringLiteral("Bearer"));
    }

    void holdRejectsBadInput() {
        const std::string event = m_server->createGridEvent({2, 5, 20});
        (void)m_server->createGridEvent({3, 5}); // has G-R3-1, which `event` lacks
        const ApiAccount buyer = person("bad-holder");
        const std::string target = holdsOf(event);
        struct Case {
            const char* body;
            int status;
            const char* slug;
        };
        const std::vector<Case> cases{
            {R"({"seats":["G-R1-1"])", 400, "malformed-json"},
            {R"({"seats":["G-R1-1"]} trailing)", 400, "malformed-json"},
            {R"(nope)", 400, "malformed-json"},
            {R"({})", 400, "validation-failed"},
            {R"([])", 400, "validation-failed"},
            {R"("seats")", 400, "validation-failed"},
            {R"({"seats":"G-R1-1"})", 400, "validation-failed"},
            {R"({"seats":[1,2]})", 400, "validation-failed"},
            {R"({"seats":[null]})", 400, "validation-failed"},
            {R"({"seats":[]})", 400, "validation-failed"},
            {R"({"seats":[""]})", 400, "validation-failed"},
            {R"({"seats":["G-R1-1"],"ga":[{"area":"floor","quantity":1}]})", 400, "validation-failed"},
            {R"({"seats":["G-R1-1"],"best_available":{"quantity":1}})", 400, "validation-failed"},
            {R"({"seats":["G-R1-1"],"extra":true})", 400, "validation-failed"},
            {R"({"seats":["G-R9-1"]})", 400, "validation-failed"},
            {R"({"seats":["G-R1-1","G-R3-1"]})", 400, "validation-failed"},
            {R"({"seats":["G-R1-1","G-R1-1"]})", 400, "validation-failed"},
            {R"({"seats":["G-R1-1\u0000"]})", 400, "validation-failed"},
            {R"({"best_available":{"quantity":0}})", 400, "validation-failed"},
            {R"({"best_available":{"quantity":-1}})", 400, "validation-failed"},
            {R"({"best_available":{"quantity":1000000000000}})", 400, "validation-failed"},
            {R"({"best_available":{"quantity":18446744073709551615}})", 400, "validation-failed"},
            {R"({"best_available":{"quantity":2.5}})", 400, "validation-failed"},
            {R"({"best_available":{"quantity":"2"}})", 400, "validation-failed"},
            {R"({"best_available":{"quantity":1e300}})", 400, "validation-failed"},
            {R"({"best_available":{"quantity":2,"accessible":3}})", 400, "validation-failed"},
            {R"({"best_available":{"quantity":1,"categories":["vip"]}})", 400, "validation-failed"},
            {R"({"best_available":{}})", 400, "validation-failed"},
            {R"({"ga":[{"area":"floor","quantity":0}]})", 400, "validation-failed"},
            {R"({"ga":[{"area":"floor","quantity":-1}]})", 400, "validation-failed"},
            {R"({"ga":[{"area":"floor","quantity":1000000000000}]})", 400, "validation-failed"},
            {R"({"ga":[{"area":"floor","quantity":30},{"area":"floor2","quantity":30}]})", 400,
             "validation-failed"},
            {R"({"ga":[{"area":"floor","quantity":1},{"area":"floor","quantity":1}]})", 400,
             "validation-failed"},
            {R"({"ga":[{"area":"balcony","quantity":1}]})", 400, "validation-failed"},
            {R"({"ga":[{"area":"floor"}]})", 400, "validation-failed"},
            {R"({"ga":[]})", 400, "validation-failed"},
            {R"({"ga":{"area":"floor","quantity":1}})", 400, "validation-failed"},
        };
        for (const Case& c : cases) {
            const std::string before = fingerprint();
            ApiResponse response = call(verb::post, target, c.body, buyer.token);
            const std::string why = problemMismatch(response, c.status, c.slug);
            QVERIFY2(why.empty(), (std::string(c.body) + ": " + why).c_str());
            QVERIFY2(fingerprint() == before, c.body);
        }
        // Over the per-request limit of 50 seats.
        std::vector<std::string> many;
        for (int i = 1; i <= 51; ++i) {
            many.push_back("S-" + std::to_string(i));
        }
        EXPECT_REJECTED(call(verb::post, target, seatsBody(many), buyer.token), 400, "validation-failed");
        // Deeper than the JSON parser's nesting limit.
        const std::string deep = R"({"seats":)" + std::string(100, '[') + std::string(100, ']') + "}";
        EXPECT_REJECTED(call(verb::post, target, deep, buyer.token), 400, "malformed-json");
        // An id longer than an id may be.
        EXPECT_REJECTED(call(verb::post, target, seatsBody({std::string(65, 'A')}), buyer.token), 400,
                        "validation-failed");
        // Not JSON by its Content-Type.
        EXPECT_REJECTED(
            call(verb::post, target, seatsBody({"G-R1-1"}), buyer.token, {{"Content-Type", "text/plain"}}),
            415, "unsupported-media-type");
        EXPECT_REJECTED(call(verb::post, target, seatsBody({"G-R1-1"}), buyer.token,
                             {{"Content-Type", "application/jsonp"}}),
                        415, "unsupported-media-type");
        EXPECT_REJECTED(call(verb::post, target, {}, buyer.token), 415, "unsupported-media-type");
        // Unknown events.
        EXPECT_REJECTED(call(verb::post, holdsOf("999999"), seatsBody({"G-R1-1"}), buyer.token), 404,
                        "not-found");
        EXPECT_REJECTED(call(verb::post, holdsOf("abc"), seatsBody({"G-R1-1"}), buyer.token), 404,
                        "not-found");
        QCOMPARE(q(sql("SELECT count(*) FROM holds WHERE event_id = " + event)), QStringLiteral("0"));
    }

    void holdRejectsABodyOverOneMebibyte() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount buyer = person("big-body");
        // The whole body is sent: the server answers after reading the header and drains the rest.
        const std::string huge = "{\"seats\":[\"" + std::string(1024 * 1024, 'x') + "\"]}";
        EXPECT_REJECTED(call(verb::post, holdsOf(event), huge, buyer.token), 413, "payload-too-large");

        // Only a Content-Length over the limit: refused before the body comes.
        const std::string before = fingerprint();
        HttpTestClient client(m_server->endpoint());
        QVERIFY(!client.connectError());
        const std::string head = "POST " + holdsOf(event) +
                                 " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                 "Authorization: Bearer " +
                                 buyer.token + "\r\nContent-Length: 2000000\r\n\r\n{\"seats\":[";
        QVERIFY(!client.writeRaw(head));
        auto response = client.read();
        QVERIFY(response);
        note(static_cast<int>(response->result_int()), "POST raw oversize");
        QCOMPARE(static_cast<int>(response->result_int()), 413);
        QCOMPARE(q(std::string((*response)[http::field::content_type])),
                 QStringLiteral("application/problem+json"));
        QCOMPARE(q(fingerprint()), q(before));
    }

    void holdConflictsAndLimits() {
        const std::string event = m_server->createGridEvent({2, 10, 5, 4});
        const ApiAccount first = person("first");
        const ApiAccount second = person("second");
        QCOMPARE(hold(event, {"G-R1-1", "G-R1-2"}, first.token).status, 201);

        const std::string before = fingerprint();
        ApiResponse taken = hold(event, {"G-R1-2", "G-R1-3"}, second.token);
        EXPECT_PROBLEM(taken, 409, "seats-unavailable");
        QCOMPARE(list(taken.json, "unavailable_seats").size(), std::size_t{1});
        QCOMPARE(q(std::string(list(taken.json, "unavailable_seats")[0].as_string())),
                 QStringLiteral("G-R1-2"));
        QCOMPARE(q(fingerprint()), q(before)); // all or nothing: G-R1-3 was not taken
        QCOMPARE(q(seatState(event, "G-R1-3")), QStringLiteral("available"));
        // The owner cannot hold the same seat twice either.
        EXPECT_REJECTED(hold(event, {"G-R1-1"}, first.token), 409, "seats-unavailable");

        // max_tickets_per_order is 4.
        EXPECT_REJECTED(hold(event, {"G-R2-1", "G-R2-2", "G-R2-3", "G-R2-4", "G-R2-5"}, second.token), 409,
                        "ticket-limit-exceeded");
        EXPECT_REJECTED(
            call(verb::post, holdsOf(event), R"({"best_available":{"quantity":5}})", second.token), 409,
            "ticket-limit-exceeded");
        EXPECT_REJECTED(
            call(verb::post, holdsOf(event), R"({"ga":[{"area":"floor","quantity":5}]})", second.token), 409,
            "ticket-limit-exceeded");
        QCOMPARE(hold(event, {"G-R2-1", "G-R2-2", "G-R2-3", "G-R2-4"}, second.token).status, 201);

        // The standing area has 5 places: 3 + 3 does not fit.
        QCOMPARE(
            call(verb::post, holdsOf(event), R"({"ga":[{"area":"floor","quantity":3}]})", first.token).status,
            201);
        const std::string beforeGa = fingerprint();
        ApiResponse full =
            call(verb::post, holdsOf(event), R"({"ga":[{"area":"floor","quantity":3}]})", second.token);
        EXPECT_PROBLEM(full, 409, "seats-unavailable");
        QCOMPARE(list(full.json, "unavailable_ga").size(), std::size_t{1});
        QCOMPARE(q(text(list(full.json, "unavailable_ga")[0], "area")), QStringLiteral("floor"));
        QCOMPARE(integer(list(full.json, "unavailable_ga")[0], "available"), 2);
        QCOMPARE(q(fingerprint()), q(beforeGa));
    }

    void perCustomerLimitCountsHolds() {
        const std::string event = m_server->createGridEvent({1, 10, 0, 10, 3});
        const ApiAccount buyer = person("limited");
        QCOMPARE(hold(event, {"G-R1-1", "G-R1-2"}, buyer.token).status, 201);
        EXPECT_REJECTED(hold(event, {"G-R1-3", "G-R1-4"}, buyer.token), 409, "ticket-limit-exceeded");
        QCOMPARE(hold(event, {"G-R1-3"}, buyer.token).status, 201);
        // Staff are not limited per customer.
        const ApiAccount clerk = person("limit-clerk", protocol::Role::Clerk);
        QCOMPARE(hold(event, {"G-R1-5", "G-R1-6", "G-R1-7", "G-R1-8"}, clerk.token).status, 201);
    }

    void onlyStaffHoldBeforeTheSaleOpens() {
        const std::string event = m_server->createGridEvent({.rows = 1, .seatsPerRow = 5, .onSale = false});
        const ApiAccount buyer = person("early-bird");
        const ApiAccount clerk = person("box-office", protocol::Role::Clerk);
        EXPECT_REJECTED(hold(event, {"G-R1-1"}, buyer.token), 409, "not-on-sale");
        EXPECT_REJECTED(call(verb::post, holdsOf(event), R"({"best_available":{"quantity":1}})", buyer.token),
                        409, "not-on-sale");
        ApiResponse staff = hold(event, {"G-R1-1"}, clerk.token);
        QCOMPARE(staff.status, 201);
        QCOMPARE(q(seatState(event, "G-R1-1")), QStringLiteral("held"));
    }

    // ---- GET/PATCH/DELETE /api/v1/holds/{id} ----

    void holdIsSeenByItsOwnerAndStaffOnly() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount owner = person("owner");
        const ApiAccount stranger = person("stranger");
        const ApiAccount clerk = person("hold-clerk", protocol::Role::Clerk);
        ApiResponse created = hold(event, {"G-R1-1", "G-R1-2"}, owner.token);
        QCOMPARE(created.status, 201);
        const std::string id = text(created.json, "hold_id");

        ApiResponse mine = call(verb::get, "/api/v1/holds/" + id, {}, owner.token);
        QCOMPARE(mine.status, 200);
        QCOMPARE(q(dump(mine.json)), q(dump(created.json)));
        EXPECT_PROBLEM(call(verb::get, "/api/v1/holds/" + id, {}, stranger.token), 404, "not-found");
        ApiResponse staff = call(verb::get, "/api/v1/holds/" + id, {}, clerk.token);
        QCOMPARE(staff.status, 200);
        QCOMPARE(q(text(staff.json, "hold_id")), q(id));
        EXPECT_PROBLEM(call(verb::get, "/api/v1/holds/" + id), 401, "unauthorized");

        const std::vector<std::string> badIds{"not-a-uuid", kNoSuchUuid, "5b0c8f9e2a1d4c3b9e8f7a6b5c4d3e2f",
                                              "%27%3B--"};
        for (const std::string& bad : badIds) {
            const std::string target = "/api/v1/holds/" + bad;
            EXPECT_PROBLEM(call(verb::get, target, {}, owner.token), 404, "not-found");
            EXPECT_REJECTED(call(verb::patch, target, "{}", owner.token), 404, "not-found");
            EXPECT_REJECTED(call(verb::delete_, target, {}, owner.token), 404, "not-found");
            EXPECT_REJECTED(commit(bad, kPayByCard, owner.token, key()), 404, "not-found");
        }
        // Neither a stranger nor a bad token touches it.
        EXPECT_REJECTED(call(verb::patch, "/api/v1/holds/" + id, "{}", stranger.token), 404, "not-found");
        EXPECT_REJECTED(call(verb::delete_, "/api/v1/holds/" + id, {}, stranger.token), 404, "not-found");
        EXPECT_REJECTED(call(verb::delete_, "/api/v1/holds/" + id, {}, "garbage"), 401, "unauthorized");
        EXPECT_REJECTED(commit(id, kPayByCard, stranger.token, key()), 404, "not-found");
    }

    void extendMovesTheExpiryUntilThePolicyLimit() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount owner = person("extender");
        ApiResponse created = hold(event, {"G-R1-1"}, owner.token);
        QCOMPARE(created.status, 201);
        const std::string target = "/api/v1/holds/" + text(created.json, "hold_id");
        auto expiry = timestamp(created.json, "expires_at");
        QVERIFY(expiry);

        for (const char* body : {R"({"extend_by_seconds":0})", R"({"extend_by_seconds":-5})",
                                 R"({"extend_by_seconds":3601})", R"({"extend_by_seconds":"60"})",
                                 R"({"extend_by_seconds":1e12})", R"({"minutes":5})", R"([])"}) {
            const std::string before = fingerprint();
            ApiResponse bad = call(verb::patch, target, body, owner.token);
            const std::string why = problemMismatch(bad, 400, "validation-failed");
            QVERIFY2(why.empty(), (std::string(body) + ": " + why).c_str());
            QVERIFY2(fingerprint() == before, body);
        }
        EXPECT_REJECTED(call(verb::patch, target, "{", owner.token), 400, "malformed-json");

        ApiResponse once = call(verb::patch, target, R"({"extend_by_seconds":60})", owner.token);
        QCOMPARE(once.status, 200);
        auto later = timestamp(once.json, "expires_at");
        QVERIFY(later && *later == *expiry + std::chrono::seconds(60));
        // An empty body extends by the event's hold TTL (capped by the hold's lifetime).
        ApiResponse twice = call(verb::patch, target, {}, owner.token);
        QCOMPARE(twice.status, 200);
        auto latest = timestamp(twice.json, "expires_at");
        QVERIFY(latest && *latest > *later);
        QCOMPARE(q(money(twice.json, "total")), QStringLiteral("2500 EUR"));
        // ExtendPolicy::maxExtensions is 2.
        EXPECT_REJECTED(call(verb::patch, target, R"({"extend_by_seconds":60})", owner.token), 409,
                        "hold-extend-limit");
        ApiResponse after = call(verb::get, target, {}, owner.token);
        QCOMPARE(after.status, 200);
        QCOMPARE(timestamp(after.json, "expires_at"), latest);
    }

    void releasedHoldIsGone() {
        const std::string event = m_server->createGridEvent({1, 5, 10});
        const ApiAccount owner = person("releaser");
        ApiResponse created =
            call(verb::post, holdsOf(event), R"({"ga":[{"area":"floor","quantity":2}]})", owner.token);
        QCOMPARE(created.status, 201);
        const std::string target = "/api/v1/holds/" + text(created.json, "hold_id");
        const std::int64_t seq = lastSeq(event);

        ApiResponse released = call(verb::delete_, target, {}, owner.token);
        QCOMPARE(released.status, 204);
        QVERIFY(released.raw.body().empty());
        QCOMPARE(q(sql("SELECT held FROM event_ga_areas WHERE event_id = " + event)), QStringLiteral("0"));
        QCOMPARE(lastSeq(event), seq + 1);
        EXPECT_PROBLEM(call(verb::get, target, {}, owner.token), 410, "hold-expired");
        EXPECT_REJECTED(call(verb::delete_, target, {}, owner.token), 410, "hold-expired");
        EXPECT_REJECTED(call(verb::patch, target, "{}", owner.token), 410, "hold-expired");
        EXPECT_REJECTED(commit(text(created.json, "hold_id"), kPayByCard, owner.token, key()), 410,
                        "hold-expired");
    }

    void releaseChecksTheDatabaseNotWhatTheServerRemembers() {
        // The server remembers who took a hold so that releasing it needs no lookup; whether it is
        // still active only the database says. Here another instance (plain SQL) committed it.
        const std::string event = m_server->createGridEvent({1, 5, 10});
        const ApiAccount owner = person("remembered");
        ApiResponse created = call(verb::post, holdsOf(event), R"({"seats":["G-R1-1"]})", owner.token);
        QCOMPARE(created.status, 201);
        const std::string id = text(created.json, "hold_id");
        execute(m_server->databaseUrl(), "UPDATE holds SET state = 'committed' WHERE id = '" + id + "'");
        const ApiAccount stranger = person("stranger-2");
        // Each refused: nothing changes (EXPECT_REJECTED compares the database before and after).
        EXPECT_REJECTED(call(verb::delete_, "/api/v1/holds/" + id, {}, owner.token), 410, "hold-expired");
        EXPECT_REJECTED(call(verb::delete_, "/api/v1/holds/" + id, {}, stranger.token), 404, "not-found");
    }

    // ---- POST /api/v1/holds/{id}/seats ----

    void seatsAreAddedToAndRemovedFromAHold() {
        const std::string event = m_server->createGridEvent({1, 6});
        const ApiAccount clerk = person("basket-clerk", protocol::Role::Clerk);
        const ApiAccount other = person("basket-other");
        ApiResponse held = hold(event, {"G-R1-1"}, clerk.token);
        QCOMPARE(held.status, 201);
        const std::string id = text(held.json, "hold_id");
        const std::string target = "/api/v1/holds/" + id + "/seats";
        const auto seatsOf = [](const ApiResponse& response) {
            std::vector<std::string> seats;
            for (const auto& seat : list(response.json, "seats")) {
                seats.push_back(text(seat, "id"));
            }
            return seats;
        };
        using Seats = std::vector<std::string>;
        const std::string seqBefore = sql("SELECT last_seq FROM events WHERE id = " + event);

        ApiResponse grown = call(verb::post, target, R"({"add":["G-R1-2","G-R1-3"]})", clerk.token);
        QCOMPARE(grown.status, 200);
        QCOMPARE(seatsOf(grown), (Seats{"G-R1-1", "G-R1-2", "G-R1-3"}));
        QCOMPARE(q(text(grown.json, "expires_at")), q(text(held.json, "expires_at")));
        QCOMPARE(q(money(grown.json, "total")), QStringLiteral("7500 EUR"));
        ApiResponse swapped =
            call(verb::post, target, R"({"add":["G-R1-4"],"remove":["G-R1-1"]})", clerk.token);
        QCOMPARE(swapped.status, 200);
        QCOMPARE(seatsOf(swapped), (Seats{"G-R1-2", "G-R1-3", "G-R1-4"}));
        QCOMPARE(q(sql("SELECT string_agg(seat_id || '=' || state, ',' ORDER BY seq) FROM inventory_changes "
                       "WHERE event_id = " +
                       event + " AND seq > " + seqBefore)),
                 QStringLiteral("G-R1-2=held,G-R1-3=held,G-R1-1=available,G-R1-4=held"));
        QCOMPARE(q(sql("SELECT count(*) FROM event_seats WHERE event_id = " + event + " AND hold_id = '" +
                       id + "' AND held_until = (SELECT expires_at FROM holds WHERE id = '" + id + "')")),
                 QStringLiteral("3"));

        // A seat someone else holds: nothing changes, and the answer says which.
        QCOMPARE(hold(event, {"G-R1-5"}, other.token).status, 201);
        const std::string before = fingerprint();
        ApiResponse taken =
            call(verb::post, target, R"({"add":["G-R1-5","G-R1-6"],"remove":["G-R1-2"]})", clerk.token);
        EXPECT_PROBLEM(taken, 409, "seats-unavailable");
        QCOMPARE(list(taken.json, "unavailable_seats").size(), std::size_t{1});
        QCOMPARE(q(fingerprint()), q(before));
        for (const std::string& bad :
             {std::string("{}"), std::string(R"({"add":[]})"), std::string(R"({"add":["G-R1-6","G-R1-6"]})"),
              std::string(R"({"add":["nope"]})"), std::string(R"({"remove":["G-R1-1"]})"),
              std::string(R"({"add":["G-R1-2"]})"), std::string(R"({"add":["G-R1-6"],"remove":["G-R1-6"]})"),
              std::string(R"({"remove":["G-R1-2","G-R1-3","G-R1-4"]})"),
              std::string(R"({"seats":["G-R1-6"]})")}) {
            const std::string why =
                problemMismatch(call(verb::post, target, bad, clerk.token), 400, "validation-failed");
            QVERIFY2(why.empty(), (bad + ": " + why).c_str());
            QCOMPARE(q(fingerprint()), q(before));
        }
        EXPECT_REJECTED(call(verb::post, target, R"({"add":["G-R1-6"]})", other.token), 404, "not-found");
        EXPECT_REJECTED(
            call(verb::post, "/api/v1/holds/" + kNoSuchUuid + "/seats", R"({"add":["G-R1-6"]})", clerk.token),
            404, "not-found");

        // The sale is the hold as it is now.
        const std::string shift = m_server->openShift(clerk);
        ApiResponse paid = commit(id, cashBody(7500, shift), clerk.token, key());
        QCOMPARE(paid.status, 201);
        QCOMPARE(list(paid.json, "tickets").size(), std::size_t{3});
        EXPECT_REJECTED(call(verb::post, target, R"({"add":["G-R1-6"]})", clerk.token), 410, "hold-expired");
    }

    void standingPlacesJoinAndLeaveAHold() {
        const std::string event = m_server->createGridEvent({1, 4, 5}); // 5 places on the floor
        const ApiAccount clerk = person("standing-clerk", protocol::Role::Clerk);
        const ApiAccount other = person("standing-other");
        ApiResponse held = hold(event, {"G-R1-1"}, clerk.token);
        QCOMPARE(held.status, 201);
        const std::string target = "/api/v1/holds/" + text(held.json, "hold_id") + "/seats";
        const auto floorOf = [&] {
            return sql("SELECT held || '/' || sold FROM event_ga_areas WHERE event_id = " + event);
        };

        ApiResponse three =
            call(verb::post, target, R"({"ga":[{"area":"floor","quantity":3}]})", clerk.token);
        QCOMPARE(three.status, 200);
        QCOMPARE(list(three.json, "ga").size(), std::size_t{1});
        QCOMPARE(integer(list(three.json, "ga").at(0), "quantity"), std::int64_t{3});
        QCOMPARE(q(money(three.json, "total")), QStringLiteral("8500 EUR")); // a seat and three places
        QCOMPARE(q(floorOf()), QStringLiteral("3/0"));
        // Someone else takes one; four are no longer there for this hold, two are.
        QCOMPARE(
            call(verb::post, holdsOf(event), R"({"ga":[{"area":"floor","quantity":1}]})", other.token).status,
            201);
        const std::string before = fingerprint();
        ApiResponse tooMany =
            call(verb::post, target, R"({"ga":[{"area":"floor","quantity":5}]})", clerk.token);
        EXPECT_PROBLEM(tooMany, 409, "seats-unavailable");
        QCOMPARE(integer(list(tooMany.json, "unavailable_ga").at(0), "available"), std::int64_t{4});
        QCOMPARE(q(fingerprint()), q(before));
        EXPECT_REJECTED(call(verb::post, target, R"({"ga":[{"area":"balcony","quantity":1}]})", clerk.token),
                        400, "validation-failed");
        ApiResponse fewer =
            call(verb::post, target, R"({"ga":[{"area":"floor","quantity":1}]})", clerk.token);
        QCOMPARE(fewer.status, 200);
        QCOMPARE(q(floorOf()), QStringLiteral("2/0"));
        // The seat goes, a place stays: still one hold.
        ApiResponse placesOnly = call(verb::post, target, R"({"remove":["G-R1-1"]})", clerk.token);
        QCOMPARE(placesOnly.status, 200);
        QVERIFY(list(placesOnly.json, "seats").empty());
        EXPECT_REJECTED(call(verb::post, target, R"({"ga":[{"area":"floor","quantity":0}]})", clerk.token),
                        400, "validation-failed");
        const std::string shift = m_server->openShift(clerk);
        ApiResponse paid = commit(text(held.json, "hold_id"), cashBody(2000, shift), clerk.token, key());
        QCOMPARE(paid.status, 201);
        QCOMPARE(list(paid.json, "tickets").size(), std::size_t{1});
        QCOMPARE(q(floorOf()), QStringLiteral("1/1"));
        QCOMPARE(q(sql("SELECT coalesce(sum(orphans), 0) FROM usher_orphan_rows()")), QStringLiteral("0"));
    }

    // ---- POST /api/v1/holds/{id}/commit ----

    void commitByCardIssuesTickets() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount buyer = person("card-buyer");
        ApiResponse held = hold(event, {"G-R1-1", "G-R1-2"}, buyer.token);
        QCOMPARE(held.status, 201);
        const std::string holdId = text(held.json, "hold_id");
        const std::string idempotencyKey = key();

        ApiResponse order = commit(holdId, kPayByCard, buyer.token, idempotencyKey);
        QCOMPARE(order.status, 201);
        const std::string orderId = text(order.json, "order_id");
        QVERIFY(!orderId.empty());
        QVERIFY(!text(order.json, "number").empty());
        QCOMPARE(q(text(order.json, "event_id")), q(event));
        QCOMPARE(q(text(order.json, "status")), QStringLiteral("paid"));
        QCOMPARE(q(money(order.json, "total")), QStringLiteral("5000 EUR"));
        QVERIFY(field(order.json, "change") == nullptr);
        QVERIFY(timestamp(order.json, "created_at"));
        const auto& tickets = list(order.json, "tickets");
        QCOMPARE(tickets.size(), std::size_t{2});
        std::set<std::string> seats;
        for (const auto& ticket : tickets) {
            QVERIFY2(isTicketCode(text(ticket, "code")), text(ticket, "code").c_str());
            QVERIFY(!text(ticket, "id").empty());
            QCOMPARE(q(text(ticket, "ticket_type")), QStringLiteral("adult"));
            QCOMPARE(q(money(ticket, "price")), QStringLiteral("2500 EUR"));
            QCOMPARE(q(text(ticket, "status")), QStringLiteral("valid"));
            QVERIFY(!text(ticket, "signature").empty());
            seats.insert(text(ticket, "seat"));
        }
        QCOMPARE(seats, (std::set<std::string>{"G-R1-1", "G-R1-2"}));
        QCOMPARE(q(seatState(event, "G-R1-1")), QStringLiteral("sold"));
        QCOMPARE(q(sql("SELECT state FROM holds WHERE id = '" + holdId + "'")), QStringLiteral("committed"));

        // A replay answers the same order and changes nothing.
        const std::string before = fingerprint();
        ApiResponse replay = commit(holdId, kPayByCard, buyer.token, idempotencyKey);
        QCOMPARE(replay.status, 201);
        QCOMPARE(q(dump(replay.json)), q(dump(order.json)));
        QCOMPARE(q(fingerprint()), q(before));
        // The same key with another body is refused; a new key finds no hold to commit.
        EXPECT_REJECTED(commit(holdId, R"({"payment":{"method":"test_card","token":"tok_other"}})",
                               buyer.token, idempotencyKey),
                        422, "idempotency-key-reused");
        EXPECT_REJECTED(commit(holdId, kPayByCard, buyer.token, key()), 404, "not-found");
        // Keys are per user: the key on another hold is a reuse with another request too.
        ApiResponse next = hold(event, {"G-R1-3"}, buyer.token);
        QCOMPARE(next.status, 201);
        EXPECT_REJECTED(commit(text(next.json, "hold_id"), kPayByCard, buyer.token, idempotencyKey), 422,
                        "idempotency-key-reused");
    }

    void commitRejectsBadRequests() {
        const std::string event = m_server->createGridEvent({1, 5, 5});
        const ApiAccount buyer = person("bad-committer");
        ApiResponse held = hold(event, {"G-R1-1"}, buyer.token);
        QCOMPARE(held.status, 201);
        const std::string holdId = text(held.json, "hold_id");
        const std::string target = commitOf(holdId);

        EXPECT_REJECTED(call(verb::post, target, kPayByCard, buyer.token), 400, "idempotency-key-required");
        EXPECT_REJECTED(call(verb::post, target, kPayByCard, buyer.token, {{"Idempotency-Key", ""}}), 400,
                        "idempotency-key-required");
        EXPECT_REJECTED(
            call(verb::post, target, kPayByCard, buyer.token, {{"Idempotency-Key", std::string(256, 'k')}}),
            400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, target, kPayByCard, buyer.token, {{"Idempotency-Key", "has space"}}),
                        400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, target, kPayByCard, {}, {{"Idempotency-Key", key()}}), 401,
                        "unauthorized");
        EXPECT_REJECTED(call(verb::post, target, kPayByCard, buyer.token,
                             {{"Idempotency-Key", key()}, {"Content-Type", "text/plain"}}),
                        415, "unsupported-media-type");
        struct Case {
            const char* body;
            const char* slug;
        };
        for (
            const Case& c : std::vector<Case>{
                {R"({"payment":)", "malformed-json"},
                {R"({})", "validation-failed"},
                {R"([])", "validation-failed"},
                {R"({"payment":"test_card"})", "validation-failed"},
                {R"({"payment":{"method":"bitcoin","token":"x"}})", "validation-failed"},
                {R"({"payment":{"method":"test_card"}})", "validation-failed"},
                {R"({"payment":{"method":"test_card","token":""}})", "validation-failed"},
                {R"({"payment":{"method":"test_card","token":7}})", "validation-failed"},
                {R"({"payment":{"method":"test_card","token":"tok_visa"},"tip":100})", "validation-failed"},
                {R"({"payment":{"method":"test_card","token":"tok_visa"},"ticket_types":[]})",
                 "validation-failed"},
                {R"({"payment":{"method":"test_card","token":"tok_visa"},"ticket_types":{"G-R1-1":5}})",
                 "validation-failed"},
                {R"({"payment":{"method":"test_card","token":"tok_visa"},"ticket_types":{"G-R1-1":"senior"}})",
                 "validation-failed"},
                {R"({"payment":{"method":"test_card","token":"tok_visa"},"ticket_types":{"G-R1-4":"child"}})",
                 "validation-failed"},
            }) {
            const std::string before = fingerprint();
            ApiResponse response = commit(holdId, c.body, buyer.token, key());
            const std::string why = problemMismatch(response, 400, c.slug);
            QVERIFY2(why.empty(), (std::string(c.body) + ": " + why).c_str());
            QVERIFY2(fingerprint() == before, c.body);
        }
        // The standing category has no child price.
        ApiResponse ga =
            call(verb::post, holdsOf(event), R"({"ga":[{"area":"floor","quantity":1}]})", buyer.token);
        QCOMPARE(ga.status, 201);
        EXPECT_REJECTED(
            commit(
                text(ga.json, "hold_id"),
                R"({"payment":{"method":"test_card","token":"tok_visa"},"ticket_types":{"floor":"child"}})",
                buyer.token, key()),
            400, "validation-failed");
        // None of it touched the hold.
        QCOMPARE(commit(holdId, kPayByCard, buyer.token, key()).status, 201);
    }

    void declinedCardKeepsTheHold() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount buyer = person("declined");
        ApiResponse held = hold(event, {"G-R1-1"}, buyer.token);
        QCOMPARE(held.status, 201);
        const std::string holdId = text(held.json, "hold_id");
        const std::string declinedKey = key();
        EXPECT_REJECTED(commit(holdId, R"({"payment":{"method":"test_card","token":"tok_declined"}})",
                               buyer.token, declinedKey),
                        402, "payment-declined");
        EXPECT_REJECTED(
            commit(holdId, R"({"payment":{"method":"test_card","token":"tok_unknown"}})", buyer.token, key()),
            402, "payment-declined");
        ApiResponse still = call(verb::get, "/api/v1/holds/" + holdId, {}, buyer.token);
        QCOMPARE(still.status, 200);
        QCOMPARE(q(dump(still.json)), q(dump(held.json)));
        QCOMPARE(q(seatState(event, "G-R1-1")), QStringLiteral("held"));
        // Only a success is stored: the declined attempt's key may be used again.
        QCOMPARE(commit(holdId, kPayByCard, buyer.token, declinedKey).status, 201);
    }

    void gatewayTimeoutThenRetryWithTheSameKey() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount buyer = person("timeout");
        ApiResponse held = hold(event, {"G-R1-2", "G-R1-3"}, buyer.token);
        QCOMPARE(held.status, 201);
        const std::string holdId = text(held.json, "hold_id");
        const std::string body = R"({"payment":{"method":"test_card","token":"tok_timeout"}})";
        const std::string retryKey = key();

        const std::string before = fingerprint();
        ApiResponse timedOut = commit(holdId, body, buyer.token, retryKey);
        // The one 5xx the contract has: the gateway did not answer; the client retries.
        if (!m_serverErrors.empty() && timedOut.status == 504) {
            m_serverErrors.pop_back();
        }
        EXPECT_PROBLEM(timedOut, 504, "payment-timeout");
        QCOMPARE(q(fingerprint()), q(before));
        QCOMPARE(call(verb::get, "/api/v1/holds/" + holdId, {}, buyer.token).status, 200);

        ApiResponse retried = commit(holdId, body, buyer.token, retryKey);
        QCOMPARE(retried.status, 201);
        QCOMPARE(q(money(retried.json, "total")), QStringLiteral("5000 EUR"));
        const std::string orderId = text(retried.json, "order_id");
        QCOMPARE(q(sql("SELECT count(*) FROM payments WHERE order_id = '" + orderId + "'")),
                 QStringLiteral("1"));
        QCOMPARE(q(seatState(event, "G-R1-2")), QStringLiteral("sold"));
    }

    void cashAndCardPresentAreForStaff() {
        const std::string event = m_server->createGridEvent({1, 10});
        const ApiAccount buyer = person("cash-customer");
        const ApiAccount clerk = person("cash-clerk", protocol::Role::Clerk);
        const std::string shift = m_server->openShift(clerk);
        ApiResponse own = hold(event, {"G-R1-9"}, buyer.token);
        QCOMPARE(own.status, 201);
        EXPECT_REJECTED(commit(text(own.json, "hold_id"), cashBody(10000, shift), buyer.token, key()), 403,
                        "forbidden");
        EXPECT_REJECTED(commit(text(own.json, "hold_id"),
                               R"({"payment":{"method":"card_present","reference":"TERM-1"}})", buyer.token,
                               key()),
                        403, "forbidden");

        ApiResponse held = hold(event, {"G-R1-1", "G-R1-2"}, clerk.token);
        QCOMPARE(held.status, 201);
        const std::string holdId = text(held.json, "hold_id");
        for (
            const std::string& body :
            {cashBody(4999, shift), cashBody(6000, shift, "USD"), cashBody(1'000'000'000'000'000, shift),
             cashBody(-1, shift), cashBody(std::numeric_limits<std::int64_t>::max(), shift),
             std::string(R"({"payment":{"method":"cash"}})"),
             std::string(R"({"payment":{"method":"cash","tendered":{"amount":6000}}})"),
             std::string(R"({"payment":{"method":"cash","tendered":{"amount":"6000","currency":"EUR"}}})"),
             std::string(R"({"payment":{"method":"cash","tendered":{"amount":1e300,"currency":"EUR"}}})"),
             std::string(R"({"payment":{"method":"cash","tendered":{"amount":6000.5,"currency":"EUR"}}})"),
             std::string(
                 R"({"payment":{"method":"cash","tendered":{"amount":18446744073709551615,"currency":"EUR"}}})"),
             std::string(R"({"payment":{"method":"cash","tendered":{"amount":6000,"currency":"EURO"}}})")}) {
            const std::string before = fingerprint();
            ApiResponse response = commit(holdId, body, clerk.token, key());
            const std::string why = problemMismatch(response, 400, "validation-failed");
            QVERIFY2(why.empty(), (body + ": " + why).c_str());
            QVERIFY2(fingerprint() == before, body.c_str());
        }
        ApiResponse paid = commit(holdId, cashBody(6000, shift), clerk.token, key());
        QCOMPARE(paid.status, 201);
        QCOMPARE(q(money(paid.json, "total")), QStringLiteral("5000 EUR"));
        QCOMPARE(q(money(paid.json, "change")), QStringLiteral("1000 EUR"));
        const std::string orderId = text(paid.json, "order_id");
        QCOMPARE(q(sql("SELECT change_due || '/' || channel FROM orders WHERE id = '" + orderId + "'")),
                 QStringLiteral("1000/box_office"));
        QCOMPARE(q(sql("SELECT method || '/' || tendered FROM payments WHERE order_id = '" + orderId + "'")),
                 QStringLiteral("cash/6000"));

        ApiResponse card = hold(event, {"G-R1-3"}, clerk.token);
        QCOMPARE(card.status, 201);
        EXPECT_REJECTED(commit(text(card.json, "hold_id"),
                               R"({"payment":{"method":"card_present","reference":""}})", clerk.token, key()),
                        400, "validation-failed");
        const std::string terminalBody = dump(boost::json::object{
            {"payment", {{"method", "card_present"}, {"reference", "TERM-7-0042"}}}, {"shift_id", shift}});
        ApiResponse terminal = commit(text(card.json, "hold_id"), terminalBody, clerk.token, key());
        QCOMPARE(terminal.status, 201);
        QVERIFY(field(terminal.json, "change") == nullptr);
        QCOMPARE(q(sql("SELECT reference FROM payments WHERE order_id = '" + text(terminal.json, "order_id") +
                       "'")),
                 QStringLiteral("TERM-7-0042"));
        // The box office may sell a customer's hold for cash.
        QCOMPARE(commit(text(own.json, "hold_id"), cashBody(2500, shift), clerk.token, key()).status, 201);
    }

    void ticketTypesPriceEachLine() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount clerk = person("types-clerk", protocol::Role::Clerk);
        const std::string shift = m_server->openShift(clerk);
        ApiResponse held = hold(event, {"G-R1-1", "G-R1-2"}, clerk.token);
        QCOMPARE(held.status, 201);
        const std::string body = dump(boost::json::object{
            {"payment", {{"method", "cash"}, {"tendered", {{"amount", 3750}, {"currency", "EUR"}}}}},
            {"ticket_types", {{"G-R1-1", "child"}}},
            {"shift_id", shift}});
        ApiResponse paid = commit(text(held.json, "hold_id"), body, clerk.token, key());
        QCOMPARE(paid.status, 201);
        QCOMPARE(q(money(paid.json, "total")), QStringLiteral("3750 EUR"));
        QCOMPARE(q(money(paid.json, "change")), QStringLiteral("0 EUR"));
        for (const auto& ticket : list(paid.json, "tickets")) {
            const bool child = text(ticket, "seat") == "G-R1-1";
            QCOMPARE(q(text(ticket, "ticket_type")),
                     child ? QStringLiteral("child") : QStringLiteral("adult"));
            QCOMPARE(q(money(ticket, "price")),
                     child ? QStringLiteral("1250 EUR") : QStringLiteral("2500 EUR"));
        }
    }

    void committingAnExpiredHoldIsRefused() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount buyer = person("too-late");
        ApiResponse held = hold(event, {"G-R1-4"}, buyer.token);
        QCOMPARE(held.status, 201);
        const std::string holdId = text(held.json, "hold_id");
        execute(m_server->databaseUrl(),
                "UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = '" + holdId +
                    "'; UPDATE event_seats SET held_until = now() - interval '1 second' WHERE hold_id = '" +
                    holdId + "'");
        EXPECT_REJECTED(commit(holdId, kPayByCard, buyer.token, key()), 410, "hold-expired");
        EXPECT_PROBLEM(call(verb::get, "/api/v1/holds/" + holdId, {}, buyer.token), 410, "hold-expired");
        EXPECT_REJECTED(call(verb::patch, "/api/v1/holds/" + holdId, "{}", buyer.token), 410, "hold-expired");
        QCOMPARE(q(sql("SELECT count(*) FROM orders WHERE hold_id = '" + holdId + "'")), QStringLiteral("0"));
        // The seat is free for the next buyer at once.
        const ApiAccount next = person("next-in-line");
        QCOMPARE(hold(event, {"G-R1-4"}, next.token).status, 201);
    }

    // ---- the box office's evening: shifts, split tenders, order lookup, reprints ----

    void shiftsOpenReportAndClose() {
        const ApiAccount clerk = person("shift-clerk", protocol::Role::Clerk);
        const ApiAccount buyer = person("shift-customer");
        const std::string device = "Box office " + std::to_string(++m_accounts);
        const auto openBody = [&](std::int64_t amount) {
            return dump(boost::json::object{{"device", device},
                                            {"opening_float", {{"amount", amount}, {"currency", "EUR"}}}});
        };
        for (const std::string& bad :
             {std::string("{}"),
              std::string(R"({"device":"","opening_float":{"amount":0,"currency":"EUR"}})"), openBody(-5),
              std::string(R"({"device":"x","opening_float":5})")}) {
            const std::string before = fingerprint();
            const std::string why = problemMismatch(call(verb::post, "/api/v1/shifts", bad, clerk.token), 400,
                                                    "validation-failed");
            QVERIFY2(why.empty(), (bad + ": " + why).c_str());
            QCOMPARE(q(fingerprint()), q(before));
        }
        EXPECT_REJECTED(call(verb::post, "/api/v1/shifts", openBody(0), buyer.token), 403, "forbidden");
        EXPECT_REJECTED(call(verb::post, "/api/v1/shifts", openBody(0)), 401, "unauthorized");
        EXPECT_PROBLEM(
            call(verb::get, "/api/v1/shifts/current?device=" + urlEncoded(device), {}, clerk.token), 404,
            "not-found");
        EXPECT_PROBLEM(call(verb::get, "/api/v1/shifts/current", {}, clerk.token), 400, "validation-failed");

        const ApiResponse opened = call(verb::post, "/api/v1/shifts", openBody(15000), clerk.token);
        QCOMPARE(opened.status, 201);
        const std::string shift = text(opened.json, "shift_id");
        QCOMPARE(q(text(opened.json, "status")), QStringLiteral("open"));
        QCOMPARE(q(text(opened.json, "device")), q(device));
        QCOMPARE(q(money(opened.json, "opening_float")), QStringLiteral("15000 EUR"));
        EXPECT_REJECTED(call(verb::post, "/api/v1/shifts", openBody(0), clerk.token), 409,
                        "shift-already-open");
        const ApiResponse current =
            call(verb::get, "/api/v1/shifts/current?device=" + urlEncoded(device), {}, clerk.token);
        QCOMPARE(current.status, 200);
        QCOMPARE(q(text(current.json, "shift_id")), q(shift));

        // A split tender over the wire, then the X report.
        const std::string event = m_server->createGridEvent({1, 5});
        ApiResponse held = hold(event, {"G-R1-1", "G-R1-2"}, clerk.token); // 2 x 2500
        QCOMPARE(held.status, 201);
        const std::string holdId = text(held.json, "hold_id");
        EXPECT_REJECTED(
            commit(holdId, R"({"payments":[{"method":"cash","tendered":{"amount":5000,"currency":"EUR"}}]})",
                   clerk.token, key()),
            400, "validation-failed");
        EXPECT_REJECTED(
            commit(
                holdId,
                R"({"payment":{"method":"cash","tendered":{"amount":5000,"currency":"EUR"}},"payments":[]})",
                clerk.token, key()),
            400, "validation-failed");
        const std::string split = dump(boost::json::object{
            {"payments",
             {{{"method", "card_present"},
               {"reference", "TERM-5"},
               {"amount", {{"amount", 3000}, {"currency", "EUR"}}}},
              {{"method", "cash"}, {"tendered", {{"amount", 2000}, {"currency", "EUR"}}}}}},
            {"shift_id", shift},
            {"customer_name", "Grace Hopper"},
            {"customer_email", "grace@example.com"}});
        EXPECT_REJECTED(commit(holdId, dump([&] {
                                   auto body = boost::json::parse(split).as_object();
                                   body["customer_email"] = "not an email";
                                   return body;
                               }()),
                               clerk.token, key()),
                        400, "validation-failed");
        const ApiResponse paid = commit(holdId, split, clerk.token, key());
        QCOMPARE(paid.status, 201);
        QCOMPARE(q(money(paid.json, "change")), QStringLiteral("0 EUR"));
        QCOMPARE(list(paid.json, "payments").size(), std::size_t{2});
        QCOMPARE(q(text(paid.json, "customer_name")), QStringLiteral("Grace Hopper"));

        const ApiResponse x = call(verb::get, "/api/v1/shifts/" + shift, {}, clerk.token);
        QCOMPARE(x.status, 200);
        QCOMPARE(integer(x.json, "orders"), std::int64_t{1});
        const auto tenders = list(x.json, "tenders");
        QCOMPARE(q(text(tenders.at(0), "method")), QStringLiteral("cash"));
        QCOMPARE(q(money(tenders.at(0), "expected")), QStringLiteral("17000 EUR"));
        QCOMPARE(q(money(tenders.at(1), "expected")), QStringLiteral("3000 EUR"));
        EXPECT_PROBLEM(call(verb::get, "/api/v1/shifts/" + shift, {},
                            person("other-clerk", protocol::Role::Clerk).token),
                       404, "not-found");
        EXPECT_PROBLEM(call(verb::get, "/api/v1/shifts/not-a-shift", {}, clerk.token), 404, "not-found");

        EXPECT_REJECTED(call(verb::post, "/api/v1/shifts/" + shift + "/close",
                             R"({"counted_cash":{"amount":-1,"currency":"EUR"}})", clerk.token),
                        400, "validation-failed");
        const ApiResponse z = call(verb::post, "/api/v1/shifts/" + shift + "/close",
                                   R"({"counted_cash":{"amount":16900,"currency":"EUR"}})", clerk.token);
        QCOMPARE(z.status, 200);
        QCOMPARE(q(text(z.json, "status")), QStringLiteral("closed"));
        QCOMPARE(q(money(list(z.json, "tenders").at(0), "variance")), QStringLiteral("-100 EUR"));
        QVERIFY(field(list(z.json, "tenders").at(1), "counted") == nullptr);
        EXPECT_REJECTED(call(verb::post, "/api/v1/shifts/" + shift + "/close",
                             R"({"counted_cash":{"amount":16900,"currency":"EUR"}})", clerk.token),
                        409, "shift-not-open");
    }

    void ordersAreLookedUpAndTicketsReissued() {
        const ApiAccount clerk = person("lookup-clerk", protocol::Role::Clerk);
        const ApiAccount buyer = person("lookup-customer");
        const std::string event = m_server->createGridEvent({1, 5});
        ApiResponse bought = buy(event, {"G-R1-1"}, buyer.token);
        QCOMPARE(bought.status, 201);
        const std::string number = text(bought.json, "number");

        const ApiResponse found =
            call(verb::get, "/api/v1/orders?q=" + urlEncoded(buyer.email), {}, clerk.token);
        QCOMPARE(found.status, 200);
        const auto data = list(found.json, "data");
        QCOMPARE(data.size(), std::size_t{1});
        QCOMPARE(q(text(data[0], "number")), q(number));
        QCOMPARE(q(text(data[0], "customer_email")), q(buyer.email));
        QCOMPARE(list(call(verb::get, "/api/v1/orders?q=" + number, {}, clerk.token).json, "data").size(),
                 std::size_t{1});
        EXPECT_PROBLEM(call(verb::get, "/api/v1/orders?q=" + number, {}, buyer.token), 403, "forbidden");
        EXPECT_PROBLEM(call(verb::get, "/api/v1/orders", {}, clerk.token), 400, "validation-failed");
        EXPECT_PROBLEM(call(verb::get, "/api/v1/orders?q=x&limit=500", {}, clerk.token), 400,
                       "validation-failed");
        EXPECT_PROBLEM(call(verb::get, "/api/v1/orders?q=x&limit=ten", {}, clerk.token), 400,
                       "validation-failed");

        const std::string ticket = text(list(bought.json, "tickets").at(0), "id");
        const std::string oldCode = text(list(bought.json, "tickets").at(0), "code");
        EXPECT_REJECTED(call(verb::post, "/api/v1/tickets/" + ticket + "/reissue", {}, buyer.token), 403,
                        "forbidden");
        EXPECT_REJECTED(call(verb::post, "/api/v1/tickets/" + kNoSuchUuid + "/reissue", {}, clerk.token), 404,
                        "not-found");
        const ApiResponse reissued =
            call(verb::post, "/api/v1/tickets/" + ticket + "/reissue", {}, clerk.token);
        QCOMPARE(reissued.status, 201);
        QVERIFY(isTicketCode(text(reissued.json, "code")));
        QVERIFY(text(reissued.json, "code") != oldCode);
        const ApiResponse order =
            call(verb::get, "/api/v1/orders/" + text(bought.json, "order_id"), {}, buyer.token);
        QCOMPARE(q(text(list(order.json, "tickets").at(0), "code")), q(text(reissued.json, "code")));
    }

    // ---- GET /api/v1/orders/{id} ----

    void orderIsSeenByItsOwnerAndStaffOnly() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount owner = person("order-owner");
        const ApiAccount stranger = person("order-stranger");
        const ApiAccount clerk = person("order-clerk", protocol::Role::Clerk);
        ApiResponse bought = buy(event, {"G-R1-1"}, owner.token);
        QCOMPARE(bought.status, 201);
        const std::string orderId = text(bought.json, "order_id");
        const std::string target = "/api/v1/orders/" + orderId;

        ApiResponse mine = call(verb::get, target, {}, owner.token);
        QCOMPARE(mine.status, 200);
        QCOMPARE(q(dump(mine.json)), q(dump(bought.json)));
        ApiResponse staff = call(verb::get, target, {}, clerk.token);
        QCOMPARE(staff.status, 200);
        QCOMPARE(q(dump(staff.json)), q(dump(bought.json)));
        QString upper = q(orderId).toUpper();
        QCOMPARE(call(verb::get, "/api/v1/orders/" + upper.toStdString(), {}, owner.token).status, 200);
        EXPECT_PROBLEM(call(verb::get, target, {}, stranger.token), 404, "not-found");
        EXPECT_PROBLEM(call(verb::get, target), 401, "unauthorized");
        EXPECT_PROBLEM(call(verb::get, "/api/v1/orders/" + kNoSuchUuid, {}, clerk.token), 404, "not-found");
        EXPECT_PROBLEM(call(verb::get, "/api/v1/orders/nope", {}, clerk.token), 404, "not-found");
    }

    // ---- POST /api/v1/orders/{id}/refunds ----

    void refundsPutSeatsBackOnSale() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount owner = person("refund-owner");
        const ApiAccount stranger = person("refund-stranger");
        const ApiAccount clerk = person("refund-clerk", protocol::Role::Clerk);
        ApiResponse bought = buy(event, {"G-R1-1", "G-R1-2", "G-R1-3"}, owner.token);
        QCOMPARE(bought.status, 201);
        const std::string orderId = text(bought.json, "order_id");
        const std::string target = refundsOf(orderId);
        std::map<std::string, std::string> ticketOfSeat;
        for (const auto& ticket : list(bought.json, "tickets")) {
            ticketOfSeat[text(ticket, "seat")] = text(ticket, "id");
        }
        const std::string first = ticketOfSeat["G-R1-1"];
        const std::string partial =
            dump(boost::json::object{{"reason", "changed plans"}, {"tickets", boost::json::array{first}}});

        EXPECT_REJECTED(call(verb::post, target, partial, owner.token, {{"Idempotency-Key", key()}}), 403,
                        "forbidden");
        EXPECT_REJECTED(call(verb::post, target, partial, stranger.token, {{"Idempotency-Key", key()}}), 404,
                        "not-found");
        EXPECT_REJECTED(call(verb::post, target, partial, clerk.token), 400, "idempotency-key-required");
        EXPECT_REJECTED(call(verb::post, target, partial), 401, "unauthorized");
        EXPECT_REJECTED(
            call(verb::post, refundsOf(kNoSuchUuid), partial, clerk.token, {{"Idempotency-Key", key()}}), 404,
            "not-found");
        EXPECT_REJECTED(
            call(verb::post, refundsOf("nope"), partial, clerk.token, {{"Idempotency-Key", key()}}), 404,
            "not-found");
        for (const std::string& body :
             {std::string(R"({})"), std::string(R"({"reason":""})"), std::string(R"({"reason":5})"),
              std::string(R"({"reason":"x","tickets":[]})"), std::string(R"({"reason":"x","tickets":"all"})"),
              std::string(R"({"reason":"x","amount":100})"),
              dump(boost::json::object{{"reason", std::string(protocol::kMaxReasonLength + 1, 'r')}}),
              dump(boost::json::object{{"reason", "x"}, {"tickets", boost::json::array{kNoSuchUuid}}}),
              dump(boost::json::object{{"reason", "x"}, {"tickets", boost::json::array{first, first}}})}) {
            const std::string before = fingerprint();
            ApiResponse response = call(verb::post, target, body, clerk.token, {{"Idempotency-Key", key()}});
            const std::string why = problemMismatch(response, 400, "validation-failed");
            QVERIFY2(why.empty(), (body + ": " + why).c_str());
            QVERIFY2(fingerprint() == before, body.c_str());
        }
        EXPECT_REJECTED(call(verb::post, target, R"({"reason":)", clerk.token, {{"Idempotency-Key", key()}}),
                        400, "malformed-json");

        // A partial refund: one ticket; its seat goes back on sale and the change log says so.
        const std::int64_t seq = lastSeq(event);
        const std::string partialKey = key();
        ApiResponse refund =
            call(verb::post, target, partial, clerk.token, {{"Idempotency-Key", partialKey}});
        QCOMPARE(refund.status, 201);
        QVERIFY(!text(refund.json, "refund_id").empty());
        QCOMPARE(q(text(refund.json, "order_id")), q(orderId));
        QCOMPARE(q(money(refund.json, "amount")), QStringLiteral("2500 EUR"));
        QCOMPARE(list(refund.json, "tickets").size(), std::size_t{1});
        QCOMPARE(q(std::string(list(refund.json, "tickets")[0].as_string())), q(first));
        ApiResponse order = call(verb::get, "/api/v1/orders/" + orderId, {}, owner.token);
        QCOMPARE(q(text(order.json, "status")), QStringLiteral("partially_refunded"));
        for (const auto& ticket : list(order.json, "tickets")) {
            QCOMPARE(q(text(ticket, "status")),
                     text(ticket, "id") == first ? QStringLiteral("refunded") : QStringLiteral("valid"));
        }
        ApiResponse map = call(verb::get, "/api/v1/events/" + event + "/seatmap");
        for (const auto& seat : list(map.json, "seats")) {
            const std::string id = text(seat, "id");
            const bool sold = id == "G-R1-2" || id == "G-R1-3";
            QCOMPARE(q(text(seat, "state")), sold ? QStringLiteral("sold") : QStringLiteral("available"));
        }
        ApiResponse changes =
            call(verb::get, "/api/v1/events/" + event + "/changes?since=" + std::to_string(seq));
        QCOMPARE(changes.status, 200);
        QCOMPARE(list(changes.json, "changes").size(), std::size_t{1});
        QCOMPARE(q(text(list(changes.json, "changes")[0], "seat")), QStringLiteral("G-R1-1"));
        QCOMPARE(q(text(list(changes.json, "changes")[0], "state")), QStringLiteral("available"));

        // Replays answer the stored refund; the key with another body is refused.
        const std::string before = fingerprint();
        ApiResponse replay =
            call(verb::post, target, partial, clerk.token, {{"Idempotency-Key", partialKey}});
        QCOMPARE(replay.status, 201);
        QCOMPARE(q(dump(replay.json)), q(dump(refund.json)));
        QCOMPARE(q(fingerprint()), q(before));
        EXPECT_REJECTED(call(verb::post, target, R"({"reason":"something else"})", clerk.token,
                             {{"Idempotency-Key", partialKey}}),
                        422, "idempotency-key-reused");
        // The refunded ticket cannot be refunded again.
        EXPECT_REJECTED(call(verb::post, target, partial, clerk.token, {{"Idempotency-Key", key()}}), 409,
                        "not-refundable");

        // A full refund takes the rest.
        const std::int64_t seqBeforeFull = lastSeq(event);
        ApiResponse rest = call(verb::post, target, R"({"reason":"event moved"})", clerk.token,
                                {{"Idempotency-Key", key()}});
        QCOMPARE(rest.status, 201);
        QCOMPARE(q(money(rest.json, "amount")), QStringLiteral("5000 EUR"));
        std::set<std::string> refunded;
        for (const auto& id : list(rest.json, "tickets")) {
            refunded.insert(std::string(id.as_string()));
        }
        QCOMPARE(refunded, (std::set<std::string>{ticketOfSeat["G-R1-2"], ticketOfSeat["G-R1-3"]}));
        QCOMPARE(q(text(call(verb::get, "/api/v1/orders/" + orderId, {}, clerk.token).json, "status")),
                 QStringLiteral("refunded"));
        QCOMPARE(q(sql("SELECT count(*) FROM event_seats WHERE event_id = " + event +
                       " AND state <> 'available'")),
                 QStringLiteral("0"));
        ApiResponse back =
            call(verb::get, "/api/v1/events/" + event + "/changes?since=" + std::to_string(seqBeforeFull));
        std::set<std::string> freed;
        for (const auto& change : list(back.json, "changes")) {
            QCOMPARE(q(text(change, "state")), QStringLiteral("available"));
            freed.insert(text(change, "seat"));
        }
        QCOMPARE(freed, (std::set<std::string>{"G-R1-2", "G-R1-3"}));
        // Nothing is left to refund.
        EXPECT_REJECTED(
            call(verb::post, target, R"({"reason":"once more"})", clerk.token, {{"Idempotency-Key", key()}}),
            409, "not-refundable");
        // The seats sell again.
        QCOMPARE(buy(event, {"G-R1-1", "G-R1-2"}, stranger.token).status, 201);
    }

    // ---- operations ----

    void healthMetricsAndOpenApi() {
        ApiResponse live = call(verb::get, "/health/live");
        QCOMPARE(live.status, 200);
        QCOMPARE(q(text(live.json, "status")), QStringLiteral("live"));
        ApiResponse ready = call(verb::get, "/health/ready");
        QCOMPARE(ready.status, 200);
        QCOMPARE(q(text(ready.json, "status")), QStringLiteral("ready"));

        ApiResponse metrics = call(verb::get, "/metrics");
        QCOMPARE(metrics.status, 200);
        QVERIFY(header(metrics, http::field::content_type).rfind("text/plain", 0) == 0);
        const std::string& body = metrics.raw.body();
        QVERIFY(body.find("usher_http_requests_total") != std::string::npos);
        QVERIFY2(body.find("route=\"/api/v1/events/{id}/holds\"") != std::string::npos,
                 "no holds route label");
        // Labels are route templates, never raw paths.
        QVERIFY(body.find("route=\"/api/v1/holds/" + kNoSuchUuid) == std::string::npos);

        ApiResponse spec = call(verb::get, "/api/v1/openapi.yaml");
        QCOMPARE(spec.status, 200);
        QVERIFY(spec.raw.body().rfind("openapi:", 0) == 0);
        QCOMPARE(q(header(spec, http::field::content_type)), QStringLiteral("application/yaml"));
    }

    void unknownPathsAndMethods() {
        for (const char* path : {"/api/v1/nothing", "/", "/api/v2/events", "/api/v1/events/1/seatmap/extra",
                                 "/api/v1/holds/", "/API/V1/EVENTS"}) {
            ApiResponse response = call(verb::get, path);
            const std::string why = problemMismatch(response, 404, "not-found");
            QVERIFY2(why.empty(), (std::string(path) + ": " + why).c_str());
        }
        struct Case {
            verb method;
            std::string path;
            std::set<std::string> allowed;
        };
        for (const Case& c : std::vector<Case>{
                 {verb::put, "/api/v1/events", {"GET"}},
                 {verb::delete_, "/api/v1/customers", {"POST"}},
                 {verb::get, "/api/v1/auth/login", {"POST"}},
                 {verb::post, "/api/v1/events/1/seatmap", {"GET"}},
                 {verb::post, "/api/v1/holds/" + kNoSuchUuid, {"GET", "PATCH", "DELETE"}},
                 {verb::get, "/api/v1/holds/" + kNoSuchUuid + "/commit", {"POST"}},
                 {verb::delete_, "/metrics", {"GET"}},
             }) {
            const std::string before = fingerprint();
            ApiResponse response = call(c.method, c.path, "{}");
            const std::string why = problemMismatch(response, 405, "method-not-allowed");
            QVERIFY2(why.empty(), (c.path + ": " + why).c_str());
            std::set<std::string> allowed;
            QString allow = q(header(response, http::field::allow));
            for (const QString& method : allow.split(',')) {
                allowed.insert(method.trimmed().toStdString());
            }
            QVERIFY2(allowed == c.allowed, (c.path + ": Allow: " + allow.toStdString()).c_str());
            QCOMPARE(q(fingerprint()), q(before));
        }
        // Bytes that are not HTTP: the transport's own 400, still problem+json.
        HttpTestClient client(m_server->endpoint());
        QVERIFY(!client.connectError());
        QVERIFY(!client.writeRaw("\x01\x02 nonsense\r\n\r\n"));
        auto response = client.read();
        QVERIFY(response);
        note(static_cast<int>(response->result_int()), "raw garbage");
        QCOMPARE(static_cast<int>(response->result_int()), 400);
        QCOMPARE(q(std::string((*response)[http::field::content_type])),
                 QStringLiteral("application/problem+json"));
    }

    // Odd but possible requests: each is a 4xx problem (never a 5xx) and changes nothing.
    void oddRequestsAreClientErrors() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount buyer = person("odd");
        const std::vector<std::string> targets{
            "/api/v1/events?q=%zz",
            "/api/v1/events/%00",
            "/api/v1/events/1%2Fseatmap",
            "/api/v1/holds/..%2F..%2Fevents",
            "/api/v1/events?cursor=9223372036854775807.1",
            "/api/v1/events?cursor=-9223372036854775808.1",
            "/api/v1/events?cursor=1.99999999999999999999",
            "/api/v1/events?from=0000-01-01T00:00:00Z&to=9999-12-31T23:59:59Z&limit=1&cursor=x.y",
            "/api/v1/events/+1",
            "/api/v1/events/" + event + "/changes?since=+1",
            "/api/v1/events/" + event + "/changes?since=99999999999999999999",
        };
        // All of them are tried; the failures are reported together.
        std::string failures;
        for (const std::string& target : targets) {
            const std::string before = fingerprint();
            ApiResponse response = call(verb::get, target, {}, buyer.token);
            if (response.status < 400 || response.status >= 500 ||
                header(response, http::field::content_type) != "application/problem+json" ||
                fingerprint() != before) {
                failures += target + " -> " + std::to_string(response.status) + " " +
                            response.raw.body().substr(0, 200) + "\n";
            }
        }
        QVERIFY2(failures.empty(), failures.c_str());
        // Far-away but valid instants are simply empty pages.
        ApiResponse ancient =
            call(verb::get, "/api/v1/events?from=0001-01-01T00:00:00Z&to=0002-01-01T00:00:00Z");
        QVERIFY2(ancient.status == 200, ancient.raw.body().c_str());
        QVERIFY(list(ancient.json, "data").empty());
        ApiResponse future = call(verb::get, "/api/v1/events?from=9999-01-01T00:00:00Z");
        QVERIFY2(future.status == 200, future.raw.body().c_str());
        QVERIFY(list(future.json, "data").empty());
        // No wheelchair spaces in the grid: best available says so with a 4xx.
        ApiResponse accessible = call(verb::post, holdsOf(event),
                                      R"({"best_available":{"quantity":2,"accessible":1}})", buyer.token);
        QVERIFY2(accessible.status == 409 || accessible.status == 400, accessible.raw.body().c_str());
        // JSON with parameters or another letter case in its media type is JSON.
        QCOMPARE(call(verb::post, holdsOf(event), seatsBody({"G-R1-1"}), buyer.token,
                      {{"Content-Type", "application/json; charset=utf-8"}})
                     .status,
                 201);
        QCOMPARE(call(verb::post, holdsOf(event), seatsBody({"G-R1-2"}), buyer.token,
                      {{"Content-Type", "Application/JSON"}})
                     .status,
                 201);
        // Emails are one account whatever their letter case.
        const std::string body = R"({"email":"CASE-Test@Test.Usher","password":"long-enough-1","name":"C"})";
        QCOMPARE(call(verb::post, "/api/v1/customers", body).status, 201);
        EXPECT_REJECTED(call(verb::post, "/api/v1/customers",
                             R"({"email":"case-test@test.usher","password":"long-enough-2","name":"D"})"),
                        409, "email-taken");
        QCOMPARE(call(verb::post, "/api/v1/auth/login",
                      R"({"email":"case-test@TEST.usher","password":"long-enough-1"})")
                     .status,
                 200);
    }

    // Every route with a body, fed the same bad bodies: nothing changes anywhere.
    void everyBodyRouteRejectsBadBodies() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount buyer = person("body-buyer");
        const ApiAccount clerk = person("body-clerk", protocol::Role::Clerk);
        ApiResponse held = hold(event, {"G-R1-1"}, buyer.token);
        QCOMPARE(held.status, 201);
        ApiResponse bought = buy(event, {"G-R1-2"}, buyer.token);
        QCOMPARE(bought.status, 201);
        struct Route {
            verb method;
            std::string target;
            std::string token;
            bool keyed;
        };
        const std::vector<Route> routes{
            {verb::post, "/api/v1/customers", {}, false},
            {verb::post, "/api/v1/auth/login", {}, false},
            {verb::post, "/api/v1/auth/refresh", {}, false},
            {verb::post, holdsOf(event), buyer.token, false},
            {verb::patch, "/api/v1/holds/" + text(held.json, "hold_id"), buyer.token, false},
            {verb::post, commitOf(text(held.json, "hold_id")), buyer.token, true},
            {verb::post, refundsOf(text(bought.json, "order_id")), clerk.token, true},
        };
        struct Body {
            std::string body;
            std::string contentType;
            int status;
            const char* slug;
        };
        const std::vector<Body> bodies{
            {"{", "application/json", 400, "malformed-json"},
            {R"({"a":1,})", "application/json", 400, "malformed-json"},
            {"\xff\xfe", "application/json", 400, "malformed-json"},
            {"null", "application/json", 400, "validation-failed"},
            {"[1,2,3]", "application/json", 400, "validation-failed"},
            {"42", "application/json", 400, "validation-failed"},
            {R"({"unexpected":true})", "application/json", 400, "validation-failed"},
            {R"({"a":1})", "text/plain", 415, "unsupported-media-type"},
            {R"({"a":1})", "application/x-www-form-urlencoded", 415, "unsupported-media-type"},
        };
        for (const Route& route : routes) {
            for (const Body& body : bodies) {
                Headers headers{{"Content-Type", body.contentType}};
                if (route.keyed) {
                    headers.emplace_back("Idempotency-Key", key());
                }
                const std::string before = fingerprint();
                ApiResponse response = call(route.method, route.target, body.body, route.token, headers);
                const std::string what = route.target + " <- " + body.body + " (" + body.contentType + ")";
                const std::string why = problemMismatch(response, body.status, body.slug);
                QVERIFY2(why.empty(), (what + ": " + why).c_str());
                QVERIFY2(fingerprint() == before, what.c_str());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestApiRest)
#include "tst_api_rest.moc"
