#include "server/app/config.h"

#include <QtTest>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using usher::Expected;
using usher::server::app::Config;
using usher::server::app::ConfigOptions;
using usher::server::app::defaultDataDir;
using usher::server::app::EnvLookup;
using usher::server::app::processEnvironment;

namespace fs = std::filesystem;

namespace {

using Environment = std::map<std::string, std::string>;

EnvLookup lookupIn(Environment env) {
    return [env = std::move(env)](const std::string& name) -> std::optional<std::string> {
        const auto found = env.find(name);
        if (found == env.end() || found->second.empty()) {
            return std::nullopt;
        }
        return found->second;
    };
}

// Parses like usher-server's main: flags first, then environment and defaults.
Expected<Config, std::string> parse(const QStringList& args, const Environment& env = {{"HOME", "/home/ann"}},
                                    bool root = false) {
    CLI::App app{"usher-server"};
    ConfigOptions options(app);
    std::vector<std::string> strings{"usher-server"};
    for (const QString& arg : args) {
        strings.push_back(arg.toStdString());
    }
    std::vector<const char*> argv;
    for (const std::string& arg : strings) {
        argv.push_back(arg.c_str());
    }
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& error) {
        return usher::unexpected("CLI11: " + std::string(error.what()));
    }
    return options.finish(lookupIn(env), root);
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}
QString qs(const fs::path& path) {
    return QString::fromStdString(path.string());
}

QString errorOf(const Expected<Config, std::string>& result) {
    return result ? QStringLiteral("(no error)") : qs(result.error());
}

} // namespace

class TestConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsForAUser();
    void defaultsForRoot();
    void dataDirFollowsXdg();
    void flagsSetEverything();
    void environmentSetsEverything();
    void flagsWinOverEnvironment();
    void listenForms_data();
    void listenForms();
    void badValues_data();
    void badValues();
    void relativePathsBecomeAbsolute();
    void demoDataSwitch_data();
    void demoDataSwitch();
    void processEnvironmentTreatsEmptyAsUnset();
    void mainCanAddVersionFlag();
    void helpNamesEveryFlag();
};

void TestConfig::defaultsForAUser() {
    const auto config = parse({});
    QVERIFY2(config, qPrintable(errorOf(config)));
    QCOMPARE(qs(config->listenHost), QStringLiteral("127.0.0.1"));
    QCOMPARE(config->listenPort, std::uint16_t{8080});
    QCOMPARE(qs(config->dataDir), QStringLiteral("/home/ann/.local/share/usher-server"));
    QVERIFY(!config->databaseUrl);
    QVERIFY(config->jwtSecretFile);
    QCOMPARE(qs(*config->jwtSecretFile), QStringLiteral("/home/ann/.local/share/usher-server/jwt.secret"));
    QCOMPARE(qs(*config->ticketKeyFile),
             QStringLiteral("/home/ann/.local/share/usher-server/ticket-signing.key"));
    QCOMPARE(qs(config->logLevel), QStringLiteral("info"));
    QCOMPARE(config->workerThreads, 0);
    QCOMPARE(config->databasePoolSize, 16);
    QVERIFY(config->demoData);
}

void TestConfig::defaultsForRoot() {
    const auto config = parse({}, {{"HOME", "/root"}, {"XDG_DATA_HOME", "/root/.data"}}, true);
    QVERIFY2(config, qPrintable(errorOf(config)));
    QCOMPARE(qs(config->dataDir), QStringLiteral("/var/lib/usher"));
    QCOMPARE(qs(*config->jwtSecretFile), QStringLiteral("/var/lib/usher/jwt.secret"));
    QCOMPARE(qs(defaultDataDir(true, lookupIn({}))), QStringLiteral("/var/lib/usher"));
}

