#pragma once

#include "common/util/expected.h"
#include "server/net/handlers.h"
#include "server/net/limits.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace usher::server::net {

// A live connection as the server sees it during a drain. Both calls are thread-safe (they post
// to the session's strand).
class Session {
public:
    virtual ~Session() = default;
    // Finish what is in flight, then close: HTTP answers with Connection: close, WebSockets close
    // with 1001.
    virtual void drain() = 0;
    // Close the socket now.
    virtual void abort() = 0;
};

// What the listener and every session share: limits, handlers, and the table of live connections
// that maxConnections, activeConnections() and drain() work from. Sessions hold it by shared_ptr,
// so it outlives the HttpServer object if it has to.
class ServerState : public std::enable_shared_from_this<ServerState> {
public:
    // One TCP connection's place in the table, released when destroyed. Moves from the HTTP
    // session to the WebSocket session after an upgrade, so the connection is counted once.
    class Registration {
    public:
        Registration(Registration&& other) noexcept;
        Registration& operator=(Registration&&) = delete;
        ~Registration();

        void attach(std::weak_ptr<Session> session, bool webSocket);

    private:
        friend class ServerState;
        Registration(std::shared_ptr<ServerState> state, std::uint64_t id);

        std::shared_ptr<ServerState> m_state;
        std::uint64_t m_id = 0;
    };

    enum class Refusal { Draining, Full };

    ServerState(boost::asio::io_context& io, Limits limits, HttpHandler& http, WebSocketHandler& webSockets);

    const Limits limits;
    HttpHandler& http;
    WebSocketHandler& webSockets;

    Expected<Registration, Refusal> admit();
    bool draining() const { return m_draining.load(std::memory_order_acquire); }

    void startDrain(std::chrono::milliseconds deadline, std::function<void()> done);
    std::size_t connectionCount() const;
    std::size_t webSocketCount() const;

private:
    struct Entry {
        std::weak_ptr<Session> session;
        bool webSocket = false;
    };

    void attach(std::uint64_t id, std::weak_ptr<Session> session, bool webSocket);
    void release(std::uint64_t id);
    void onDrainDeadline();
    void completeDrain();
    std::vector<std::shared_ptr<Session>> liveSessions() const; // call with m_mutex held

    boost::asio::io_context& m_io;
    boost::asio::strand<boost::asio::io_context::executor_type> m_strand;
    boost::asio::steady_timer m_drainTimer;

    mutable std::mutex m_mutex;
    std::unordered_map<std::uint64_t, Entry> m_sessions;
    std::uint64_t m_nextId = 1;
    std::size_t m_webSocketCount = 0;
    std::vector<std::function<void()>> m_done;
    std::atomic<bool> m_draining{false};
};

} // namespace usher::server::net
