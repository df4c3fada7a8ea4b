#include "server/app/embedded_postgres.h"
#include "tests/server/support/sql_checks.h"

#include <QtTest>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <pqxx/pqxx>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using usher::server::app::EmbeddedPostgres;
using usher::testing::canConnect;
using usher::testing::execute;
using usher::testing::queryOne;

namespace fs = std::filesystem;

// QTest cuts long messages; PostgreSQL's start-up errors are long, so they are printed whole first.
#define REQUIRE_OK(result)                                                                                   \
    do {                                                                                                     \
        if (!(result)) {                                                                                     \
            qWarning("%s", (result).error().c_str());                                                        \
            QFAIL(#result " failed: see the message above");                                                 \
        }                                                                                                    \
    } while (false)

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

// Starts real clusters in a directory under /tmp: as root PostgreSQL runs as the postgres user, who
// cannot reach a build tree under /root.
class TestEmbeddedPostgres : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void startsQueriesAndStops();
    void restartKeepsData();
    void adoptsAClusterLeftRunning();
    void stopClusterStopsADetachedCluster();
    void restartsAfterACrash();
    void startFailureShowsTheServerLog();
    void longPathGetsAShortSocketDir();
    void wrongBinDirIsAClearError();
    void unreachableDirectoryIsAClearError();
    void socketUrlIsEncoded();

private:
    fs::path cluster(const std::string& name);

    fs::path m_root;
    std::vector<fs::path> m_clusters;
};

fs::path TestEmbeddedPostgres::cluster(const std::string& name) {
    const fs::path dir = m_root / name / "postgres";
    m_clusters.push_back(dir);
    return dir;
}

void TestEmbeddedPostgres::initTestCase() {
    std::string pattern = "/tmp/usher-tst-pg-XXXXXX";
    QVERIFY(::mkdtemp(pattern.data()) != nullptr);
    m_root = pattern;
    QCOMPARE(::chmod(m_root.c_str(), 0755), 0);
}

void TestEmbeddedPostgres::cleanupTestCase() {
    for (const fs::path& dir : m_clusters) {
        (void)EmbeddedPostgres::stopCluster(dir);
    }
    if (!m_root.empty()) {
        std::error_code ignored;
        fs::remove_all(m_root, ignored);
    }
}

void TestEmbeddedPostgres::startsQueriesAndStops() {
    auto server = EmbeddedPostgres::start(cluster("main"));
    REQUIRE_OK(server);
    QVERIFY(server->isRunning());
    QVERIFY(!server->reusedRunningServer());
    QCOMPARE(qs(server->socketDir().string()), qs((m_root / "main" / "run").string()));
    const std::string url = server->connectionUrl();
    QVERIFY2(url.starts_with("postgresql:///usher?host=%2Ftmp%2Fusher-tst-pg-"), url.c_str());

    QCOMPARE(qs(queryOne(url, "SELECT 1")), QStringLiteral("1"));
    QCOMPARE(qs(queryOne(url, "SHOW synchronous_commit")), QStringLiteral("on"));
    QCOMPARE(qs(queryOne(url, "SELECT current_database()")), QStringLiteral("usher"));
    QCOMPARE(qs(queryOne(url, "SHOW listen_addresses")), QString()); // no TCP
    QCOMPARE(qs(queryOne(url, "SHOW max_connections")), QStringLiteral("200"));
    QCOMPARE(qs(queryOne(url, "SHOW shared_buffers")), QStringLiteral("256MB"));
    QCOMPARE(qs(queryOne(url, "SHOW server_encoding")), QStringLiteral("UTF8"));
    QCOMPARE(qs(queryOne(url, "SHOW logging_collector")), QStringLiteral("on"));
    QVERIFY(fs::exists(m_root / "main" / "postgres" / "log"));

    // A moved-from object does not stop the cluster; the new owner does.
    EmbeddedPostgres owner = std::move(server).value();
    QVERIFY(canConnect(url));
    owner.stop();
    QVERIFY(!owner.isRunning());
    QVERIFY(!canConnect(url));
    owner.stop(); // twice is harmless
}