void TestConfig::dataDirFollowsXdg() {
    QCOMPARE(qs(defaultDataDir(false, lookupIn({{"HOME", "/home/ann"}, {"XDG_DATA_HOME", "/srv/data"}}))),
             QStringLiteral("/srv/data/usher-server"));
    // The XDG spec ignores a relative XDG_DATA_HOME, and an empty one is unset.
    QCOMPARE(qs(defaultDataDir(false, lookupIn({{"HOME", "/home/ann"}, {"XDG_DATA_HOME", "data"}}))),
             QStringLiteral("/home/ann/.local/share/usher-server"));
    QCOMPARE(qs(defaultDataDir(false, lookupIn({{"HOME", "/home/ann"}, {"XDG_DATA_HOME", ""}}))),
             QStringLiteral("/home/ann/.local/share/usher-server"));
}

void TestConfig::flagsSetEverything() {
    const auto config = parse({"--listen", "0.0.0.0:9090", "--data-dir", "/srv/usher", "--database",
                               "postgresql://usher@db.example/usher", "--jwt-secret-file", "/etc/usher/jwt",
                               "--ticket-key-file", "/etc/usher/tickets.key", "--log-level", "debug",
                               "--workers", "6", "--db-pool-size", "40", "--no-demo-data"});
    QVERIFY2(config, qPrintable(errorOf(config)));
    QCOMPARE(qs(config->listenHost), QStringLiteral("0.0.0.0"));
    QCOMPARE(config->listenPort, std::uint16_t{9090});
    QCOMPARE(qs(config->dataDir), QStringLiteral("/srv/usher"));
    QVERIFY(config->databaseUrl);
    QCOMPARE(qs(*config->databaseUrl), QStringLiteral("postgresql://usher@db.example/usher"));
    QCOMPARE(qs(*config->jwtSecretFile), QStringLiteral("/etc/usher/jwt"));
    QCOMPARE(qs(*config->ticketKeyFile), QStringLiteral("/etc/usher/tickets.key"));
    QCOMPARE(qs(config->logLevel), QStringLiteral("debug"));
    QCOMPARE(config->workerThreads, 6);
    QCOMPARE(config->databasePoolSize, 40);
    QVERIFY(!config->demoData);
}

void TestConfig::environmentSetsEverything() {
    const auto config = parse({}, {{"HOME", "/home/ann"},
                                   {"USHER_LISTEN", "[::1]:8443"},
                                   {"USHER_DATA_DIR", "/srv/env"},
                                   {"USHER_DATABASE_URL", "postgres://db/usher"},
                                   {"USHER_JWT_SECRET_FILE", "/run/secrets/jwt"},
                                   {"USHER_TICKET_KEY_FILE", "/run/secrets/tickets"},
                                   {"USHER_LOG_LEVEL", "warn"},
                                   {"USHER_WORKERS", "3"},
                                   {"USHER_DB_POOL_SIZE", "8"},
                                   {"USHER_DEMO_DATA", "0"}});
    QVERIFY2(config, qPrintable(errorOf(config)));
    QCOMPARE(qs(config->listenHost), QStringLiteral("::1"));
    QCOMPARE(config->listenPort, std::uint16_t{8443});
    QCOMPARE(qs(config->dataDir), QStringLiteral("/srv/env"));
    QCOMPARE(qs(*config->databaseUrl), QStringLiteral("postgres://db/usher"));
    QCOMPARE(qs(*config->jwtSecretFile), QStringLiteral("/run/secrets/jwt"));
    QCOMPARE(qs(*config->ticketKeyFile), QStringLiteral("/run/secrets/tickets"));
    QCOMPARE(qs(config->logLevel), QStringLiteral("warn"));
    QCOMPARE(config->workerThreads, 3);
    QCOMPARE(config->databasePoolSize, 8);
    QVERIFY(!config->demoData);
}

