#include "common/protocol/time_json.h"

#include <QTest>

#include <boost/json/parse.hpp>

#include <chrono>

using namespace std::chrono;
using usher::Timestamp;
using usher::protocol::formatTimestamp;
using usher::protocol::parseTimestamp;

Q_DECLARE_METATYPE(usher::Timestamp)

namespace {

Timestamp at(year_month_day date, hours h = hours{0}, minutes m = minutes{0}, seconds s = seconds{0},
             microseconds us = microseconds{0}) {
    return sys_days{date} + h + m + s + us;
}

} // namespace

class TestProtocolTime : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formatsUtcWithMinimalFraction_data() {
        QTest::addColumn<Timestamp>("time");
        QTest::addColumn<QString>("text");
        QTest::newRow("epoch") << Timestamp{} << "1970-01-01T00:00:00Z";
        QTest::newRow("whole seconds") << at(2025y / March / 1, 19h, 30min) << "2025-03-01T19:30:00Z";
        QTest::newRow("milliseconds")
            << at(2025y / March / 1, 19h, 30min, 5s, 250ms) << "2025-03-01T19:30:05.250Z";
        QTest::newRow("microseconds")
            << at(2025y / March / 1, 0h, 0min, 0s, 1us) << "2025-03-01T00:00:00.000001Z";
        QTest::newRow("last instant of 9999")
            << at(9999y / December / 31, 23h, 59min, 59s, 999999us) << "9999-12-31T23:59:59.999999Z";
        QTest::newRow("year zero") << at(0y / January / 1) << "0000-01-01T00:00:00Z";
        QTest::newRow("before the epoch")
            << at(1969y / December / 31, 23h, 59min, 59s) << "1969-12-31T23:59:59Z";
    }
    void formatsUtcWithMinimalFraction() {
        QFETCH(Timestamp, time);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatTimestamp(time)), text);
        QVERIFY(parseTimestamp(text.toStdString()) == time);
    }

    void parsesAndNormalisesToUtc_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Timestamp>("time");
        const Timestamp evening = at(2025y / March / 1, 19h, 30min);
        QTest::newRow("Z") << "2025-03-01T19:30:00Z" << evening;
        QTest::newRow("lower-case t and z") << "2025-03-01t19:30:00z" << evening;
        QTest::newRow("positive offset") << "2025-03-01T20:30:00+01:00" << evening;
        QTest::newRow("negative offset") << "2025-03-01T14:00:00-05:30" << evening;
        QTest::newRow("-00:00 means UTC") << "2025-03-01T19:30:00-00:00" << evening;
        QTest::newRow("offset crosses midnight") << "2025-03-02T01:30:00+06:00" << evening;
        QTest::newRow("offset crosses a year")
            << "2024-12-31T23:30:00-01:00" << at(2025y / January / 1, 0h, 30min);
        QTest::newRow("one fraction digit") << "2025-03-01T19:30:00.5Z" << evening + 500ms;
        QTest::newRow("nanoseconds truncate") << "2025-03-01T19:30:00.123456789Z" << evening + 123456us;
        QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << at(2024y / February / 29);
        QTest::newRow("leap day of 2000") << "2000-02-29T12:00:00Z" << at(2000y / February / 29, 12h);
    }
    void parsesAndNormalisesToUtc() {
        QFETCH(QString, text);
        QFETCH(Timestamp, time);
        const auto parsed = parseTimestamp(text.toStdString());
        QVERIFY(parsed.has_value());
        QCOMPARE(QString::fromStdString(formatTimestamp(*parsed)),
                 QString::fromStdString(formatTimestamp(time)));
    }

    void rejectsAnythingElse_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("date only") << "2025-03-01";
        QTest::newRow("no offset") << "2025-03-01T19:30:00";
        QTest::newRow("no seconds") << "2025-03-01T19:30Z";
        QTest::newRow("space separator") << "2025-03-01 19:30:00Z";
        QTest::newRow("short month") << "2025-3-01T19:30:00Z";
        QTest::newRow("month 13") << "2025-13-01T19:30:00Z";
        QTest::newRow("month 0") << "2025-00-01T19:30:00Z";
        QTest::newRow("day 32") << "2025-01-32T19:30:00Z";
        QTest::newRow("31 April") << "2025-04-31T00:00:00Z";
        QTest::newRow("29 February 2023") << "2023-02-29T00:00:00Z";
        QTest::newRow("29 February 2100") << "2100-02-29T00:00:00Z";
        QTest::newRow("hour 24") << "2025-03-01T24:00:00Z";
        QTest::newRow("minute 60") << "2025-03-01T19:60:00Z";
        QTest::newRow("leap second") << "2016-12-31T23:59:60Z";
        QTest::newRow("dot without digits") << "2025-03-01T19:30:00.Z";
        QTest::newRow("offset without colon") << "2025-03-01T19:30:00+0100";
        QTest::newRow("offset hour 24") << "2025-03-01T19:30:00+24:00";
        QTest::newRow("offset minute 60") << "2025-03-01T19:30:00+01:60";
        QTest::newRow("named zone") << "2025-03-01T19:30:00 CET";
        QTest::newRow("trailing text") << "2025-03-01T19:30:00Zjunk";
        QTest::newRow("leading space") << " 2025-03-01T19:30:00Z";
        QTest::newRow("five-digit year") << "12025-03-01T19:30:00Z";
        QTest::newRow("signs in digits") << "2025-0+-01T19:30:00Z";
        QTest::newRow("epoch seconds") << "1740857400";
        // Offsets must not push the UTC time out of the four-digit years it can be written in.
        QTest::newRow("before year 0000 in UTC") << "0000-01-01T00:00:00+00:01";
        QTest::newRow("after year 9999 in UTC") << "9999-12-31T23:59:00-00:01";
    }
    void rejectsAnythingElse() {
        QFETCH(QString, text);
        QVERIFY(!parseTimestamp(text.toStdString()).has_value());
    }

    void decodeReportsAtThePath() {
        Timestamp time;
        usher::json::Decoder ok;
        decode(ok, boost::json::parse(R"("2025-03-01T20:30:00+01:00")"), usher::protocol::Rfc3339{time});
        QVERIFY(ok.ok());
        QCOMPARE(QString::fromStdString(formatTimestamp(time)), QString("2025-03-01T19:30:00Z"));

        usher::json::Decoder garbage;
        {
            auto scope = garbage.at("expires_at");
            decode(garbage, boost::json::parse(R"("tomorrow")"), usher::protocol::Rfc3339{time});
        }
        QCOMPARE(garbage.errors().size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(garbage.errors()[0].toString()),
                 QString(R"(expires_at: expected an RFC 3339 date-time such as "2025-03-01T19:30:00Z")"));

        usher::json::Decoder number;
        decode(number, boost::json::parse("1740857400"), usher::protocol::Rfc3339{time});
        QCOMPARE(QString::fromStdString(number.errors().at(0).message),
                 QString("expected an RFC 3339 date-time string"));
        // A failed decode leaves the target as it was.
        QCOMPARE(QString::fromStdString(formatTimestamp(time)), QString("2025-03-01T19:30:00Z"));
    }
};

QTEST_APPLESS_MAIN(TestProtocolTime)
#include "tst_protocol_time.moc"
