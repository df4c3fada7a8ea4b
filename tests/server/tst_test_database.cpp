#include "tests/server/support/sql_checks.h"
#include "tests/server/support/test_database.h"

#include <QtTest>

#include <cstdlib>
#include <optional>
#include <pqxx/pqxx>
#include <string>

using usher::testing::queryOne;
using usher::testing::TestDatabase;
using usher::testing::withDatabase;

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

bool databaseExists(const std::string& adminUrl, const std::string& name) {
    pqxx::connection connection(adminUrl);
    pqxx::nontransaction transaction(connection);
    return !transaction.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", name).empty();
}

constexpr const char* kUserTables = "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT "
                                    "IN ('pg_catalog', 'information_schema')";

// Restores an environment variable when the test is done with it.
class EnvGuard {
public:
    explicit EnvGuard(const char* name) : m_name(name) {
        if (const char* value = std::getenv(name)) {
            m_saved = value;
        }
    }
    ~EnvGuard() {
        if (m_saved) {
            ::setenv(m_name, m_saved->c_str(), 1);
        } else {
            ::unsetenv(m_name);
        }
    }
    EnvGuard(const EnvGuard&) = delete;
    EnvGuard& operator=(const EnvGuard&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_saved;
};

} // namespace

class TestTestDatabase : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twoDatabasesAreDistinctAndEmpty();
    void droppedWhenDestroyedEvenWhileConnected();
    void movedDatabaseBelongsToItsNewOwner();
    void withDatabaseReplacesThePath_data();
    void withDatabaseReplacesThePath();
    void missingUrlFileIsAClearError();
};

void TestTestDatabase::twoDatabasesAreDistinctAndEmpty() {
    auto first = TestDatabase::create();
    if (!first) {
        QFAIL(first.error().c_str());
    }
    auto second = TestDatabase::create();
    if (!second) {
        QFAIL(second.error().c_str());
    }
    QVERIFY(first->name() != second->name());
    QVERIFY(first->url() != second->url());
    QVERIFY2(first->name().starts_with("usher_t_"), first->name().c_str());
    QCOMPARE(qs(queryOne(first->url(), "SELECT current_database()")), qs(first->name()));
    QCOMPARE(qs(queryOne(second->url(), "SELECT current_database()")), qs(second->name()));
    QCOMPARE(qs(queryOne(first->url(), kUserTables)), QStringLiteral("0"));
    QCOMPARE(qs(queryOne(second->url(), kUserTables)), QStringLiteral("0"));

    {
        pqxx::connection connection(first->url());
        pqxx::work transaction(connection);
        transaction.exec0("CREATE TABLE only_in_first (id int)");
        transaction.exec0("INSERT INTO only_in_first VALUES (1)");
        transaction.commit();
    }
    QCOMPARE(qs(queryOne(first->url(), "SELECT count(*) FROM only_in_first")), QStringLiteral("1"));
    QCOMPARE(qs(queryOne(second->url(), kUserTables)), QStringLiteral("0"));
    QCOMPARE(qs(queryOne(second->url(), "SELECT to_regclass('public.only_in_first') IS NULL")),
             QStringLiteral("t"));
    QCOMPARE(qs(queryOne(second->url(), "SHOW synchronous_commit")), QStringLiteral("on"));
}

void TestTestDatabase::droppedWhenDestroyedEvenWhileConnected() {
    std::string name;
    std::string adminUrl;
    std::optional<pqxx::connection> stillConnected;
    {
        auto database = TestDatabase::create();
        if (!database) {
            QFAIL(database.error().c_str());
        }
        name = database->name();
        adminUrl = database->adminUrl();
        QVERIFY(databaseExists(adminUrl, name));
        stillConnected.emplace(database->url());
    }
    QVERIFY(!databaseExists(adminUrl, name));
}

void TestTestDatabase::movedDatabaseBelongsToItsNewOwner() {
    auto created = TestDatabase::create();
    if (!created) {
        QFAIL(created.error().c_str());
    }
    const std::string name = created->name();
    const std::string adminUrl = created->adminUrl();
    {
        TestDatabase owner = std::move(created).value();
        QCOMPARE(qs(owner.name()), qs(name));
        QVERIFY(databaseExists(adminUrl, name)); // the moved-from object did not drop it
    }
    QVERIFY(!databaseExists(adminUrl, name));
}

void TestTestDatabase::withDatabaseReplacesThePath_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("socket") << "postgresql:///postgres?host=%2Ftmp%2Frun&port=5432&user=postgres"
                            << "postgresql:///usher_t_1_0?host=%2Ftmp%2Frun&port=5432&user=postgres";
    QTest::newRow("host and port") << "postgresql://u:p@db:5433/app?sslmode=require"
                                   << "postgresql://u:p@db:5433/usher_t_1_0?sslmode=require";
    QTest::newRow("no path") << "postgres://db"
                             << "postgres://db/usher_t_1_0";
    QTest::newRow("query only") << "postgresql://db?port=5"
                                << "postgresql://db/usher_t_1_0?port=5";
}

void TestTestDatabase::withDatabaseReplacesThePath() {
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const auto replaced = withDatabase(url.toStdString(), "usher_t_1_0");
    QVERIFY2(replaced, replaced ? "" : replaced.error().c_str());
    QCOMPARE(qs(*replaced), expected);
    QVERIFY(!withDatabase("host=db dbname=x", "y"));
}

void TestTestDatabase::missingUrlFileIsAClearError() {
    EnvGuard guard("USHER_TEST_DATABASE_URL_FILE");
    ::unsetenv("USHER_TEST_DATABASE_URL_FILE");
    const auto unset = TestDatabase::create();
    QVERIFY(!unset);
    QVERIFY2(unset.error().find("USHER_TEST_DATABASE_URL_FILE is not set") != std::string::npos,
             unset.error().c_str());

    ::setenv("USHER_TEST_DATABASE_URL_FILE", "/nonexistent/usher-url", 1);
    const auto missing = TestDatabase::create();
    QVERIFY(!missing);
    QVERIFY2(missing.error().find("/nonexistent/usher-url") != std::string::npos, missing.error().c_str());
}

QTEST_APPLESS_MAIN(TestTestDatabase)
#include "tst_test_database.moc"
