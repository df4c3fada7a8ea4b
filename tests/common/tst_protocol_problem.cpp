#include "common/protocol/holds.h"
#include "common/protocol/problem.h"
#include "tests/common/support/json_checks.h"

#include <QTest>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <set>

using namespace usher;
using namespace usher::testing;
using namespace usher::protocol;

namespace {

QStringList errorsOf(std::string_view text) {
    QStringList out;
    auto result = json::decodeJson<Problem>(text);
    if (!result) {
        for (const auto& error : result.error()) {
            out << QString::fromStdString(error.toString());
        }
    }
    return out;
}

constexpr int kKindCount = static_cast<int>(ProblemKind::PaymentTimeout) + 1;

} // namespace

class TestProtocolProblem : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyKindHasAStableDistinctUri() {
        std::set<std::string_view> uris;
        for (int i = 0; i < kKindCount; ++i) {
            const auto kind = static_cast<ProblemKind>(i);
            const std::string_view uri = problemTypeUri(kind);
            QVERIFY2(uri.starts_with("https://usher.dev/problems/"), uri.data());
            QVERIFY(uris.insert(uri).second);
            QVERIFY(problemKindFromUri(uri) == kind);
            QVERIFY(!problemTitle(kind).empty());
            QVERIFY(problemStatus(kind) >= 400 && problemStatus(kind) <= 599);
        }
        QVERIFY(!problemKindFromUri("about:blank").has_value());
        // Scripts and clients switch on these; they must never change.
        QCOMPARE(problemTypeUri(ProblemKind::SeatsUnavailable),
                 "https://usher.dev/problems/seats-unavailable");
        QCOMPARE(problemTypeUri(ProblemKind::Validation), "https://usher.dev/problems/validation-failed");
        QCOMPARE(problemTypeUri(ProblemKind::HoldExpired), "https://usher.dev/problems/hold-expired");
        QCOMPARE(problemTypeUri(ProblemKind::IdempotencyKeyReused),
                 "https://usher.dev/problems/idempotency-key-reused");
    }

    void statusesMatchTheApiContract() {
        QCOMPARE(problemStatus(ProblemKind::Validation), 400);
        QCOMPARE(problemStatus(ProblemKind::InvalidCredentials), 401);
        QCOMPARE(problemStatus(ProblemKind::PaymentDeclined), 402);
        QCOMPARE(problemStatus(ProblemKind::NotFound), 404);
        QCOMPARE(problemStatus(ProblemKind::SeatsUnavailable), 409);
        QCOMPARE(problemStatus(ProblemKind::EmailTaken), 409);
        QCOMPARE(problemStatus(ProblemKind::RequestInFlight), 409);
        QCOMPARE(problemStatus(ProblemKind::HoldExpired), 410);
        QCOMPARE(problemStatus(ProblemKind::ChangesExpired), 410);
        QCOMPARE(problemStatus(ProblemKind::IdempotencyKeyReused), 422);
        QCOMPARE(problemStatus(ProblemKind::RateLimited), 429);
        QCOMPARE(problemStatus(ProblemKind::ServiceUnavailable), 503);
        QCOMPARE(kProblemContentType, "application/problem+json");
    }

    void seatsUnavailableShape() {
        Problem problem = makeProblem(ProblemKind::SeatsUnavailable, "2 of 3 seats are taken");
        problem.instance = "/api/v1/events/e1/holds";
        problem.unavailableSeats = {"A-1", "A-2"};
        problem.unavailableGa = {{"floor", 3}};
        QVERIFY(sameJson(toJson(problem), R"({
            "type": "https:\/\/usher.dev/problems/seats-unavailable",
            "title": "Seats are not available",
            "status": 409,
            "detail": "2 of 3 seats are taken",
            "instance": "/api/v1/events/e1/holds",
            "unavailable_seats": ["A-1", "A-2"],
            "unavailable_ga": [{"area": "floor", "available": 3}]
        })"));
    }

    void emptyExtensionsAreOmitted() {
        Problem problem = makeProblem(ProblemKind::NotFound);
        QVERIFY(sameJson(toJson(problem), R"({
            "type": "https:\/\/usher.dev/problems/not-found", "title": "Not found", "status": 404
        })"));
        problem = makeProblem(ProblemKind::RateLimited);
        problem.retryAfter = 2;
        QVERIFY(sameJson(toJson(problem), R"({
            "type": "https:\/\/usher.dev/problems/rate-limited", "title": "Too many requests", "status": 429,
            "retry_after": 2
        })"));
    }

    void validationProblemCarriesEveryPath() {
        auto request = json::decodeJson<HoldRequest>(R"({"seats": ["A-1", "", "A-1"], "colour": "red"})");
        QVERIFY(!request);
        const Problem problem = validationProblem(request.error());
        QCOMPARE(problem.status, 400);
        QVERIFY(problemKindFromUri(problem.type) == ProblemKind::Validation);
        QVERIFY(sameJson(toJson(problem), R"({
            "type": "https:\/\/usher.dev/problems/validation-failed",
            "title": "Request is not valid",
            "status": 400,
            "detail": "3 problems; see errors",
            "errors": [
                {"path": "seats[1]", "message": "must not be empty"},
                {"path": "seats[2]", "message": "duplicate seat id \u0022A-1\u0022"},
                {"path": "colour", "message": "unknown field"}
            ]
        })"));

        const Problem single = validationProblem({{"best_available.quantity", "must be between 1 and 50"}});
        QCOMPARE(single.detail.value_or(""),
                 std::string("best_available.quantity: must be between 1 and 50"));

        // A layout can have 500 problems; the problem lists what a client can decode back.
        json::DecodeErrors many(501, {"sections[0]", "overlaps"});
        const Problem capped = validationProblem(many);
        QCOMPARE(capped.errors.size(), json::Decoder::kMaxErrors);
        QCOMPARE(capped.detail.value_or(""), std::string("501 problems; see errors"));
        QVERIFY(json::decodeJson<Problem>(boost::json::serialize(toJson(capped))).hasValue());
    }

    void roundTrip() {
        Problem problem = makeProblem(ProblemKind::Validation, "bad");
        problem.instance = "/x";
        problem.unavailableSeats = {"B-7"};
        problem.unavailableGa = {{"floor", 0}};
        problem.retryAfter = 30;
        problem.errors = {{"", "invalid JSON at line 1, column 2: syntax error"},
                          {"seats[0]", "expected a string"}};
        auto decoded = json::decodeJson<Problem>(boost::json::serialize(toJson(problem)));
        QVERIFY(decoded);
        QVERIFY(*decoded == problem);
    }

    void decodingIgnoresUnknownExtensions() {
        // RFC 9457: clients ignore extension members they do not know.
        auto decoded = json::decodeJson<Problem>(R"({
            "type": "https:\/\/usher.dev/problems/some-future-problem", "title": "New", "status": 409,
            "balance": 30, "accounts": ["/a/1"]
        })");
        QVERIFY(decoded);
        QCOMPARE(decoded->status, 409);
        QVERIFY(!problemKindFromUri(decoded->type).has_value());
    }

    void decodingChecksWhatItKnows() {
        QCOMPARE(errorsOf(R"({"title": "x", "status": 404})"), QStringList{"type: missing required field"});
        QCOMPARE(errorsOf(R"({"type": "about:blank", "title": "x", "status": 99})"),
                 QStringList{"status: must be between 100 and 599"});
        QCOMPARE(errorsOf(R"({"type": "about:blank", "title": "x", "status": "404"})"),
                 QStringList{"status: expected an integer"});
        QCOMPARE(errorsOf(R"({"type": "about:blank", "title": "x", "status": 409, "retry_after": -1})"),
                 QStringList{"retry_after: must be between 0 and 2147483647"});
        QCOMPARE(
            errorsOf(R"({"type": "about:blank", "title": "x", "status": 400, "errors": [{"path": "a"}]})"),
            QStringList{"errors[0].message: missing required field"});
        QCOMPARE(
            errorsOf(R"({"type": "about:blank", "title": "x", "status": 409, "unavailable_seats": [1]})"),
            QStringList{"unavailable_seats[0]: expected a string"});
        QCOMPARE(errorsOf("[]"), QStringList{"(document): expected an object"});
    }
};

QTEST_APPLESS_MAIN(TestProtocolProblem)
#include "tst_protocol_problem.moc"
