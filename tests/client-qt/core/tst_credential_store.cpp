// The refresh token is kept in the system keychain or nowhere: never as plain text on disk. On a
// machine with a keychain service it comes back from load(); without one (CI) save() says so and
// load() finds nothing. Either way no file under the test's home holds the token.

#include "client-qt/core/credential_store.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using usher::core::CredentialStore;

namespace {

QTemporaryDir* home = nullptr; // set before the application exists, so every path points into it

bool anyFileContains(const QString& root, const QByteArray& needle) {
    QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle)) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestCredentialStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theTokenIsInTheKeychainOrNowhere() {
        const QString server = QStringLiteral("http://127.0.0.1:8080");
        const QString user = QStringLiteral("clerk@test.usher");
        const QString token = QStringLiteral("refresh-token-%1").arg(QDateTime::currentMSecsSinceEpoch());
        CredentialStore store;
        std::optional<bool> stored;
        store.save(server, user, token, [&](bool ok) { stored = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 30000);
        std::optional<std::optional<QString>> loaded;
        store.load(server, user, [&](std::optional<QString> value) { loaded = std::move(value); });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 30000);
        if (*stored) {
            qInfo("a keychain service stored the token");
            QCOMPARE(**loaded, token);
            store.forget(server, user);
        } else {
            qInfo("no keychain service: nothing stored, the app will ask for the password");
            QVERIFY(!loaded->has_value());
        }
        QVERIFY(!anyFileContains(home->path(), token.toUtf8()));
    }

    void keysNameTheUserAndTheServer() {
        QCOMPARE(CredentialStore::keyFor(QStringLiteral("http://a:1"), QStringLiteral("x@y")),
                 QStringLiteral("x@y on http://a:1"));
    }
};

int main(int argc, char** argv) {
    QTemporaryDir scratch;
    home = &scratch;
    for (const char* variable :
         {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        qputenv(variable, scratch.path().toUtf8());
    }
    QCoreApplication app(argc, argv);
    TestCredentialStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credential_store.moc"
