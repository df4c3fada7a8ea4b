#pragma once

#include "server/storage/inventory_notifications.h"
#include "server/storage/pg/change_log.h"

#include <memory>
#include <pqxx/connection>
#include <set>
#include <string>

namespace usher::server::pg {

// LISTENs on kInventoryChannel on a connection of its own (not the pool's: it waits for minutes).
// PostgreSQL delivers a notification when the transaction that sent it commits, to every listener.
class PgInventoryNotifications final : public storage::InventoryNotifications {
public:
    explicit PgInventoryNotifications(std::string url);
    ~PgInventoryNotifications() override;

    std::vector<storage::EventId> waitForChanges(std::chrono::milliseconds timeout) override;

private:
    class Receiver;
    void connect();

    std::string m_url;
    std::unique_ptr<pqxx::connection> m_connection;
    std::unique_ptr<Receiver> m_receiver;
    std::set<storage::EventId> m_received;
};

} // namespace usher::server::pg
