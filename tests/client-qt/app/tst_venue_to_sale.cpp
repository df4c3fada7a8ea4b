// From a floor plan to a sold ticket, in the real windows against a real usher-server: an admin
// traces a small theatre over its floor plan in the designer (stage, rows, a curve, two price
// categories, a wheelchair space, a standing area), publishes it as a new venue, creates an event
// with prices for both categories, puts it on sale, blocks house seats and allots seats to a
// partner. A clerk then opens a shift and sells seats and standing places of it at the counter; the
// blocked and allotted seats are shown as such and never offered.

#include "client-qt/admin/admin_window.h"
#include "client-qt/admin/event_form.h"
#include "client-qt/app/main_window.h"
#include "client-qt/designer/designer_window.h"
#include "client-qt/designer/draw_tools.h"
#include "client-qt/designer/layout_server.h"
#include "common/layout/layout_counts.h"
#include "common/layout/validation.h"
#include "tests/client-qt/support/admin_steps.h"
#include "tests/client-qt/support/counter_window.h"
#include "tests/client-qt/support/designer_input.h"
#include "tests/client-qt/support/running_server.h"
#include "tests/client-qt/support/screenshot.h"
#include "tests/client-qt/support/signed_in_client.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace usher;
using usher::testing::RunningServer;

namespace {

constexpr int kWaitMs = 20000;
const QString kVenue = QStringLiteral("studio-theatre");

// The architect's floor plan: a stage across the top and the seating area below it, 20 m wide.
QImage floorPlan() {
    QImage plan(800, 640, QImage::Format_RGB32);
    plan.fill(Qt::white);
    QPainter painter(&plan);
    painter.setPen(QPen(Qt::black, 3));
    painter.drawRect(200, 40, 400, 200);  // the stage
    painter.drawRect(240, 280, 320, 300); // the stalls
    return plan;
}

} // namespace

class TestVenueToSale : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<RunningServer> m_server;
    std::unique_ptr<core::ApiClient> m_admin;
    QTemporaryDir m_tickets;
    std::vector<std::string> m_blocked;
    std::vector<std::string> m_allotted;

