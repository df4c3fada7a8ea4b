#include "common/json/decoder.h"
#include "common/money/currency.h"
#include "common/money/money.h"
#include "common/money/money_json.h"
#include "tests/common/support/expected_checks.h"
#include "tests/common/support/json_checks.h"
#include "tests/common/support/money_checks.h"

#include <QtTest>

#include <boost/json/serialize.hpp>

#include <cstdint>
#include <limits>
#include <vector>

using namespace usher;
using namespace usher::testing;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

} // namespace

class TestMoney : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void currencyFromCode_data();
    void currencyFromCode();
    void defaultCurrencyIsNoCurrency();
    void addSameCurrency();
    void subtractSameCurrency();
    void currencyMismatch();
    void addOverflow();
    void subtractOverflow();
    void multiply();
    void multiplyOverflow();
    void sumOfAmounts();
    void sumStopsAtMismatchAndOverflow();
    void jsonRoundTrip();
    void jsonExtremeAmounts();
    void decodeErrors_data();
    void decodeErrors();
};

void TestMoney::currencyFromCode_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("known");
    QTest::addColumn<int>("minorDigits");
    QTest::newRow("EUR") << "EUR" << true << 2;
    QTest::newRow("JPY") << "JPY" << true << 0;
    QTest::newRow("BHD") << "BHD" << true << 3;
    QTest::newRow("USD") << "USD" << true << 2;
    QTest::newRow("typo EUX") << "EUX" << false << 0;
    QTest::newRow("lower case") << "eur" << false << 0;
    QTest::newRow("empty") << "" << false << 0;
    QTest::newRow("too long") << "EURO" << false << 0;
}

void TestMoney::currencyFromCode() {
    QFETCH(QString, code);
    QFETCH(bool, known);
    QFETCH(int, minorDigits);
    const std::string text = code.toStdString();
    const auto result = Currency::fromCode(text);
    QCOMPARE(result.has_value(), known);
    if (known) {
        QCOMPARE(result->code(), std::string_view(text));
        QCOMPARE(result->minorDigits(), minorDigits);
    }
}

void TestMoney::defaultCurrencyIsNoCurrency() {
    QCOMPARE(Currency().code(), std::string_view("XXX"));
    QVERIFY(Currency() != currency("EUR"));
    QCOMPARE(Money().amount, std::int64_t{0});
}

void TestMoney::addSameCurrency() {
    const auto result = add(eur(2500), eur(1250));
    QVERIFY(result);
    QCOMPARE(*result, eur(3750));
    QCOMPARE(VALUE(add(eur(-100), eur(100))), eur(0));
}

void TestMoney::subtractSameCurrency() {
    QCOMPARE(VALUE(subtract(eur(2500), eur(1250))), eur(1250));
    QCOMPARE(VALUE(subtract(eur(0), eur(1))), eur(-1));
}

void TestMoney::currencyMismatch() {
    const Money dollars{100, currency("USD")};
    QCOMPARE(errorOf(add(eur(100), dollars)), code(MoneyError::CurrencyMismatch));
    QCOMPARE(errorOf(subtract(eur(100), dollars)), code(MoneyError::CurrencyMismatch));
    // Same digits, different currency: still a mismatch.
    QCOMPARE(errorOf(add(eur(1), Money{1, currency("GBP")})), code(MoneyError::CurrencyMismatch));
    QVERIFY(!toString(MoneyError::CurrencyMismatch).empty());
}

void TestMoney::addOverflow() {
    QCOMPARE(VALUE(add(eur(kMax - 1), eur(1))), eur(kMax));
    QCOMPARE(errorOf(add(eur(kMax), eur(1))), code(MoneyError::Overflow));
    QCOMPARE(errorOf(add(eur(kMin), eur(-1))), code(MoneyError::Overflow));
    QCOMPARE(VALUE(add(eur(kMin), eur(kMax))), eur(-1));
}

void TestMoney::subtractOverflow() {
    QCOMPARE(VALUE(subtract(eur(kMin + 1), eur(1))), eur(kMin));
    QCOMPARE(errorOf(subtract(eur(kMin), eur(1))), code(MoneyError::Overflow));
    QCOMPARE(errorOf(subtract(eur(0), eur(kMin))), code(MoneyError::Overflow));
    QCOMPARE(errorOf(subtract(eur(kMax), eur(-1))), code(MoneyError::Overflow));
}

void TestMoney::multiply() {
    QCOMPARE(VALUE(usher::multiply(eur(2500), 4)), eur(10000));
    QCOMPARE(VALUE(usher::multiply(eur(2500), 0)), eur(0));
    QCOMPARE(VALUE(usher::multiply(eur(2500), -2)), eur(-5000));
    const Money yen{500, currency("JPY")};
    QCOMPARE(VALUE(usher::multiply(yen, 3)).currency, currency("JPY"));
}

