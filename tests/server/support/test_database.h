#pragma once

#include "common/util/expected.h"

#include <string>

namespace usher::testing {

// A fresh, empty database on the PostgreSQL cluster of the usher_postgres CTest fixture, dropped
// again when the object goes. Each one has a name of its own (usher_t_<pid>_<n>), so tests that run
// in parallel never share data. A test creates one in initTestCase() or init():
//
//   auto database = TestDatabase::create();
//   if (!database) {
//       QFAIL(database.error().c_str());
//   }
//   m_database.emplace(std::move(database).value());
//
// The cluster's URL comes from the file named by USHER_TEST_DATABASE_URL_FILE, which
// usher_add_server_test sets; without it create() fails (tests never skip for want of a database).
class TestDatabase {
public:
    static Expected<TestDatabase, std::string> create();
    // On another cluster: adminUrl names a database to connect to for CREATE and DROP DATABASE.
    static Expected<TestDatabase, std::string> create(const std::string& adminUrl);

    TestDatabase(TestDatabase&& other) noexcept;
    TestDatabase& operator=(TestDatabase&& other) noexcept;
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;
    ~TestDatabase();

    // libpq URI of this database.
    std::string url() const { return m_url; }
    const std::string& name() const { return m_name; }
    // The cluster's maintenance database, e.g. to check that a database exists.
    const std::string& adminUrl() const { return m_adminUrl; }

private:
    TestDatabase(std::string adminUrl, std::string name, std::string url);
    void drop();

    std::string m_adminUrl;
    std::string m_name;
    std::string m_url;
};

// The URL of the fixture's cluster, read from the file that USHER_TEST_DATABASE_URL_FILE names.
Expected<std::string, std::string> fixtureDatabaseUrl();

// `url` with its database replaced by `database` (a plain identifier), for postgresql:// URIs.
Expected<std::string, std::string> withDatabase(const std::string& url, const std::string& database);

} // namespace usher::testing
