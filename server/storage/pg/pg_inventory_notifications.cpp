#include "server/storage/pg/pg_inventory_notifications.h"

#include "server/storage/storage_error.h"

#include <charconv>
#include <pqxx/pqxx>

namespace usher::server::pg {

class PgInventoryNotifications::Receiver final : public pqxx::notification_receiver {
public:
    Receiver(pqxx::connection& connection, std::set<storage::EventId>& received)
        : pqxx::notification_receiver(connection, kInventoryChannel), m_received(received) {}

    void operator()(const std::string& payload, int) override {
        storage::EventId event = 0;
        const auto [end, error] = std::from_chars(payload.data(), payload.data() + payload.size(), event);
        if (error == std::errc() && end == payload.data() + payload.size()) {
            m_received.insert(event);
        }
    }

private:
    std::set<storage::EventId>& m_received;
};

PgInventoryNotifications::PgInventoryNotifications(std::string url) : m_url(std::move(url)) {}

PgInventoryNotifications::~PgInventoryNotifications() {
    m_receiver.reset(); // before its connection
}

void PgInventoryNotifications::connect() {
    m_receiver.reset();
    m_connection = std::make_unique<pqxx::connection>(m_url);
    m_receiver = std::make_unique<Receiver>(*m_connection, m_received); // LISTEN
}

std::vector<storage::EventId> PgInventoryNotifications::waitForChanges(std::chrono::milliseconds timeout) {
    try {
        if (!m_connection) {
            connect();
        }
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
        const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(timeout - seconds);
        m_connection->await_notification(static_cast<long>(seconds.count()),
                                         static_cast<long>(micros.count()));
        m_connection->get_notifs();        // whatever else arrived meanwhile
    } catch (const pqxx::failure& error) { // a lost connection, or a LISTEN that failed
        m_receiver.reset();
        m_connection.reset(); // the next call connects again
        throw storage::StorageUnavailable(error.what());
    }
    std::vector<storage::EventId> events(m_received.begin(), m_received.end());
    m_received.clear();
    return events;
}

} // namespace usher::server::pg
