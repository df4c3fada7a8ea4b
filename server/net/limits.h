#pragma once

#include <chrono>
#include <cstddef>

namespace usher::server::net {

// What one client may cost the server. docs/architecture.md ("Server network limits") explains each.
struct Limits {
    std::size_t maxHeaderBytes = 8 * 1024;  // 431 problem+json
    std::size_t maxBodyBytes = 1024 * 1024; // 413 problem+json, also from Content-Length before reading
    std::size_t maxWebSocketMessageBytes = 64 * 1024;     // close 1009
    std::size_t maxWebSocketQueueBytes = 4 * 1024 * 1024; // close 1008 "too slow"
    std::chrono::seconds requestTimeout{15};       // whole header+body must arrive within this (slowloris)
    std::chrono::seconds idleTimeout{60};          // keep-alive idle; also bounds writing one response
    std::chrono::seconds webSocketIdleTimeout{60}; // with Beast's built-in pings (stream_base::timeout)
    std::size_t maxConnections = 10000;            // beyond it: 503 problem+json and close
};

} // namespace usher::server::net
