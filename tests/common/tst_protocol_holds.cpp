#include "common/protocol/holds.h"
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

std::string seatList(int count) {
    boost::json::array seats;
    for (int i = 0; i < count; ++i) {
        seats.emplace_back("S-" + std::to_string(i));
    }
    return boost::json::serialize(boost::json::object{{"seats", seats}});
}

HoldResponse sampleResponse() {
    using namespace std::chrono;
    HoldResponse response;
    response.holdId = "h-42";
    response.eventId = "e-1";
    response.expiresAt = sys_days{2025y / March / 1} + 19h + 40min;
    response.seats = {{"A-1", "Stalls A 1", "cat-a", eur(4500)}, {"A-2", std::nullopt, "cat-a", eur(4500)}};
    response.ga = {{"floor", 2, eur(2500)}};
    response.total = eur(14000);
    return response;
}

} // namespace

class TestProtocolHolds : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seatsRoundTrip() {
        const HoldRequest request{SeatSelection{{"A-1", "A-2"}}};
        QVERIFY(sameJson(toJson(request), R"({"seats": ["A-1", "A-2"]})"));
        QVERIFY(survivesRoundTrip(request));
    }

    void gaRoundTrip() {
        const HoldRequest request{GaSelection{{{"floor", 2}, {"balcony", 48}}}};
        QVERIFY(
            sameJson(toJson(request),
                     R"({"ga": [{"area": "floor", "quantity": 2}, {"area": "balcony", "quantity": 48}]})"));
        QVERIFY(survivesRoundTrip(request));
    }

    void bestAvailableRoundTrip() {
        const HoldRequest plain{BestAvailable{4, {}, 0}};
        QVERIFY(sameJson(toJson(plain), R"({"best_available": {"quantity": 4}})"));
        QVERIFY(survivesRoundTrip(plain));
        const HoldRequest full{BestAvailable{4, {"cat-a", "cat-b"}, 1}};
        QVERIFY(sameJson(
            toJson(full),
            R"({"best_available": {"quantity": 4, "categories": ["cat-a", "cat-b"], "accessible": 1}})"));
        QVERIFY(survivesRoundTrip(full));
        // Null optional fields read as absent.
        auto decoded =
            json::decodeJson<HoldRequest>(R"({"best_available": {"quantity": 2, "categories": null}})");
        QVERIFY(decoded);
        QVERIFY(*decoded == (HoldRequest{BestAvailable{2, {}, 0}}));
    }

    void exactlyOneSelection() {
        QCOMPARE(errorsOf<HoldRequest>("{}"),
                 QStringList{R"((document): expected one of "seats", "ga" or "best_available")"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"seats": ["A-1"], "ga": [{"area": "floor", "quantity": 1}]})"),
                 QStringList{
                     R"((document): "seats", "ga" and "best_available" are mutually exclusive; send one)"});
        // The errors inside each of them are reported too.
        QCOMPARE(
            errorsOf<HoldRequest>(R"({"seats": [], "best_available": {"quantity": 0}})"),
            (QStringList{R"((document): "seats", "ga" and "best_available" are mutually exclusive; send one)",
                         "seats: must not be empty", "best_available.quantity: must be between 1 and 50"}));
        // null means absent, as everywhere.
        QCOMPARE(errorsOf<HoldRequest>(R"({"seats": null})"),
                 QStringList{R"((document): expected one of "seats", "ga" or "best_available")"});
        QCOMPARE(errorsOf<HoldRequest>("[]"), QStringList{"(document): expected an object"});
    }

    void seatListRules() {
        QCOMPARE(errorsOf<HoldRequest>(R"({"seats": ["A-1", "A-2", "A-1"]})"),
                 QStringList{R"(seats[2]: duplicate seat id "A-1")"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"seats": ["A-1", 7, ""]})"),
                 (QStringList{"seats[1]: expected a string", "seats[2]: must not be empty"}));
        QCOMPARE(errorsOf<HoldRequest>(R"({"seats": "A-1"})"), QStringList{"seats: expected an array"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"seats": []})"), QStringList{"seats: must not be empty"});
        QVERIFY(errorsOf<HoldRequest>(seatList(50)).isEmpty());
        QCOMPARE(errorsOf<HoldRequest>(seatList(51)), QStringList{"seats: must have at most 50 items"});
        QCOMPARE(errorsOf<HoldRequest>(seatList(10000)), QStringList{"seats: must have at most 50 items"});
        const std::string longId =
            boost::json::serialize(boost::json::object{{"seats", boost::json::array{std::string(65, 'x')}}});
        QCOMPARE(errorsOf<HoldRequest>(longId), QStringList{"seats[0]: must be at most 64 characters"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"seats": ["A\u00001"]})"),
                 QStringList{"seats[0]: must not contain control characters"});
    }

    void gaRules() {
        QCOMPARE(errorsOf<HoldRequest>(R"({"ga": [{"area": "floor", "quantity": 0}]})"),
                 QStringList{"ga[0].quantity: must be between 1 and 50"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"ga": [{"area": "floor", "quantity": -3}]})"),
                 QStringList{"ga[0].quantity: must be between 1 and 50"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"ga": [{"area": "floor", "quantity": 51}]})"),
                 QStringList{"ga[0].quantity: must be between 1 and 50"});
        for (const char* huge : {"10000000000000000000", "1e300", "-1e300"}) {
            const QStringList errors = errorsOf<HoldRequest>(
                std::string(R"({"ga": [{"area": "floor", "quantity": )") + huge + "}]}");
            QCOMPARE(errors.size(), 1);
            QVERIFY2(errors[0].startsWith("ga[0].quantity: "), qPrintable(errors[0]));
        }
        QCOMPARE(errorsOf<HoldRequest>(R"({"ga": [{"area": "floor", "quantity": 2.5}]})"),
                 QStringList{"ga[0].quantity: expected an integer"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"ga": [{"area": "floor", "quantity": "2"}]})"),
                 QStringList{"ga[0].quantity: expected an integer"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"ga": [{"area": "floor"}]})"),
                 QStringList{"ga[0].quantity: missing required field"});
        QCOMPARE(errorsOf<HoldRequest>(
                     R"({"ga": [{"area": "floor", "quantity": 1}, {"area": "floor", "quantity": 2}]})"),
                 QStringList{R"(ga[1].area: duplicate area "floor")"});
        QCOMPARE(errorsOf<HoldRequest>(
                     R"({"ga": [{"area": "a", "quantity": 30}, {"area": "b", "quantity": 21}]})"),
                 QStringList{"ga: total quantity must be at most 50"});
        QVERIFY(
            errorsOf<HoldRequest>(R"({"ga": [{"area": "a", "quantity": 30}, {"area": "b", "quantity": 20}]})")
                .isEmpty());
        QCOMPARE(errorsOf<HoldRequest>(R"({"ga": [{"area": "a", "quantity": 1, "price": 10}]})"),
                 QStringList{"ga[0].price: unknown field"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"ga": []})"), QStringList{"ga: must not be empty"});
    }

    void bestAvailableRules() {
        QCOMPARE(errorsOf<HoldRequest>(R"({"best_available": {"quantity": 0}})"),
                 QStringList{"best_available.quantity: must be between 1 and 50"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"best_available": {"quantity": 51}})"),
                 QStringList{"best_available.quantity: must be between 1 and 50"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"best_available": {}})"),
                 QStringList{"best_available.quantity: missing required field"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"best_available": {"quantity": 2, "accessible": 3}})"),
                 QStringList{"best_available.accessible: must not exceed quantity (2)"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"best_available": {"quantity": 2, "accessible": -1}})"),
                 QStringList{"best_available.accessible: must be between 0 and 50"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"best_available": {"quantity": 2, "categories": []}})"),
                 QStringList{"best_available.categories: must not be empty"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"best_available": {"quantity": 2, "categories": ["a", "a"]}})"),
                 QStringList{R"(best_available.categories[1]: duplicate category id "a")"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"best_available": {"quantity": 2, "near": "stage"}})"),
                 QStringList{"best_available.near: unknown field"});
        QCOMPARE(errorsOf<HoldRequest>(R"({"best_available": 4})"),
                 QStringList{"best_available: expected an object"});
    }

    void unknownTopLevelField() {
        QCOMPARE(errorsOf<HoldRequest>(R"({"seats": ["A-1"], "hold_for": "friend"})"),
                 QStringList{"hold_for: unknown field"});
    }

    void changeSeatsRequest() {
        const ChangeHoldSeatsRequest swap{{"A-2"}, {"A-1"}};
        QVERIFY(sameJson(toJson(swap), R"({"add": ["A-2"], "remove": ["A-1"]})"));
        QVERIFY(survivesRoundTrip(swap));
        QVERIFY(survivesRoundTrip(ChangeHoldSeatsRequest{.add = {"A-3"}}));
        QVERIFY(sameJson(toJson(ChangeHoldSeatsRequest{.remove = {"A-1"}}), R"({"remove": ["A-1"]})"));
        QCOMPARE(errorsOf<ChangeHoldSeatsRequest>("{}"),
                 QStringList{R"((document): expected at least one of "add", "remove" and "ga")"});
        QCOMPARE(errorsOf<ChangeHoldSeatsRequest>(R"({"add": []})"), QStringList{"add: must not be empty"});
        const ChangeHoldSeatsRequest standing{.ga = {{"floor", 3}, {"balcony", 0}}};
        QVERIFY(
            sameJson(toJson(standing),
                     R"({"ga": [{"area": "floor", "quantity": 3}, {"area": "balcony", "quantity": 0}]})"));
        QVERIFY(survivesRoundTrip(standing));
        QCOMPARE(errorsOf<ChangeHoldSeatsRequest>(R"({"ga": [{"area": "floor", "quantity": 51}]})"),
                 QStringList{"ga[0].quantity: must be between 0 and 50"});
        QCOMPARE(errorsOf<ChangeHoldSeatsRequest>(
                     R"({"ga": [{"area": "floor", "quantity": 1}, {"area": "floor", "quantity": 2}]})"),
                 QStringList{R"(ga[1].area: duplicate area "floor")"});
        QCOMPARE(errorsOf<ChangeHoldSeatsRequest>(R"({"remove": ["A-1", "A-1"]})"),
                 QStringList{R"(remove[1]: duplicate seat id "A-1")"});
    }

    void extendRequest() {
        QVERIFY(sameJson(toJson(ExtendHoldRequest{}), "{}"));
        QVERIFY(sameJson(toJson(ExtendHoldRequest{300}), R"({"extend_by_seconds": 300})"));
        QVERIFY(survivesRoundTrip(ExtendHoldRequest{}));
        QVERIFY(survivesRoundTrip(ExtendHoldRequest{300}));
        auto nullMeansDefault = json::decodeJson<ExtendHoldRequest>(R"({"extend_by_seconds": null})");
        QVERIFY(nullMeansDefault);
        QVERIFY(!nullMeansDefault->extendBySeconds.has_value());
        QCOMPARE(errorsOf<ExtendHoldRequest>(R"({"extend_by_seconds": 0})"),
                 QStringList{"extend_by_seconds: must be between 1 and 3600"});
        QCOMPARE(errorsOf<ExtendHoldRequest>(R"({"extend_by_seconds": 3601})"),
                 QStringList{"extend_by_seconds: must be between 1 and 3600"});
        QCOMPARE(errorsOf<ExtendHoldRequest>(R"({"until": "2025-03-01T19:30:00Z"})"),
                 QStringList{"until: unknown field"});
    }

    void responseWireShape() {
        QVERIFY(sameJson(toJson(sampleResponse()), R"({
            "hold_id": "h-42",
            "event_id": "e-1",
            "expires_at": "2025-03-01T19:40:00Z",
            "seats": [
                {"id": "A-1", "label": "Stalls A 1", "category": "cat-a", "price": {"amount": 4500, "currency": "EUR"}},
                {"id": "A-2", "category": "cat-a", "price": {"amount": 4500, "currency": "EUR"}}
            ],
            "ga": [{"area": "floor", "quantity": 2, "price": {"amount": 2500, "currency": "EUR"}}],
            "total": {"amount": 14000, "currency": "EUR"}
        })"));
        QVERIFY(survivesRoundTrip(sampleResponse()));
        HoldResponse seatsOnly = sampleResponse();
        seatsOnly.ga.clear();
        QVERIFY(sameJson(toJson(seatsOnly).as_object().at("ga"), "[]"));
        QVERIFY(survivesRoundTrip(seatsOnly));
    }

    void responseRules() {
        auto withOffset = json::decodeJson<HoldResponse>(R"({
            "hold_id": "h", "event_id": "e", "expires_at": "2025-03-01T20:40:00+01:00",
            "seats": [], "ga": [], "total": {"amount": 0, "currency": "EUR"}})");
        QVERIFY(withOffset);
        QVERIFY(withOffset->expiresAt == sampleResponse().expiresAt);

        QCOMPARE(errorsOf<HoldResponse>(R"({
            "hold_id": "h", "event_id": "e", "expires_at": "in ten minutes",
            "seats": [{"id": "A-1", "category": "c", "price": {"amount": 1, "currency": "EUR"}, "row": "A"}],
            "ga": [{"area": "floor", "quantity": 0, "price": {"amount": 1, "currency": "ZZZ"}}],
            "total": {"amount": 0}})"),
                 (QStringList{R"(expires_at: expected an RFC 3339 date-time such as "2025-03-01T19:30:00Z")",
                              "seats[0].row: unknown field", "ga[0].quantity: must be between 1 and 50",
                              R"(ga[0].price.currency: unknown ISO 4217 currency "ZZZ")",
                              "total.currency: missing required field"}));
    }
};

QTEST_APPLESS_MAIN(TestProtocolHolds)
#include "tst_protocol_holds.moc"
