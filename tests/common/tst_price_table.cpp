#include "common/json/decoder.h"
#include "common/money/currency.h"
#include "common/money/money.h"
#include "common/pricing/price_table.h"
#include "common/pricing/price_table_json.h"
#include "tests/common/support/expected_checks.h"
#include "tests/common/support/json_checks.h"
#include "tests/common/support/money_checks.h"

#include <QtTest>

#include <boost/json/serialize.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace usher;
using namespace usher::testing;

namespace {

// Categories A and B; A has adult and concession, B only adult. The table knows a child type
// without any child price.
PriceTable theatreTable() {
    PriceTable table(currency("EUR"));
    Q_UNUSED(table.addTicketType({"adult", "Adult"}));
    Q_UNUSED(table.addTicketType({"concession", "Concession"}));
    Q_UNUSED(table.addTicketType({"child", "Child"}));
    Q_UNUSED(table.setPrice("A", "adult", eur(4500)));
    Q_UNUSED(table.setPrice("A", "concession", eur(3000)));
    Q_UNUSED(table.setPrice("B", "adult", eur(2500)));
    return table;
}

const char* kTheatreJson =
    R"({"currency":"EUR",)"
    R"("ticket_types":[{"id":"adult","name":"Adult"},)"
    R"({"id":"concession","name":"Concession"},{"id":"child","name":"Child"}],)"
    R"("prices":[{"category":"A","ticket_type":"adult","price":{"amount":4500,"currency":"EUR"}},)"
    R"({"category":"A","ticket_type":"concession","price":{"amount":3000,"currency":"EUR"}},)"
    R"({"category":"B","ticket_type":"adult","price":{"amount":2500,"currency":"EUR"}}]})";

} // namespace

class TestPriceTable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyTable();
    void ticketTypes();
    void setAndLookUp();
    void setPriceReplaces();
    void setPriceRejects();
    void lookUpErrors();
    void freePrice();
    void priceRange();
    void total();
    void totalErrors();
    void totalOverflow();
    void errorNames();
    void jsonEncode();
    void jsonRoundTrip();
    void jsonRoundTripEmptyAndZeroDigitCurrency();
    void decodeErrors_data();
    void decodeErrors();
    void decodeReportsEveryError();
};

void TestPriceTable::emptyTable() {
    const PriceTable table(currency("JPY"));
    QCOMPARE(table.currency(), currency("JPY"));
    QVERIFY(table.ticketTypes().empty());
    QVERIFY(table.prices().empty());
    QVERIFY(!table.priceRange().has_value());
    const auto sum = table.total({});
    QVERIFY(sum);
    QCOMPARE(*sum, (Money{0, currency("JPY")}));
}

void TestPriceTable::ticketTypes() {
    PriceTable table(currency("EUR"));
    QVERIFY(table.addTicketType({"adult", "Adult"}));
    QCOMPARE(errorOf(table.addTicketType({"adult", "Grown-up"})), code(PriceError::DuplicateTicketType));
    QCOMPARE(errorOf(table.addTicketType({"", "Nameless"})), code(PriceError::InvalidId));
    QCOMPARE(table.ticketTypes().size(), std::size_t{1});
    QCOMPARE(table.ticketTypes().front().name, std::string("Adult"));
    QVERIFY(table.findTicketType("adult") != nullptr);
    QVERIFY(table.findTicketType("child") == nullptr);
}

void TestPriceTable::setAndLookUp() {
    const PriceTable table = theatreTable();
    QCOMPARE(VALUE(table.price("A", "adult")), eur(4500));
    QCOMPARE(VALUE(table.price("A", "concession")), eur(3000));
    QCOMPARE(VALUE(table.price("B", "adult")), eur(2500));
    QVERIFY(table.hasCategory("A"));
    QVERIFY(!table.hasCategory("C"));
    QCOMPARE(table.prices().size(), std::size_t{3});
}

void TestPriceTable::setPriceReplaces() {
    PriceTable table = theatreTable();
    QVERIFY(table.setPrice("A", "adult", eur(5000)));
    QCOMPARE(VALUE(table.price("A", "adult")), eur(5000));
    QCOMPARE(table.prices().size(), std::size_t{3});
}

