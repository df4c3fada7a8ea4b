// The staff WebSocket protocol on /api/v1/ws against the whole server over real sockets:
// authentication, subscriptions (snapshot, coalesced "seats" pushes, resume with `since`), the
// staff operations with the client's id echoed, and that pushes show only committed changes.
#include "server/services/clock.h"
#include "tests/server/support/api_test_server.h"
#include "tests/server/support/async_http.h"
#include "tests/server/support/db_fingerprint.h"
#include "tests/server/support/json_fields.h"
#include "tests/server/support/sql_checks.h"
#include "tests/server/support/ws_json_client.h"

#include <QtTest>

#include <boost/json/serialize.hpp>

#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace usher;
using namespace usher::testing;
using namespace usher::testing::fields;
namespace http = boost::beast::http;
using http::verb;
using Message = JsonWebSocketClient::Message;

namespace {

const std::string kNoSuchUuid = "5b0c8f9e-2a1d-4c3b-9e8f-7a6b5c4d3e2f";
const std::string kPayByCard = R"({"payment":{"method":"test_card","token":"tok_visa"}})";

QString q(const std::string& value) {
    return QString::fromStdString(value);
}

std::string dump(const boost::json::value& value) {
    return boost::json::serialize(value);
}

std::string describe(const std::optional<Message>& message) {
    return message ? dump(*message) : std::string("(no message)");
}

std::string seatsBody(const std::vector<std::string>& seats) {
    boost::json::array ids;
    for (const auto& seat : seats) {
        ids.emplace_back(seat);
    }
    return dump(boost::json::object{{"seats", ids}});
}

bool isType(const Message& message, std::string_view type) {
    return text(message, "type") == type;
}

// The problem of an "error" message.
const boost::json::value& problemOf(const Message& message) {
    static const boost::json::value none;
    const auto* problem = field(message, "problem");
    return problem != nullptr ? *problem : none;
}

std::string problemType(const Message& message) {
    return text(problemOf(message), "type");
}

// (seat, state) pairs of a "seats" message or change list, in order.
using SeatStates = std::vector<std::pair<std::string, std::string>>;

SeatStates seatStates(const boost::json::array& changes) {
    SeatStates out;
    for (const auto& change : changes) {
        if (!text(change, "seat").empty()) {
            out.emplace_back(text(change, "seat"), text(change, "state"));
        }
    }
    return out;
}

bool mentions(const Message& seats, const std::string& seat, const std::string& state) {
    for (const auto& [id, s] : seatStates(list(seats, "changes"))) {
        if (id == seat && s == state) {
            return true;
        }
    }
    return false;
}

// The message's "id" is `expected`, or null when `expected` is nullptr.
bool hasId(const Message& message, const char* expected) {
    const auto* id = field(message, "id");
    if (expected == nullptr) {
        return id != nullptr && id->is_null();
    }
    return id != nullptr && id->is_string() && id->get_string() == expected;
}

} // namespace

// Checks an "error" reply: its id (nullptr: null) and the problem's status and type slug.
#define EXPECT_WS_ERROR(message, expectedId, status, slug)                                                   \
    do {                                                                                                     \
        const std::optional<Message>& m_ = (message);                                                        \
        QVERIFY2(m_.has_value() && isType(*m_, "error"), describe(m_).c_str());                              \
        QVERIFY2(hasId(*m_, (expectedId)), describe(m_).c_str());                                            \
        QVERIFY2(integer(problemOf(*m_), "status") == (status), describe(m_).c_str());                       \
        QVERIFY2(problemType(*m_) == std::string("https://usher.dev/problems/") + (slug),                    \
                 describe(m_).c_str());                                                                      \
    } while (false)

#define EXPECT_WS_REPLY(message, expectedId)                                                                 \
    do {                                                                                                     \
        const std::optional<Message>& m_ = (message);                                                        \
        QVERIFY2(m_.has_value() && isType(*m_, "reply") && text(*m_, "id") == (expectedId) &&                \
                     field(*m_, "result") != nullptr && member(*m_, "ok") == boost::json::value(true),       \
                 describe(m_).c_str());                                                                      \
    } while (false)

class TestApiWebSocket : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ApiTestServer> m_server;
    int m_accounts = 0;
    int m_keys = 0;

    ApiAccount person(const std::string& name, protocol::Role role = protocol::Role::Customer) {
        return m_server->account(name + "-" + std::to_string(++m_accounts) + "@test.usher", role);
    }

    std::string key() { return "ws-key-" + std::to_string(++m_keys); }

    std::unique_ptr<JsonWebSocketClient> connect(const std::string& token = {},
                                                 const std::string& target = "/api/v1/ws") {
        return std::make_unique<JsonWebSocketClient>(m_server->endpoint(), target, token);
    }

    std::string sql(const std::string& query) { return queryOne(m_server->databaseUrl(), query); }
    std::string fingerprint() { return databaseFingerprint(m_server->databaseUrl()); }
    std::int64_t lastSeq(const std::string& event) {
        return std::stoll(sql("SELECT last_seq FROM events WHERE id = " + event));
    }

    ApiResponse restHold(const std::string& event, const std::vector<std::string>& seats,
                         const std::string& token) {
        return m_server->request(verb::post, "/api/v1/events/" + event + "/holds", seatsBody(seats), token);
    }

    static Message holdMessage(const std::string& id, const std::string& event,
                               const std::vector<std::string>& seats) {
        boost::json::array ids;
        for (const auto& seat : seats) {
            ids.emplace_back(seat);
        }
        return Message{{"type", "hold"}, {"id", id}, {"event_id", event}, {"seats", ids}};
    }

    static Message cashCommit(const std::string& id, const std::string& hold,
                              const std::string& idempotencyKey, std::int64_t tendered,
                              const std::string& shift = {}) {
        Message message{
            {"type", "commit"},
            {"id", id},
            {"hold_id", hold},
            {"idempotency_key", idempotencyKey},
            {"payment", {{"method", "cash"}, {"tendered", {{"amount", tendered}, {"currency", "EUR"}}}}}};
        if (!shift.empty()) {
            message["shift_id"] = shift;
        }
        return message;
    }

    static std::optional<Message> nextSeats(JsonWebSocketClient& ws) {
        return ws.nextMatching([](const Message& m) { return isType(m, "seats"); });
    }

    // The next "seats" message that mentions `seat` in `state`; the ones before it are appended to
    // `before` when given.
    static std::optional<Message> seatsWith(JsonWebSocketClient& ws, const std::string& seat,
                                            const std::string& state,
                                            std::vector<Message>* before = nullptr) {
        return ws.nextMatching(
            [&](const Message& m) { return isType(m, "seats") && mentions(m, seat, state); }, before);
    }

