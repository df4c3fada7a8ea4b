// The box office's windows against a real usher-server with its demo data: signing in (and being
// told clearly what went wrong), the performance list, the live map, and the status bar and stale
// banner when the server goes away and comes back. With USHER_SCREENSHOT_DIR set it also saves the
// counter screen there (scripts/screenshots).

#include "client-qt/app/main_window.h"
#include "client-qt/app/sign_in_dialog.h"
#include "client-qt/seatmap/shortcut_sheet.h"
#include "tests/client-qt/support/counter_window.h"
#include "tests/client-qt/support/running_server.h"
#include "tests/client-qt/support/screenshot.h"

#include <QAction>
#include <QDir>
#include <QLineEdit>
#include <QtTest>

using namespace usher;
using usher::testing::RunningServer;

namespace {

constexpr int kWaitMs = 20000;

QString clerk() {
    return QStringLiteral("clerk@demo.usher");
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<RunningServer> m_server;

private Q_SLOTS:
    void initTestCase() {
        QString error;
        m_server = RunningServer::create(error);
        QVERIFY2(m_server, qPrintable(error));
    }
    void cleanupTestCase() { m_server.reset(); }

    void signingInSaysWhatWentWrong() {
        app::SignInDialog wrongPassword(m_server->url().toString(), clerk());
        wrongPassword.setPassword(QStringLiteral("not the password"));
        wrongPassword.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(wrongPassword.error(), QStringLiteral("The user or the password is wrong."),
                                  kWaitMs);
        QVERIFY(wrongPassword.result() != QDialog::Accepted);

        app::SignInDialog noServer(QStringLiteral("http://127.0.0.1:9"), clerk());
        noServer.setPassword(QStringLiteral("whatever"));
        noServer.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(noServer.error().contains(QStringLiteral("cannot be reached")), kWaitMs);

        app::SignInDialog badAddress(QStringLiteral("http://"), clerk());
        badAddress.signIn();
        QCOMPARE(badAddress.error(), QStringLiteral("The server address is not valid."));
    }

    void theCounterScreenFollowsTheServer() {
        auto window = usher::testing::counterWindow(*m_server, QStringLiteral("Counter 1"), kWaitMs);
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(window->eventPicker().shown().size() >= 12, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionText(), QStringLiteral("Online"), kWaitMs);
        QVERIFY(!window->staleBannerShown());

        // Type part of the venue, press Enter: the first matching performance opens.
        QTest::keyClicks(window->eventPicker().searchField(), QStringLiteral("grand thea"));
        const QStringList matches = window->eventPicker().shown();
        QVERIFY(!matches.isEmpty());
        QTest::keyClick(window->eventPicker().searchField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(window->seatMap().seatCount(), std::size_t{1100}, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(window->feed().seq(window->currentEvent()) >= 0, kWaitMs);

        QVERIFY(testing::saveScreenshot(*window, QStringLiteral("boxoffice-counter.png")));

        // Every action has a shortcut, in its tooltip and on the F1 sheet.
        QVERIFY(!window->shortcutActions().isEmpty());
        const seatmap::ShortcutSheet sheet(window->shortcutActions(), seatmap::ShortcutSheet::seatMapKeys());
        for (QAction* action : window->shortcutActions()) {
            const QString keys = action->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(action->toolTip().contains(keys), qPrintable(action->text()));
            QVERIFY(
                sheet.rows().contains(keys + QStringLiteral(": ") + action->text().remove(QLatin1Char('&'))));
        }
        QVERIFY(sheet.rows().contains(QStringLiteral("Space: Select or deselect the seat under the cursor")));

        // The server goes away: the status bar and a banner over the map say so; it comes back.
        m_server->stop();
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionText(), QStringLiteral("Offline"), kWaitMs);
        QVERIFY(window->staleBannerShown());
        QVERIFY(testing::saveScreenshot(*window, QStringLiteral("boxoffice-offline.png")));
        QString error;
        QVERIFY2(m_server->start(error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionText(), QStringLiteral("Online"), 2 * kWaitMs);
        QVERIFY(!window->staleBannerShown());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
