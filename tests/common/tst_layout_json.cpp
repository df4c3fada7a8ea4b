#include "common/layout/layout_json.h"
#include "tests/common/support/json_checks.h"
#include "tests/common/support/sample_layout.h"

#include <QtTest>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

using namespace usher;
using namespace usher::layout;
using namespace usher::testing;

namespace {

// The sample layout as a JSON value, to break in one place per test.
boost::json::value sampleJson() {
    return toJson(testing::sampleLayout());
}

QStringList decodeErrors(const boost::json::value& value) {
    auto decoded = layoutFromJson(boost::json::serialize(value));
    if (decoded) {
        return {};
    }
    return linesOf(decoded.error());
}

QString describe(const Expected<VenueLayout, json::DecodeErrors>& decoded) {
    return decoded ? QString() : linesOf(decoded.error()).join('\n');
}

boost::json::object& firstSeat(boost::json::value& doc) {
    return doc.at("sections").at(0).at("rows").at(0).at("seats").at(0).as_object();
}

} // namespace

class TestLayoutJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripIsExact() {
        const VenueLayout original = testing::sampleLayout();
        auto decoded = layoutFromJson(toJsonText(original));
        QVERIFY2(decoded.hasValue(), qPrintable(describe(decoded)));
        QVERIFY(*decoded == original);
        // Encoding the decoded layout again gives the same text: the format is stable.
        QCOMPARE(toJsonText(*decoded), toJsonText(original));
    }

    void roundTripKeepsAwkwardDoubles() {
        VenueLayout original = testing::sampleLayout();
        original.sections[0].rows[0].seats[0].position = {0.1 + 0.2, -1.0 / 3.0};
        auto decoded = layoutFromJson(toJsonText(original));
        QVERIFY(decoded.hasValue());
        QVERIFY(*decoded == original);
    }

    void textHasOneSeatPerLine() {
        const std::string text = toJsonText(testing::sampleLayout());
        QVERIFY(text.find("\n            {\"id\":\"stalls-A-1\",\"number\":\"1\",\"x\":-2.0,") !=
                std::string::npos);
        QVERIFY(text.find("\"format\": \"usher.venue-layout\"") != std::string::npos);
    }

    void flagsAreWrittenOnlyWhenSet() {
        const auto doc = sampleJson();
        const auto& rows = doc.at("sections").at(0).at("rows");
        QVERIFY(!rows.at(0).at("seats").at(1).as_object().contains("wheelchair"));
        QCOMPARE(rows.at(2).at("seats").at(0).at("wheelchair"), boost::json::value(true));
        QCOMPARE(rows.at(2).at("seats").at(1).at("companion_of"), boost::json::value("stalls-C-1"));
        QCOMPARE(rows.at(0).at("seats").at(0).at("aisle"), boost::json::value(true));
    }

    void syntaxErrorsGiveLineAndColumn() {
        auto decoded = layoutFromJson("{\n  \"format\": \"usher.venue-layout\",\n  \"id\": oops\n}");
        QVERIFY(!decoded.hasValue());
        QCOMPARE(decoded.error().size(), 1u);
        QVERIFY2(decoded.error()[0].message.starts_with("invalid JSON at line 3, column 9"),
                 decoded.error()[0].message.c_str());
    }

    void wrongFormatAndNewerVersionsAreRefused() {
        auto doc = sampleJson();
        doc.as_object()["format"] = "something-else";
        QVERIFY(decodeErrors(doc).contains("format: expected \"usher.venue-layout\""));

        doc = sampleJson();
        doc.as_object()["format_version"] = 2;
        QCOMPARE(decodeErrors(doc),
                 QStringList{"format_version: format version 2 is newer than this program reads "
                             "(1); upgrade Usher"});
    }

    void missingRequiredFields() {
        auto doc = sampleJson();
        doc.as_object().erase("focal_point");
        firstSeat(doc).erase("category");
        const auto errors = decodeErrors(doc);
        QVERIFY2(errors.contains("focal_point: missing required field"), qPrintable(errors.join('\n')));
        QVERIFY2(errors.contains("sections[0].rows[0].seats[0].category: missing required field"),
                 qPrintable(errors.join('\n')));
    }

    void wrongTypes() {
        auto doc = sampleJson();
        firstSeat(doc)["x"] = "12";
        firstSeat(doc)["wheelchair"] = 1;
        doc.at("tables").at(0).as_object()["seats"] = boost::json::object{};
        doc.at("sections").at(0).at("rows").at(1).as_object()["label"] = 7;
        const auto errors = decodeErrors(doc);
        QVERIFY2(errors.contains("sections[0].rows[0].seats[0].x: expected a number"),
                 qPrintable(errors.join('\n')));
        QVERIFY(errors.contains("sections[0].rows[0].seats[0].wheelchair: expected true or false"));
        QVERIFY(errors.contains("tables[0].seats: expected an array"));
        QVERIFY(errors.contains("sections[0].rows[1].label: expected a string"));
    }

    void unknownFieldsAreErrors() {
        auto doc = sampleJson();
        firstSeat(doc)["colour"] = "red";
        doc.as_object()["extra"] = 1;
        const auto errors = decodeErrors(doc);
        QVERIFY(errors.contains("sections[0].rows[0].seats[0].colour: unknown field"));
        QVERIFY(errors.contains("extra: unknown field"));
    }

    void outOfRangeNumbers() {
        auto doc = sampleJson();
        firstSeat(doc)["y"] = 1e300;
        doc.at("ga_areas").at(0).as_object()["capacity"] = -5;
        doc.at("ga_areas").at(0).as_object()["name"] = "";
        doc.as_object()["seat_size"] = 0;
        doc.at("tables").at(0).as_object()["shape"] = "hexagon";
        const auto errors = decodeErrors(doc);
        QVERIFY2(errors.contains("sections[0].rows[0].seats[0].y: must be between -100000 and 100000"),
                 qPrintable(errors.join('\n')));
        QVERIFY(errors.contains("ga_areas[0].capacity: must be between 1 and 1000000"));
        QVERIFY(errors.contains("ga_areas[0].name: must not be empty"));
        QVERIFY(errors.contains("seat_size: must be between 0.05 and 10"));
        QVERIFY(errors.contains("tables[0].shape: expected one of \"round\", \"rectangle\""));
    }

    void controlCharactersInIdsAndNamesAreRejected() {
        auto doc = sampleJson();
        firstSeat(doc)["id"] = "A-1\n";
        doc.as_object()["name"] = "Hall\t";
        const auto errors = decodeErrors(doc);
        QVERIFY2(errors.contains("sections[0].rows[0].seats[0].id: must not contain control characters"),
                 qPrintable(errors.join('\n')));
        QVERIFY(errors.contains("name: must not contain control characters"));
    }

    void hugeIntegersAreRejectedNotWrapped() {
        auto doc = sampleJson();
        doc.at("ga_areas").at(0).as_object()["capacity"] = boost::json::parse("18446744073709551615");
        const auto errors = decodeErrors(doc);
        QVERIFY2(errors.contains("ga_areas[0].capacity: must be at most 9223372036854775807"),
                 qPrintable(errors.join('\n')));
    }

    void notAnObject() {
        QCOMPARE(decodeErrors(boost::json::array{}), QStringList{"(document): expected an object"});
    }
};

QTEST_APPLESS_MAIN(TestLayoutJson)
#include "tst_layout_json.moc"