private Q_SLOTS:
    void initTestCase() {
        auto server = ApiTestServer::start({.sweeper = false});
        if (!server) {
            qFatal("%s", server.error().c_str());
        }
        m_server = std::move(server.value());
    }

    void cleanupTestCase() { m_server.reset(); }

    // ---- authentication ----

    void bearerHeaderOnTheUpgradeAuthenticates() {
        const ApiAccount clerk = person("ws-clerk", protocol::Role::Clerk);
        auto ws = connect(clerk.token);
        QVERIFY2(!ws->handshakeError(), ws->handshakeError().message().c_str());
        QCOMPARE(static_cast<int>(ws->handshakeResponse().result_int()), 101);
        auto pong = ws->call(Message{{"type", "ping"}, {"id", "p-1"}});
        QVERIFY2(pong && isType(*pong, "pong") && text(*pong, "id") == "p-1", describe(pong).c_str());
        // Authenticated: an unknown order is 404, not 401.
        EXPECT_WS_ERROR(ws->call(Message{{"type", "get_order"}, {"id", "g-1"}, {"order_id", kNoSuchUuid}}),
                        "g-1", 404, "not-found");
    }

    void badTokenOnTheUpgradeIsRefused() {
        for (const std::string token : {"garbage", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."}) {
            auto ws = connect(token);
            QVERIFY2(ws->handshakeError() == boost::beast::websocket::error::upgrade_declined,
                     ws->handshakeError().message().c_str());
            QCOMPARE(static_cast<int>(ws->handshakeResponse().result_int()), 401);
            QCOMPARE(q(std::string(ws->handshakeResponse()[http::field::content_type])),
                     QStringLiteral("application/problem+json"));
            QVERIFY2(ws->handshakeResponse().body().find("https://usher.dev/problems/unauthorized") !=
                         std::string::npos,
                     ws->handshakeResponse().body().c_str());
        }
        auto elsewhere = connect({}, "/api/v1/wsx");
        QVERIFY2(elsewhere->handshakeError() == boost::beast::websocket::error::upgrade_declined,
                 elsewhere->handshakeError().message().c_str());
        QCOMPARE(static_cast<int>(elsewhere->handshakeResponse().result_int()), 404);
    }

    void firstMessageAuthenticates() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount clerk = person("ws-late-clerk", protocol::Role::Clerk);
        auto ws = connect();
        QVERIFY2(!ws->handshakeError(), ws->handshakeError().message().c_str());
        const std::string before = fingerprint();
        EXPECT_WS_ERROR(ws->call(Message{{"type", "subscribe"}, {"id", "early-1"}, {"event_id", event}}),
                        "early-1", 401, "unauthorized");
        EXPECT_WS_ERROR(ws->call(holdMessage("early-2", event, {"G-R1-1"})), "early-2", 401, "unauthorized");
        EXPECT_WS_ERROR(
            ws->call(Message{{"type", "get_order"}, {"id", "early-3"}, {"order_id", kNoSuchUuid}}), "early-3",
            401, "unauthorized");
        QCOMPARE(q(fingerprint()), q(before));
        // Ping needs no authentication.
        auto pong = ws->call(Message{{"type", "ping"}, {"id", "p-0"}});
        QVERIFY2(pong && isType(*pong, "pong"), describe(pong).c_str());

        EXPECT_WS_ERROR(ws->call(Message{{"type", "auth"}, {"id", "a-0"}, {"token", "garbage"}}), "a-0", 401,
                        "unauthorized");
        auto authenticated = ws->call(Message{{"type", "auth"}, {"id", "a-1"}, {"token", clerk.token}});
        EXPECT_WS_REPLY(authenticated, "a-1");
        const auto* result = field(*authenticated, "result");
        QVERIFY(result != nullptr);
        QCOMPARE(q(text(*result, "id")), q(clerk.id));
        QCOMPARE(q(text(*result, "role")), QStringLiteral("clerk"));

        EXPECT_WS_REPLY(ws->call(Message{{"type", "subscribe"}, {"id", "s-1"}, {"event_id", event}}), "s-1");
        auto snapshot = ws->next();
        QVERIFY2(snapshot && isType(*snapshot, "snapshot"), describe(snapshot).c_str());
        EXPECT_WS_REPLY(ws->call(holdMessage("h-1", event, {"G-R1-1"})), "h-1");
    }

    void aSessionOutlivingItsTokenMustAuthenticateAgain() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount clerk = person("ws-expiring-clerk", protocol::Role::Clerk);
        // Issued so that it expires two seconds from now (exp is a whole second).
        const Timestamp issuedAt =
            std::chrono::time_point_cast<std::chrono::seconds>(server::services::systemNow()) -
            std::chrono::minutes(15) + std::chrono::seconds(2);
        const std::string shortLived = m_server->accessToken(clerk.id, protocol::Role::Clerk, issuedAt);
        auto ws = connect(shortLived);
        QVERIFY2(!ws->handshakeError(), ws->handshakeError().message().c_str());
        EXPECT_WS_REPLY(ws->call(Message{{"type", "subscribe"}, {"id", "s-1"}, {"event_id", event}}), "s-1");
        auto snapshot = ws->next();
        QVERIFY2(snapshot && isType(*snapshot, "snapshot"), describe(snapshot).c_str());

        std::this_thread::sleep_until(issuedAt + std::chrono::minutes(15) + std::chrono::milliseconds(200));
        const std::string before = fingerprint();
        EXPECT_WS_ERROR(ws->call(holdMessage("late-1", event, {"G-R1-1"})), "late-1", 401, "unauthorized");
        QCOMPARE(q(fingerprint()), q(before));
        // A fresh token over the same socket: requests work again.
        EXPECT_WS_REPLY(ws->call(Message{{"type", "auth"}, {"id", "a-2"}, {"token", clerk.token}}), "a-2");
        EXPECT_WS_REPLY(ws->call(holdMessage("h-2", event, {"G-R1-1"})), "h-2");
    }

    void malformedAndUnknownMessagesGetErrors() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount clerk = person("ws-sloppy", protocol::Role::Clerk);
        auto ws = connect(clerk.token);
        QVERIFY(!ws->handshakeError());
        const std::string before = fingerprint();

        QVERIFY(!ws->sendText("{not json"));
        EXPECT_WS_ERROR(ws->next(), nullptr, 400, "malformed-json");
        QVERIFY(!ws->sendText("[1,2]"));
        EXPECT_WS_ERROR(ws->next(), nullptr, 400, "validation-failed");
        QVERIFY(!ws->sendText(R"({"type":"ping","id":5})"));
        EXPECT_WS_ERROR(ws->next(), nullptr, 400, "validation-failed");
        EXPECT_WS_ERROR(ws->call(Message{{"type", "dance"}, {"id", "u-1"}}), "u-1", 400, "validation-failed");
        EXPECT_WS_ERROR(ws->call(Message{{"type", 7}, {"id", "u-2"}}), "u-2", 400, "validation-failed");
        EXPECT_WS_ERROR(ws->call(Message{{"id", "u-3"}}), "u-3", 400, "validation-failed");
        EXPECT_WS_ERROR(ws->call(Message{{"type", "hold"}, {"id", "h-1"}}), "h-1", 400, "validation-failed");
        EXPECT_WS_ERROR(
            ws->call(Message{{"type", "hold"}, {"id", "h-2"}, {"event_id", event}, {"seats", "G-R1-1"}}),
            "h-2", 400, "validation-failed");
        EXPECT_WS_ERROR(ws->call(Message{{"type", "hold"},
                                         {"id", "h-3"},
                                         {"event_id", event},
                                         {"best_available", {{"quantity", 1000000000000}}}}),
                        "h-3", 400, "validation-failed");
        EXPECT_WS_ERROR(ws->call(holdMessage("h-4", event, {"G-R9-9"})), "h-4", 400, "validation-failed");
        EXPECT_WS_ERROR(ws->call(Message{{"type", "subscribe"}, {"id", "s-1"}, {"event_id", 5}}), "s-1", 400,
                        "validation-failed");
        EXPECT_WS_ERROR(
            ws->call(Message{{"type", "subscribe"}, {"id", "s-2"}, {"event_id", event}, {"since", -1}}),
            "s-2", 400, "validation-failed");
        EXPECT_WS_ERROR(ws->call(Message{{"type", "ping"}, {"id", "p-1"}, {"extra", true}}), "p-1", 400,
                        "validation-failed");
        EXPECT_WS_ERROR(ws->call(Message{{"type", "commit"}, {"id", "c-1"}, {"hold_id", kNoSuchUuid}}), "c-1",
                        400, "validation-failed");
        EXPECT_WS_ERROR(ws->call(Message{{"type", "refund"},
                                         {"id", "f-1"},
                                         {"order_id", kNoSuchUuid},
                                         {"idempotency_key", ""},
                                         {"reason", "x"}}),
                        "f-1", 400, "validation-failed");
        QCOMPARE(q(fingerprint()), q(before));
        // The connection still works.
        auto pong = ws->call(Message{{"type", "ping"}, {"id", "p-2"}});
        QVERIFY2(pong && isType(*pong, "pong") && text(*pong, "id") == "p-2", describe(pong).c_str());
    }

    void oversizeMessageClosesTheConnection() {
        const ApiAccount clerk = person("ws-big", protocol::Role::Clerk);
        auto ws = connect(clerk.token);
        QVERIFY(!ws->handshakeError());
        const std::string before = fingerprint();
        // Over the 64 KiB message limit (net::Limits::maxWebSocketMessageBytes).
        const std::string huge = "{\"type\":\"ping\",\"id\":\"" + std::string(100 * 1024, 'x') + "\"}";
        (void)ws->sendText(huge); // the server may close before the whole message is written
        auto after = ws->next();
        QVERIFY2(!after, describe(after).c_str());
        QCOMPARE(static_cast<int>(ws->closeReason().code), 1009);
        QCOMPARE(q(fingerprint()), q(before));
        // Other connections are unaffected.
        auto other = connect(clerk.token);
        auto pong = other->call(Message{{"type", "ping"}, {"id", "p"}});
        QVERIFY2(pong && isType(*pong, "pong"), describe(pong).c_str());
    }

    // ---- subscriptions ----

    void subscribeSendsASnapshotOfTheSeatmap() {
        const std::string event = m_server->createGridEvent({2, 5, 10});
        const ApiAccount buyer = person("ws-snapshot-buyer");
        QCOMPARE(restHold(event, {"G-R1-1"}, buyer.token).status, 201);
        QCOMPARE(m_server
                     ->request(verb::post, "/api/v1/events/" + event + "/holds",
                               R"({"ga":[{"area":"floor","quantity":4}]})", buyer.token)
                     .status,
                 201);
        ApiResponse map = m_server->request(verb::get, "/api/v1/events/" + event + "/seatmap");
        QCOMPARE(map.status, 200);

        const ApiAccount clerk = person("ws-watcher", protocol::Role::Clerk);
        auto ws = connect(clerk.token);
        auto reply = ws->call(Message{{"type", "subscribe"}, {"id", "sub-1"}, {"event_id", event}});
        EXPECT_WS_REPLY(reply, "sub-1");
        QCOMPARE(q(text(member(*reply, "result"), "event_id")), q(event));
        QCOMPARE(integer(member(*reply, "result"), "seq"), integer(map.json, "seq"));
        // The snapshot came before the reply.
        QCOMPARE(ws->queued().size(), std::size_t{1});
        auto snapshot = ws->next();
        QVERIFY2(snapshot && isType(*snapshot, "snapshot"), describe(snapshot).c_str());
        QCOMPARE(q(text(*snapshot, "event_id")), q(event));
        QCOMPARE(integer(*snapshot, "seq"), integer(map.json, "seq"));
        QCOMPARE(integer(*snapshot, "seq"), 2);
        QCOMPARE(list(*snapshot, "seats").size(), std::size_t{10});
        QCOMPARE(q(dump(list(*snapshot, "seats"))), q(dump(list(map.json, "seats"))));
        QCOMPARE(q(dump(list(*snapshot, "ga"))), q(dump(list(map.json, "ga"))));
        QCOMPARE(integer(list(*snapshot, "ga").at(0), "available"), 6);
    }

    void subscribeToAnUnknownEventIsNotFound() {
        const ApiAccount clerk = person("ws-lost", protocol::Role::Clerk);
        auto ws = connect(clerk.token);
        for (const std::string event : {"999999", "abc", "0", "01"}) {
            EXPECT_WS_ERROR(
                ws->call(Message{{"type", "subscribe"}, {"id", "sub-" + event}, {"event_id", event}}),
                ("sub-" + event).c_str(), 404, "not-found");
        }
        QVERIFY(ws->queued().empty());
    }

    void restChangesArePushed() {
        const std::string event = m_server->createGridEvent({1, 5, 10});
        const ApiAccount clerk = person("ws-pushed", protocol::Role::Clerk);
        const ApiAccount buyer = person("ws-rest-buyer");
        auto ws = connect(clerk.token);
        auto reply = ws->call(Message{{"type", "subscribe"}, {"id", "sub"}, {"event_id", event}});
        EXPECT_WS_REPLY(reply, "sub");
        const std::int64_t seq = integer(member(*reply, "result"), "seq");
        QVERIFY(ws->next()); // the snapshot

        ApiResponse held = restHold(event, {"G-R1-5"}, buyer.token);
        QCOMPARE(held.status, 201);
        auto pushed = nextSeats(*ws);
        QVERIFY2(pushed, "no seats message");
        QCOMPARE(q(text(*pushed, "event_id")), q(event));
        QCOMPARE(integer(*pushed, "since"), seq);
        QCOMPARE(integer(*pushed, "seq"), seq + 1);
        QCOMPARE(seatStates(list(*pushed, "changes")), (SeatStates{{"G-R1-5", "held"}}));
        QVERIFY(field(*pushed, "ga") == nullptr);

        QCOMPARE(
            m_server->request(verb::delete_, "/api/v1/holds/" + text(held.json, "hold_id"), {}, buyer.token)
                .status,
            204);
        pushed = nextSeats(*ws);
        QVERIFY2(pushed, "no seats message");
        QCOMPARE(integer(*pushed, "since"), seq + 1);
        QCOMPARE(integer(*pushed, "seq"), seq + 2);
        QCOMPARE(seatStates(list(*pushed, "changes")), (SeatStates{{"G-R1-5", "available"}}));

        QCOMPARE(m_server
                     ->request(verb::post, "/api/v1/events/" + event + "/holds",
                               R"({"ga":[{"area":"floor","quantity":2}]})", buyer.token)
                     .status,
                 201);
        pushed = nextSeats(*ws);
        QVERIFY2(pushed, "no seats message");
        QCOMPARE(integer(*pushed, "since"), seq + 2);
        QCOMPARE(integer(*pushed, "seq"), seq + 3);
        QVERIFY(list(*pushed, "changes").empty());
        QCOMPARE(list(*pushed, "ga").size(), std::size_t{1});
        QCOMPARE(q(text(list(*pushed, "ga")[0], "area")), QStringLiteral("floor"));
        QCOMPARE(integer(list(*pushed, "ga")[0], "available"), 8);

        // After unsubscribing nothing more comes for the event. A change of another, still subscribed
        // event made later marks the point by which a push for the first one would have come.
        const std::string other = m_server->createGridEvent({1, 5});
        EXPECT_WS_REPLY(ws->call(Message{{"type", "subscribe"}, {"id", "sub-2"}, {"event_id", other}}),
                        "sub-2");
        EXPECT_WS_REPLY(ws->call(Message{{"type", "unsubscribe"}, {"id", "unsub"}, {"event_id", event}}),
                        "unsub");
        QCOMPARE(restHold(event, {"G-R1-1"}, buyer.token).status, 201);
        QCOMPARE(restHold(other, {"G-R1-1"}, buyer.token).status, 201);
        std::vector<Message> passed;
        auto marker = ws->nextMatching(
            [&](const Message& m) { return isType(m, "seats") && text(m, "event_id") == other; }, &passed);
        QVERIFY2(marker, "no push for the other event");
        for (const Message& m : passed) {
            QVERIFY2(text(m, "event_id") != event, ("pushed after unsubscribe: " + dump(m)).c_str());
        }
    }

    void aBurstArrivesCoalescedAndInOrder() {
        const std::string event = m_server->createGridEvent({1, 10});
        const ApiAccount clerk = person("ws-burst-watcher", protocol::Role::Clerk);
        std::vector<std::string> tokens;
        for (int i = 0; i < 10; ++i) {
            tokens.push_back(person("ws-burst").token);
        }
        auto ws = connect(clerk.token);
        auto reply = ws->call(Message{{"type", "subscribe"}, {"id", "sub"}, {"event_id", event}});
        EXPECT_WS_REPLY(reply, "sub");
        const std::int64_t start = integer(member(*reply, "result"), "seq");
        QVERIFY(ws->next()); // the snapshot

        // Ten holds at once; two of the buyers let go again at once: 12 changes in all.
        std::mutex mutex;
        std::map<int, int> statuses;
        const std::string holdTarget = "/api/v1/events/" + event + "/holds";
        async::runClients(10, [&](int i) -> async::asio::awaitable<void> {
            async::Client client(m_server->endpoint());
            const std::string body = seatsBody({"G-R1-" + std::to_string(i + 1)});
            const std::string& token = tokens[static_cast<std::size_t>(i)];
            auto held = co_await client.send(http::verb::post, holdTarget, body, token);
            int released = 0;
            if (held.status == 201 && i < 2) {
                const std::string target =
                    "/api/v1/holds/" + std::string(held.json.at("hold_id").as_string());
                const std::string noBody;
                auto gone = co_await client.send(http::verb::delete_, target, noBody, token);
                released = gone.status;
            }
            std::lock_guard lock(mutex);
            ++statuses[held.status];
            if (released != 0) {
                ++statuses[released];
            }
        });
        QCOMPARE(statuses[201], 10);
        QCOMPARE(statuses[204], 2);
        const std::int64_t end = lastSeq(event);
        QCOMPARE(end, start + 12);

        std::vector<Message> messages;
        std::int64_t seq = start;
        std::map<std::string, std::string> state;
        while (seq < end) {
            auto pushed = nextSeats(*ws);
            QVERIFY2(pushed, ("no seats message after seq " + std::to_string(seq)).c_str());
            // Continuous: each message starts where the previous one ended.
            QCOMPARE(integer(*pushed, "since"), seq);
            QVERIFY(integer(*pushed, "seq") > seq);
            seq = integer(*pushed, "seq");
            std::set<std::string> seen;
            for (const auto& [seat, s] : seatStates(list(*pushed, "changes"))) {
                QVERIFY2(seen.insert(seat).second, ("seat twice in one message: " + dump(*pushed)).c_str());
                state[seat] = s;
            }
            messages.push_back(std::move(*pushed));
        }
        QCOMPARE(seq, end);
        // Concurrent holds share batches and feed reads, so some changes travel together; how many
        // messages there are otherwise depends on the scheduler.
        QVERIFY2(messages.size() < 12,
                 ("not coalesced: " + std::to_string(messages.size()) + " messages").c_str());
        ApiResponse map = m_server->request(verb::get, "/api/v1/events/" + event + "/seatmap");
        std::map<std::string, std::string> expected;
        for (const auto& seat : list(map.json, "seats")) {
            expected[text(seat, "id")] = text(seat, "state");
        }
        QCOMPARE(state, expected);
        QCOMPARE(q(state["G-R1-1"]), QStringLiteral("available"));
        QCOMPARE(q(state["G-R1-3"]), QStringLiteral("held"));
    }

    void resumeWithSinceSendsExactlyTheMissedChanges() {
        const std::string event = m_server->createGridEvent({1, 10, 10});
        const ApiAccount clerk = person("ws-resumer", protocol::Role::Clerk);
        const ApiAccount buyer = person("ws-resume-buyer");
        std::int64_t last = 0;
        {
            auto ws = connect(clerk.token);
            auto reply = ws->call(Message{{"type", "subscribe"}, {"id", "sub"}, {"event_id", event}});
            EXPECT_WS_REPLY(reply, "sub");
            QVERIFY(ws->next()); // the snapshot
            QCOMPARE(restHold(event, {"G-R1-9"}, buyer.token).status, 201);
            auto pushed = nextSeats(*ws);
            QVERIFY(pushed);
            last = integer(*pushed, "seq");
            QVERIFY(!ws->close());
        }
        // While away: holds, a release and standing places.
        ApiResponse first = restHold(event, {"G-R1-1", "G-R1-2"}, buyer.token);
        QCOMPARE(first.status, 201);
        QCOMPARE(restHold(event, {"G-R1-3"}, buyer.token).status, 201);
        QCOMPARE(
            m_server->request(verb::delete_, "/api/v1/holds/" + text(first.json, "hold_id"), {}, buyer.token)
                .status,
            204);
        QCOMPARE(m_server
                     ->request(verb::post, "/api/v1/events/" + event + "/holds",
                               R"({"ga":[{"area":"floor","quantity":3}]})", buyer.token)
                     .status,
                 201);
        const std::int64_t now = lastSeq(event);
        QCOMPARE(now, last + 6);

        // What /changes says was missed, coalesced like the server does: each seat and area once,
        // with its latest state, in the order first seen.
        ApiResponse changes = m_server->request(verb::get, "/api/v1/events/" + event +
                                                               "/changes?since=" + std::to_string(last));
        QCOMPARE(changes.status, 200);
        SeatStates expected;
        std::vector<std::pair<std::string, std::int64_t>> expectedGa;
        for (const auto& change : list(changes.json, "changes")) {
            if (!text(change, "seat").empty()) {
                auto at = std::find_if(expected.begin(), expected.end(), [&](const auto& entry) {
                    return entry.first == text(change, "seat");
                });
                if (at == expected.end()) {
                    expected.emplace_back(text(change, "seat"), text(change, "state"));
                } else {
                    at->second = text(change, "state");
                }
            } else {
                auto at = std::find_if(expectedGa.begin(), expectedGa.end(), [&](const auto& entry) {
                    return entry.first == text(change, "ga_area");
                });
                if (at == expectedGa.end()) {
                    expectedGa.emplace_back(text(change, "ga_area"), integer(change, "available"));
                } else {
                    at->second = integer(change, "available");
                }
            }
        }
        SeatStates sorted = expected;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, (SeatStates{{"G-R1-1", "available"}, {"G-R1-2", "available"}, {"G-R1-3", "held"}}));

        auto ws = connect(clerk.token);
        auto reply =
            ws->call(Message{{"type", "subscribe"}, {"id", "resume"}, {"event_id", event}, {"since", last}});
        EXPECT_WS_REPLY(reply, "resume");
        QCOMPARE(integer(member(*reply, "result"), "seq"), now);
        QCOMPARE(ws->queued().size(), std::size_t{1});
        auto missed = ws->next();
        QVERIFY2(missed && isType(*missed, "seats"), describe(missed).c_str());
        QCOMPARE(integer(*missed, "since"), last);
        QCOMPARE(integer(*missed, "seq"), now);
        QCOMPARE(seatStates(list(*missed, "changes")), expected);
        std::vector<std::pair<std::string, std::int64_t>> ga;
        for (const auto& area : list(*missed, "ga")) {
            ga.emplace_back(text(area, "area"), integer(area, "available"));
        }
        QCOMPARE(ga, expectedGa);

        // Up to date already: an empty "seats" message confirms it.
        auto current =
            ws->call(Message{{"type", "subscribe"}, {"id", "again"}, {"event_id", event}, {"since", now}});
        EXPECT_WS_REPLY(current, "again");
        auto confirm = ws->next();
        QVERIFY2(confirm && isType(*confirm, "seats"), describe(confirm).c_str());
        QCOMPARE(integer(*confirm, "since"), now);
        QCOMPARE(integer(*confirm, "seq"), now);
        QVERIFY(list(*confirm, "changes").empty());

        // A seq the event never reached: the log cannot help, a snapshot replaces it.
        auto ahead = ws->call(
            Message{{"type", "subscribe"}, {"id", "ahead"}, {"event_id", event}, {"since", now + 100}});
        EXPECT_WS_REPLY(ahead, "ahead");
        auto snapshot = ws->next();
        QVERIFY2(snapshot && isType(*snapshot, "snapshot"), describe(snapshot).c_str());
        QCOMPARE(integer(*snapshot, "seq"), now);

        // And pushes continue from there.
        QCOMPARE(restHold(event, {"G-R1-7"}, buyer.token).status, 201);
        auto pushed = nextSeats(*ws);
        QVERIFY(pushed);
        QCOMPARE(integer(*pushed, "since"), now);
        QCOMPARE(seatStates(list(*pushed, "changes")), (SeatStates{{"G-R1-7", "held"}}));
    }

    // ---- staff operations ----

    void staffHoldReleaseCommitRefundAndGetOrder() {
        const std::string event = m_server->createGridEvent({1, 10});
        const ApiAccount clerk = person("ws-seller", protocol::Role::Clerk);
        const ApiAccount buyer = person("ws-other-buyer");
        const std::string shift = m_server->openShift(clerk);
        auto ws = connect(clerk.token);

        auto held = ws->call(holdMessage("h-1", event, {"G-R1-1", "G-R1-2"}));
        EXPECT_WS_REPLY(held, "h-1");
        const auto& hold = member(*held, "result");
        const std::string holdId = text(hold, "hold_id");
        QVERIFY(!holdId.empty());
        QCOMPARE(q(money(hold, "total")), QStringLiteral("5000 EUR"));
        QCOMPARE(q(sql("SELECT state FROM holds WHERE id = '" + holdId + "'")), QStringLiteral("active"));

        std::string before = fingerprint();
        auto taken = ws->call(holdMessage("h-2", event, {"G-R1-2", "G-R1-3"}));
        EXPECT_WS_ERROR(taken, "h-2", 409, "seats-unavailable");
        QCOMPARE(q(dump(list(problemOf(*taken), "unavailable_seats"))), QStringLiteral(R"(["G-R1-2"])"));
        QCOMPARE(q(fingerprint()), q(before));

        auto released = ws->call(Message{{"type", "release"}, {"id", "r-1"}, {"hold_id", holdId}});
        EXPECT_WS_REPLY(released, "r-1");
        QCOMPARE(q(text(member(*released, "result"), "hold_id")), q(holdId));
        QCOMPARE(q(sql("SELECT state FROM holds WHERE id = '" + holdId + "'")), QStringLiteral("released"));
        EXPECT_WS_ERROR(ws->call(Message{{"type", "release"}, {"id", "r-2"}, {"hold_id", holdId}}), "r-2",
                        410, "hold-expired");
        EXPECT_WS_ERROR(ws->call(Message{{"type", "release"}, {"id", "r-3"}, {"hold_id", "nope"}}), "r-3",
                        404, "not-found");
        before = fingerprint();
        EXPECT_WS_ERROR(ws->call(holdMessage("h-x", "999999", {"G-R1-1"})), "h-x", 404, "not-found");
        EXPECT_WS_ERROR(ws->call(Message{{"type", "get_order"}, {"id", "o-x"}, {"order_id", "nope"}}), "o-x",
                        404, "not-found");
        QCOMPARE(q(fingerprint()), q(before));

        // Cash: the change comes back in the order.
        auto again = ws->call(holdMessage("h-3", event, {"G-R1-1", "G-R1-2"}));
        EXPECT_WS_REPLY(again, "h-3");
        const std::string cashHold = text(member(*again, "result"), "hold_id");
        before = fingerprint();
        EXPECT_WS_ERROR(ws->call(cashCommit("c-0", cashHold, key(), 4999, shift)), "c-0", 400,
                        "validation-failed");
        EXPECT_WS_ERROR(ws->call(cashCommit("c-00", cashHold, key(), 1'000'000'000'000'000, shift)), "c-00",
                        400, "validation-failed");
        QCOMPARE(q(fingerprint()), q(before));
        const std::string cashKey = key();
        auto paid = ws->call(cashCommit("c-1", cashHold, cashKey, 6000, shift));
        EXPECT_WS_REPLY(paid, "c-1");
        const auto& order = member(*paid, "result");
        const std::string orderId = text(order, "order_id");
        QVERIFY(!orderId.empty());
        QCOMPARE(q(text(order, "status")), QStringLiteral("paid"));
        QCOMPARE(q(money(order, "total")), QStringLiteral("5000 EUR"));
        QCOMPARE(q(money(order, "change")), QStringLiteral("1000 EUR"));
        QCOMPARE(list(order, "tickets").size(), std::size_t{2});
        QCOMPARE(q(sql("SELECT count(*) FROM orders WHERE hold_id = '" + cashHold + "'")),
                 QStringLiteral("1"));

        // The same key again: the same order, nothing new; with another body: refused.
        before = fingerprint();
        auto replay = ws->call(cashCommit("c-2", cashHold, cashKey, 6000, shift));
        EXPECT_WS_REPLY(replay, "c-2");
        QCOMPARE(q(dump(member(*replay, "result"))), q(dump(order)));
        QCOMPARE(q(fingerprint()), q(before));
        EXPECT_WS_ERROR(ws->call(cashCommit("c-3", cashHold, cashKey, 7000, shift)), "c-3", 422,
                        "idempotency-key-reused");
        QCOMPARE(q(fingerprint()), q(before));

        // card_present: the terminal's reference, no change.
        auto third = ws->call(holdMessage("h-4", event, {"G-R1-3"}));
        EXPECT_WS_REPLY(third, "h-4");
        auto card = ws->call(Message{{"type", "commit"},
                                     {"id", "c-4"},
                                     {"hold_id", text(member(*third, "result"), "hold_id")},
                                     {"idempotency_key", key()},
                                     {"payment", {{"method", "card_present"}, {"reference", "TERM-3-0001"}}},
                                     {"shift_id", shift}});
        EXPECT_WS_REPLY(card, "c-4");
        QVERIFY(field(member(*card, "result"), "change") == nullptr);
        QCOMPARE(q(money(member(*card, "result"), "total")), QStringLiteral("2500 EUR"));

        auto fetched = ws->call(Message{{"type", "get_order"}, {"id", "o-1"}, {"order_id", orderId}});
        EXPECT_WS_REPLY(fetched, "o-1");
        QCOMPARE(q(dump(member(*fetched, "result"))), q(dump(order)));

        const std::string refundKey = key();
        const Message refundMessage{{"type", "refund"},
                                    {"id", "f-1"},
                                    {"order_id", orderId},
                                    {"idempotency_key", refundKey},
                                    {"reason", "customer changed plans"},
                                    {"shift_id", shift}};
        auto refund = ws->call(refundMessage);
        EXPECT_WS_REPLY(refund, "f-1");
        QCOMPARE(q(money(member(*refund, "result"), "amount")), QStringLiteral("5000 EUR"));
        QCOMPARE(list(member(*refund, "result"), "tickets").size(), std::size_t{2});
        auto replayed = ws->call(refundMessage);
        EXPECT_WS_REPLY(replayed, "f-1");
        QCOMPARE(q(dump(member(*replayed, "result"))), q(dump(member(*refund, "result"))));
        EXPECT_WS_ERROR(ws->call(Message{{"type", "refund"},
                                         {"id", "f-2"},
                                         {"order_id", orderId},
                                         {"idempotency_key", key()},
                                         {"reason", "again"},
                                         {"shift_id", shift}}),
                        "f-2", 409, "not-refundable");
        auto refunded = ws->call(Message{{"type", "get_order"}, {"id", "o-2"}, {"order_id", orderId}});
        EXPECT_WS_REPLY(refunded, "o-2");
        QCOMPARE(q(text(member(*refunded, "result"), "status")), QStringLiteral("refunded"));
        QCOMPARE(
            q(sql("SELECT state FROM event_seats WHERE event_id = " + event + " AND seat_id = 'G-R1-1'")),
            QStringLiteral("available"));

        // A customer's order, looked up by staff.
        ApiResponse bought = restHold(event, {"G-R1-8"}, buyer.token);
        QCOMPARE(bought.status, 201);
        ApiResponse customerOrder =
            m_server->request(verb::post, "/api/v1/holds/" + text(bought.json, "hold_id") + "/commit",
                              kPayByCard, buyer.token, {{"Idempotency-Key", key()}});
        QCOMPARE(customerOrder.status, 201);
        auto looked = ws->call(Message{
            {"type", "get_order"}, {"id", "o-3"}, {"order_id", text(customerOrder.json, "order_id")}});
        EXPECT_WS_REPLY(looked, "o-3");
        QCOMPARE(q(dump(member(*looked, "result"))), q(dump(customerOrder.json)));
    }

    void customersCannotTakeCashOverTheSocket() {
        const std::string event = m_server->createGridEvent({1, 5});
        const ApiAccount buyer = person("ws-customer");
        const ApiAccount stranger = person("ws-stranger");
        auto ws = connect();
        EXPECT_WS_REPLY(ws->call(Message{{"type", "auth"}, {"id", "a"}, {"token", buyer.token}}), "a");
        auto held = ws->call(holdMessage("h", event, {"G-R1-1"}));
        EXPECT_WS_REPLY(held, "h");
        const std::string holdId = text(member(*held, "result"), "hold_id");
        const std::string before = fingerprint();
        EXPECT_WS_ERROR(ws->call(cashCommit("c", holdId, key(), 5000)), "c", 403, "forbidden");
        EXPECT_WS_ERROR(ws->call(Message{{"type", "commit"},
                                         {"id", "cp"},
                                         {"hold_id", holdId},
                                         {"idempotency_key", key()},
                                         {"payment", {{"method", "card_present"}, {"reference", "T-1"}}}}),
                        "cp", 403, "forbidden");
        QCOMPARE(q(fingerprint()), q(before));
        // Another customer's hold does not exist for them.
        auto other = connect(stranger.token);
        EXPECT_WS_ERROR(other->call(Message{{"type", "release"}, {"id", "r"}, {"hold_id", holdId}}), "r", 404,
                        "not-found");
        QCOMPARE(q(fingerprint()), q(before));
        // A card payment is theirs to make.
        auto paid = ws->call(Message{{"type", "commit"},
                                     {"id", "card"},
                                     {"hold_id", holdId},
                                     {"idempotency_key", key()},
                                     {"payment", {{"method", "test_card"}, {"token", "tok_visa"}}}});
        EXPECT_WS_REPLY(paid, "card");
    }

    // ---- pushes show committed state only ----

    void soldSeatsArePushedOnlyAfterTheCommit() {
        const std::string event = m_server->createGridEvent({1, 10});
        const ApiAccount clerk = person("ws-committer", protocol::Role::Clerk);
        const ApiAccount buyer = person("ws-online-buyer");
        const std::string shift = m_server->openShift(clerk);
        auto ws = connect(clerk.token);
        EXPECT_WS_REPLY(ws->call(Message{{"type", "subscribe"}, {"id", "sub"}, {"event_id", event}}), "sub");
        QVERIFY(ws->next()); // the snapshot

        // Over the socket: the push that shows the seats sold comes with the order in the database.
        // (Whether it overtakes the reply is up to the scheduler: the feed reads the log after a
        // 30 ms pause, the reply is sent as soon as the commit returns.)
        auto held = ws->call(holdMessage("h", event, {"G-R1-1", "G-R1-2"}));
        EXPECT_WS_REPLY(held, "h");
        const std::string holdId = text(member(*held, "result"), "hold_id");
        QVERIFY(seatsWith(*ws, "G-R1-2", "held"));
        auto committed = ws->call(cashCommit("c", holdId, key(), 5000, shift));
        EXPECT_WS_REPLY(committed, "c");
        auto sold = seatsWith(*ws, "G-R1-1", "sold");
        QVERIFY2(sold, "no push of the sale");
        QVERIFY(mentions(*sold, "G-R1-2", "sold"));
        QCOMPARE(q(sql("SELECT count(*) FROM orders WHERE hold_id = '" + holdId + "'")), QStringLiteral("1"));

        // Over REST from another connection: when the push arrives the order is in the database.
        ApiResponse online = restHold(event, {"G-R1-5"}, buyer.token);
        QCOMPARE(online.status, 201);
        const std::string onlineHold = text(online.json, "hold_id");
        QVERIFY(seatsWith(*ws, "G-R1-5", "held"));
        ApiResponse answer;
        const std::string payKey = key();
        std::thread payer([&] {
            answer = m_server->request(verb::post, "/api/v1/holds/" + onlineHold + "/commit", kPayByCard,
                                       buyer.token, {{"Idempotency-Key", payKey}});
        });
        std::vector<Message> before;
        auto onlineSold = seatsWith(*ws, "G-R1-5", "sold", &before);
        const std::string ordersAtPush =
            sql("SELECT count(*) FROM orders WHERE hold_id = '" + onlineHold + "'");
        const std::string seatAtPush =
            sql("SELECT state FROM event_seats WHERE event_id = " + event + " AND seat_id = 'G-R1-5'");
        payer.join();
        QVERIFY2(onlineSold, "no push of the online sale");
        QCOMPARE(answer.status, 201);
        QCOMPARE(q(ordersAtPush), QStringLiteral("1"));
        QCOMPARE(q(seatAtPush), QStringLiteral("sold"));
        QVERIFY(before.empty()); // nothing else happened in between
    }
};

QTEST_GUILESS_MAIN(TestApiWebSocket)
#include "tst_api_websocket.moc"
