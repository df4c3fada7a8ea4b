// Users and roles in the desktop app against a real usher-server with its demo data: an admin
// creates a clerk (the dialog refusing bad entries first), the clerk signs in, the admin resets the
// clerk's password, disables and enables the account and makes it an admin; an admin cannot lock
// themself out.
#include "client-qt/admin/staff_window.h"
#include "tests/client-qt/support/admin_steps.h"
#include "tests/client-qt/support/running_server.h"
#include "tests/client-qt/support/screenshot.h"
#include "tests/client-qt/support/signed_in_client.h"

#include <QComboBox>
#include <QLineEdit>
#include <QtTest>

using namespace usher;
using namespace usher::admin;
using usher::testing::RunningServer;

namespace {

constexpr int kWaitMs = 20000;

bool canSignIn(const QUrl& server, const QString& email, const QString& password) {
    return !testing::signedInClient(server, email, password)->accessToken().isEmpty();
}

} // namespace

class TestStaffWindow : public QObject {
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

    void theNewAccountDialogRefusesBadEntries() {
        NewAccountDialog dialog;
        dialog.emailField().setText(QStringLiteral("not an email"));
        dialog.nameField().setText(QStringLiteral("Sam Clerk"));
        dialog.passwordField().setText(QStringLiteral("long enough"));
        dialog.repeatField().setText(QStringLiteral("long enough"));
        QVERIFY(dialog.problem().has_value());
        dialog.emailField().setText(QStringLiteral("sam@demo.usher"));
        QVERIFY(!dialog.problem().has_value());
        dialog.passwordField().setText(QStringLiteral("short"));
        dialog.repeatField().setText(QStringLiteral("short"));
        QVERIFY(dialog.problem()->contains(QStringLiteral("8")));
        dialog.passwordField().setText(QStringLiteral("long enough"));
        dialog.repeatField().setText(QStringLiteral("long enougH"));
        QVERIFY(dialog.problem().has_value());
        dialog.repeatField().setText(QStringLiteral("long enough"));
        dialog.roleField().setCurrentIndex(dialog.roleField().findText(QStringLiteral("clerk")));
        const protocol::StaffInput input = dialog.input();
        QCOMPARE(*input.email, std::string("sam@demo.usher"));
        QVERIFY(*input.role == protocol::Role::Clerk);
    }

    void anAdminManagesAClerkFromCreationToPromotion() {
        StaffWindow window(*m_admin);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.accounts().empty(), kWaitMs);
        const std::size_t before = window.accounts().size();

        const QUrl server = m_server->url();
        const QString email = QStringLiteral("kim@demo.usher");
        const QString first = QStringLiteral("first password");
        protocol::StaffInput input;
        input.email = email.toStdString();
        input.name = "Kim Counter";
        input.role = protocol::Role::Clerk;
        input.password = first.toStdString();
        QVERIFY(testing::step([&](auto done) { window.create(input, done); }));
        QCOMPARE(window.accounts().size(), before + 1);
        QCOMPARE(window.selectedAccount()->email, email.toStdString());
        QVERIFY(window.selectedAccount()->role == protocol::Role::Clerk);
        QVERIFY(canSignIn(server, email, first));
        // The same email twice is refused with a readable reason.
        QVERIFY(!testing::step([&](auto done) { window.create(input, done); }));
        QVERIFY2(window.lastMessage().contains(QStringLiteral("exists")), qPrintable(window.lastMessage()));

        const QString second = QStringLiteral("second password");
        QVERIFY(testing::step([&](auto done) { window.resetPassword(second, done); }));
        QVERIFY(!canSignIn(server, email, first));
        QVERIFY(canSignIn(server, email, second));

        QVERIFY(testing::step([&](auto done) { window.setDisabled(true, done); }));
        QVERIFY(window.selectedAccount()->disabled);
        QVERIFY(!canSignIn(server, email, second));
        QVERIFY(testing::step([&](auto done) { window.setDisabled(false, done); }));
        QVERIFY(canSignIn(server, email, second));

        QVERIFY(testing::step([&](auto done) { window.setRole(protocol::Role::Admin, done); }));
        QVERIFY(window.selectedAccount()->role == protocol::Role::Admin);
        QCOMPARE(window.selectedAccount()->email, email.toStdString());
        QVERIFY(testing::saveScreenshot(window, QStringLiteral("admin-users.png")));
    }

    void anAdminCannotLockThemselfOut() {
        StaffWindow window(*m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(!window.accounts().empty(), kWaitMs);
        for (const protocol::StaffInfo& account : window.accounts()) {
            if (account.email == "admin@demo.usher") {
                window.select(account.id);
            }
        }
        QCOMPARE(window.selectedAccount()->email, std::string("admin@demo.usher"));
        QVERIFY(!testing::step([&](auto done) { window.setDisabled(true, done); }));
        QVERIFY2(window.lastMessage().contains(QStringLiteral("lock yourself out")),
                 qPrintable(window.lastMessage()));
        QVERIFY(canSignIn(m_server->url(), QStringLiteral("admin@demo.usher"),
                          QString::fromLatin1(RunningServer::kDemoPassword)));
    }

    void everyActionHasAShortcut() {
        StaffWindow window(*m_admin);
        for (const QAction* action : window.shortcutActions()) {
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
        }
    }
};

QTEST_MAIN(TestStaffWindow)
#include "tst_staff_window.moc"