void TestConfig::flagsWinOverEnvironment() {
    const Environment env{{"HOME", "/home/ann"},
                          {"USHER_LISTEN", "abc"}, // a bad value that a flag hides is not an error
                          {"USHER_DATA_DIR", "/srv/env"},
                          {"USHER_DATABASE_URL", "postgresql://env/usher"},
                          {"USHER_JWT_SECRET_FILE", "/env/jwt"},
                          {"USHER_LOG_LEVEL", "error"},
                          {"USHER_WORKERS", "3"},
                          {"USHER_DB_POOL_SIZE", "8"},
                          {"USHER_DEMO_DATA", "1"}};
    const auto config = parse({"--listen=127.0.0.1:7000", "--data-dir=/srv/flag",
                               "--database=postgresql://flag/usher", "--jwt-secret-file=/flag/jwt",
                               "--log-level=debug", "--workers=5", "--db-pool-size=20", "--no-demo-data"},
                              env);
    QVERIFY2(config, qPrintable(errorOf(config)));
    QCOMPARE(config->listenPort, std::uint16_t{7000});
    QCOMPARE(qs(config->dataDir), QStringLiteral("/srv/flag"));
    QCOMPARE(qs(*config->databaseUrl), QStringLiteral("postgresql://flag/usher"));
    QCOMPARE(qs(*config->jwtSecretFile), QStringLiteral("/flag/jwt"));
    QCOMPARE(qs(config->logLevel), QStringLiteral("debug"));
    QCOMPARE(config->workerThreads, 5);
    QCOMPARE(config->databasePoolSize, 20);
    QVERIFY(!config->demoData);

    // Without the flag, the data directory from the environment also moves the JWT secret default.
    const auto fromEnv =
        parse({"--listen=127.0.0.1:7000"}, {{"HOME", "/home/ann"}, {"USHER_DATA_DIR", "/srv/env"}});
    QVERIFY2(fromEnv, qPrintable(errorOf(fromEnv)));
    QCOMPARE(qs(*fromEnv->jwtSecretFile), QStringLiteral("/srv/env/jwt.secret"));
    QCOMPARE(qs(*fromEnv->ticketKeyFile), QStringLiteral("/srv/env/ticket-signing.key"));
}

void TestConfig::listenForms_data() {
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("IPv4") << "192.168.1.10:8080"
                          << "192.168.1.10" << 8080;
    QTest::newRow("all IPv4") << "0.0.0.0:80"
                              << "0.0.0.0" << 80;
    QTest::newRow("name") << "localhost:443"
                          << "localhost" << 443;
    QTest::newRow("IPv6 loopback") << "[::1]:8080"
                                   << "::1" << 8080;
    QTest::newRow("all IPv6") << "[::]:8080"
                              << "::" << 8080;
    QTest::newRow("IPv6 with zone") << "[fe80::1%eth0]:8080"
                                    << "fe80::1%eth0" << 8080;
    QTest::newRow("any free port") << "127.0.0.1:0"
                                   << "127.0.0.1" << 0;
    QTest::newRow("highest port") << "127.0.0.1:65535"
                                  << "127.0.0.1" << 65535;
}

void TestConfig::listenForms() {
    QFETCH(QString, listen);
    QFETCH(QString, host);
    QFETCH(int, port);
    const auto config = parse({"--listen", listen});
    QVERIFY2(config, qPrintable(errorOf(config)));
    QCOMPARE(qs(config->listenHost), host);
    QCOMPARE(static_cast<int>(config->listenPort), port);
}