void TestPriceTable::setPriceRejects() {
    PriceTable table = theatreTable();
    const PriceTable before = table;
    QCOMPARE(errorOf(table.setPrice("A", "adult", Money{4500, currency("USD")})),
             code(PriceError::CurrencyMismatch));
    QCOMPARE(errorOf(table.setPrice("A", "adult", Money{4500, Currency()})),
             code(PriceError::CurrencyMismatch));
    QCOMPARE(errorOf(table.setPrice("A", "adult", eur(-1))), code(PriceError::NegativeAmount));
    QCOMPARE(errorOf(table.setPrice("A", "student", eur(100))), code(PriceError::UnknownTicketType));
    QCOMPARE(errorOf(table.setPrice("", "adult", eur(100))), code(PriceError::InvalidId));
    QCOMPARE(errorOf(table.setPrice("A", "", eur(100))), code(PriceError::InvalidId));
    // A refused change leaves the table as it was.
    QVERIFY(table == before);
}

void TestPriceTable::lookUpErrors() {
    const PriceTable table = theatreTable();
    QCOMPARE(errorOf(table.price("C", "adult")), code(PriceError::UnknownCategory));
    QCOMPARE(errorOf(table.price("A", "student")), code(PriceError::UnknownTicketType));
    QCOMPARE(errorOf(table.price("B", "concession")), code(PriceError::NoPrice));
    QCOMPARE(errorOf(table.price("A", "child")), code(PriceError::NoPrice));
    // An unknown ticket type is reported before an unknown category.
    QCOMPARE(errorOf(table.price("C", "student")), code(PriceError::UnknownTicketType));
}

void TestPriceTable::freePrice() {
    PriceTable table = theatreTable();
    QVERIFY(table.setPrice("A", "child", eur(0)));
    QCOMPARE(VALUE(table.price("A", "child")), eur(0));
    QVERIFY(table.priceRange().has_value());
    QCOMPARE(table.priceRange()->min, eur(0));
}

void TestPriceTable::priceRange() {
    const PriceTable table = theatreTable();
    const auto range = table.priceRange();
    QVERIFY(range.has_value());
    QCOMPARE(range->min, eur(2500));
    QCOMPARE(range->max, eur(4500));

    PriceTable single(currency("EUR"));
    QVERIFY(single.addTicketType({"adult", "Adult"}));
    QVERIFY(single.setPrice("A", "adult", eur(1000)));
    QVERIFY(single.priceRange() == std::optional<PriceRange>(PriceRange{eur(1000), eur(1000)}));
}

void TestPriceTable::total() {
    const PriceTable table = theatreTable();
    const std::vector<PriceLine> basket{{"A", "adult"}, {"A", "adult"}, {"A", "concession"}, {"B", "adult"}};
    const auto sum = table.total(basket);
    QVERIFY(sum);
    QCOMPARE(*sum, eur(4500 + 4500 + 3000 + 2500));
}

void TestPriceTable::totalErrors() {
    const PriceTable table = theatreTable();
    const std::vector<PriceLine> unknownCategory{{"A", "adult"}, {"Z", "adult"}};
    QCOMPARE(errorOf(table.total(unknownCategory)), code(PriceError::UnknownCategory));
    const std::vector<PriceLine> unknownType{{"A", "student"}};
    QCOMPARE(errorOf(table.total(unknownType)), code(PriceError::UnknownTicketType));
    const std::vector<PriceLine> noPrice{{"B", "child"}};
    QCOMPARE(errorOf(table.total(noPrice)), code(PriceError::NoPrice));
}

