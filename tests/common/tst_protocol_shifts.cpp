#include "common/protocol/shifts.h"
#include "tests/common/support/json_checks.h"
#include "tests/common/support/money_checks.h"

#include <QTest>

#include <chrono>

using namespace usher;
using namespace usher::testing;
using namespace usher::protocol;

class TestProtocolShifts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void requests() {
        const OpenShiftRequest open{"Counter 1", eur(15000)};
        QVERIFY(
            sameJson(toJson(open),
                     R"({"device": "Counter 1", "opening_float": {"amount": 15000, "currency": "EUR"}})"));
        QVERIFY(survivesRoundTrip(open));
        const CloseShiftRequest close{eur(16900), eur(3000)};
        QVERIFY(sameJson(toJson(close), R"({"counted_cash": {"amount": 16900, "currency": "EUR"},
                                            "counted_card_present": {"amount": 3000, "currency": "EUR"}})"));
        QVERIFY(survivesRoundTrip(close));
        QVERIFY(survivesRoundTrip(CloseShiftRequest{eur(0), std::nullopt}));

        QCOMPARE(errorsOf<OpenShiftRequest>(R"({"opening_float": {"amount": 0, "currency": "EUR"}})"),
                 QStringList{"device: missing required field"});
        QCOMPARE(errorsOf<OpenShiftRequest>(
                     R"({"device": "C", "opening_float": {"amount": -1, "currency": "EUR"}})"),
                 QStringList{"opening_float.amount: must be between 0 and 1000000000000"});
        QCOMPARE(errorsOf<CloseShiftRequest>(R"({"counted_card_present": {"amount": 1, "currency": "EUR"}})"),
                 QStringList{"counted_cash: missing required field"});
        QCOMPARE(
            errorsOf<CloseShiftRequest>(R"({"counted_cash": {"amount": 1, "currency": "EUR"}, "extra": 1})"),
            QStringList{"extra: unknown field"});
    }

    void reportWireShape() {
        using namespace std::chrono;
        ShiftReport report;
        report.shiftId = "s-1";
        report.device = "Counter 1";
        report.clerkId = "7";
        report.clerkName = "Anna";
        report.status = ShiftStatus::Closed;
        report.openedAt = sys_days{2026y / December / 7} + 17h;
        report.closedAt = sys_days{2026y / December / 7} + 23h;
        report.openingFloat = eur(15000);
        report.orders = 3;
        report.refunds = 1;
        report.tenders = {
            {PaymentMethod::Cash, eur(9500), eur(1500), eur(23000), eur(22900), eur(-100)},
            {PaymentMethod::CardPresent, eur(8000), eur(0), eur(8000), std::nullopt, std::nullopt}};
        report.ticketTypes = {{"adult", 4, eur(16000), 0, eur(0)}, {"child", 1, eur(1500), 1, eur(1500)}};
        QVERIFY(survivesRoundTrip(report));
        const auto json = toJson(report);
        QCOMPARE(json.at("status").as_string(), "closed");
        QVERIFY(sameJson(json.at("tenders").at(0), R"({"method": "cash",
            "sales": {"amount": 9500, "currency": "EUR"}, "refunds": {"amount": 1500, "currency": "EUR"},
            "expected": {"amount": 23000, "currency": "EUR"}, "counted": {"amount": 22900, "currency": "EUR"},
            "variance": {"amount": -100, "currency": "EUR"}})"));
        report.status = ShiftStatus::Open;
        report.closedAt.reset();
        QVERIFY(!toJson(report).as_object().contains("closed_at"));
        QVERIFY(survivesRoundTrip(report));
    }
};

QTEST_APPLESS_MAIN(TestProtocolShifts)
#include "tst_protocol_shifts.moc"
