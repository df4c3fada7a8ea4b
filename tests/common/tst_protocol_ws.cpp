#include "common/protocol/ws.h"
#include "tests/common/support/json_checks.h"
#include "tests/common/support/money_checks.h"

#include <QTest>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>

using namespace usher;
using namespace usher::testing;
using namespace usher::protocol;

namespace {

QStringList messages(const json::DecodeErrors& errors) {
    QStringList out;
    for (const auto& error : errors) {
        out << QString::fromStdString(error.toString());
    }
    return out;
}

QStringList rejectionOf(std::string_view text) {
    auto result = decodeClientMessage(text);
    return result ? QStringList{} : messages(result.error().errors);
}

bool clientRoundTrip(const ClientMessage& message) {
    auto decoded = decodeClientMessage(boost::json::serialize(toJson(message)));
    if (!decoded) {
        qWarning("%s", qPrintable(messages(decoded.error().errors).join('\n')));
        return false;
    }
    return *decoded == message;
}

bool serverRoundTrip(const ServerMessage& message) {
    auto decoded = json::decodeJson<ServerMessage>(boost::json::serialize(toJson(message)));
    if (!decoded) {
        qWarning("%s", qPrintable(messages(decoded.error()).join('\n')));
        return false;
    }
    return *decoded == message;
}

QStringList serverErrorsOf(std::string_view text) {
    auto result = json::decodeJson<ServerMessage>(text);
    return result ? QStringList{} : messages(result.error());
}

} // namespace

