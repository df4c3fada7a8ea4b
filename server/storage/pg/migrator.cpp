#include "server/storage/pg/migrator.h"

#include "server/migrations/migrations.h"

#include <pqxx/pqxx>
#include <set>
#include <stdexcept>

namespace usher::server::pg {

namespace {

// An arbitrary constant: the advisory lock key every Usher instance takes while migrating.
constexpr std::int64_t kMigrationLockKey = 0x75736865724d4731; // "usherMG1"

struct AdvisoryLock {
    explicit AdvisoryLock(pqxx::connection& connection) : m_connection(connection) {
        pqxx::nontransaction(m_connection).exec_params("SELECT pg_advisory_lock($1)", kMigrationLockKey);
    }
    ~AdvisoryLock() {
        try {
            pqxx::nontransaction(m_connection)
                .exec_params("SELECT pg_advisory_unlock($1)", kMigrationLockKey);
        } catch (...) {
            // The lock goes with the session when the connection closes.
        }
    }
    AdvisoryLock(const AdvisoryLock&) = delete;
    AdvisoryLock& operator=(const AdvisoryLock&) = delete;

    pqxx::connection& m_connection;
};

} // namespace

int latestSchemaVersion() {
    const auto all = migrations::all();
    return all.empty() ? 0 : all.back().version;
}

MigrationReport migrate(const std::string& databaseUrl) {
    pqxx::connection connection(databaseUrl);
    AdvisoryLock lock(connection);
    std::set<int> applied;
    {
        pqxx::work tx(connection);
        tx.exec(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, "
            "applied_at timestamptz NOT NULL DEFAULT now())");
        for (const auto& row : tx.exec("SELECT version FROM schema_migrations")) {
            applied.insert(row[0].as<int>());
        }
        tx.commit();
    }
    if (!applied.empty() && *applied.rbegin() > latestSchemaVersion()) {
        throw std::runtime_error("the database schema is at version " + std::to_string(*applied.rbegin()) +
                                 ", newer than this server knows (" + std::to_string(latestSchemaVersion()) +
                                 "); run a newer usher-server");
    }
    MigrationReport report;
    for (const auto& migration : migrations::all()) {
        if (applied.contains(migration.version)) {
            continue;
        }
        pqxx::work tx(connection);
        tx.exec(std::string(migration.sql));
        tx.exec_params("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", migration.version,
                       std::string(migration.name));
        tx.commit();
        ++report.applied;
    }
    report.schemaVersion = latestSchemaVersion();
    return report;
}

bool isSchemaCurrent(const std::string& databaseUrl) {
    try {
        pqxx::connection connection(databaseUrl);
        pqxx::nontransaction tx(connection);
        const auto row = tx.exec1("SELECT coalesce(max(version), 0) FROM schema_migrations");
        return row[0].as<int>() == latestSchemaVersion();
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace usher::server::pg
