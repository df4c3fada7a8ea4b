#pragma once

#include "common/util/expected.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace usher::server::app {

struct EmbeddedPostgresOptions {
    // Created when missing; connectionUrl() names it.
    std::string database = "usher";
    // Where initdb and pg_ctl live. Unset: $USHER_PG_BINDIR, else /usr/lib/postgresql/15/bin when it
    // exists, else `pg_config --bindir`.
    std::optional<std::filesystem::path> binDir;
    // Only names the socket file (.s.PGSQL.<port>): the cluster has no TCP listener.
    std::uint16_t port = 5432;
    // Unset: <clusterDir>/../run, or a fresh directory under /tmp when a socket path there would pass
    // the 107-byte limit of Unix socket paths.
    std::optional<std::filesystem::path> socketDir;
    // false: the cluster keeps running when the object is destroyed (the CTest fixture starts it in
    // one process and stops it from another with stopCluster). stop() stops it either way.
    bool stopOnDestruction = true;
};

// A private PostgreSQL cluster that this process starts and stops: initdb on first use, then pg_ctl
// on a Unix socket in a directory of its own, local trust authentication and no TCP. As root it runs
// the PostgreSQL programs as the `postgres` user (PostgreSQL refuses to run as root).
class EmbeddedPostgres {
public:
    using Options = EmbeddedPostgresOptions;

    // Creates the cluster when clusterDir holds none, starts it (or reuses it when a previous process
    // left it running) and creates the database. The error is one message a person can act on.
    static Expected<EmbeddedPostgres, std::string> start(const std::filesystem::path& clusterDir,
                                                         Options options = {});

    // Stops the cluster in clusterDir if it runs; succeeds when there is nothing to stop.
    static Expected<Done, std::string> stopCluster(const std::filesystem::path& clusterDir,
                                                   Options options = {});

    EmbeddedPostgres(EmbeddedPostgres&& other) noexcept;
    EmbeddedPostgres& operator=(EmbeddedPostgres&& other) noexcept;
    EmbeddedPostgres(const EmbeddedPostgres&) = delete;
    EmbeddedPostgres& operator=(const EmbeddedPostgres&) = delete;
    ~EmbeddedPostgres();

    // libpq URI of the options' database, e.g.
    // postgresql:///usher?host=%2Fvar%2Flib%2Fusher%2Frun&port=5432&user=postgres
    std::string connectionUrl() const;
    // The same for another database of the cluster.
    std::string connectionUrl(std::string_view database) const;

    const std::filesystem::path& clusterDir() const;
    const std::filesystem::path& socketDir() const;
    // True when start() found the cluster already running and adopted it.
    bool reusedRunningServer() const;
    bool isRunning() const;

    // pg_ctl stop -m fast. Problems are reported on stderr: there is no one to return them to.
    void stop();

private:
    struct State;
    explicit EmbeddedPostgres(std::unique_ptr<State> state);

    std::unique_ptr<State> m_state;
};

// A libpq URI that reaches `database` through the Unix socket in socketDir.
std::string postgresSocketUrl(const std::filesystem::path& socketDir, std::uint16_t port,
                              std::string_view user, std::string_view database);

} // namespace usher::server::app
