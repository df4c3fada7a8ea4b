#pragma once

#include "server/app/config.h"

#include <boost/asio/ip/tcp.hpp>

#include <functional>
#include <memory>
#include <ostream>

namespace usher::server::app {

struct ServerAppOptions {
    // Where the demo passwords are printed (once, when the demo data is loaded).
    std::ostream* console = nullptr;
    // Argon2id at its minimum cost: for tests, where hundreds of accounts sign up.
    bool fastPasswordHashing = false;
    // How often the sweeper marks overdue holds expired.
    std::chrono::milliseconds sweepInterval{1000};
    // Only for the race tests' proof that they can see a double sale: the hold statement without
    // its state condition. No flag or variable reaches it.
    bool unsafeHoldStatementForRaceTests = false;
};

// usher-server assembled: the database (embedded or external, migrated), demo data, the services,
// the REST and WebSocket APIs on one port, the change feed and the hold sweeper. main runs one;
// the API tests run one in-process against their own database.
class ServerApp {
public:
    // Does everything up to listening: throws std::runtime_error with a message for people.
    ServerApp(Config config, ServerAppOptions options = {});
    ~ServerApp();
    ServerApp(const ServerApp&) = delete;
    ServerApp& operator=(const ServerApp&) = delete;

    // Accepts connections on `networkThreads` threads and returns at once.
    void start();
    boost::asio::ip::tcp::endpoint endpoint() const;
    // Blocks until SIGTERM or SIGINT, then drains (stops accepting, finishes requests, closes
    // WebSockets with 1001) and returns 0.
    int runUntilSignalled();
    // Drains and stops everything; idempotent.
    void stop();

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace usher::server::app