void TestMoney::multiplyOverflow() {
    QCOMPARE(VALUE(usher::multiply(eur(kMax), 1)), eur(kMax));
    QCOMPARE(errorOf(usher::multiply(eur(kMax), 2)), code(MoneyError::Overflow));
    QCOMPARE(errorOf(usher::multiply(eur(kMax / 2 + 1), 2)), code(MoneyError::Overflow));
    QCOMPARE(errorOf(usher::multiply(eur(kMin), -1)), code(MoneyError::Overflow));
    QCOMPARE(errorOf(usher::multiply(eur(-1), kMin)), code(MoneyError::Overflow));
    QVERIFY(!toString(MoneyError::Overflow).empty());
}

void TestMoney::sumOfAmounts() {
    const std::vector<Money> amounts{eur(1000), eur(250), eur(5)};
    QCOMPARE(VALUE(sum(amounts, currency("EUR"))), eur(1255));
    QCOMPARE(VALUE(sum({}, currency("JPY"))), (Money{0, currency("JPY")}));
}

void TestMoney::sumStopsAtMismatchAndOverflow() {
    const std::vector<Money> mixed{eur(1000), Money{5, currency("USD")}};
    QCOMPARE(errorOf(sum(mixed, currency("EUR"))), code(MoneyError::CurrencyMismatch));
    // Every amount must be in the requested currency, even the first.
    const std::vector<Money> euros{eur(1)};
    QCOMPARE(errorOf(sum(euros, currency("USD"))), code(MoneyError::CurrencyMismatch));
    const std::vector<Money> huge{eur(kMax), eur(kMax)};
    QCOMPARE(errorOf(sum(huge, currency("EUR"))), code(MoneyError::Overflow));
    const std::vector<Money> backDown{eur(kMax), eur(1), eur(-2)};
    QCOMPARE(errorOf(sum(backDown, currency("EUR"))), code(MoneyError::Overflow));
}

void TestMoney::jsonRoundTrip() {
    const Money price{2500, currency("EUR")};
    const auto value = toJson(price);
    QCOMPARE(boost::json::serialize(value), std::string(R"({"amount":2500,"currency":"EUR"})"));
    const auto decoded = json::decodeValue<Money>(value);
    QVERIFY(decoded);
    QCOMPARE(*decoded, price);

    const auto fromText = json::decodeJson<Money>(R"({"currency": "BHD", "amount": -1500})");
    QVERIFY(fromText);
    QCOMPARE(*fromText, (Money{-1500, currency("BHD")}));
}

void TestMoney::jsonExtremeAmounts() {
    for (const std::int64_t amount : {kMax, kMin, std::int64_t{0}}) {
        const Money money{amount, currency("JPY")};
        const auto decoded = json::decodeValue<Money>(toJson(money));
        QVERIFY(decoded);
        QCOMPARE(decoded->amount, amount);
    }
}

void TestMoney::decodeErrors_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object") << "[1]"
                                   << ""
                                   << "expected an object";
    QTest::newRow("amount as string") << R"({"amount":"25.00","currency":"EUR"})"
                                      << "amount"
                                      << "expected an integer";
    QTest::newRow("fractional amount") << R"({"amount":25.5,"currency":"EUR"})"
                                       << "amount"
                                       << "expected an integer";
    QTest::newRow("amount beyond int64") << R"({"amount":9223372036854775808,"currency":"EUR"})"
                                         << "amount"
                                         << "must be at most";
    QTest::newRow("currency as number") << R"({"amount":1,"currency":978})"
                                        << "currency"
                                        << "expected a string";
    QTest::newRow("unknown currency") << R"({"amount":1,"currency":"EUX"})"
                                      << "currency"
                                      << "unknown ISO 4217 currency";
    QTest::newRow("missing amount") << R"({"currency":"EUR"})"
                                    << "amount"
                                    << "missing required field";
    QTest::newRow("missing currency") << R"({"amount":1})"
                                      << "currency"
                                      << "missing required field";
    QTest::newRow("unknown field") << R"({"amount":1,"currency":"EUR","cents":true})"
                                   << "cents"
                                   << "unknown field";
}

void TestMoney::decodeErrors() {
    QFETCH(QString, text);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const auto result = json::decodeJson<Money>(text.toStdString());
    QVERIFY(!result);
    QVERIFY2(hasError(result.error(), path.toStdString(), message.toStdString()),
             describe(result.error()).constData());
}

QTEST_APPLESS_MAIN(TestMoney)
#include "tst_money.moc"
