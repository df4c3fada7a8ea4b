// usher-test-postgres: starts and stops the PostgreSQL cluster of the usher_postgres CTest fixture.
//   usher-test-postgres start <dir> <url-file>   cluster in <dir>/data, socket in <dir>/run; writes
//                                                the URL of its "postgres" database to <url-file> and
//                                                exits, leaving the cluster running
//   usher-test-postgres stop <dir>               stops it and deletes <dir>
// <dir> must be reachable by the postgres user when run as root (use /tmp, not a build tree under /root).
#include "server/app/embedded_postgres.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <pqxx/pqxx>
#include <string>
#include <system_error>

namespace fs = std::filesystem;
using usher::server::app::EmbeddedPostgres;

namespace {

// Marks a directory this tool made, so that `stop` never deletes anything else.
constexpr const char* kMarker = "usher-test-postgres";

int usage() {
    std::cerr << "usage: usher-test-postgres start <dir> <url-file>\n"
                 "       usher-test-postgres stop <dir>\n";
    return 2;
}

EmbeddedPostgres::Options fixtureOptions() {
    EmbeddedPostgres::Options options;
    options.database = "postgres"; // TestDatabase creates one database per test from here
    options.stopOnDestruction = false;
    return options;
}

// Databases of test runs that were killed before their TestDatabase could drop them.
void dropLeftoverDatabases(const std::string& url) {
    pqxx::connection connection(url);
    pqxx::nontransaction transaction(connection);
    const pqxx::result names =
        transaction.exec("SELECT datname FROM pg_database WHERE datname LIKE 'usher\\_t\\_%'");
    for (const auto& row : names) {
        transaction.exec0("DROP DATABASE IF EXISTS " + transaction.quote_name(row[0].as<std::string>()) +
                          " WITH (FORCE)");
    }
}

int start(const fs::path& dir, const fs::path& urlFile) {
    std::error_code error;
    fs::create_directories(dir, error);
    // As root, the postgres user has to pass through <dir> whatever the umask.
    fs::permissions(dir,
                    fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                        fs::perms::others_read | fs::perms::others_exec,
                    error);
    std::ofstream(dir / kMarker) << "scratch PostgreSQL cluster of the usher_postgres CTest fixture\n";
    auto server = EmbeddedPostgres::start(dir / "data", fixtureOptions());
    if (!server && fs::exists(dir / "data")) {
        // A scratch cluster that does not start (half deleted by a /tmp cleaner, say) is made anew.
        std::cerr << "usher-test-postgres: " << server.error() << "\nusher-test-postgres: starting afresh\n";
        (void)EmbeddedPostgres::stopCluster(dir / "data", fixtureOptions());
        fs::remove_all(dir / "data", error);
        server = EmbeddedPostgres::start(dir / "data", fixtureOptions());
    }
    if (!server) {
        std::cerr << "usher-test-postgres: " << server.error() << "\n";
        return 1;
    }
    try {
        dropLeftoverDatabases(server->connectionUrl());
    } catch (const std::exception& exception) {
        std::cerr << "usher-test-postgres: cannot drop leftover test databases: " << exception.what() << "\n";
        return 1;
    }
    std::ofstream out(urlFile, std::ios::trunc);
    out << server->connectionUrl() << "\n";
    if (!out.flush()) {
        std::cerr << "usher-test-postgres: cannot write " << urlFile << "\n";
        return 1;
    }
    std::cout << "PostgreSQL for the server tests runs in " << server->clusterDir().string() << "\n"
              << "URL: " << server->connectionUrl() << " (also in " << urlFile.string() << ")\n";
    return 0;
}

int stop(const fs::path& dir) {
    const auto stopped = EmbeddedPostgres::stopCluster(dir / "data", fixtureOptions());
    if (!stopped) {
        std::cerr << "usher-test-postgres: " << stopped.error() << "\n";
        return 1;
    }
    std::error_code error;
    if (fs::exists(dir / kMarker, error)) {
        fs::remove_all(dir, error);
        if (error) {
            std::cerr << "usher-test-postgres: cannot delete " << dir << ": " << error.message() << "\n";
            return 1;
        }
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        return usage();
    }
    const std::string command = argv[1];
    if (command == "start" && argc == 4) {
        return start(fs::absolute(argv[2]), fs::absolute(argv[3]));
    }
    if (command == "stop" && argc == 3) {
        return stop(fs::absolute(argv[2]));
    }
    return usage();
}
