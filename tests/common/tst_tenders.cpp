#include "common/pricing/tenders.h"
#include "tests/common/support/money_checks.h"

#include <QTest>

using namespace usher;
using namespace usher::testing;
using protocol::CardPresentPayment;
using protocol::CashPayment;
using protocol::PaymentMethod;
using protocol::TestCardPayment;

namespace {

// The first error's path, or "ok".
std::string pathOf(const Expected<TenderPlan, json::DecodeErrors>& plan) {
    return plan ? std::string("ok") : plan.error().front().path;
}

} // namespace

class TestTenders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void singleTenders() {
        const auto cash = planTenders({CashPayment{eur(10000)}}, eur(8250));
        QVERIFY(cash.hasValue());
        QCOMPARE(cash->change, std::optional<std::int64_t>(1750));
        QCOMPARE(cash->lines, (std::vector<TenderLine>{{PaymentMethod::Cash, 8250, 10000, std::nullopt}}));
        QCOMPARE(planTenders({CashPayment{eur(8250)}}, eur(8250))->change, std::optional<std::int64_t>(0));
        QCOMPARE(pathOf(planTenders({CashPayment{eur(8249)}}, eur(8250))), std::string("payment.tendered"));
        QCOMPARE(pathOf(planTenders({CashPayment{Money{9000, *Currency::fromCode("USD")}}}, eur(8250))),
                 std::string("payment.tendered"));

        const auto card = planTenders({CardPresentPayment{"T-1"}}, eur(8250));
        QCOMPARE(card->lines,
                 (std::vector<TenderLine>{{PaymentMethod::CardPresent, 8250, std::nullopt, "T-1"}}));
        QVERIFY(!card->change);
        QCOMPARE(pathOf(planTenders({CardPresentPayment{"T-1", eur(8000)}}, eur(8250))),
                 std::string("payment"));
        QCOMPARE(planTenders({TestCardPayment{"tok_visa"}}, eur(8250))->lines.front().amount,
                 std::int64_t{8250});
        QCOMPARE(pathOf(planTenders({}, eur(1))), std::string("payment"));
    }

    void splitTenders() {
        const auto split =
            planTenders({CardPresentPayment{"T-1", eur(5000)}, CashPayment{eur(5000)}}, eur(8250));
        QVERIFY(split.hasValue());
        QCOMPARE(split->lines[0].amount, std::int64_t{5000});
        QCOMPARE(split->lines[1].amount, std::int64_t{3250});
        QCOMPARE(split->change, std::optional<std::int64_t>(1750));
        QVERIFY(
            planTenders({CardPresentPayment{"A", eur(4000)}, CardPresentPayment{"B", eur(4250)}}, eur(8250)));
        QCOMPARE(pathOf(planTenders({CardPresentPayment{"A"}, CashPayment{eur(9000)}}, eur(8250))),
                 std::string("payments[0].amount"));
        QCOMPARE(pathOf(planTenders({CardPresentPayment{"A", eur(9000)}, CashPayment{eur(0)}}, eur(8250))),
                 std::string("payments"));
        QCOMPARE(pathOf(planTenders({CardPresentPayment{"A", eur(8250)}, CashPayment{eur(0)}}, eur(8250))),
                 std::string("payments[1].tendered"));
        QCOMPARE(pathOf(planTenders({CashPayment{eur(1)}, CashPayment{eur(9000)}}, eur(8250))),
                 std::string("payments[1].method"));
        QCOMPARE(pathOf(planTenders({TestCardPayment{"tok_visa"}, CashPayment{eur(9000)}}, eur(8250))),
                 std::string("payments[0].method"));
    }
};

QTEST_APPLESS_MAIN(TestTenders)
#include "tst_tenders.moc"