void TestPriceTable::totalOverflow() {
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    PriceTable table(currency("EUR"));
    QVERIFY(table.addTicketType({"adult", "Adult"}));
    QVERIFY(table.addTicketType({"child", "Child"}));
    QVERIFY(table.setPrice("A", "adult", eur(kMax)));
    QVERIFY(table.setPrice("A", "child", eur(0)));
    const std::vector<PriceLine> fits{{"A", "adult"}, {"A", "child"}};
    QCOMPARE(VALUE(table.total(fits)), eur(kMax));
    const std::vector<PriceLine> twice{{"A", "adult"}, {"A", "adult"}};
    QCOMPARE(errorOf(table.total(twice)), code(PriceError::Overflow));

    QVERIFY(table.setPrice("A", "adult", eur(kMax / 2 + 1)));
    QCOMPARE(errorOf(table.total(twice)), code(PriceError::Overflow));
    QVERIFY(table.setPrice("A", "adult", eur(kMax / 2)));
    QCOMPARE(VALUE(table.total(twice)), eur(kMax - 1));
}

void TestPriceTable::errorNames() {
    QCOMPARE(code(PriceError::UnknownCategory), QByteArray("unknown_category"));
    QCOMPARE(code(PriceError::UnknownTicketType), QByteArray("unknown_ticket_type"));
    QCOMPARE(code(PriceError::NoPrice), QByteArray("no_price"));
    QCOMPARE(code(PriceError::Overflow), QByteArray("overflow"));
}

void TestPriceTable::jsonEncode() {
    const std::string text = boost::json::serialize(toJson(theatreTable()));
    QCOMPARE(text, std::string(kTheatreJson));
}

void TestPriceTable::jsonRoundTrip() {
    const PriceTable table = theatreTable();
    const auto decoded = json::decodeValue<PriceTable>(toJson(table));
    QVERIFY2(decoded, decoded ? "" : describe(decoded.error()).constData());
    QVERIFY(*decoded == table);

    const auto fromText = json::decodeJson<PriceTable>(kTheatreJson);
    QVERIFY(fromText);
    QVERIFY(*fromText == table);
    QCOMPARE(VALUE(fromText->price("A", "concession")), eur(3000));
}

void TestPriceTable::jsonRoundTripEmptyAndZeroDigitCurrency() {
    PriceTable yen(currency("JPY"));
    QVERIFY(yen.addTicketType({"adult", "大人"}));
    QVERIFY(yen.setPrice("S", "adult", Money{12000, currency("JPY")}));
    const auto decoded = json::decodeValue<PriceTable>(toJson(yen));
    QVERIFY(decoded);
    QVERIFY(*decoded == yen);

    const PriceTable empty(currency("BHD"));
    const auto decodedEmpty = json::decodeValue<PriceTable>(toJson(empty));
    QVERIFY(decodedEmpty);
    QVERIFY(*decodedEmpty == empty);
}

