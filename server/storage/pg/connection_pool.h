#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <vector>

namespace usher::server::pg {

class EventWriteQueue;

// A fixed number of libpqxx connections shared by the worker threads. Connections are opened lazily
// and replaced when they break, so the server starts (and reports not-ready) while the database is
// still coming up.
class ConnectionPool {
public:
    // Runs on every new connection: prepares statements, sets session parameters.
    using Setup = std::function<void(pqxx::connection&)>;

    ConnectionPool(std::string url, int size, Setup setup = {});
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> connection);
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();

        pqxx::connection& operator*() { return *m_connection; }
        pqxx::connection* operator->() { return m_connection.get(); }
        // Drops the connection instead of returning it: after a broken connection or a commit
        // whose outcome is unknown.
        void discard() { m_connection.reset(); }

    private:
        ConnectionPool* m_pool;
        std::unique_ptr<pqxx::connection> m_connection;
    };

    // Waits for a free connection (up to `timeout`); throws pqxx::broken_connection when none can
    // be opened and PoolTimeout when all stay busy.
    Lease acquire(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    const std::string& url() const { return m_url; }
    int size() const { return m_size; }
    int inUse() const;
    // The one queue through which every repository on this pool writes event inventory, so writes
    // to one event from any repository share transactions.
    EventWriteQueue& eventWrites() { return *m_eventWrites; }

private:
    void giveBack(std::unique_ptr<pqxx::connection> connection);

    std::string m_url;
    int m_size;
    Setup m_setup;
    mutable std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<pqxx::connection>> m_idle;
    int m_leased = 0;
    std::unique_ptr<EventWriteQueue> m_eventWrites;
};

struct PoolTimeout : std::runtime_error {
    PoolTimeout() : std::runtime_error("no database connection became free in time") {}
};

} // namespace usher::server::pg
