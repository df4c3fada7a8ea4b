#include "common/protocol/events.h"
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

EventSummary sampleEvent() {
    using namespace std::chrono;
    return {"e-1",       "Hamlet",
            "Globe",     "London",
            "theatre",   sys_days{2025y / June / 14} + 19h + 30min,
            {1500, 320}, {eur(1500), eur(9500)}};
}

// Replaces one field of an encoded message and returns the errors of decoding it.
template <typename T>
QStringList errorsWith(const T& value, std::string_view key, const boost::json::value& replacement) {
    auto document = toJson(value);
    document.as_object()[key] = replacement;
    return errorsOf<T>(boost::json::serialize(document));
}

} // namespace

class TestProtocolEvents : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eventPageWireShape() {
        EventPage page{{sampleEvent()}, "c-2"};
        QVERIFY(sameJson(toJson(page), R"({
            "data": [{
                "id": "e-1", "name": "Hamlet", "venue": "Globe", "city": "London", "category": "theatre",
                "starts_at": "2025-06-14T19:30:00Z",
                "availability": {"total": 1500, "available": 320},
                "price_range": {"min": {"amount": 1500, "currency": "EUR"}, "max": {"amount": 9500, "currency": "EUR"}}
            }],
            "next_cursor": "c-2"
        })"));
        QVERIFY(survivesRoundTrip(page));
        page.nextCursor.reset();
        QVERIFY(sameJson(toJson(page).as_object().at("next_cursor"), "null"));
        QVERIFY(survivesRoundTrip(page));
        QVERIFY(survivesRoundTrip(EventPage{}));
    }

    void eventPageRules() {
        QCOMPARE(errorsOf<EventPage>(R"({"data": []})"), QStringList{"next_cursor: missing required field"});
        QCOMPARE(errorsOf<EventPage>(R"({"data": [], "next_cursor": ""})"),
                 QStringList{"next_cursor: must not be empty"});
        QCOMPARE(errorsOf<EventPage>(R"({"data": [], "next_cursor": 2})"),
                 QStringList{"next_cursor: expected a string"});
        QCOMPARE(errorsOf<EventPage>(R"({"data": {}, "next_cursor": null})"),
                 QStringList{"data: expected an array"});
    }

    void eventSummaryRules() {
        const EventSummary event = sampleEvent();
        QCOMPARE(errorsWith(event, "starts_at", "2025-06-14 19:30"),
                 QStringList{R"(starts_at: expected an RFC 3339 date-time such as "2025-03-01T19:30:00Z")"});
        QCOMPARE(errorsWith(event, "availability", boost::json::parse(R"({"total": 10, "available": 11})")),
                 QStringList{"availability.available: must not exceed total (10)"});
        QCOMPARE(errorsWith(event, "availability", boost::json::parse(R"({"total": -1, "available": 0})")),
                 QStringList{"availability.total: must be between 0 and 9223372036854775807"});
        QCOMPARE(
            errorsWith(event, "price_range", boost::json::parse(R"({"min": {"amount": 1, "currency": "EUR"},
                                                   "max": {"amount": 2, "currency": "USD"}})")),
            QStringList{"price_range.max: must be in the same currency as min"});
        QCOMPARE(
            errorsWith(event, "price_range", boost::json::parse(R"({"min": {"amount": 5, "currency": "EUR"},
                                                   "max": {"amount": 2, "currency": "EUR"}})")),
            QStringList{"price_range.max: must not be less than min"});
        QCOMPARE(errorsWith(event, "rating", 5), QStringList{"rating: unknown field"});
    }

    void seatStatesHaveFixedNames() {
        const QStringList expected{"available", "held", "sold", "blocked", "allotted"};
        QStringList names;
        for (const auto& [name, state] : kSeatStatusNames) {
            names << QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
            QVERIFY(toString(state) == name);
            QVERIFY(survivesRoundTrip(SeatChange{"A-1", state}));
            QVERIFY(survivesRoundTrip(SeatStateEntry{"A-1", state}));
        }
        QCOMPARE(names, expected);
        QVERIFY(sameJson(toJson(SeatChange{"A-1", SeatStatus::Sold}), R"({"seat": "A-1", "state": "sold"})"));
        QVERIFY(
            sameJson(toJson(SeatStateEntry{"A-1", SeatStatus::Held}), R"({"id": "A-1", "state": "held"})"));
        QCOMPARE(errorsOf<SeatChange>(R"({"seat": "A-1", "state": "reserved"})"),
                 QStringList{R"(state: expected one of "available", "held", "sold", "blocked", "allotted")"});
    }

    void changesWireShape() {
        const ChangesResponse response{"e-1",
                                       40,
                                       43,
                                       {{41, SeatChange{"A-1", SeatStatus::Held}},
                                        {42, GaAvailability{"floor", 118}},
                                        {43, SeatChange{"A-1", SeatStatus::Sold}}}};
        QVERIFY(sameJson(toJson(response), R"({
            "event_id": "e-1", "since": 40, "seq": 43,
            "changes": [
                {"seq": 41, "seat": "A-1", "state": "held"},
                {"seq": 42, "ga_area": "floor", "available": 118},
                {"seq": 43, "seat": "A-1", "state": "sold"}
            ]
        })"));
        QVERIFY(survivesRoundTrip(response));
        QVERIFY(survivesRoundTrip(ChangesResponse{"e-1", 43, 43, {}}));
    }

    void changesRules() {
        const auto changes = [](std::string_view list, int since = 0, int seq = 5) {
            return errorsOf<ChangesResponse>(R"({"event_id": "e", "since": )" + std::to_string(since) +
                                             R"(, "seq": )" + std::to_string(seq) + R"(, "changes": )" +
                                             std::string(list) + "}");
        };
        QCOMPARE(changes(R"([{"seq": 1}])"), QStringList{R"(changes[0]: expected "seat" or "ga_area")"});
        QCOMPARE(changes(R"([{"seq": 1, "seat": "A-1", "state": "held", "available": 3}])"),
                 QStringList{"changes[0].available: unknown field"});
        QCOMPARE(
            changes(R"([{"seq": 1, "ga_area": "floor", "state": "held"}])"),
            (QStringList{"changes[0].available: missing required field", "changes[0].state: unknown field"}));
        QCOMPARE(changes(R"([{"seq": -1, "seat": "A-1", "state": "held"}])"),
                 QStringList{"changes[0].seq: must be between 0 and 9223372036854775807"});
        QCOMPARE(
            changes(
                R"([{"seq": 2, "seat": "A", "state": "held"}, {"seq": 2, "seat": "B", "state": "held"}])"),
            QStringList{"changes[1].seq: must be greater than 2 and at most seq (5)"});
        QCOMPARE(changes(R"([{"seq": 6, "seat": "A", "state": "held"}])"),
                 QStringList{"changes[0].seq: must be greater than 0 and at most seq (5)"});
        QCOMPARE(changes("[]", 6, 5), QStringList{"since: must not be greater than seq (5)"});
    }

    void seatmapCarriesTheLayoutAsIs() {
        SeatmapResponse map{
            "e-1",
            7,
            boost::json::parse(R"({"sections": [{"id": "stalls", "rows": []}], "version": 3})"),
            {{"A-1", SeatStatus::Available}, {"A-2", SeatStatus::Blocked}},
            {{"floor", 200}}};
        QVERIFY(sameJson(toJson(map), R"({
            "event_id": "e-1", "seq": 7,
            "layout": {"sections": [{"id": "stalls", "rows": []}], "version": 3},
            "seats": [{"id": "A-1", "state": "available"}, {"id": "A-2", "state": "blocked"}],
            "ga": [{"area": "floor", "available": 200}]
        })"));
        QVERIFY(survivesRoundTrip(map));
        QCOMPARE(errorsWith(map, "layout", "stalls"), QStringList{"layout: expected an object"});
        QCOMPARE(errorsWith(map, "seq", -1), QStringList{"seq: must be between 0 and 9223372036854775807"});
    }
};

QTEST_APPLESS_MAIN(TestProtocolEvents)
#include "tst_protocol_events.moc"
