#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QSqlDatabase;
class QThread;

namespace usher::core {

// The device's own database: SQLite in the app data directory, so the counter can keep selling
// when the server is unreachable (docs/architecture.md, "Offline box office"). Every statement runs
// on the store's own thread, never the GUI's; callers hand it jobs and hear back on their thread.
// The journal is WAL with synchronous=FULL: a sale written before its ticket prints survives a
// crash or a pulled plug. The schema grows by numbered steps, each applied once in a transaction.
class LocalStore : public QObject {
    Q_OBJECT

public:
    // A schema step: SQL statements applied together; step i brings the schema to version i + 1.
    using Step = QStringList;
    static const std::vector<Step>& schemaSteps();

    explicit LocalStore(QObject* parent = nullptr);
    ~LocalStore() override;
    LocalStore(const LocalStore&) = delete;
    LocalStore& operator=(const LocalStore&) = delete;

    // Opens (or creates) the database at `path` and brings its schema to the newest version.
    // `done` gets an empty text, or why it failed (the file is then not used).
    void open(const QString& path, std::function<void(QString)> done,
              std::vector<Step> steps = schemaSteps());

    // Runs `job` on the store's thread with the open database; `done` runs on the caller's thread
    // afterwards. Jobs run one at a time, in the order given.
    void run(std::function<void(QSqlDatabase&)> job, std::function<void()> done = {});

    // Where the app keeps it: <app data>/usher-boxoffice.sqlite.
    static QString defaultPath();

private:
    QThread* m_thread;
    QObject* m_worker; // lives on m_thread
    QString m_connection;
};

} // namespace usher::core
