#include "tests/server/support/sql_checks.h"

#include <pqxx/pqxx>

namespace usher::testing {

std::string queryOne(const std::string& url, const std::string& sql) {
    pqxx::connection connection(url);
    pqxx::nontransaction transaction(connection);
    const pqxx::result result = transaction.exec(sql);
    return result.at(0).at(0).is_null() ? std::string("(null)") : result.at(0).at(0).as<std::string>();
}

void execute(const std::string& url, const std::string& sql) {
    pqxx::connection connection(url);
    pqxx::work transaction(connection);
    transaction.exec(sql);
    transaction.commit();
}

bool canConnect(const std::string& url) {
    try {
        pqxx::connection connection(url);
        return connection.is_open();
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace usher::testing