void TestConfig::badValues_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("envName");
    QTest::addColumn<QString>("envValue");
    QTest::addColumn<QString>("error");
    const QString notHostPort = QStringLiteral("is not HOST:PORT (e.g. 127.0.0.1:8080 or [::1]:8080)");
    QTest::newRow("listen without port") << QStringList{"--listen", "abc"} << ""
                                         << ""
                                         << "--listen: \"abc\" " + notHostPort;
    QTest::newRow("listen empty port") << QStringList{"--listen", "abc:"} << ""
                                       << ""
                                       << "--listen: \"abc:\" " + notHostPort;
    QTest::newRow("listen without host") << QStringList{"--listen", ":8080"} << ""
                                         << ""
                                         << "--listen: \":8080\" " + notHostPort;
    QTest::newRow("listen port too big") << QStringList{"--listen", "127.0.0.1:65536"} << ""
                                         << ""
                                         << "--listen: \"127.0.0.1:65536\" " + notHostPort;
    QTest::newRow("listen port not a number") << QStringList{"--listen", "127.0.0.1:http"} << ""
                                              << ""
                                              << "--listen: \"127.0.0.1:http\" " + notHostPort;
    QTest::newRow("listen IPv6 without brackets") << QStringList{"--listen", "::1:8080"} << ""
                                                  << ""
                                                  << "--listen: \"::1:8080\" " + notHostPort;
    QTest::newRow("listen IPv6 without port") << QStringList{"--listen", "[::1]"} << ""
                                              << ""
                                              << "--listen: \"[::1]\" " + notHostPort;
    QTest::newRow("listen not IPv6 in brackets") << QStringList{"--listen", "[localhost]:80"} << ""
                                                 << ""
                                                 << "--listen: \"[localhost]:80\" " + notHostPort;
    QTest::newRow("listen from environment") << QStringList{} << "USHER_LISTEN"
                                             << "abc"
                                             << "--listen (from USHER_LISTEN): \"abc\" " + notHostPort;
    QTest::newRow("empty data dir") << QStringList{"--data-dir", ""} << ""
                                    << ""
                                    << "--data-dir: must not be empty";
    QTest::newRow("not a PostgreSQL URL") << QStringList{"--database", "mysql://root:secret@db/usher"} << ""
                                          << ""
                                          << "--database: not a PostgreSQL URL (expected postgresql://...)";
    QTest::newRow("URL from environment")
        << QStringList{} << "USHER_DATABASE_URL"
        << "host=db"
        << "--database (from USHER_DATABASE_URL): not a PostgreSQL URL (expected postgresql://...)";
    QTest::newRow("empty JWT file") << QStringList{"--jwt-secret-file", ""} << ""
                                    << ""
                                    << "--jwt-secret-file: must not be empty";
    QTest::newRow("empty ticket key file") << QStringList{"--ticket-key-file", ""} << ""
                                           << ""
                                           << "--ticket-key-file: must not be empty";
    QTest::newRow("log level") << QStringList{"--log-level", "verbose"} << ""
                               << ""
                               << "--log-level: \"verbose\" is not one of debug, info, warn, error";
    QTest::newRow("log level upper case")
        << QStringList{} << "USHER_LOG_LEVEL"
        << "INFO"
        << "--log-level (from USHER_LOG_LEVEL): \"INFO\" is not one of debug, "
           "info, warn, error";
    QTest::newRow("negative workers") << QStringList{"--workers=-1"} << ""
                                      << ""
                                      << "--workers: \"-1\" is not a whole number from 0 (automatic) to 1024";
    QTest::newRow("workers not a number")
        << QStringList{} << "USHER_WORKERS"
        << "4x"
        << "--workers (from USHER_WORKERS): \"4x\" is not a whole number from 0 "
           "(automatic) to 1024";
    QTest::newRow("too many workers")
        << QStringList{"--workers", "100000"} << ""
        << ""
        << "--workers: \"100000\" is not a whole number from 0 (automatic) to 1024";
    QTest::newRow("pool of zero") << QStringList{"--db-pool-size", "0"} << ""
                                  << ""
                                  << "--db-pool-size: \"0\" is not a whole number from 1 to 1000";
    QTest::newRow("pool not a number") << QStringList{"--db-pool-size", "many"} << ""
                                       << ""
                                       << "--db-pool-size: \"many\" is not a whole number from 1 to 1000";
    QTest::newRow("demo data switch") << QStringList{} << "USHER_DEMO_DATA"
                                      << "maybe"
                                      << "--demo-data (from USHER_DEMO_DATA): \"maybe\" is not 0 or 1";
}

void TestConfig::badValues() {
    QFETCH(QStringList, args);
    QFETCH(QString, envName);
    QFETCH(QString, envValue);
    QFETCH(QString, error);
    Environment env{{"HOME", "/home/ann"}};
    if (!envName.isEmpty()) {
        env[envName.toStdString()] = envValue.toStdString();
    }
    const auto config = parse(args, env);
    QVERIFY(!config);
    QCOMPARE(qs(config.error()), error);
    QVERIFY(config.error().find('\n') == std::string::npos);
}

