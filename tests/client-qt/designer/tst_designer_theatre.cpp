// Builds the 1,100-seat Grand Theatre from an empty layout through the designer, the way an admin
// traces a floor plan: the row tool draws straight blocks, the select tool trims and moves each
// row, the spacing and bend tools fit it to its arc, keyboard actions paint categories, mark
// aisles, restricted views and wheelchair spaces, and the numbering and label actions count the
// seats. The result is compared with resources/venues/grand-theatre.json: the same sections, rows,
// seat numbers, categories, flags, companions, standing area and capacity, and every seat within
// kTolerance of the reference seat with the same section, row and number.

#include "client-qt/designer/designer_window.h"
#include "client-qt/designer/draw_tools.h"
#include "client-qt/designer/layout_properties_dialog.h"
#include "common/layout/geometry.h"
#include "common/layout/layout_counts.h"
#include "common/layout/layout_json.h"
#include "common/layout/validation.h"
#include "tests/client-qt/support/designer_input.h"

#include <QFile>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

using namespace usher;
using namespace usher::designer;

namespace {

// Tracing by hand is not exact: the tools work in millimetres of pitch, thousandths of curvature
// and pixels of the plan. 10 cm is a fifth of a seat.
constexpr double kTolerance = 0.10;
constexpr layout::Point kArcCentre{0, -10}; // the plan's rows are arcs around this point
// Long gestures (a block of rows, a band across the house) at a zoom that shows the whole house;
// short exact ones (moving, spacing and bending a row, clicking a seat) close up.
constexpr double kOverviewPixelsPerMetre = 25;
constexpr double kCloseUpPixelsPerMetre = 100;

layout::VenueLayout reference() {
    QFile in(QStringLiteral(USHER_SOURCE_DIR "/resources/venues/grand-theatre.json"));
    if (!in.open(QIODevice::ReadOnly)) {
        qFatal("cannot read the Grand Theatre");
    }
    const QByteArray text = in.readAll();
    auto venue =
        layout::layoutFromJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!venue) {
        qFatal("cannot decode the Grand Theatre");
    }
    return std::move(*venue);
}

// Where a reference row lies, read off the plan: its radius and the angle either side of the centre
// line its end seats are at (every arc row of the theatre is symmetric).
struct Arc {
    double radius = 0;
    double halfAngle = 0;

    double chordHalf() const { return radius * std::sin(halfAngle); }
    double endY() const { return kArcCentre.y + radius * std::cos(halfAngle); }
    double curvature() const { return radius * (1 - std::cos(halfAngle)) / (2 * chordHalf()); }
};

Arc arcOf(const layout::Row& row) {
    const layout::Point last = row.seats.back().position;
    return {layout::distance(last, kArcCentre), std::atan2(last.x - kArcCentre.x, last.y - kArcCentre.y)};
}

// The seats of a built or reference layout by section name, row label and seat number.
struct SeatKey {
    std::string section;
    std::string row;
    std::string number;
    auto operator<=>(const SeatKey&) const = default;
};

std::map<SeatKey, const layout::Seat*> seatsByKey(const layout::VenueLayout& venue,
                                                  std::map<std::string, SeatKey>& keyOfId) {
    std::map<SeatKey, const layout::Seat*> seats;
    for (const layout::Section& section : venue.sections) {
        for (const layout::Row& row : section.rows) {
            for (const layout::Seat& seat : row.seats) {
                const SeatKey key{section.name, row.label, seat.number};
                seats[key] = &seat;
                keyOfId[seat.id] = key;
            }
        }
    }
    return seats;
}

