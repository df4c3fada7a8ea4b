#include "client-qt/core/local_store.h"

#include <QMetaObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>
#include <QVariant>

namespace usher::core {
namespace {

// Runs `work` on `target`'s thread, then `done` on the thread of `context` (if it still exists).
void post(QObject* target, QObject* context, std::function<void()> work, std::function<void()> done) {
    QMetaObject::invokeMethod(
        target,
        [context = QPointer<QObject>(context), work = std::move(work), done = std::move(done)] {
            work();
            if (done && context) {
                QMetaObject::invokeMethod(context.data(), done, Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}

QString failure(const QString& what, const QSqlError& error) {
    return QStringLiteral("%1: %2").arg(what, error.text());
}

// Brings the schema to steps.size(), one transaction per step; empty on success.
QString migrate(QSqlDatabase& db, const std::vector<LocalStore::Step>& steps) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")) ||
        !query.exec(QStringLiteral("SELECT version FROM schema_version"))) {
        return failure(QStringLiteral("schema_version"), query.lastError());
    }
    int version = query.next() ? query.value(0).toInt() : 0;
    if (version == 0 && !query.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (0)"))) {
        return failure(QStringLiteral("schema_version"), query.lastError());
    }
    if (version > static_cast<int>(steps.size())) {
        return QStringLiteral("the database is version %1, newer than this app knows (%2): update the app")
            .arg(version)
            .arg(steps.size());
    }
    for (; version < static_cast<int>(steps.size()); ++version) {
        db.transaction();
        for (const QString& statement : steps[static_cast<std::size_t>(version)]) {
            if (!query.exec(statement)) {
                const QString why =
                    failure(QStringLiteral("schema step %1").arg(version + 1), query.lastError());
                db.rollback();
                return why;
            }
        }
        if (!query.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(version + 1)) ||
            !db.commit()) {
            const QString why = failure(QStringLiteral("schema step %1").arg(version + 1), query.lastError());
            db.rollback();
            return why;
        }
    }
    return {};
}

} // namespace

const std::vector<LocalStore::Step>& LocalStore::schemaSteps() {
    // Step 1: the outbox, the queue of everything the server has yet to hear, in order.
    static const std::vector<Step> steps{
        {QStringLiteral("CREATE TABLE outbox ("
                        " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " kind TEXT NOT NULL,"
                        " id TEXT NOT NULL UNIQUE,"
                        " body TEXT NOT NULL,"
                        " state TEXT NOT NULL DEFAULT 'queued',"
                        " created_at INTEGER NOT NULL)")},
    };
    return steps;
}

LocalStore::LocalStore(QObject* parent)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new QObject),
      m_connection(QStringLiteral("usher-local-") + QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

LocalStore::~LocalStore() {
    // The connection is closed on the thread that opened it, after every queued job.
    QMetaObject::invokeMethod(
        m_worker,
        [connection = m_connection] {
            if (QSqlDatabase::contains(connection)) {
                QSqlDatabase::database(connection, false).close();
                QSqlDatabase::removeDatabase(connection);
            }
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void LocalStore::open(const QString& path, std::function<void(QString)> done, std::vector<Step> steps) {
    auto outcome = std::make_shared<QString>();
    post(
        m_worker, this,
        [connection = m_connection, path, steps = std::move(steps), outcome] {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(path);
            if (!db.open()) {
                *outcome = failure(path, db.lastError());
                return;
            }
            QSqlQuery pragma(db);
            // WAL keeps readers and the writer apart; FULL syncs the WAL on every commit.
            if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
                !pragma.exec(QStringLiteral("PRAGMA synchronous=FULL")) ||
                !pragma.exec(QStringLiteral("PRAGMA foreign_keys=ON"))) {
                *outcome = failure(path, pragma.lastError());
                db.close();
                return;
            }
            *outcome = migrate(db, steps);
            if (!outcome->isEmpty()) {
                db.close();
            }
        },
        [outcome, done = std::move(done)] {
            if (done) {
                done(*outcome);
            }
        });
}

void LocalStore::run(std::function<void(QSqlDatabase&)> job, std::function<void()> done) {
    post(
        m_worker, this,
        [connection = m_connection, job = std::move(job)] {
            QSqlDatabase db = QSqlDatabase::database(connection, false);
            job(db);
        },
        std::move(done));
}

QString LocalStore::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/usher-boxoffice.sqlite");
}

} // namespace usher::core
