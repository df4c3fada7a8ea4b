// The device's SQLite store on a real file: WAL with synchronous=FULL, the schema brought up step
// by step once, every statement off the GUI thread, a failing step leaving the version as it was,
// and a database newer than the app refused.
#include "client-qt/core/local_store.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QVariant>
#include <QtTest>

using usher::core::LocalStore;

namespace {

constexpr int kWaitMs = 10000;

QString openStore(LocalStore& store, const QString& path,
                  std::vector<LocalStore::Step> steps = LocalStore::schemaSteps()) {
    std::optional<QString> outcome;
    store.open(
        path, [&](QString why) { outcome = why; }, std::move(steps));
    (void)QTest::qWaitFor([&] { return outcome.has_value(); }, kWaitMs);
    return outcome.value_or(QStringLiteral("no answer"));
}

// One value from the store's thread.
QVariant valueOf(LocalStore& store, const QString& sql, QThread** ranOn = nullptr) {
    std::optional<QVariant> value;
    QVariant result;
    QThread* thread = nullptr;
    store.run(
        [&](QSqlDatabase& db) {
            thread = QThread::currentThread();
            QSqlQuery query(db);
            result = query.exec(sql) && query.next() ? query.value(0) : QVariant();
        },
        [&] { value = result; });
    (void)QTest::qWaitFor([&] { return value.has_value(); }, kWaitMs);
    if (ranOn != nullptr) {
        *ranOn = thread;
    }
    return value.value_or(QVariant());
}

} // namespace

class TestLocalStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensDurableAndOffTheGuiThread() {
        QTemporaryDir folder;
        LocalStore store;
        QCOMPARE(openStore(store, folder.filePath(QStringLiteral("store.sqlite"))), QString());
        QThread* ranOn = nullptr;
        QCOMPARE(valueOf(store, QStringLiteral("PRAGMA journal_mode"), &ranOn).toString(),
                 QStringLiteral("wal"));
        QVERIFY(ranOn != nullptr && ranOn != QThread::currentThread());
        QCOMPARE(valueOf(store, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
        QCOMPARE(valueOf(store, QStringLiteral("SELECT version FROM schema_version")).toInt(),
                 static_cast<int>(LocalStore::schemaSteps().size()));
        QCOMPARE(valueOf(store, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
    }

    void stepsApplyOnceInOrderAndAFailureKeepsTheVersion() {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("store.sqlite"));
        const LocalStore::Step first{QStringLiteral("CREATE TABLE a (x INTEGER)"),
                                     QStringLiteral("INSERT INTO a VALUES (1)")};
        const LocalStore::Step second{QStringLiteral("INSERT INTO a VALUES (2)")};
        const LocalStore::Step broken{QStringLiteral("INSERT INTO a VALUES (3)"), QStringLiteral("NOT SQL")};
        {
            LocalStore store;
            QCOMPARE(openStore(store, path, {first}), QString());
        }
        {
            LocalStore store; // reopened with one more step: only that one runs
            QCOMPARE(openStore(store, path, {first, second}), QString());
            QCOMPARE(valueOf(store, QStringLiteral("SELECT group_concat(x) FROM a")).toString(),
                     QStringLiteral("1,2"));
        }
        {
            LocalStore store; // a failing step changes nothing, not even its good statements
            QVERIFY(
                openStore(store, path, {first, second, broken}).contains(QStringLiteral("schema step 3")));
        }
        {
            LocalStore store;
            QCOMPARE(openStore(store, path, {first, second}), QString());
            QCOMPARE(valueOf(store, QStringLiteral("SELECT version FROM schema_version")).toInt(), 2);
            QCOMPARE(valueOf(store, QStringLiteral("SELECT group_concat(x) FROM a")).toString(),
                     QStringLiteral("1,2"));
        }
        {
            LocalStore store; // an app that knows fewer steps than the file has refuses it
            QVERIFY(openStore(store, path, {first}).contains(QStringLiteral("newer than this app")));
        }
    }
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_local_store.moc"
