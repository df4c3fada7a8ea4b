// Event administration in the desktop app against a real usher-server with its demo data: an admin
// fills in the event form (prices for every category of the venue's layout), saves the draft, puts
// it on sale, blocks and allots seats on its map and releases them, resolves a concurrent edit,
// and cancels the event.
#include "client-qt/admin/admin_window.h"
#include "client-qt/admin/event_form.h"
#include "client-qt/admin/hold_dialogs.h"
#include "client-qt/admin/venue_dialog.h"
#include "common/layout/layout_json.h"
#include "tests/client-qt/support/admin_steps.h"
#include "tests/client-qt/support/running_server.h"
#include "tests/client-qt/support/signed_in_client.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

using namespace usher;
using namespace usher::admin;
using usher::testing::RunningServer;

namespace {

constexpr int kWaitMs = 20000;

std::size_t countIn(const seatmap::SeatMapModel& model, seatmap::SeatState state) {
    return model.countIn(state);
}

} // namespace

class TestAdminWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<RunningServer> m_server;
    std::unique_ptr<core::ApiClient> m_admin;

private Q_SLOTS:
    void initTestCase() {
        QString error;
        m_server = RunningServer::create(error);
        QVERIFY2(m_server, qPrintable(error));
        m_admin = testing::signedInClient(m_server->url(), QStringLiteral("admin@demo.usher"));
        QVERIFY(!m_admin->accessToken().isEmpty());
    }

    void anEventFromTheFormToSaleBlocksAllotmentsAndCancellation() {
        AdminWindow window(*m_admin);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.events().empty(), kWaitMs);
        const std::size_t demoEvents = window.events().size();

        // The form lists the venue's price categories; every cell gets a price.
        AdminApi api(*m_admin);
        std::vector<protocol::VenueInfo> venues = testing::venuesOf(api);
        QVERIFY(!venues.empty());
        EventForm form(venues, [&](const QString& venue, int version,
                                   std::function<void(std::optional<layout::VenueLayout>)> loaded) {
            api.layoutVersion(venue, version, std::move(loaded));
        });
        form.venueField().setCurrentIndex(form.venueField().findData(QStringLiteral("grand-theatre-vienna")));
        QTRY_VERIFY_WITH_TIMEOUT(form.categoriesLoaded(), kWaitMs);
        QVERIFY(form.pricesTable().rowCount() >= 3);
        QString error;
        form.nameField().setText(QStringLiteral("Admin premiere"));
        QVERIFY(!form.input(&error)); // no prices yet: the first ticket type's column is empty
        QTableWidget& prices = form.pricesTable();
        for (int row = 0; row < prices.rowCount(); ++row) {
            prices.item(row, 0)->setText(QStringLiteral("42.00"));
            prices.item(row, 1)->setText(QStringLiteral("21.00"));
        }
        prices.item(0, 1)->setText(QStringLiteral("lots"));
        QVERIFY(!form.input(&error));
        QVERIFY2(error.contains(QStringLiteral("lots")), qPrintable(error));
        prices.item(0, 1)->setText(QStringLiteral("21.00"));
        const auto input = form.input(&error);
        QVERIFY2(input, qPrintable(error));

        QVERIFY(testing::step([&](auto done) { window.createEvent(*input, done); }));
        QCOMPARE(window.events().size(), demoEvents + 1);
        QVERIFY(window.currentEvent().has_value());
        QVERIFY(window.currentEvent()->status == protocol::EventStatus::Draft);
        QCOMPARE(QString::fromStdString(window.currentEvent()->name), QStringLiteral("Admin premiere"));
        QTRY_VERIFY_WITH_TIMEOUT(window.seatMap().seatCount() > 1000, kWaitMs);

        QVERIFY(testing::step([&](auto done) { window.setStatus(protocol::EventStatus::OnSale, {}, done); }));
        QVERIFY(window.currentEvent()->status == protocol::EventStatus::OnSale);

        // Block two seats, allot three, release the block.
        const std::size_t blockedBefore = countIn(window.seatMap(), seatmap::SeatState::Blocked);
        std::vector<std::uint32_t> pick{0, 1};
        window.seatMap().select(pick, true);
        QVERIFY(testing::step([&](auto done) {
            window.blockSelected({{}, "House seats", "#aa2200", std::nullopt}, done);
        }));
        QCOMPARE(countIn(window.seatMap(), seatmap::SeatState::Blocked), blockedBefore + 2);
        QCOMPARE(window.blocks().size(), std::size_t{1});
        std::vector<std::uint32_t> more{10, 11, 12};
        window.seatMap().select(more, true);
        QVERIFY(testing::step([&](auto done) {
            window.allotSelected({"box_office", "Counter 9", {}, {}, ""}, done);
        }));
        QCOMPARE(countIn(window.seatMap(), seatmap::SeatState::Allotted), std::size_t{3});
        QCOMPARE(window.allotments().size(), std::size_t{1});
        const QString block = QString::fromStdString(window.blocks().front().id);
        QVERIFY(testing::step([&](auto done) { window.releaseBlock(block, done); }));
        QCOMPARE(countIn(window.seatMap(), seatmap::SeatState::Blocked), blockedBefore);
        // The released seats can be blocked again, for another reason.
        window.seatMap().select(pick, true);
        QVERIFY(testing::step([&](auto done) {
            window.blockSelected({{}, "Press", "#0022aa", std::nullopt}, done);
        }));
        QCOMPARE(countIn(window.seatMap(), seatmap::SeatState::Blocked), blockedBefore + 2);

        // A block that ends by itself, set in its dialog: a time in the past is refused.
        std::vector<std::uint32_t> press{20, 21};
        window.seatMap().select(press, true);
        BlockDialog blockDialog(2);
        blockDialog.reasonField().setCurrentText(QStringLiteral("Press night"));
        blockDialog.releaseField().setChecked(true);
        blockDialog.releaseTimeField().setDateTime(QDateTime::currentDateTime().addSecs(-60));
        QVERIFY(blockDialog.problem().has_value());
        blockDialog.releaseTimeField().setDateTime(QDateTime::currentDateTime().addDays(2));
        QVERIFY(!blockDialog.problem().has_value());
        QVERIFY(testing::step([&](auto done) { window.blockSelected(blockDialog.request(), done); }));
        const auto timed =
            std::find_if(window.blocks().begin(), window.blocks().end(),
                         [](const protocol::BlockInfo& b) { return b.reason == "Press night"; });
        QVERIFY(timed != window.blocks().end() && timed->releaseAt.has_value());

        // Standing places for a partner, from the allotment dialog, with no seat selected.
        window.seatMap().clearSelection();
        const auto& areas = window.seatMap().layout().gaAreas;
        QVERIFY(!areas.empty());
        AllotDialog allotDialog(0, areas);
        allotDialog.channelChoice().setChecked(true);
        QVERIFY(allotDialog.problem().has_value()); // no places and no channel yet
        allotDialog.channelField().setText(QStringLiteral("partner:agency"));
        allotDialog.placesField(0).setValue(5);
        QVERIFY(!allotDialog.problem().has_value());
        QVERIFY(testing::step([&](auto done) { window.allotSelected(allotDialog.request(), done); }));
        const auto partner =
            std::find_if(window.allotments().begin(), window.allotments().end(),
                         [](const protocol::AllotmentInfo& a) { return a.channel == "partner:agency"; });
        QVERIFY(partner != window.allotments().end());
        QCOMPARE(partner->ga.size(), std::size_t{1});
        QCOMPARE(partner->ga[0].quantity, 5);
        QCOMPARE(partner->ga[0].area, areas[0].id);

        // Another admin renames the event meanwhile: this window's edit is told, and overwrites.
        const QString id = QString::fromStdString(window.currentEvent()->id);
        bool renamed = false;
        protocol::EventInput other;
        other.name = "Renamed elsewhere";
        api.updateEvent(
            id, window.currentEvent()->revision, other,
            [&](Expected<protocol::EventAdminView, core::ApiError> answer) { renamed = answer.hasValue(); });
        QTRY_VERIFY_WITH_TIMEOUT(renamed, kWaitMs);
        int asked = 0;
        window.resolveConflict = [&](const QString&) {
            ++asked;
            return AdminWindow::ConflictChoice::Overwrite;
        };
        protocol::EventInput mine;
        mine.name = "Admin premiere (matinee)";
        QVERIFY(testing::step([&](auto done) { window.updateEvent(mine, done); }));
        QCOMPARE(asked, 1);
        QCOMPARE(QString::fromStdString(window.currentEvent()->name),
                 QStringLiteral("Admin premiere (matinee)"));
        // And once more, choosing to reload: their name stays.
        api.updateEvent(
            id, window.currentEvent()->revision, other,
            [&](Expected<protocol::EventAdminView, core::ApiError> answer) { renamed = answer.hasValue(); });
        renamed = false;
        QTRY_VERIFY_WITH_TIMEOUT(renamed, kWaitMs);
        window.resolveConflict = [](const QString&) { return AdminWindow::ConflictChoice::Reload; };
        QVERIFY(!testing::step([&](auto done) { window.updateEvent(mine, done); }));
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(window.currentEvent()->name),
                                  QStringLiteral("Renamed elsewhere"), kWaitMs);

        QVERIFY(testing::step([&](auto done) {
            window.setStatus(protocol::EventStatus::Cancelled, QStringLiteral("storm"), done);
        }));
        QVERIFY(window.currentEvent()->status == protocol::EventStatus::Cancelled);
        QVERIFY(window.lastMessage().contains(QStringLiteral("0 order")));
    }

    void aVenueIsRenamedAndAConcurrentEditIsTold() {
        AdminWindow window(*m_admin);
        AdminApi api(*m_admin);
        std::vector<protocol::VenueInfo> venues = testing::venuesOf(api);
        QVERIFY(!venues.empty());
        VenueDialog dialog(venues);
        dialog.venueField().setCurrentIndex(
            dialog.venueField().findData(QStringLiteral("city-arena-berlin")));
        const protocol::VenueInfo loaded = dialog.chosen();
        QCOMPARE(dialog.nameField().text(), QString::fromStdString(loaded.name));
        dialog.timezoneField().setCurrentText(QStringLiteral("Mars/Olympus"));
        QVERIFY(dialog.problem().has_value());
        dialog.timezoneField().setCurrentText(QString::fromStdString(loaded.timezone));
        dialog.cityField().setText(QStringLiteral("Berlin-Mitte"));
        const protocol::VenueInput input = dialog.input();
        QVERIFY(!input.name.has_value()); // unchanged fields are not sent
        QCOMPARE(*input.city, std::string("Berlin-Mitte"));
        QVERIFY(testing::step([&](auto done) { window.updateVenue(loaded, input, done); }));

        // The same dialog's data once more: the venue moved on meanwhile, so the admin is asked.
        int asked = 0;
        window.resolveConflict = [&](const QString& what) {
            ++asked;
            return what.contains(QString::fromStdString(loaded.name)) ? AdminWindow::ConflictChoice::Overwrite
                                                                      : AdminWindow::ConflictChoice::Cancel;
        };
        protocol::VenueInput again;
        again.city = "Berlin";
        QVERIFY(testing::step([&](auto done) { window.updateVenue(loaded, again, done); }));
        QCOMPARE(asked, 1);
        venues.clear();
        venues = testing::venuesOf(api);
        QVERIFY(!venues.empty());
        const auto arena = std::find_if(venues.begin(), venues.end(), [](const protocol::VenueInfo& v) {
            return v.id == "city-arena-berlin";
        });
        QVERIFY(arena != venues.end());
        QCOMPARE(arena->city, std::string("Berlin"));
        QCOMPARE(arena->revision, loaded.revision + 2);
    }

    void clerksAreRefused() {
        auto clerk = testing::signedInClient(m_server->url(), QStringLiteral("clerk@demo.usher"));
        AdminWindow window(*clerk);
        QVERIFY(!testing::step([&](auto done) { window.reload(done); }));
        QVERIFY2(window.lastMessage().contains(QStringLiteral("admin")), qPrintable(window.lastMessage()));
        QVERIFY(window.events().empty());
    }
};

QTEST_MAIN(TestAdminWindow)
#include "tst_admin_window.moc"