private Q_SLOTS:
    void initTestCase() {
        qRegisterMetaType<protocol::OrderResponse>();
        QStandardPaths::setTestModeEnabled(true);
        QSettings().setValue(QStringLiteral("printing/folder"), m_tickets.path());
        QString error;
        m_server = RunningServer::create(error);
        QVERIFY2(m_server, qPrintable(error));
        m_admin = testing::signedInClient(m_server->url(), QStringLiteral("admin@demo.usher"));
        QVERIFY(!m_admin->accessToken().isEmpty());
    }

    void anAdminDrawsTheVenueAndPublishesIt() {
        designer::DesignerWindow window;
        window.confirmRestore = nullptr;
        window.setServer(m_admin.get());
        window.resize(1366, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        testing::DesignerInput admin(window);
        admin.key(Qt::Key_N, Qt::ControlModifier);
        admin.zoom(40);
        window.view().centerOn(seatmap::toScene({0, 3}));
        const auto& venue = window.document().layout();

        // The floor plan under the drawing, lined up by a metre and locked.
        window.setBackground(floorPlan(), 20);
        const QRectF placed = window.view().backgroundRect();
        admin.drag({0, 0}, {0, 1});
        QVERIFY(window.view().backgroundRect().top() > placed.top());
        admin.key(Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);

        designer::LayoutProperties properties = designer::LayoutProperties::of(venue);
        properties.id = kVenue.toStdString();
        properties.name = "Studio Theatre";
        properties.categories = {{"premium", "Premium", "#b71c1c"}, {"standard", "Standard", "#1565c0"}};
        QVERIFY(window.setProperties(properties));

        admin.tool(Qt::Key_S);
        admin.drag({-5, -6}, {5, -1});
        admin.key(Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(venue.stage.size(), std::size_t{4});

        // Eight rows of fourteen, the front three premium, bent a little towards the stage.
        window.setPaintCategory("standard");
        admin.tool(Qt::Key_R);
        const double pitch = designer::RowTool::pitchFor(venue.seatSize);
        const double left = -pitch * 13 / 2;
        admin.drag({left, 1}, {left + pitch * 13 + 0.05, 1 + designer::RowTool::kRowStep * 7 + 0.05});
        QCOMPARE(venue.sections.size(), std::size_t{1});
        QCOMPARE(venue.sections[0].rows.size(), std::size_t{8});
        admin.band({-5, 0.5}, {5, 1 + designer::RowTool::kRowStep * 2 + 0.45});
        QCOMPARE(window.document().selection().seats.size(), std::size_t{42});
        window.setPaintCategory("premium");
        admin.key(Qt::Key_K, Qt::ControlModifier);
        admin.click(venue.sections[0].rows.back().seats[0].position); // the whole section
        admin.tool(Qt::Key_B);
        admin.drag({0, 4}, {0, 5});
        QVERIFY(window.renameSelected(QStringLiteral("Stalls")));
        const auto& back = venue.sections[0].rows.back().seats;
        admin.pick({back[0].position, back[1].position});
        admin.key(Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);

        window.setPaintCategory("standard");
        admin.tool(Qt::Key_A);
        for (layout::Point corner :
             {layout::Point{-4, 10}, layout::Point{4, 10}, layout::Point{4, 13}, layout::Point{-4, 13}}) {
            admin.click(corner);
        }
        QTest::keyClick(&window.view(), Qt::Key_Return);
        window.setAreaCapacity(40);
        QVERIFY(window.renameSelected(QStringLiteral("Standing")));
        admin.tool(Qt::Key_F);
        admin.click({0, -1});

        const auto problems = layout::validate(venue);
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().message.c_str());
        const layout::LayoutCounts counts = layout::countsOf(venue);
        QCOMPARE(counts.seats, std::int64_t{112});
        QCOMPARE(counts.seatsByCategory.at("premium"), std::int64_t{42});
        QCOMPARE(counts.wheelchairSpaces, std::int64_t{1});
        QCOMPARE(counts.gaCapacity, std::int64_t{40});

        window.document().setSelection({});
        QTRY_VERIFY(window.problemList().count() == 1 && // the panel follows a moment later
                    window.problemList().item(0)->text().startsWith(QStringLiteral("No problems")));
        window.view().centerOn(seatmap::toScene({0, 3}));
        QVERIFY(testing::saveScreenshot(window, QStringLiteral("designer-studio.png")));

        // A new venue on the server, and the drawing as its first layout.
        designer::LayoutServer server(*m_admin);
        bool created = false;
        server.createVenue(
            {kVenue.toStdString(), "Studio Theatre", "Graz", "Europe/Vienna"},
            [&](Expected<protocol::VenueInfo, core::ApiError> answer) { created = answer.hasValue(); });
        QTRY_VERIFY_WITH_TIMEOUT(created, kWaitMs);
        std::optional<std::pair<bool, QString>> published;
        window.publishToServer(kVenue, [&](bool ok, const QString& what) { published.emplace(ok, what); });
        QTRY_VERIFY_WITH_TIMEOUT(published.has_value(), kWaitMs);
        QVERIFY2(published->first, qPrintable(published->second));
        QCOMPARE(window.serverVersion(), 1);
    }

    void anAdminPutsAnEventOnSaleWithHoldsAndAllotments() {
        admin::AdminWindow window(*m_admin);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.events().empty(), kWaitMs);
        admin::AdminApi api(*m_admin);
        std::vector<protocol::VenueInfo> venues = testing::venuesOf(api);
        QVERIFY(!venues.empty());
        admin::EventForm form(venues, [&](const QString& venue, int version,
                                          std::function<void(std::optional<layout::VenueLayout>)> loaded) {
            api.layoutVersion(venue, version, std::move(loaded));
        });
        form.venueField().setCurrentIndex(form.venueField().findData(kVenue));
        QTRY_VERIFY_WITH_TIMEOUT(form.categoriesLoaded(), kWaitMs);
        QTableWidget& prices = form.pricesTable();
        QCOMPARE(prices.rowCount(), 2); // the drawing's two categories
        for (int row = 0; row < prices.rowCount(); ++row) {
            prices.item(row, 0)->setText(row == 0 ? QStringLiteral("48.00") : QStringLiteral("32.00"));
            prices.item(row, 1)->setText(row == 0 ? QStringLiteral("24.00") : QStringLiteral("16.00"));
        }
        form.nameField().setText(QStringLiteral("Studio opening night"));
        QString error;
        const auto input = form.input(&error);
        QVERIFY2(input, qPrintable(error));
        QVERIFY(testing::step([&](auto done) { window.createEvent(*input, done); }));
        QTRY_COMPARE_WITH_TIMEOUT(window.seatMap().seatCount(), std::size_t{112}, kWaitMs);
        QVERIFY(testing::step([&](auto done) { window.setStatus(protocol::EventStatus::OnSale, {}, done); }));

        auto& map = window.seatMap();
        std::vector<std::uint32_t> house{0, 1};
        map.select(house, true);
        m_blocked = {std::string(map.index().seat(0).id), std::string(map.index().seat(1).id)};
        QVERIFY(testing::step([&](auto done) {
            window.blockSelected({{}, "House seats", "#aa2200", std::nullopt}, done);
        }));
        std::vector<std::uint32_t> agency{2, 3, 4};
        map.select(agency, true);
        for (std::uint32_t seat : agency) {
            m_allotted.emplace_back(map.index().seat(seat).id);
        }
        QVERIFY(testing::step([&](auto done) {
            window.allotSelected({"partner:agency", std::nullopt, {}, {}, "City tourist office"}, done);
        }));
        QCOMPARE(map.countIn(seatmap::SeatState::Blocked), std::size_t{2});
        QCOMPARE(map.countIn(seatmap::SeatState::Allotted), std::size_t{3});
        window.resize(1366, 768);
        QVERIFY(testing::saveScreenshot(window, QStringLiteral("admin-events.png")));
    }

    void aClerkSellsIt() {
        auto counter = testing::counterWindow(*m_server, QStringLiteral("Counter Studio"), kWaitMs);
        QVERIFY(counter);
        bool opened = false;
        counter->openShiftWith(Money{10000, *Currency::fromCode("EUR")}, [&](bool ok) { opened = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(opened, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!counter->eventPicker().shown().empty(), kWaitMs);
        QTest::keyClicks(counter->eventPicker().searchField(), QStringLiteral("studio opening"));
        QTest::keyClick(counter->eventPicker().searchField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(counter->seatMap().seatCount(), std::size_t{112}, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(counter->basket().eventId(), counter->currentEvent(), kWaitMs);
        auto& map = counter->seatMap();
        for (const std::string& id : m_blocked) {
            QVERIFY(map.state(*map.find(id)) == seatmap::SeatState::Blocked);
        }
        for (const std::string& id : m_allotted) {
            QVERIFY(map.state(*map.find(id)) == seatmap::SeatState::Allotted);
        }

        // The best four seats and two standing places, paid in cash.
        counter->bestAvailable(4, false);
        QTRY_COMPARE_WITH_TIMEOUT(counter->basket().lines().size(), std::size_t{4}, kWaitMs);
        QVERIFY(!counter->basket().standingAreas().empty());
        const QString area = QString::fromStdString(counter->basket().standingAreas().front().id);
        counter->setStandingPlaces(area, 2);
        QTRY_COMPARE_WITH_TIMEOUT(counter->basket().standing(area), 2, kWaitMs);
        QStringList seats;
        for (const auto& line : counter->basket().lines()) {
            if (!line.standing) {
                seats << line.seat;
                QVERIFY(std::find(m_blocked.begin(), m_blocked.end(), line.seat.toStdString()) ==
                        m_blocked.end());
                QVERIFY(std::find(m_allotted.begin(), m_allotted.end(), line.seat.toStdString()) ==
                        m_allotted.end());
            }
        }
        QCOMPARE(seats.size(), 4);
        const Money total = counter->basket().total();
        QSignalSpy sold(counter.get(), &app::MainWindow::sold);
        QVERIFY(counter->payWith({protocol::CashPayment{total}}));
        QVERIFY(sold.wait(kWaitMs * 2));
        const auto order = sold.front().front().value<protocol::OrderResponse>();
        QCOMPARE(order.tickets.size(), std::size_t{6});
        QCOMPARE(order.total, total);
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(seats.begin(), seats.end(),
                                             [&](const QString& id) {
                                                 return map.state(*map.find(id.toStdString())) ==
                                                        seatmap::SeatState::Sold;
                                             }),
                                 kWaitMs);
    }
};

QTEST_MAIN(TestVenueToSale)
#include "tst_venue_to_sale.moc"
