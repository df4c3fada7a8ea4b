#pragma once

#include "tests/server/support/test_database.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace usher::testing {

// A real usher-server with its demo data, on a fresh database of the usher_postgres fixture's
// cluster, for the desktop app's tests. stop() and start() again keep the database and the port, so
// a test can take the server away and bring it back.
class RunningServer {
public:
    static constexpr const char* kDemoPassword = "client-test-demo";

    // Null on failure, with the reason in `error`.
    static std::unique_ptr<RunningServer> create(QString& error);

    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;
    ~RunningServer();

    QUrl url() const;
    std::string databaseUrl() const { return m_database.url(); }
    bool start(QString& error);
    void stop();

private:
    RunningServer(TestDatabase database, quint16 port);

    TestDatabase m_database;
    quint16 m_port = 0;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<QProcess> m_process;
};

} // namespace usher::testing
