#include "client-qt/app/main_window.h"
#include "client-qt/app/sign_in_dialog.h"
#include "client-qt/app/translations.h"
#include "client-qt/core/credential_store.h"
#include "client-qt/designer/designer_window.h"
#include "common/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QSysInfo>

#include <boost/json/serialize.hpp>

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("Usher"));
    QCoreApplication::setApplicationName(QStringLiteral("usher-boxoffice"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(usher::kVersion));
}

struct Options {
    QString server;
    QString user;
    std::optional<QString> designerFile; // --designer: edit a layout file, no server needed
};

// --version and --help must work on a machine with no display, so the command line is read by a
// QCoreApplication before the GUI application (which needs a platform plugin) exists.
Options readCommandLine(int argc, char** argv) {
    QCoreApplication cli(argc, argv);
    describeApplication();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Usher box office: walk-up sales at the counter"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("usher-server address, e.g. http://127.0.0.1:8080"),
                                    QStringLiteral("URL"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("user to sign in as"),
                                  QStringLiteral("EMAIL"));
    const QCommandLineOption designer(
        QStringLiteral("designer"),
        QStringLiteral("open the layout designer on a layout file (\"new\" for an empty one)"),
        QStringLiteral("FILE"));
    parser.addOption(server);
    parser.addOption(user);
    parser.addOption(designer);
    parser.process(cli);
    Options options{parser.value(server), parser.value(user), std::nullopt};
    if (parser.isSet(designer)) {
        options.designerFile = parser.value(designer);
    }
    return options;
}

// Signs in with the refresh token the keychain kept from the last run, if there is one and the
// server still takes it (refresh tokens are single-use: the new one is kept by the main window).
std::optional<usher::protocol::LoginResponse> resumeSession(usher::core::ApiClient& client,
                                                            const QString& user) {
    if (user.isEmpty()) {
        return std::nullopt;
    }
    QEventLoop wait;
    std::optional<QString> token;
    usher::core::CredentialStore store;
    store.load(client.server().toString(), user, [&](std::optional<QString> stored) {
        token = std::move(stored);
        wait.quit();
    });
    wait.exec();
    if (!token) {
        return std::nullopt;
    }
    std::optional<usher::protocol::LoginResponse> login;
    const usher::protocol::RefreshRequest request{token->toStdString()};
    const QByteArray body =
        QByteArray::fromStdString(boost::json::serialize(usher::protocol::toJson(request)));
    client.call<usher::protocol::LoginResponse>(
        "POST", QStringLiteral("/api/v1/auth/refresh"), body,
        [&](usher::Expected<usher::protocol::LoginResponse, usher::core::ApiError> answer) {
            if (answer) {
                login = std::move(*answer);
            }
            wait.quit();
        });
    wait.exec();
    return login;
}

} // namespace

int main(int argc, char** argv) {
    const Options options = readCommandLine(argc, argv);

    QApplication app(argc, argv);
    describeApplication();
    // The installed desktop entry and hicolor icon (installer/): window managers match them by name.
    QGuiApplication::setDesktopFileName(QStringLiteral("usher-boxoffice"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("usher-boxoffice")));

    QSettings settings;
    usher::app::installTranslations(app, usher::app::chosenLanguage(settings));
    if (options.designerFile) {
        usher::designer::DesignerWindow designer;
        QString error;
        if (*options.designerFile != QStringLiteral("new") &&
            !designer.openFile(*options.designerFile, &error)) {
            QMessageBox::critical(nullptr, QStringLiteral("usher-boxoffice"), error);
            return 1;
        }
        designer.show();
        return QApplication::exec();
    }
    const QString server =
        !options.server.isEmpty()
            ? options.server
            : settings.value(QStringLiteral("connection/server"), QStringLiteral("http://127.0.0.1:8080"))
                  .toString();
    const QString user =
        !options.user.isEmpty() ? options.user : settings.value(QStringLiteral("connection/user")).toString();
    const QString device =
        settings.value(QStringLiteral("device/name"), QSysInfo::machineHostName()).toString();

    // Signed in from the keychain's refresh token, else through the dialog.
    std::unique_ptr<usher::core::ApiClient> client =
        std::make_unique<usher::core::ApiClient>(QUrl::fromUserInput(server));
    std::optional<usher::protocol::LoginResponse> login = resumeSession(*client, user);
    QString signedInAs = user;
    if (!login) {
        usher::app::SignInDialog signIn(server, user);
        // For scripted starts (scripts/run signs in as the demo clerk): the password comes from the
        // environment, is used once and never stored; the dialog shows while it signs in.
        const QString password = qEnvironmentVariable("USHER_BOXOFFICE_PASSWORD");
        if (!password.isEmpty()) {
            signIn.setPassword(password);
            signIn.signIn();
        }
        if (signIn.exec() != QDialog::Accepted) {
            return 0;
        }
        settings.setValue(QStringLiteral("connection/server"), signIn.server());
        settings.setValue(QStringLiteral("connection/user"), signIn.user());
        client = signIn.takeClient();
        login = signIn.login();
        signedInAs = signIn.user();
    }

    usher::app::MainWindow window(std::move(client), *login, signedInAs, device);
    window.resize(1366, 768);
    window.show();
    return app.exec();
}
