#include "common/layout/demo_venues.h"
#include "common/layout/seat_location.h"
#include "common/layout/svg_export.h"
#include "tests/common/support/sample_layout.h"

#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace usher;
using namespace usher::layout;

namespace {

struct Element {
    QString name;
    std::map<QString, QString> attributes;
    QString namespaceUri;
    QString text; // character data directly inside the element
    int parent = -1;
};

struct ParsedSvg {
    QString error; // empty when the document is well-formed
    std::vector<Element> elements;

    std::vector<const Element*> withAttribute(const QString& attribute) const {
        std::vector<const Element*> found;
        for (const Element& e : elements) {
            if (e.attributes.count(attribute) != 0) {
                found.push_back(&e);
            }
        }
        return found;
    }
    std::vector<const Element*> named(const QString& name) const {
        std::vector<const Element*> found;
        for (const Element& e : elements) {
            if (e.name == name) {
                found.push_back(&e);
            }
        }
        return found;
    }
    // The <title> child of an element, if any.
    QString titleOf(const Element& element) const {
        const int index = static_cast<int>(&element - elements.data());
        for (const Element& e : elements) {
            if (e.parent == index && e.name == QLatin1String("title")) {
                return e.text;
            }
        }
        return {};
    }
};

ParsedSvg parse(const std::string& svg) {
    ParsedSvg parsed;
    QXmlStreamReader reader(QByteArray::fromStdString(svg));
    std::vector<int> open;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            Element e;
            e.name = reader.name().toString();
            e.namespaceUri = reader.namespaceUri().toString();
            for (const QXmlStreamAttribute& a : reader.attributes()) {
                e.attributes[a.qualifiedName().toString()] = a.value().toString();
            }
            e.parent = open.empty() ? -1 : open.back();
            parsed.elements.push_back(std::move(e));
            open.push_back(static_cast<int>(parsed.elements.size()) - 1);
        } else if (reader.isEndElement()) {
            open.pop_back();
        } else if (reader.isCharacters() && !open.empty()) {
            parsed.elements[static_cast<std::size_t>(open.back())].text += reader.text();
        }
    }
    if (reader.hasError()) {
        parsed.error = QStringLiteral("line %1: %2").arg(reader.lineNumber()).arg(reader.errorString());
    }
    return parsed;
}

QStringList classesOf(const Element& e) {
    const auto it = e.attributes.find(QStringLiteral("class"));
    return it == e.attributes.end() ? QStringList() : it->second.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString attribute(const Element& e, const char* name) {
    const auto it = e.attributes.find(QString::fromLatin1(name));
    return it == e.attributes.end() ? QString() : it->second;
}

std::vector<std::string> seatIdsOf(const VenueLayout& venue) {
    std::vector<std::string> ids;
    forEachSeat(venue, [&](const Seat& seat, SeatLocation) { ids.push_back(seat.id); });
    return ids;
}

const std::string kHostile = "<\"&'>";

} // namespace

class TestSvgExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void isWellFormedXml() {
        const ParsedSvg svg = parse(toSvg(testing::sampleLayout()));
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QVERIFY(!svg.elements.empty());
        const Element& root = svg.elements.front();
        QCOMPARE(root.name, QStringLiteral("svg"));
        QCOMPARE(root.namespaceUri, QStringLiteral("http://www.w3.org/2000/svg"));
        QCOMPARE(attribute(root, "viewBox").split(QLatin1Char(' ')).size(), 4);
        QCOMPARE(attribute(root, "data-layout"), QStringLiteral("sample-hall"));
    }

    void viewBoxHoldsEverySeat() {
        const VenueLayout venue = testing::sampleLayout();
        const ParsedSvg svg = parse(toSvg(venue));
        const QStringList box = attribute(svg.elements.front(), "viewBox").split(QLatin1Char(' '));
        const double minX = box[0].toDouble();
        const double minY = box[1].toDouble();
        const double maxX = minX + box[2].toDouble();
        const double maxY = minY + box[3].toDouble();
        forEachSeat(venue, [&](const Seat& seat, SeatLocation) {
            QVERIFY(seat.position.x > minX && seat.position.x < maxX);
            QVERIFY(seat.position.y > minY && seat.position.y < maxY);
        });
    }

    void oneCirclePerSeatWithIdAndClasses() {
        const VenueLayout venue = testing::sampleLayout();
        const ParsedSvg svg = parse(toSvg(venue));
        const auto seats = svg.withAttribute(QStringLiteral("data-seat"));
        const auto ids = seatIdsOf(venue);
        QCOMPARE(seats.size(), ids.size());
        std::map<std::string, const Seat*> byId;
        forEachSeat(venue, [&](const Seat& seat, SeatLocation) { byId[seat.id] = &seat; });
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const Element& e = *seats[i];
            QCOMPARE(e.name, QStringLiteral("circle"));
            QCOMPARE(attribute(e, "data-seat").toStdString(), ids[i]);
            QCOMPARE(attribute(e, "id").toStdString(), svgSeatElementId(ids[i]));
            const QStringList classes = classesOf(e);
            QCOMPARE(classes.value(0), QStringLiteral("seat"));
            QVERIFY(classes.contains(QString::fromStdString("cat-" + byId[ids[i]]->category)));
            QVERIFY(classes.contains(QStringLiteral("state-available")));
        }
        // Only seats carry data-seat and the seat class.
        int seatClassed = 0;
        for (const Element& e : svg.elements) {
            seatClassed += classesOf(e).contains(QStringLiteral("seat")) ? 1 : 0;
        }
        QCOMPARE(static_cast<std::size_t>(seatClassed), ids.size());
    }

    void statesComeFromTheCallback() {
        const VenueLayout venue = testing::sampleLayout();
        const std::map<std::string, std::string> states{
            {"stalls-A-1", "sold"}, {"stalls-A-2", "held"}, {"stalls-B-3", "blocked"}, {"T1-2", "allotted"}};
        SvgOptions options;
        options.seatState = [&](const Seat& seat) {
            const auto it = states.find(seat.id);
            return it == states.end() ? std::string("available") : it->second;
        };
        const ParsedSvg svg = parse(toSvg(venue, options));
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        for (const Element* e : svg.withAttribute(QStringLiteral("data-seat"))) {
            const std::string id = attribute(*e, "data-seat").toStdString();
            const auto it = states.find(id);
            const std::string expected =
                "state-" + (it == states.end() ? std::string("available") : it->second);
            QVERIFY2(classesOf(*e).contains(QString::fromStdString(expected)), id.c_str());
            QCOMPARE(classesOf(*e).filter(QStringLiteral("state-")).size(), 1);
        }
    }

    void styleHasCategoryColoursAndStates() {
        const ParsedSvg svg = parse(toSvg(testing::sampleLayout()));
        const auto styles = svg.named(QStringLiteral("style"));
        QCOMPARE(styles.size(), std::size_t{1});
        const QString css = styles.front()->text;
        QVERIFY(css.contains(QStringLiteral(".cat-A{fill:#c0392b}")));
        QVERIFY(css.contains(QStringLiteral(".cat-B{fill:#2980b9}")));
        for (const char* state : {"held", "sold", "blocked", "allotted"}) {
            QVERIFY2(css.contains(QStringLiteral(".seat.state-") + QLatin1String(state)), state);
        }
        QVERIFY(css.contains(QStringLiteral(".seat.wheelchair{")));
    }

    void accessibilityIsMarkedAndTitled() {
        const ParsedSvg svg = parse(toSvg(testing::sampleLayout()));
        std::map<QString, const Element*> seats;
        for (const Element* e : svg.withAttribute(QStringLiteral("data-seat"))) {
            seats[attribute(*e, "data-seat")] = e;
        }
        const Element& wheelchair = *seats.at(QStringLiteral("stalls-C-1"));
        QVERIFY(classesOf(wheelchair).contains(QStringLiteral("wheelchair")));
        QCOMPARE(svg.titleOf(wheelchair),
                 QStringLiteral("Stalls, Row C, Seat 1 \u2014 Category A (wheelchair space)"));
        QVERIFY(classesOf(*seats.at(QStringLiteral("stalls-C-2"))).contains(QStringLiteral("companion")));
        QVERIFY(classesOf(*seats.at(QStringLiteral("stalls-C-8"))).contains(QStringLiteral("restricted")));
        QVERIFY(svg.titleOf(*seats.at(QStringLiteral("stalls-C-8")))
                    .endsWith(QStringLiteral("(restricted view)")));
        QVERIFY(classesOf(*seats.at(QStringLiteral("stalls-A-1"))).contains(QStringLiteral("aisle")));
        QCOMPARE(svg.titleOf(*seats.at(QStringLiteral("T1-3"))),
                 QStringLiteral("Table 1, Seat 3 \u2014 Category B"));
    }

    void drawsStageAreasTablesAndLabels() {
        const ParsedSvg svg = parse(toSvg(testing::sampleLayout()));
        bool stage = false;
        bool ga = false;
        bool tableTop = false;
        QStringList texts;
        for (const Element& e : svg.elements) {
            const QStringList classes = classesOf(e);
            stage =
                stage || (e.name == QLatin1String("polygon") && classes.contains(QStringLiteral("stage")));
            tableTop = tableTop || classes.contains(QStringLiteral("table-top"));
            if (e.name == QLatin1String("polygon") &&
                classes == QStringList{QStringLiteral("ga"), QStringLiteral("cat-B")}) {
                ga = true;
                QVERIFY(svg.titleOf(e).contains(QStringLiteral("capacity 120")));
            }
            if (e.name == QLatin1String("text")) {
                texts << classes.value(0) + QLatin1Char(':') + e.text;
            }
        }
        QVERIFY(stage);
        QVERIFY(ga);
        QVERIFY(tableTop);
        QVERIFY(texts.contains(QStringLiteral("section-name:Stalls")));
        QVERIFY(texts.contains(QString::fromUtf8("ga-label:Standing \u00b7 120")));
        QVERIFY(texts.contains(QStringLiteral("table-label:1")));
        // A label at each end of every row.
        for (const char* row : {"A", "B", "C"}) {
            QCOMPARE(texts.count(QStringLiteral("row-label:") + QLatin1String(row)), 2);
        }
    }

    void stageMarkerWithoutOutline() {
        VenueLayout venue = testing::sampleLayout();
        venue.stage.clear();
        const ParsedSvg svg = parse(toSvg(venue));
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        const auto circles = svg.named(QStringLiteral("circle"));
        QVERIFY(std::any_of(circles.begin(), circles.end(), [](const Element* e) {
            return classesOf(*e).contains(QStringLiteral("stage"));
        }));
    }

    void hostileNamesAreEscaped() {
        VenueLayout venue = testing::sampleLayout();
        venue.name = kHostile + "</title><script>alert(1)</script>";
        venue.id = kHostile;
        venue.categories[0].id = kHostile;
        venue.categories[0].name = kHostile;
        venue.categories[1].color = "red}</style><script>x</script>";
        Section& stalls = venue.sections[0];
        stalls.name = kHostile;
        stalls.id = kHostile;
        stalls.rows[0].label = kHostile;
        Seat& seat = stalls.rows[0].seats[0];
        seat.id = kHostile;
        seat.number = kHostile;
        seat.category = kHostile;
        // Control characters and broken UTF-8 cannot appear in XML at all.
        stalls.rows[0].seats[1].id = std::string("x\x01y\xff\xfe\n\tz", 8);
        venue.gaAreas[0].name = kHostile + "]]>";
        venue.tables[0].label = kHostile;

        const std::string text = toSvg(venue);
        const ParsedSvg svg = parse(text);
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QVERIFY(svg.named(QStringLiteral("script")).empty());
        QVERIFY(text.find("<script") == std::string::npos);

        const auto seats = svg.withAttribute(QStringLiteral("data-seat"));
        QCOMPARE(seats.size(), seatCount(venue));
        const Element& hostile = *seats.front();
        QCOMPARE(attribute(hostile, "data-seat").toStdString(), kHostile);
        QCOMPARE(attribute(hostile, "id"), QStringLiteral("seat-_3C_22_26_27_3E"));
        QVERIFY(classesOf(hostile).contains(QStringLiteral("cat-_3C_22_26_27_3E")));
        QCOMPARE(svg.titleOf(hostile).toStdString(),
                 kHostile + ", Row " + kHostile + ", Seat " + kHostile + " \u2014 " + kHostile);
        // Tabs and newlines survive attribute normalisation; what XML cannot hold becomes U+FFFD.
        QCOMPARE(attribute(*seats[1], "data-seat"), QString::fromUtf8("x\uFFFDy\uFFFD\uFFFD\n\tz"));
        // Element ids stay valid XML names and CSS identifiers.
        const QRegularExpression token(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*$"));
        for (const Element& e : svg.elements) {
            if (e.attributes.count(QStringLiteral("id")) != 0) {
                QVERIFY2(token.match(attribute(e, "id")).hasMatch(), qPrintable(attribute(e, "id")));
            }
            for (const QString& c : classesOf(e)) {
                QVERIFY2(token.match(c).hasMatch(), qPrintable(c));
            }
        }
        const QString css = svg.named(QStringLiteral("style")).front()->text;
        QVERIFY(!css.contains(QStringLiteral("red}")));
        QVERIFY(css.contains(QStringLiteral(".cat-B{fill:#9e9e9e}")));
        QCOMPARE(svg.named(QStringLiteral("title")).front()->text.toStdString(),
                 kHostile + "</title><script>alert(1)</script>");
    }

    void tokensAreDistinctForDistinctNames() {
        QCOMPARE(svgToken("S2-F-3"), std::string("S2-F-3"));
        QCOMPARE(svgToken("a b"), std::string("a_20b"));
        QCOMPARE(svgToken("a_20b"), std::string("a_5F20b"));
        QVERIFY(svgToken("a.b") != svgToken("a_b"));
        QCOMPARE(svgSeatElementId("S2-F-3"), std::string("seat-S2-F-3"));
    }

    void outputIsDeterministic() {
        const VenueLayout venue = testing::sampleLayout();
        const std::string first = toSvg(venue);
        QCOMPARE(toSvg(testing::sampleLayout()), first);
        QCOMPARE(toSvg(venue), first);
        // Plain decimal numbers only: no exponents, no nan or inf from a degenerate layout.
        const QRegularExpression oddNumber(QStringLiteral("=\"-?(nan|inf|[0-9.]+e)"));
        QVERIFY(!oddNumber.match(QString::fromStdString(first)).hasMatch());
    }

    // validate() rejects these, but a designer previews layouts before they are valid.
    void brokenLayoutStillDraws() {
        VenueLayout venue = testing::sampleLayout();
        venue.seatSize = std::numeric_limits<double>::quiet_NaN();
        venue.sections[0].rows[0].seats[0].position.x = std::numeric_limits<double>::infinity();
        venue.gaAreas[0].outline[0].y = std::numeric_limits<double>::quiet_NaN();
        const std::string text = toSvg(venue);
        QVERIFY2(parse(text).error.isEmpty(), qPrintable(parse(text).error));
        const QRegularExpression oddNumber(QStringLiteral("=\"-?(nan|inf)"));
        QVERIFY(!oddNumber.match(QString::fromStdString(text)).hasMatch());

        const ParsedSvg empty = parse(toSvg(VenueLayout{}));
        QVERIFY2(empty.error.isEmpty(), qPrintable(empty.error));
        QVERIFY(empty.withAttribute(QStringLiteral("data-seat")).empty());
    }

    void demoTheatreDrawsEverySeat() {
        const VenueLayout venue = grandTheatre();
        const ParsedSvg svg = parse(toSvg(venue));
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        const auto seats = svg.withAttribute(QStringLiteral("data-seat"));
        QCOMPARE(seats.size(), std::size_t{1100});
        std::set<QString> ids;
        for (const Element* e : seats) {
            ids.insert(attribute(*e, "id"));
        }
        QCOMPARE(ids.size(), std::size_t{1100});
    }
};

QTEST_APPLESS_MAIN(TestSvgExport)
#include "tst_svg_export.moc"