void TestEmbeddedPostgres::restartKeepsData() {
    const fs::path dir = cluster("main");
    {
        auto server = EmbeddedPostgres::start(dir);
        REQUIRE_OK(server);
        execute(server->connectionUrl(), "CREATE TABLE kept (id int PRIMARY KEY, name text)");
        execute(server->connectionUrl(), "INSERT INTO kept VALUES (1, 'stall A1')");
    } // the destructor stops it
    auto server = EmbeddedPostgres::start(dir);
    REQUIRE_OK(server);
    QVERIFY(!server->reusedRunningServer());
    QCOMPARE(qs(queryOne(server->connectionUrl(), "SELECT name FROM kept WHERE id = 1")),
             QStringLiteral("stall A1"));
}

void TestEmbeddedPostgres::adoptsAClusterLeftRunning() {
    const fs::path dir = cluster("main");
    EmbeddedPostgres::Options detached;
    detached.stopOnDestruction = false;
    std::string url;
    {
        auto server = EmbeddedPostgres::start(dir, detached);
        REQUIRE_OK(server);
        url = server->connectionUrl();
    }
    QVERIFY(canConnect(url)); // left running

    auto adopted = EmbeddedPostgres::start(dir);
    REQUIRE_OK(adopted);
    QVERIFY(adopted->reusedRunningServer());
    QCOMPARE(qs(adopted->connectionUrl()), qs(url));
    QCOMPARE(qs(queryOne(url, "SELECT count(*) FROM kept")), QStringLiteral("1"));
    adopted->stop();
    QVERIFY(!canConnect(url));
}

void TestEmbeddedPostgres::stopClusterStopsADetachedCluster() {
    const fs::path dir = cluster("main");
    EmbeddedPostgres::Options detached;
    detached.stopOnDestruction = false;
    detached.database = "other";
    std::string url;
    {
        auto server = EmbeddedPostgres::start(dir, detached);
        REQUIRE_OK(server);
        url = server->connectionUrl();
    }
    QCOMPARE(qs(queryOne(url, "SELECT current_database()")), QStringLiteral("other"));
    const auto stopped = EmbeddedPostgres::stopCluster(dir);
    REQUIRE_OK(stopped);
    QVERIFY(!canConnect(url));
    const auto again = EmbeddedPostgres::stopCluster(dir);
    REQUIRE_OK(again);
    const auto none = EmbeddedPostgres::stopCluster(m_root / "never-created");
    REQUIRE_OK(none);
}

void TestEmbeddedPostgres::restartsAfterACrash() {
    const fs::path dir = cluster("main");
    EmbeddedPostgres::Options detached;
    detached.stopOnDestruction = false;
    {
        auto server = EmbeddedPostgres::start(dir, detached);
        REQUIRE_OK(server);
        execute(server->connectionUrl(), "INSERT INTO kept VALUES (2, 'committed before the crash')");
    }
    std::ifstream pidFile(dir / "postmaster.pid");
    pid_t pid = 0;
    QVERIFY(pidFile >> pid);
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid, SIGKILL), 0);

    // postmaster.pid is left behind and the old server's children may still be exiting.
    auto server = EmbeddedPostgres::start(dir);
    REQUIRE_OK(server);
    QCOMPARE(qs(queryOne(server->connectionUrl(), "SELECT name FROM kept WHERE id = 2")),
             QStringLiteral("committed before the crash"));
}

