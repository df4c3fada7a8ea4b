#include "tests/server/support/test_database.h"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <pqxx/pqxx>
#include <unistd.h>
#include <utility>

namespace usher::testing {

namespace {

std::atomic<int> g_counter{0};

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

} // namespace

Expected<std::string, std::string> fixtureDatabaseUrl() {
    const char* file = std::getenv("USHER_TEST_DATABASE_URL_FILE");
    if (file == nullptr || *file == '\0') {
        return unexpected(std::string("USHER_TEST_DATABASE_URL_FILE is not set: run this test through ctest "
                                      "(the usher_postgres fixture "
                                      "starts PostgreSQL and sets it), or start a cluster with "
                                      "`usher-test-postgres start <dir> <url-file>` "
                                      "and set USHER_TEST_DATABASE_URL_FILE=<url-file>"));
    }
    std::ifstream in(file);
    std::string url;
    if (!in || !std::getline(in, url) || trimmed(url).empty()) {
        return unexpected("USHER_TEST_DATABASE_URL_FILE names " + std::string(file) +
                          ", which holds no URL: did the server_postgres_start test run and pass?");
    }
    return trimmed(url);
}

Expected<std::string, std::string> withDatabase(const std::string& url, const std::string& database) {
    std::size_t schemeEnd = std::string::npos;
    for (const char* scheme : {"postgresql://", "postgres://"}) {
        if (url.starts_with(scheme)) {
            schemeEnd = std::char_traits<char>::length(scheme);
        }
    }
    if (schemeEnd == std::string::npos) {
        return unexpected("not a postgresql:// URL: " + url);
    }
    const std::size_t authorityEnd = url.find_first_of("/?#", schemeEnd);
    if (authorityEnd == std::string::npos) {
        return url + "/" + database;
    }
    std::size_t pathEnd = authorityEnd;
    if (url[authorityEnd] == '/') {
        pathEnd = url.find_first_of("?#", authorityEnd);
        if (pathEnd == std::string::npos) {
            pathEnd = url.size();
        }
    }
    return url.substr(0, authorityEnd) + "/" + database + url.substr(pathEnd);
}

Expected<TestDatabase, std::string> TestDatabase::create() {
    auto adminUrl = fixtureDatabaseUrl();
    if (!adminUrl) {
        return unexpected(adminUrl.error());
    }
    return create(*adminUrl);
}

Expected<TestDatabase, std::string> TestDatabase::create(const std::string& adminUrl) {
    const std::string name = "usher_t_" + std::to_string(getpid()) + "_" + std::to_string(g_counter++);
    auto url = withDatabase(adminUrl, name);
    if (!url) {
        return unexpected(url.error());
    }
    try {
        pqxx::connection connection(adminUrl);
        pqxx::nontransaction transaction(connection);
        // Same name, so the same PID: a leftover of a killed run that had this PID before.
        transaction.exec0("DROP DATABASE IF EXISTS " + transaction.quote_name(name) + " WITH (FORCE)");
        transaction.exec0("CREATE DATABASE " + transaction.quote_name(name));
    } catch (const std::exception& exception) {
        return unexpected("cannot create the test database " + name + ": " + trimmed(exception.what()));
    }
    return TestDatabase(adminUrl, name, std::move(*url));
}

TestDatabase::TestDatabase(std::string adminUrl, std::string name, std::string url)
    : m_adminUrl(std::move(adminUrl)), m_name(std::move(name)), m_url(std::move(url)) {}

TestDatabase::TestDatabase(TestDatabase&& other) noexcept
    : m_adminUrl(std::move(other.m_adminUrl)), m_name(std::exchange(other.m_name, {})),
      m_url(std::move(other.m_url)) {}

TestDatabase& TestDatabase::operator=(TestDatabase&& other) noexcept {
    if (this != &other) {
        drop();
        m_adminUrl = std::move(other.m_adminUrl);
        m_name = std::exchange(other.m_name, {});
        m_url = std::move(other.m_url);
    }
    return *this;
}

TestDatabase::~TestDatabase() {
    drop();
}

void TestDatabase::drop() {
    if (m_name.empty()) {
        return;
    }
    try {
        pqxx::connection connection(m_adminUrl);
        pqxx::nontransaction transaction(connection);
        transaction.exec0("DROP DATABASE IF EXISTS " + transaction.quote_name(m_name) + " WITH (FORCE)");
    } catch (const std::exception& exception) {
        std::cerr << "TestDatabase: cannot drop " << m_name << ": " << exception.what() << "\n";
    }
    m_name.clear();
}

} // namespace usher::testing
