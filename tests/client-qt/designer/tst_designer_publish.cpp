// The designer against a real usher-server with its demo data: an admin publishes a layout as a
// venue's versions, opens it in a second designer, and two admins publishing at once resolve the
// conflict by overwriting or by reloading. A layout with problems is never sent; a clerk's
// session is refused.
#include "client-qt/designer/designer_window.h"
#include "common/layout/builders.h"
#include "common/layout/editing.h"
#include "tests/client-qt/support/running_server.h"
#include "tests/client-qt/support/signed_in_client.h"

#include <QtTest>

using namespace usher;
using namespace usher::designer;
using usher::testing::RunningServer;

namespace {

constexpr int kWaitMs = 20000;

layout::VenueLayout smallHall() {
    layout::VenueLayout venue;
    venue.id = "studio";
    venue.name = "Studio";
    venue.categories = {{"standard", "Standard", "#3d7bd9"}};
    layout::Section section{"S", "Stalls", {}};
    const layout::BlockShape shape{{{0, 5}, {5.2, 5}, 0}, 3, {0, 0.9}, 0};
    const std::vector<int> seats{11};
    section.rows = layout::makeBlock("S", shape, seats, {}, {}, "standard");
    venue.sections.push_back(std::move(section));
    return venue;
}

// Signs in and keeps the session's token on the client.

// Publishes and waits; returns (published, what happened).
std::pair<bool, QString> publish(DesignerWindow& window, const QString& venue) {
    std::optional<std::pair<bool, QString>> outcome;
    window.publishToServer(venue,
                           [&](bool published, const QString& what) { outcome.emplace(published, what); });
    (void)QTest::qWaitFor([&] { return outcome.has_value(); }, kWaitMs);
    return outcome.value_or(std::pair{false, QStringLiteral("no answer")});
}

void moveEverything(DesignerWindow& window, layout::Point by) {
    const layout::Selection all = layout::selectAll(window.document().layout());
    window.document().edit("Move", layout::partsOf(window.document().layout(), all),
                           [&](layout::VenueLayout& venue) { layout::translate(venue, all, by); });
}

} // namespace

class TestDesignerPublish : public QObject {
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

    void publishOpenAndResolveConflicts() {
        DesignerWindow first;
        first.setServer(m_admin.get());
        first.document().reset(smallHall());
        LayoutServer server(*m_admin);
        bool created = false;
        protocol::VenueInput venue;
        venue.id = "studio";
        venue.name = "Studio";
        venue.city = "Testville";
        server.createVenue(venue, [&](Expected<protocol::VenueInfo, core::ApiError> answer) {
            created = answer.hasValue();
        });
        QTRY_VERIFY_WITH_TIMEOUT(created, kWaitMs);

        moveEverything(first, {1, 0});
        QVERIFY(first.document().isModified());
        auto outcome = publish(first, QStringLiteral("studio"));
        QVERIFY2(outcome.first, qPrintable(outcome.second));
        QCOMPARE(first.serverVersion(), 1);
        QVERIFY(!first.document().isModified());

        // A second admin opens version 1, changes it and publishes version 2.
        DesignerWindow second;
        second.confirmRestore = nullptr; // a leftover draft of "studio" is never restored here
        second.setServer(m_admin.get());
        QString error = QStringLiteral("pending");
        second.openFromServer(QStringLiteral("studio"), [&](const QString& why) { error = why; });
        QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("pending"), kWaitMs);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(second.document().layout() == first.document().layout());
        moveEverything(second, {0, 2});
        outcome = publish(second, QStringLiteral("studio"));
        QVERIFY2(outcome.first, qPrintable(outcome.second));
        QCOMPARE(second.serverVersion(), 2);

        // The first admin, still on version 1, publishes: conflict; they choose to overwrite.
        moveEverything(first, {3, 0});
        int asked = 0;
        first.resolveConflict = [&](const QString&) {
            ++asked;
            return DesignerWindow::ConflictChoice::Overwrite;
        };
        outcome = publish(first, QStringLiteral("studio"));
        QVERIFY2(outcome.first, qPrintable(outcome.second));
        QCOMPARE(asked, 1);
        QCOMPARE(first.serverVersion(), 3);

        // The second admin, on version 2, publishes too: conflict; they reload version 3 instead.
        moveEverything(second, {0, 1});
        second.resolveConflict = [](const QString&) { return DesignerWindow::ConflictChoice::Reload; };
        outcome = publish(second, QStringLiteral("studio"));
        QVERIFY(!outcome.first);
        QTRY_COMPARE_WITH_TIMEOUT(second.serverVersion(), 3, kWaitMs);
        QVERIFY(second.document().layout() == first.document().layout());
        QVERIFY(!second.document().isModified());

        // Cancel leaves the server and the edits as they are.
        moveEverything(second, {0, 1});
        moveEverything(first, {1, 1});
        QVERIFY(publish(first, QStringLiteral("studio")).first); // version 4
        second.resolveConflict = [](const QString&) { return DesignerWindow::ConflictChoice::Cancel; };
        outcome = publish(second, QStringLiteral("studio"));
        QVERIFY(!outcome.first);
        QVERIFY(second.document().isModified());
        QCOMPARE(second.serverVersion(), 3);
    }

    void aLayoutWithProblemsIsNotSent() {
        DesignerWindow window;
        window.setServer(m_admin.get());
        layout::VenueLayout broken = smallHall();
        broken.sections[0].rows[1].seats[0].category = "nowhere";
        window.document().reset(broken);
        const auto outcome = publish(window, QStringLiteral("studio"));
        QVERIFY(!outcome.first);
        QVERIFY2(outcome.second.contains(QStringLiteral("problem")), qPrintable(outcome.second));
        QCOMPARE(window.serverVersion(), 0);
    }

    void aClerkCannotPublish() {
        auto clerk = testing::signedInClient(m_server->url(), QStringLiteral("clerk@demo.usher"));
        DesignerWindow window;
        window.setServer(clerk.get());
        window.document().reset(smallHall());
        const auto outcome = publish(window, QStringLiteral("studio"));
        QVERIFY(!outcome.first);
        QVERIFY2(outcome.second.contains(QStringLiteral("admin")), qPrintable(outcome.second));
    }
};

QTEST_MAIN(TestDesignerPublish)
#include "tst_designer_publish.moc"