void TestConfig::relativePathsBecomeAbsolute() {
    const auto config = parse({"--data-dir", "state/usher", "--jwt-secret-file", "secrets/../jwt"});
    QVERIFY2(config, qPrintable(errorOf(config)));
    QCOMPARE(qs(config->dataDir), qs(fs::current_path() / "state" / "usher"));
    QCOMPARE(qs(*config->jwtSecretFile), qs(fs::current_path() / "jwt"));
}

void TestConfig::demoDataSwitch_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("envValue");
    QTest::addColumn<bool>("demoData");
    QTest::newRow("default") << QStringList{} << "" << true;
    QTest::newRow("flag") << QStringList{"--no-demo-data"} << "" << false;
    QTest::newRow("env 0") << QStringList{} << "0" << false;
    QTest::newRow("env false") << QStringList{} << "false" << false;
    QTest::newRow("env 1") << QStringList{} << "1" << true;
    QTest::newRow("env yes") << QStringList{} << "yes" << true;
    QTest::newRow("flag wins over env 1") << QStringList{"--no-demo-data"} << "1" << false;
    QTest::newRow("external database: off")
        << QStringList{"--database", "postgresql://db/usher"} << "" << false;
    QTest::newRow("external database, asked for")
        << QStringList{"--database", "postgresql://db/usher", "--demo-data"} << "" << true;
    QTest::newRow("external database, env 1")
        << QStringList{"--database", "postgresql://db/usher"} << "1" << true;
}

void TestConfig::demoDataSwitch() {
    QFETCH(QStringList, args);
    QFETCH(QString, envValue);
    QFETCH(bool, demoData);
    const auto config = parse(args, {{"HOME", "/home/ann"}, {"USHER_DEMO_DATA", envValue.toStdString()}});
    QVERIFY2(config, qPrintable(errorOf(config)));
    QCOMPARE(config->demoData, demoData);
}

void TestConfig::processEnvironmentTreatsEmptyAsUnset() {
    const std::string name = "USHER_TST_CONFIG_PROBE";
    ::unsetenv(name.c_str());
    QVERIFY(!processEnvironment(name));
    ::setenv(name.c_str(), "", 1);
    QVERIFY(!processEnvironment(name));
    ::setenv(name.c_str(), "value", 1);
    QCOMPARE(qs(processEnvironment(name).value_or("")), QStringLiteral("value"));
    ::unsetenv(name.c_str());
}

void TestConfig::mainCanAddVersionFlag() {
    CLI::App app{"usher-server"};
    app.set_version_flag("--version", "usher-server 1.2.3");
    ConfigOptions options(app);
    const char* argv[] = {"usher-server", "--version"};
    QVERIFY_THROWS_EXCEPTION(CLI::CallForVersion, app.parse(2, argv));

    // Unknown flags stay CLI11's business: main reports them with its usage text.
    CLI::App other{"usher-server"};
    ConfigOptions otherOptions(other);
    const char* unknown[] = {"usher-server", "--listne", "x"};
    QVERIFY_THROWS_EXCEPTION(CLI::ParseError, other.parse(3, unknown));
}

void TestConfig::helpNamesEveryFlag() {
    CLI::App app{"usher-server"};
    ConfigOptions options(app);
    const QString help = qs(app.help());
    for (const char* flag : {"--listen", "--data-dir", "--database", "--jwt-secret-file", "--ticket-key-file",
                             "--log-level", "--workers", "--db-pool-size", "--no-demo-data"}) {
        QVERIFY2(help.contains(QLatin1String(flag)), flag);
    }
    for (const char* env : {"USHER_LISTEN", "USHER_DATA_DIR", "USHER_DATABASE_URL", "USHER_JWT_SECRET_FILE",
                            "USHER_TICKET_KEY_FILE", "USHER_LOG_LEVEL", "USHER_WORKERS", "USHER_DB_POOL_SIZE",
                            "USHER_DEMO_DATA"}) {
        QVERIFY2(help.contains(QLatin1String(env)), env);
    }
}

QTEST_APPLESS_MAIN(TestConfig)
#include "tst_config.moc"
