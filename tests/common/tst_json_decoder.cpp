#include "common/json/decoder.h"
#include "common/json/pretty.h"

#include <QtTest>

#include <boost/json/parse.hpp>

using namespace usher;
using namespace usher::json;

namespace {

enum class Colour { Red, Green };
constexpr std::array<std::pair<std::string_view, Colour>, 2> kColours{
    {{"red", Colour::Red}, {"green", Colour::Green}}};

struct Item {
    std::string name;
    std::int64_t count = 0;
    Colour colour = Colour::Red;
    std::optional<double> weight;
};

struct Order {
    std::vector<Item> items;
    bool gift = false;
};

void decode(Decoder& d, const boost::json::value& v, Item& out) {
    ObjectReader fields(d, v);
    fields.required("name", Text{out.name, 1, 8});
    fields.required("count", inRange<std::int64_t>(out.count, 1, 10));
    fields.optional("colour", oneOf(out.colour, kColours));
    fields.optional("weight", out.weight);
}

void decode(Decoder& d, const boost::json::value& v, Order& out) {
    ObjectReader fields(d, v);
    fields.required("items", out.items);
    fields.optional("gift", out.gift);
}

QStringList errorsOf(std::string_view text) {
    auto decoded = decodeJson<Order>(text);
    QStringList lines;
    if (!decoded) {
        for (const auto& error : decoded.error()) {
            lines << QString::fromStdString(error.toString());
        }
    }
    return lines;
}

} // namespace

class TestJsonDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodesAValidDocument() {
        auto order = decodeJson<Order>(
            R"({"items":[{"name":"tea","count":2,"colour":"green","weight":0.5}],"gift":true})");
        QVERIFY(order.hasValue());
        QCOMPARE(order->items.size(), 1u);
        QCOMPARE(order->items[0].name, std::string("tea"));
        QCOMPARE(order->items[0].count, 2);
        QCOMPARE(order->items[0].colour, Colour::Green);
        QCOMPARE(order->items[0].weight.value_or(0), 0.5);
        QVERIFY(order->gift);
    }

    void reportsEveryErrorWithItsPath() {
        const auto errors =
            errorsOf(R"({"items":[{"name":"","count":11},{"count":"2","colour":"blue","x":1}],"gift":null})");
        QCOMPARE(errors,
                 (QStringList{"items[0].name: must not be empty", "items[0].count: must be between 1 and 10",
                              "items[1].name: missing required field", "items[1].count: expected an integer",
                              "items[1].colour: expected one of \"red\", \"green\"",
                              "items[1].x: unknown field"}));
    }

    void nullMeansAbsentForOptionalFields() {
        QCOMPARE(errorsOf(R"({"items":[],"gift":null})"), QStringList());
    }

    void integersWrittenAsExactDoublesAreAccepted() {
        QCOMPARE(errorsOf(R"({"items":[{"name":"a","count":2e0}]})"), QStringList());
        QCOMPARE(errorsOf(R"({"items":[{"name":"a","count":2.5}]})"),
                 QStringList{"items[0].count: expected an integer"});
    }

    void textLengthIsLimited() {
        QCOMPARE(errorsOf(R"({"items":[{"name":"abcdefghi","count":1}]})"),
                 QStringList{"items[0].name: must be at most 8 characters"});
    }

    void errorsAreCapped() {
        std::string text = R"({"items":[)";
        for (int i = 0; i < 500; ++i) {
            text += (i == 0 ? "" : ",");
            text += "1";
        }
        text += "]}";
        QCOMPARE(static_cast<std::size_t>(errorsOf(text).size()), Decoder::kMaxErrors);
    }

    void syntaxErrorsGiveLineAndColumn() {
        const auto errors = errorsOf("{\"items\": [\n  {\"name\": \"a\",,}\n]}");
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].startsWith("(document): invalid JSON at line 2, column 16"),
                 qPrintable(errors[0]));
    }

    void prettyPrintRoundTrips() {
        const auto value =
            boost::json::parse(R"({"a":[{"x":0.1,"y":3.0,"z":1e300}],"b":{"c":[1,2]},"n":null})");
        const std::string text = prettyPrint(value);
        QCOMPARE(boost::json::parse(text), value);
        QVERIFY2(text.find("{\"x\":0.1,\"y\":3.0,\"z\":1e+300}") != std::string::npos, text.c_str());
    }
};

QTEST_APPLESS_MAIN(TestJsonDecoder)
#include "tst_json_decoder.moc"
