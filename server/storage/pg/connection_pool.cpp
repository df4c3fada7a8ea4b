#include "server/storage/pg/connection_pool.h"

#include "server/storage/pg/event_writes.h"

#include <utility>

namespace usher::server::pg {

ConnectionPool::ConnectionPool(std::string url, int size, Setup setup)
    : m_url(std::move(url)), m_size(size), m_setup(std::move(setup)),
      m_eventWrites(std::make_unique<EventWriteQueue>(*this)) {}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> connection)
    : m_pool(&pool), m_connection(std::move(connection)) {}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : m_pool(other.m_pool), m_connection(std::move(other.m_connection)) {
    other.m_pool = nullptr;
}

ConnectionPool::Lease::~Lease() {
    if (m_pool != nullptr) {
        m_pool->giveBack(std::move(m_connection));
    }
}

ConnectionPool::Lease ConnectionPool::acquire(std::chrono::milliseconds timeout) {
    std::unique_ptr<pqxx::connection> connection;
    {
        std::unique_lock lock(m_mutex);
        if (!m_returned.wait_for(lock, timeout, [this] { return m_leased < m_size; })) {
            throw PoolTimeout();
        }
        ++m_leased;
        if (!m_idle.empty()) {
            connection = std::move(m_idle.back());
            m_idle.pop_back();
        }
    }
    if (connection == nullptr || !connection->is_open()) {
        try {
            connection = std::make_unique<pqxx::connection>(m_url);
            if (m_setup) {
                m_setup(*connection);
            }
        } catch (...) {
            giveBack(nullptr); // the slot is ours until then
            throw;
        }
    }
    return Lease(*this, std::move(connection));
}

void ConnectionPool::giveBack(std::unique_ptr<pqxx::connection> connection) {
    {
        std::lock_guard lock(m_mutex);
        // An empty lease (a failed open, or a discarded connection) still frees its slot.
        if (connection != nullptr) {
            m_idle.push_back(std::move(connection));
        }
        --m_leased;
    }
    m_returned.notify_one();
}

int ConnectionPool::inUse() const {
    std::lock_guard lock(m_mutex);
    return m_leased;
}

} // namespace usher::server::pg