std::vector<std::vector<std::string>> numbersByRow(const layout::Section& section) {
    std::vector<std::vector<std::string>> rows;
    for (const layout::Row& row : section.rows) {
        rows.emplace_back();
        rows.back().push_back(row.label);
        for (const layout::Seat& seat : row.seats) {
            rows.back().push_back(seat.number);
        }
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace

class TestDesignerTheatre : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<DesignerWindow> m_window;
    std::unique_ptr<testing::DesignerInput> m_admin;
    const layout::VenueLayout m_reference = reference();

    const layout::VenueLayout& venue() const { return m_window->document().layout(); }

    // A rubber band across the house, zoomed out to see it whole.
    void band(layout::Point a, layout::Point b, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        m_admin->zoom(kOverviewPixelsPerMetre);
        m_admin->band(a, b, modifiers);
        m_admin->zoom(kCloseUpPixelsPerMetre);
    }
    const layout::Section& section(std::size_t index) const { return venue().sections.at(index); }

    // Trims a straight row as the row tool drew it to `keep` seats in its middle, selects it, paints
    // it, then moves, spaces and bends it onto the arc `target` with the tools.
    void fitRow(std::size_t sectionIndex, std::size_t rowIndex, int keep, const Arc& target,
                const std::string& category) {
        const layout::Row& row = section(sectionIndex).rows[rowIndex];
        const int drawn = static_cast<int>(row.seats.size());
        const layout::Point first = row.seats.front().position;
        const layout::Point last = row.seats.back().position;
        const double pitch = (last.x - first.x) / (drawn - 1);
        const double y = first.y;
        const int cut = (drawn - keep) / 2;
        if (cut > 0) {
            band({first.x - 0.4, y - 0.45}, {first.x + (cut - 1) * pitch + 0.26, y + 0.45});
            band({last.x + 0.4, y - 0.45}, {last.x - (cut - 1) * pitch - 0.26, y + 0.45}, Qt::ShiftModifier);
            m_admin->key(Qt::Key_Delete);
        }
        band({first.x + cut * pitch - 0.4, y - 0.45}, {last.x - cut * pitch + 0.4, y + 0.45});
        QCOMPARE(m_window->document().selection().seats.size(), static_cast<std::size_t>(keep));
        m_window->setPaintCategory(category);
        m_admin->key(Qt::Key_K, Qt::ControlModifier);

        // Centred, up to where the arc's ends are, with the select tool.
        const auto middleSeat = [&] {
            return section(sectionIndex).rows[rowIndex].seats[static_cast<std::size_t>(keep / 2)].position;
        };
        m_admin->dragBy(middleSeat(), {-(first.x + last.x) / 2, target.endY() - y});
        // The pitch that puts the ends on the arc's chord: D drags a millimetre per centimetre.
        const double pitchChange = 2 * target.chordHalf() / (keep - 1) - pitch;
        m_admin->tool(Qt::Key_D);
        m_admin->dragBy(middleSeat(), {std::round(pitchChange * 1000) / 100, 0});
        // B bends by a thousandth of curvature per 2 cm of drag.
        m_admin->tool(Qt::Key_B);
        m_admin->dragBy(middleSeat(), {0, std::round(target.curvature() * 1000) * 0.02});
    }

    std::vector<layout::Point> positions(std::size_t sectionIndex, std::size_t rowIndex,
                                         std::initializer_list<std::size_t> seats) const {
        std::vector<layout::Point> points;
        const layout::Row& row = section(sectionIndex).rows.at(rowIndex);
        for (std::size_t seat : seats) {
            points.push_back(row.seats.at(seat).position);
        }
        return points;
    }

    void buildStalls() {
        const layout::Section& stalls = m_reference.sections[0];
        const double pitch = RowTool::pitchFor(venue().seatSize);
        const int drawn = 40; // the widest row: 2 x 19 seats and the two where the aisle will be
        const double front = kArcCentre.y + arcOf(stalls.rows[0]).radius;
        m_admin->tool(Qt::Key_R);
        const double half = (drawn - 1) * pitch / 2;
        m_admin->zoom(kOverviewPixelsPerMetre);
        m_admin->drag({-half, front}, {half + 0.05, front + RowTool::kRowStep * 19 + 0.05});
        m_admin->zoom(kCloseUpPixelsPerMetre);
        QCOMPARE(section(0).rows.size(), stalls.rows.size());
        for (std::size_t r = 0; r < stalls.rows.size(); ++r) {
            const int keep = static_cast<int>(stalls.rows[r].seats.size()) + 2;
            fitRow(0, r, keep, arcOf(stalls.rows[r]), stalls.rows[r].seats[0].category);
            QVERIFY(!QTest::currentTestFailed());
        }
        // The centre aisle: the two middle seats of every row go.
        band({-0.5, front - 3}, {0.5, front + 18});
        QCOMPARE(m_window->document().selection().seats.size(), 2 * stalls.rows.size());
        m_admin->key(Qt::Key_Delete);

        // House left counts 2, 4, 6... out from the aisle, house right 1, 3, 5...
        band({-16, front - 3}, {-0.01, front + 18});
        m_window->renumber({2, layout::NumberParity::Even, layout::NumberDirection::RightToLeft});
        band({16, front - 3}, {0.01, front + 18});
        m_window->renumber({1, layout::NumberParity::Odd, layout::NumberDirection::LeftToRight});

        for (std::size_t r = 0; r < stalls.rows.size(); ++r) {
            const std::size_t n = section(0).rows[r].seats.size();
            m_admin->pick(positions(0, r, {0, n / 2 - 1, n / 2, n - 1}));
            m_admin->key(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
            if (r + 2 >= stalls.rows.size()) {
                // Wheelchair spaces at both ends, each with the companion seat beside it.
                m_admin->pick(positions(0, r, {0, 1}));
                m_admin->key(Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
                m_admin->pick(positions(0, r, {n - 1}));
                m_admin->key(Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
                m_admin->pick(positions(0, r, {n - 1, n - 2}));
                m_admin->key(Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
            }
        }
        m_admin->click(section(0).rows[0].seats[0].position);
        QVERIFY(m_window->renameSelected(QStringLiteral("Stalls")));
    }

    void buildCircle() {
        const layout::Section& circle = m_reference.sections[1];
        const double pitch = RowTool::pitchFor(venue().seatSize);
        const int drawn = 64; // the widest row, 60 seats, and two seats for each of its two aisles
        const double front = kArcCentre.y + arcOf(circle.rows[0]).radius;
        const double half = (drawn - 1) * pitch / 2;
        m_admin->tool(Qt::Key_R);
        m_admin->zoom(kOverviewPixelsPerMetre);
        m_admin->drag({-half, front}, {half + 0.05, front + RowTool::kRowStep * 7 + 0.05});
        m_admin->zoom(kCloseUpPixelsPerMetre);
        // The circle's rows are 0.95 m apart: D drags 20 cm of row step per metre.
        const double rowStep = arcOf(circle.rows[1]).radius - arcOf(circle.rows[0]).radius;
        m_admin->tool(Qt::Key_D);
        m_admin->dragBy(section(1).rows[0].seats[0].position, {0, (rowStep - RowTool::kRowStep) * 5});
        for (std::size_t r = 0; r < circle.rows.size(); ++r) {
            const int total = static_cast<int>(circle.rows[r].seats.size());
            fitRow(1, r, total + 4, arcOf(circle.rows[r]), circle.rows[r].seats[2].category);
            QVERIFY(!QTest::currentTestFailed());
            // Two aisles split the row into three blocks: a quarter of the seats either side.
            const std::size_t side = static_cast<std::size_t>(total / 4);
            const std::size_t centre = static_cast<std::size_t>(total) - 2 * side;
            m_admin->pick(positions(1, r, {side, side + 1, side + 2 + centre, side + 3 + centre}));
            m_admin->key(Qt::Key_Delete);
            m_admin->pick(positions(1, r, {side - 1, side, side + centre - 1, side + centre}));
            m_admin->key(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
            // The ends look across the stage past the proscenium.
            const std::size_t n = static_cast<std::size_t>(total);
            m_admin->pick(positions(1, r, {0, 1, n - 2, n - 1}));
            m_window->setPaintCategory("value");
            m_admin->key(Qt::Key_K, Qt::ControlModifier);
            m_admin->key(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        }
        m_admin->tool(Qt::Key_V);
        m_admin->click(section(1).rows[0].seats[0].position);
        m_window->renumber({});
        QVERIFY(m_window->renameSelected(QStringLiteral("Dress Circle")));
    }

    // A box: two rows of three seats drawn across, turned to run along the side wall, spaced and
    // put in place; the rear row is restricted.
    void buildBox(const layout::Section& box) {
        const std::size_t index = venue().sections.size();
        const layout::Row& frontRow = box.rows[0];
        const layout::Row& rearRow = box.rows[1];
        const bool houseLeft = rearRow.seats[0].position.x < frontRow.seats[0].position.x;
        m_window->setPaintCategory(frontRow.seats[0].category);
        m_admin->tool(Qt::Key_R);
        const double pitch = RowTool::pitchFor(venue().seatSize);
        m_admin->drag({-20, -20}, {-20 + 2 * pitch + 0.05, -20 + RowTool::kRowStep + 0.05});
        // A quarter turn clockwise with Alt: the rows run down the plan, the second row to the left.
        const layout::Point seat = section(index).rows[0].seats[0].position;
        const layout::Point pivot = layout::centreOf(venue(), m_window->document().selection());
        m_admin->tool(Qt::Key_V);
        m_admin->drag(seat, pivot + layout::Point{pivot.y - seat.y, seat.x - pivot.x}, Qt::AltModifier);
        if (!houseLeft) {
            m_window->relabelRows({0, "I"}, true); // the front row, A, is the left one on this side
        }
        const double wantedPitch = layout::distance(frontRow.seats[0].position, frontRow.seats[1].position);
        const double wantedStep = std::abs(rearRow.seats[0].position.x - frontRow.seats[0].position.x);
        m_admin->tool(Qt::Key_D);
        m_admin->dragBy(seat, {std::round((wantedPitch - pitch) * 1000) / 100,
                               std::round((wantedStep - RowTool::kRowStep) * 100) / 20});
        const std::size_t front = houseLeft ? 0 : 1;
        m_admin->tool(Qt::Key_V);
        const layout::Point first = section(index).rows[front].seats[0].position;
        m_admin->drag(first, frontRow.seats[0].position);
        // The rear row: its category and its restricted view.
        const std::size_t rear = 1 - front;
        m_admin->pick(positions(index, rear, {0, 1, 2}));
        m_window->setPaintCategory(rearRow.seats[0].category);
        m_admin->key(Qt::Key_K, Qt::ControlModifier);
        m_admin->key(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        m_admin->click(section(index).rows[0].seats[0].position);
        QVERIFY(m_window->renameSelected(QString::fromStdString(box.name)));
    }

    void buildStanding() {
        const layout::GaArea& standing = m_reference.gaAreas[0];
        m_window->setPaintCategory(standing.category);
        m_admin->tool(Qt::Key_A);
        for (layout::Point corner : standing.outline) {
            m_admin->click(corner);
        }
        QTest::keyClick(&m_window->view(), Qt::Key_Return);
        m_window->setAreaCapacity(static_cast<int>(standing.capacity));
        QVERIFY(m_window->renameSelected(QString::fromStdString(standing.name)));
    }

private Q_SLOTS:
    void init() {
        QStandardPaths::setTestModeEnabled(true);
        m_window = std::make_unique<DesignerWindow>();
        m_window->confirmRestore = nullptr; // a draft left by another test is not restored
        m_window->resize(1400, 900);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_admin = std::make_unique<testing::DesignerInput>(*m_window);
        m_admin->zoom(kCloseUpPixelsPerMetre);
    }

    void cleanup() {
        m_window->document().undoStack().setClean();
        m_window.reset();
    }

    void theGrandTheatreFromAnEmptyLayout() {
        m_admin->key(Qt::Key_N, Qt::ControlModifier);
        m_admin->key(Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier); // snapping off: tracing a plan

        // Name, id and the price categories, in the properties dialog.
        LayoutPropertiesDialog dialog(venue());
        dialog.nameField().setText(QString::fromStdString(m_reference.name));
        QTableWidget& categories = dialog.categoryTable();
        while (categories.rowCount() < static_cast<int>(m_reference.categories.size())) {
            dialog.addCategory();
        }
        for (std::size_t i = 0; i < m_reference.categories.size(); ++i) {
            const layout::PriceCategory& category = m_reference.categories[i];
            const int row = static_cast<int>(i);
            categories.item(row, 0)->setText(QString::fromStdString(category.id));
            categories.item(row, 1)->setText(QString::fromStdString(category.name));
            categories.item(row, 2)->setText(QString::fromStdString(category.color));
        }
        LayoutProperties properties = dialog.properties();
        properties.id = m_reference.id;
        QVERIFY(m_window->setProperties(properties));

        // The stage: a rectangle made the stage; the focal point on its front edge.
        m_admin->tool(Qt::Key_S);
        m_admin->zoom(kOverviewPixelsPerMetre);
        m_admin->drag({-8, -10}, {8, 0});
        m_admin->zoom(kCloseUpPixelsPerMetre);
        m_admin->key(Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(venue().decorations.empty());
        m_admin->tool(Qt::Key_F);
        m_admin->click(m_reference.focalPoint);

        buildStalls();
        QVERIFY(!QTest::currentTestFailed());
        buildCircle();
        QVERIFY(!QTest::currentTestFailed());
        for (std::size_t b = 2; b < m_reference.sections.size(); ++b) {
            buildBox(m_reference.sections[b]);
            QVERIFY(!QTest::currentTestFailed());
        }
        buildStanding();
        QVERIFY(!QTest::currentTestFailed());

        compareWithTheReference();

        // A category still painted on seats cannot be removed.
        LayoutProperties fewer = LayoutProperties::of(venue());
        fewer.categories.pop_back();
        QString error;
        QVERIFY(!m_window->setProperties(fewer, &error));
        QVERIFY2(error.contains(QStringLiteral("Value")), qPrintable(error));
    }

private:
    void compareWithTheReference() {
        const layout::VenueLayout& built = venue();
        const auto problems = layout::validate(built);
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().message.c_str());
        QCOMPARE(built.id, m_reference.id);
        QCOMPARE(built.name, m_reference.name);
        QCOMPARE(built.categories, m_reference.categories);
        QVERIFY(layout::distance(built.focalPoint, m_reference.focalPoint) < 0.01);
        // The plan's stage has bevelled corners; the admin drew its rectangle.
        const auto box = [](const std::vector<layout::Point>& outline) {
            const auto [left, right] =
                std::minmax_element(outline.begin(), outline.end(), [](auto a, auto b) { return a.x < b.x; });
            const auto [top, bottom] =
                std::minmax_element(outline.begin(), outline.end(), [](auto a, auto b) { return a.y < b.y; });
            return std::array<double, 4>{left->x, right->x, top->y, bottom->y};
        };
        const auto stage = box(built.stage);
        const auto referenceStage = box(m_reference.stage);
        for (std::size_t i = 0; i < 4; ++i) {
            QVERIFY(std::abs(stage[i] - referenceStage[i]) < 0.05); // a pixel is 4 cm at the overview zoom
        }

        const layout::LayoutCounts counts = layout::countsOf(built);
        const layout::LayoutCounts expected = layout::countsOf(m_reference);
        QCOMPARE(counts.seats, std::int64_t{1100});
        QCOMPARE(counts.seatsByCategory, expected.seatsByCategory);
        QCOMPARE(counts.wheelchairSpaces, expected.wheelchairSpaces);
        QCOMPARE(counts.companionSeats, expected.companionSeats);
        QCOMPARE(counts.totalCapacity(), expected.totalCapacity());

        // Section by section: the same rows with the same numbers in the same order.
        QCOMPARE(built.sections.size(), m_reference.sections.size());
        for (std::size_t s = 0; s < built.sections.size(); ++s) {
            QCOMPARE(built.sections[s].name, m_reference.sections[s].name);
            QCOMPARE(numbersByRow(built.sections[s]), numbersByRow(m_reference.sections[s]));
        }
        // Seat by seat: category, flags, companion and place.
        std::map<std::string, SeatKey> builtKeys;
        std::map<std::string, SeatKey> referenceKeys;
        const auto builtSeats = seatsByKey(built, builtKeys);
        const auto referenceSeats = seatsByKey(m_reference, referenceKeys);
        QCOMPARE(builtSeats.size(), referenceSeats.size());
        double worst = 0;
        for (const auto& [key, wanted] : referenceSeats) {
            const auto found = builtSeats.find(key);
            QVERIFY2(found != builtSeats.end(), (key.section + " " + key.row + key.number).c_str());
            const layout::Seat& seat = *found->second;
            const std::string where = key.section + " row " + key.row + " seat " + key.number;
            QVERIFY2(seat.category == wanted->category, where.c_str());
            QVERIFY2(seat.wheelchair == wanted->wheelchair, where.c_str());
            QVERIFY2(seat.aisle == wanted->aisle, where.c_str());
            QVERIFY2(seat.restrictedView == wanted->restrictedView, where.c_str());
            QVERIFY2(seat.isCompanion() == wanted->isCompanion(), where.c_str());
            if (wanted->isCompanion()) {
                QVERIFY2(builtKeys.at(seat.companionOf) == referenceKeys.at(wanted->companionOf),
                         where.c_str());
            }
            const double off = layout::distance(seat.position, wanted->position);
            worst = std::max(worst, off);
            QVERIFY2(off < kTolerance, (where + ": " + std::to_string(off) + " m away").c_str());
        }
        qInfo("every seat within %.3f m of the reference", worst);

        QCOMPARE(built.gaAreas.size(), 1u);
        const layout::GaArea& area = built.gaAreas[0];
        QCOMPARE(area.name, m_reference.gaAreas[0].name);
        QCOMPARE(area.category, m_reference.gaAreas[0].category);
        QCOMPARE(area.capacity, m_reference.gaAreas[0].capacity);
        QCOMPARE(area.outline.size(), m_reference.gaAreas[0].outline.size());
        for (std::size_t i = 0; i < area.outline.size(); ++i) {
            QVERIFY(layout::distance(area.outline[i], m_reference.gaAreas[0].outline[i]) < 0.01);
        }
    }
};

QTEST_MAIN(TestDesignerTheatre)
#include "tst_designer_theatre.moc"