void TestPriceTable::decodeErrors_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    const QString types = R"("ticket_types":[{"id":"adult","name":"Adult"},{"id":"child","name":"Child"}])";
    auto doc = [&types](const QString& prices) {
        return QString(R"({"currency":"EUR",%1,"prices":[%2]})").arg(types, prices);
    };
    const QString adultA =
        R"({"category":"A","ticket_type":"adult","price":{"amount":100,"currency":"EUR"}})";

    QTest::newRow("not an object") << "[]"
                                   << ""
                                   << "expected an object";
    QTest::newRow("unknown table currency") << R"({"currency":"EUX","ticket_types":[],"prices":[]})"
                                            << "currency"
                                            << "unknown ISO 4217";
    QTest::newRow("missing prices") << R"({"currency":"EUR","ticket_types":[]})"
                                    << "prices"
                                    << "missing required field";
    QTest::newRow("unknown top-level field") << R"({"currency":"EUR","ticket_types":[],"prices":[],"vat":20})"
                                             << "vat"
                                             << "unknown field";
    QTest::newRow("ticket types not an array") << R"({"currency":"EUR","ticket_types":{},"prices":[]})"
                                               << "ticket_types"
                                               << "expected an array";
    QTest::newRow("duplicate ticket type")
        << R"({"currency":"EUR","ticket_types":[{"id":"a","name":"A"},{"id":"a","name":"B"}],"prices":[]})"
        << "ticket_types[1].id"
        << "duplicate ticket type";
    QTest::newRow("empty ticket type id")
        << R"({"currency":"EUR","ticket_types":[{"id":"","name":"A"}],"prices":[]})"
        << "ticket_types[0].id"
        << "must not be empty";
    QTest::newRow("unknown field in ticket type")
        << R"({"currency":"EUR","ticket_types":[{"id":"a","name":"A","age":12}],"prices":[]})"
        << "ticket_types[0].age"
        << "unknown field";
    QTest::newRow("price in another currency")
        << doc(adultA + R"(,{"category":"A","ticket_type":"child","price":{"amount":50,"currency":"USD"}})")
        << "prices[1].price.currency"
        << "price in USD, table in EUR";
    QTest::newRow("duplicate price") << doc(adultA + "," + adultA) << "prices[1]"
                                     << "duplicate price";
    QTest::newRow("unknown ticket type")
        << doc(R"({"category":"A","ticket_type":"senior","price":{"amount":50,"currency":"EUR"}})")
        << "prices[0].ticket_type"
        << "unknown ticket type \"senior\"";
    QTest::newRow("negative amount")
        << doc(R"({"category":"A","ticket_type":"adult","price":{"amount":-1,"currency":"EUR"}})")
        << "prices[0].price.amount"
        << "must not be negative";
    QTest::newRow("amount as text")
        << doc(R"({"category":"A","ticket_type":"adult","price":{"amount":"1","currency":"EUR"}})")
        << "prices[0].price.amount"
        << "expected an integer";
    QTest::newRow("unknown price currency")
        << doc(R"({"category":"A","ticket_type":"adult","price":{"amount":1,"currency":"EUX"}})")
        << "prices[0].price.currency"
        << "unknown ISO 4217";
    QTest::newRow("empty category")
        << doc(R"({"category":"","ticket_type":"adult","price":{"amount":1,"currency":"EUR"}})")
        << "prices[0].category"
        << "must not be empty";
    QTest::newRow("missing price") << doc(R"({"category":"A","ticket_type":"adult"})") << "prices[0].price"
                                   << "missing required field";
    QTest::newRow("unknown field in price line")
        << doc(R"({"category":"A","ticket_type":"adult","price":{"amount":1,"currency":"EUR"},"vat":1})")
        << "prices[0].vat"
        << "unknown field";
    QTest::newRow("price line not an object") << doc("42") << "prices[0]"
                                              << "expected an object";
}

void TestPriceTable::decodeErrors() {
    QFETCH(QString, text);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const auto result = json::decodeJson<PriceTable>(text.toStdString());
    QVERIFY(!result);
    QVERIFY2(hasError(result.error(), path.toStdString(), message.toStdString()),
             describe(result.error()).constData());
}

void TestPriceTable::decodeReportsEveryError() {
    const auto result = json::decodeJson<PriceTable>(
        R"({"currency":"EUR","ticket_types":[{"id":"adult","name":"Adult"}],"prices":[)"
        R"({"category":"A","ticket_type":"adult","price":{"amount":-5,"currency":"EUR"}},)"
        R"({"category":"A","ticket_type":"adult","price":{"amount":5,"currency":"GBP"}},)"
        R"({"category":"B","ticket_type":"kid","price":{"amount":5,"currency":"EUR"}},)"
        R"({"category":"C","ticket_type":"adult","price":{"amount":5,"currency":"EUR"}},)"
        R"({"category":"C","ticket_type":"adult","price":{"amount":6,"currency":"EUR"}}]})");
    QVERIFY(!result);
    const auto& errors = result.error();
    QVERIFY2(errors.size() == 4, describe(errors).constData());
    QVERIFY(hasError(errors, "prices[0].price.amount", "negative"));
    QVERIFY(hasError(errors, "prices[1].price.currency", "GBP"));
    QVERIFY(hasError(errors, "prices[2].ticket_type", "kid"));
    QVERIFY(hasError(errors, "prices[4]", "duplicate price for category \"C\" and ticket type \"adult\""));
}

QTEST_APPLESS_MAIN(TestPriceTable)
#include "tst_price_table.moc"