void TestEmbeddedPostgres::startFailureShowsTheServerLog() {
    const fs::path dir = cluster("main");
    const fs::path mainConfig = dir / "postgresql.conf";
    const std::string original = readFile(mainConfig);
    QVERIFY(!original.empty());
    std::ofstream(mainConfig, std::ios::app) << "max_connections = 'plenty'\n";

    const auto failed = EmbeddedPostgres::start(dir);
    std::ofstream(mainConfig, std::ios::trunc) << original;
    QVERIFY(!failed);
    const std::string& error = failed.error();
    QVERIFY2(error.find("PostgreSQL did not start in") != std::string::npos, error.c_str());
    QVERIFY2(error.find("startup.log") != std::string::npos, error.c_str());
    QVERIFY2(error.find("max_connections") != std::string::npos, error.c_str());

    auto server = EmbeddedPostgres::start(dir);
    REQUIRE_OK(server);
    QCOMPARE(qs(queryOne(server->connectionUrl(), "SELECT 1")), QStringLiteral("1"));
}

void TestEmbeddedPostgres::longPathGetsAShortSocketDir() {
    const std::string longName(60, 'x');
    const fs::path dir = cluster(longName + "/" + longName);
    QVERIFY((dir.parent_path() / "run/.s.PGSQL.5432").string().size() > 107);
    std::string url;
    fs::path socketDir;
    {
        auto server = EmbeddedPostgres::start(dir);
        REQUIRE_OK(server);
        socketDir = server->socketDir();
        QVERIFY2(socketDir.string().starts_with("/tmp/usher-pg-"), socketDir.c_str());
        url = server->connectionUrl();
        QCOMPARE(qs(queryOne(url, "SELECT 1")), QStringLiteral("1"));
    }
    QVERIFY(!canConnect(url));
    QVERIFY(!fs::exists(socketDir)); // the temporary socket directory goes with the server
}

void TestEmbeddedPostgres::wrongBinDirIsAClearError() {
    const fs::path dir = cluster("no-binaries");
    EmbeddedPostgres::Options options;
    options.binDir = m_root / "no-such-bin";
    const auto server = EmbeddedPostgres::start(dir, options);
    QVERIFY(!server);
    const std::string& error = server.error();
    QVERIFY2(error.find("PostgreSQL programs not found") != std::string::npos, error.c_str());
    QVERIFY2(error.find((m_root / "no-such-bin" / "initdb").string()) != std::string::npos, error.c_str());
    QVERIFY2(error.find("USHER_PG_BINDIR") != std::string::npos, error.c_str());
    QVERIFY(!fs::exists(dir)); // nothing created
}

void TestEmbeddedPostgres::unreachableDirectoryIsAClearError() {
    const fs::path locked = m_root / "locked";
    QVERIFY(fs::create_directory(locked));
    QCOMPARE(::chmod(locked.c_str(), geteuid() == 0 ? 0700 : 0500), 0);
    const fs::path dir = cluster("locked/data");
    const auto server = EmbeddedPostgres::start(dir);
    QCOMPARE(::chmod(locked.c_str(), 0755), 0);
    QVERIFY(!server);
    const std::string& error = server.error();
    if (geteuid() == 0) {
        // Root could create it, but the postgres user could never enter it.
        QVERIFY2(error.find("\"postgres\" user") != std::string::npos, error.c_str());
        QVERIFY2(error.find("cannot enter \"" + locked.string() + "\"") != std::string::npos, error.c_str());
        QVERIFY2(error.find("--data-dir /var/lib/usher") != std::string::npos, error.c_str());
        QVERIFY2(error.find("--database") != std::string::npos, error.c_str());
    } else {
        QVERIFY2(error.find("cannot create the directory \"" + (locked / "data").string() + "\"") !=
                     std::string::npos,
                 error.c_str());
    }
    QVERIFY(!fs::exists(locked / "data"));
}

void TestEmbeddedPostgres::socketUrlIsEncoded() {
    QCOMPARE(
        qs(usher::server::app::postgresSocketUrl("/var/lib/usher run", 5433, "postgres", "box office")),
        QStringLiteral("postgresql:///box%20office?host=%2Fvar%2Flib%2Fusher%20run&port=5433&user=postgres"));
}

QTEST_APPLESS_MAIN(TestEmbeddedPostgres)
#include "tst_embedded_postgres.moc"