class TestProtocolWs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyClientMessageRoundTrips() {
        const std::vector<ClientMessage> all{
            {"1", AuthMessage{"eyJ.a.b"}},
            {"2", SubscribeMessage{"e-1", std::nullopt}},
            {"3", SubscribeMessage{"e-1", 41}},
            {std::nullopt, UnsubscribeMessage{"e-1"}},
            {"4", HoldMessage{"e-1", {SeatSelection{{"A-1", "A-2"}}}}},
            {"5", HoldMessage{"e-1", {GaSelection{{{"floor", 3}}}}}},
            {"6", HoldMessage{"e-1", {BestAvailable{2, {"cat-a"}, 1}}}},
            {"7", ReleaseMessage{"h-1"}},
            {"8", CommitMessage{"h-1",
                                "6f1c2a",
                                {.payments = {CashPayment{eur(5000)}}, .ticketTypes = {{"A-1", "child"}}}}},
            {"9", CommitMessage{"h-1", "6f1c2b", {.payments = {CardPresentPayment{.reference = "TRM-1"}}}}},
            {"10", RefundMessage{"o-1", "k-1", {.reason = "broken seat", .tickets = {"t-1"}}}},
            {"11", GetOrderMessage{"o-1"}},
            {"12", PingMessage{}},
        };
        for (const ClientMessage& message : all) {
            QVERIFY2(clientRoundTrip(message), boost::json::serialize(toJson(message)).c_str());
        }
        QVERIFY(all[4].type() == ClientMessageType::Hold);
        QVERIFY(all[11].type() == ClientMessageType::GetOrder);
    }

    void requestBodiesAreFlattened() {
        QVERIFY(sameJson(toJson(ClientMessage{"4", HoldMessage{"e-1", {SeatSelection{{"A-1"}}}}}),
                         R"({"type": "hold", "id": "4", "event_id": "e-1", "seats": ["A-1"]})"));
        QVERIFY(sameJson(
            toJson(ClientMessage{"8", CommitMessage{"h-1", "k", {.payments = {CashPayment{eur(5000)}}}}}),
            R"({"type": "commit", "id": "8", "hold_id": "h-1", "idempotency_key": "k",
                             "payment": {"method": "cash", "tendered": {"amount": 5000, "currency": "EUR"}}})"));
        QVERIFY(sameJson(toJson(ClientMessage{std::nullopt, SubscribeMessage{"e-1", 12}}),
                         R"({"type": "subscribe", "event_id": "e-1", "since": 12})"));
        QVERIFY(sameJson(toJson(ClientMessage{"p", PingMessage{}}), R"({"type": "ping", "id": "p"})"));

        auto decoded = decodeClientMessage(R"({"type": "auth", "token": "eyJ.a.b"})");
        QVERIFY(decoded);
        QVERIFY(!decoded->id.has_value());
        QVERIFY(std::get<AuthMessage>(decoded->payload).token == "eyJ.a.b");
    }

    void validationKeepsTheIdAndThePath() {
        auto result =
            decodeClientMessage(R"({"type": "hold", "id": "7", "event_id": "e-1", "seats": ["A-1", "A-1"]})");
        QVERIFY(!result);
        QVERIFY(result.error().id == std::optional<std::string>("7"));
        QCOMPARE(messages(result.error().errors), QStringList{R"(seats[1]: duplicate seat id "A-1")"});

        QCOMPARE(rejectionOf(R"({"type": "hold", "event_id": "e-1"})"),
                 QStringList{R"((document): expected one of "seats", "ga" or "best_available")"});
        QCOMPARE(rejectionOf(R"({"type": "hold", "event_id": "e-1", "best_available": {"quantity": 51}})"),
                 QStringList{"best_available.quantity: must be between 1 and 50"});
        QCOMPARE(rejectionOf(R"({"type": "commit", "hold_id": "h", "idempotency_key": "",
                                 "payment": {"method": "cash", "tendered": {"amount": -5, "currency": "EUR"}}})"),
                 (QStringList{"idempotency_key: must not be empty",
                              "payment.tendered.amount: must be between 0 and 1000000000000"}));
        QCOMPARE(rejectionOf(R"({"type": "commit", "hold_id": "h"})"),
                 (QStringList{"idempotency_key: missing required field", "payment: missing required field"}));
        QCOMPARE(rejectionOf(R"({"type": "subscribe", "event_id": "e-1", "since": -1})"),
                 QStringList{"since: must be between 0 and 9223372036854775807"});
        QCOMPARE(rejectionOf(R"({"type": "subscribe", "event": "e-1"})"),
                 (QStringList{"event_id: missing required field", "event: unknown field"}));
        QCOMPARE(rejectionOf(R"({"type": "ping", "token": "x"})"), QStringList{"token: unknown field"});
        QCOMPARE(rejectionOf(R"({"type": "refund", "order_id": "o", "idempotency_key": "k", "reason": "x",
                                 "tickets": ["t", "t"]})"),
                 QStringList{R"(tickets[1]: duplicate ticket id "t")"});
    }

    void unknownTypeIsOneClearError() {
        auto result =
            decodeClientMessage(R"({"type": "hodl", "id": "9", "event_id": "e-1", "seats": [1, 2]})");
        QVERIFY(!result);
        QVERIFY(result.error().id == std::optional<std::string>("9"));
        QCOMPARE(messages(result.error().errors),
                 QStringList{R"(type: unknown message type "hodl"; expected one of "auth", "subscribe", )"
                             R"("unsubscribe", "hold", "release", "commit", "refund", "get_order", "ping")"});
        // A type that is not fit to quote is not echoed.
        const QStringList longType =
            rejectionOf(boost::json::serialize(boost::json::object{{"type", std::string(100, 'x')}}));
        QCOMPARE(longType.size(), 1);
        QVERIFY(longType[0].startsWith("type: unknown message type; expected one of \"auth\""));
        // Server message types are not client message types.
        QCOMPARE(rejectionOf(R"({"type": "reply"})").size(), 1);
    }

    void envelopeErrors() {
        QCOMPARE(rejectionOf(R"({"id": "1", "event_id": "e"})"), QStringList{"type: missing required field"});
        QCOMPARE(rejectionOf(R"({"type": 3})"), QStringList{"type: expected a string"});
        QCOMPARE(rejectionOf(R"(["ping"])"), QStringList{"(document): expected an object"});
        QCOMPARE(rejectionOf(R"({"type": "ping", "id": 5})"), QStringList{"id: expected a string"});
        QCOMPARE(rejectionOf(R"({"type": "ping", "id": ""})"), QStringList{"id: must not be empty"});

        auto malformed = decodeClientMessage(R"({"type": "ping", "id": "1")");
        QVERIFY(!malformed);
        QVERIFY(!malformed.error().id.has_value());
        QCOMPARE(malformed.error().errors.size(), std::size_t{1});
        QVERIFY(malformed.error().errors[0].message.starts_with("invalid JSON at line 1"));

        // An id unfit to echo is not echoed, but the message is still refused for it.
        auto badId = decodeClientMessage(
            boost::json::serialize(boost::json::object{{"type", "ping"}, {"id", std::string(65, 'i')}}));
        QVERIFY(!badId);
        QVERIFY(!badId.error().id.has_value());
        QCOMPARE(messages(badId.error().errors), QStringList{"id: must be at most 64 characters"});
    }

    void serverMessagesWireShapes() {
        QVERIFY(
            sameJson(toJson(ServerMessage{ReplyMessage{"7", boost::json::parse(R"({"hold_id": "h-1"})")}}),
                     R"({"type": "reply", "id": "7", "ok": true, "result": {"hold_id": "h-1"}})"));
        QVERIFY(sameJson(toJson(ServerMessage{ReplyMessage{std::nullopt, nullptr}}),
                         R"({"type": "reply", "id": null, "ok": true, "result": null})"));
        Problem gone = makeProblem(ProblemKind::HoldExpired);
        QVERIFY(sameJson(toJson(ServerMessage{ErrorMessage{"8", gone}}), R"({
            "type": "error", "id": "8",
            "problem": {"type": "https:\/\/usher.dev/problems/hold-expired", "title": "Hold has expired", "status": 410}
        })"));
        QVERIFY(sameJson(
            toJson(ServerMessage{SnapshotMessage{"e-1", 40, {{"A-1", SeatStatus::Sold}}, {{"floor", 9}}}}),
            R"({"type": "snapshot", "event_id": "e-1", "seq": 40,
                             "seats": [{"id": "A-1", "state": "sold"}], "ga": [{"area": "floor", "available": 9}]})"));
        QVERIFY(
            sameJson(toJson(ServerMessage{SeatsMessage{"e-1", 40, 42, {{"A-1", SeatStatus::Available}}, {}}}),
                     R"({"type": "seats", "event_id": "e-1", "since": 40, "seq": 42,
                             "changes": [{"seat": "A-1", "state": "available"}]})"));
        QVERIFY(sameJson(toJson(ServerMessage{PongMessage{"p"}}), R"({"type": "pong", "id": "p"})"));
    }

    void everyServerMessageRoundTrips() {
        Problem taken = makeProblem(ProblemKind::SeatsUnavailable, "A-1 is sold");
        taken.unavailableSeats = {"A-1"};
        const std::vector<ServerMessage> all{
            ReplyMessage{"1", boost::json::parse(R"({"order_id": "o-1", "tickets": [1, 2]})")},
            ReplyMessage{std::nullopt, boost::json::parse("[]")},
            ErrorMessage{"2", taken},
            ErrorMessage{std::nullopt, validationProblem({{"seats[0]", "expected a string"}})},
            SnapshotMessage{"e-1", 0, {}, {}},
            SnapshotMessage{
                "e-1", 40, {{"A-1", SeatStatus::Allotted}, {"A-2", SeatStatus::Held}}, {{"floor", 0}}},
            SeatsMessage{"e-1", 40, 45, {{"A-1", SeatStatus::Sold}}, {{"floor", 12}}},
            PongMessage{std::nullopt},
            PongMessage{"p"},
        };
        for (const ServerMessage& message : all) {
            QVERIFY2(serverRoundTrip(message), boost::json::serialize(toJson(message)).c_str());
        }
    }

    void replyResultDecodesAsTheOperationsAnswer() {
        using namespace std::chrono;
        HoldResponse hold;
        hold.holdId = "h-1";
        hold.eventId = "e-1";
        hold.expiresAt = sys_days{2025y / March / 1} + 20h;
        hold.seats = {{"A-1", std::nullopt, "cat-a", eur(4500)}};
        hold.total = eur(4500);
        const auto text = boost::json::serialize(toJson(ServerMessage{ReplyMessage{"4", toJson(hold)}}));
        auto message = json::decodeJson<ServerMessage>(text);
        QVERIFY(message);
        const auto& reply = std::get<ReplyMessage>(*message);
        QVERIFY(reply.id == std::optional<std::string>("4"));
        auto result = json::decodeValue<HoldResponse>(reply.result);
        QVERIFY(result);
        QVERIFY(*result == hold);
    }

    void serverMessageRules() {
        QCOMPARE(serverErrorsOf(R"({"type": "reply", "id": "1", "ok": false, "result": {}})"),
                 QStringList{"ok: must be true in a reply"});
        QCOMPARE(serverErrorsOf(R"({"type": "reply", "id": "1", "ok": true})"),
                 QStringList{"result: missing required field"});
        QCOMPARE(serverErrorsOf(R"({"type": "seats", "event_id": "e", "since": 9, "seq": 8, "changes": []})"),
                 QStringList{"since: must not be greater than seq (8)"});
        QCOMPARE(
            serverErrorsOf(R"({"type": "seats", "event_id": "e", "since": 1, "seq": 2,
                                    "changes": [{"seat": "A-1", "state": "gone"}]})"),
            QStringList{
                R"(changes[0].state: expected one of "available", "held", "sold", "blocked", "allotted")"});
        QCOMPARE(serverErrorsOf(R"({"type": "snapshot", "event_id": "e", "seq": 1, "seats": []})"),
                 QStringList{"ga: missing required field"});
        QCOMPARE(serverErrorsOf(R"({"type": "error", "id": "1", "problem": {"title": "x", "status": 400}})"),
                 QStringList{"problem.type: missing required field"});
        QCOMPARE(
            serverErrorsOf(R"({"type": "ping"})"),
            QStringList{R"(type: unknown message type "ping"; expected one of "reply", "error", "snapshot", )"
                        R"("seats", "pong")"});
    }
};

QTEST_APPLESS_MAIN(TestProtocolWs)
#include "tst_protocol_ws.moc"
