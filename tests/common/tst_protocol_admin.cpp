#include "common/protocol/admin.h"
#include "common/protocol/time_json.h"

#include <QtTest>

#include <boost/json/serialize.hpp>

using namespace usher;
using namespace usher::protocol;

namespace {

template <typename T>
Expected<T, json::DecodeErrors> decoded(std::string_view text) {
    return json::decodeJson<T>(text);
}

template <typename T>
QString firstError(std::string_view text) {
    auto result = decoded<T>(text);
    return result ? QString() : QString::fromStdString(result.error().front().toString());
}

} // namespace

class TestProtocolAdmin : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void messagesRoundTrip() {
        BlockRequest block{{"A-1", "A-2"}, "house seats", "#aa2200", parseTimestamp("2026-12-24T18:00:00Z")};
        QVERIFY(decoded<BlockRequest>(boost::json::serialize(toJson(block))).value() == block);
        AllotmentRequest allotment{"box_office", std::string("Counter 1"), {"B-1"}, {{"floor", 200}}, "door"};
        QVERIFY(decoded<AllotmentRequest>(boost::json::serialize(toJson(allotment))).value() == allotment);
        EventInput input;
        input.name = "Gala";
        input.layoutVersion = 2;
        input.doorsAt = parseTimestamp("2026-12-24T17:00:00Z");
        input.maxPerCustomer = 0;
        QVERIFY(decoded<EventInput>(boost::json::serialize(toJson(input))).value() == input);
        StaffInput staff;
        staff.email = "anna@venue.example";
        staff.role = Role::Clerk;
        staff.disabled = true;
        QVERIFY(decoded<StaffInput>(boost::json::serialize(toJson(staff))).value() == staff);
        EventStatusRequest status{EventStatus::Cancelled, "storm"};
        QVERIFY(decoded<EventStatusRequest>(boost::json::serialize(toJson(status))).value() == status);
    }

    void badInputIsNamedByPath() {
        QCOMPARE(firstError<BlockRequest>(R"({"seats":["A-1"],"reason":"x","color":"red"})"),
                 QStringLiteral("color: must be a colour like \"#1f77b4\""));
        QCOMPARE(firstError<BlockRequest>(R"({"seats":["A-1","A-1"],"reason":"x","color":"#aabbcc"})"),
                 QStringLiteral("seats[1]: duplicate seat id \"A-1\""));
        QCOMPARE(firstError<AllotmentRequest>(R"({"channel":"box_office"})"),
                 QStringLiteral("(document): an allotment needs seats or standing places"));
        QCOMPARE(firstError<AllotmentRequest>(R"({"channel":"x","ga":[{"area":"f","quantity":0}]})"),
                 QStringLiteral("ga[0].quantity: must be between 1 and 1000000"));
        QCOMPARE(firstError<EventInput>(R"({"hold_ttl_seconds":5})"),
                 QStringLiteral("hold_ttl_seconds: must be between 30 and 3600"));
        QCOMPARE(firstError<EventInput>(R"({"starts_at":"tomorrow"})").left(11),
                 QStringLiteral("starts_at: "));
        QCOMPARE(firstError<EventInput>(R"({"venue":"x"})"), QStringLiteral("venue: unknown field"));
        QCOMPARE(firstError<StaffInput>(R"({"email":"not-an-email"})").left(7), QStringLiteral("email: "));
        QCOMPARE(firstError<StaffInput>(R"({"password":"short"})"),
                 QStringLiteral("password: must be at least 8 characters"));
        QCOMPARE(firstError<StaffInput>(R"({"role":"owner"})").left(6), QStringLiteral("role: "));
        QCOMPARE(firstError<EventStatusRequest>(R"({"status":"sold_out"})").left(8),
                 QStringLiteral("status: "));
    }
};

QTEST_APPLESS_MAIN(TestProtocolAdmin)
#include "tst_protocol_admin.moc"
