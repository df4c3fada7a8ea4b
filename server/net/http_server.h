#pragma once

#include "server/net/handlers.h"
#include "server/net/limits.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

namespace usher::server::net {

class Listener;
class ServerState;

// HTTP/1.1 and WebSocket on one port. Each connection runs on its own strand, so the io_context
// may run on any number of threads. Requests are answered one at a time per connection (no
// pipelining); an upgrade request on any path goes to the WebSocketHandler.
//
// The handlers must outlive every session: destroy the server and the handlers after the
// io_context has stopped (or after drain's done()).
class HttpServer {
public:
    // Binds and listens at once (throws boost::system::system_error when it cannot); accepting
    // starts with start().
    HttpServer(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint endpoint, Limits limits,
               HttpHandler& http, WebSocketHandler& webSockets);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // The real port when bound to port 0.
    boost::asio::ip::tcp::endpoint localEndpoint() const;
    void start();
    // Graceful drain for SIGTERM: stop accepting; let in-flight HTTP requests finish and be answered
    // (with Connection: close); close every WebSocket with 1001 (going away); call done() once
    // every session is gone or after `deadline`, whichever comes first (then the sessions left are
    // closed). done() runs on the io_context. Thread-safe.
    void drain(std::chrono::milliseconds deadline, std::function<void()> done);
    std::size_t activeWebSockets() const;
    std::size_t activeConnections() const;

private:
    std::shared_ptr<ServerState> m_state;
    std::shared_ptr<Listener> m_listener;
    boost::asio::ip::tcp::endpoint m_endpoint;
};

} // namespace usher::server::net
