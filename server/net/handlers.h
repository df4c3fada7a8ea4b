#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <functional>
#include <memory>
#include <string>

// The seam between the network layer and the api layer: net owns sockets, parsing, limits and
// timeouts; the api layer sees whole requests and WebSocket text messages through these interfaces.
namespace usher::server::net {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;
// Call exactly once, from any thread; later calls are ignored. Dropping it without a call closes
// the connection. net sets Server, Connection and the HTTP version; the handler sets everything
// else (a body without Content-Length gets one).
using Reply = std::function<void(HttpResponse)>;

// The remote IP as text, for rate limits and logs.
struct Peer {
    std::string address;
};

class HttpHandler {
public:
    virtual ~HttpHandler() = default;
    // Called on a network thread. Must not block: hand slow work to another executor and call
    // reply later. `peer` is valid during the call only; copy what you keep.
    virtual void handle(HttpRequest request, const Peer& peer, Reply reply) = 0;
};

// One open WebSocket, implemented by net.
class WebSocketPeer {
public:
    virtual ~WebSocketPeer() = default;
    // Thread-safe; queued in order. A client whose queue exceeds Limits::maxWebSocketQueueBytes is
    // closed with 1008 "too slow" and the queue is dropped.
    virtual void send(std::string text) = 0;
    // Thread-safe, idempotent. Messages already queued are sent first.
    virtual void close(boost::beast::websocket::close_code code, std::string reason) = 0;
    virtual const Peer& peer() const = 0;
};

// The api layer's side of one WebSocket.
class WebSocketConnection {
public:
    virtual ~WebSocketConnection() = default;
    // A complete text message, on a network thread; must not block.
    virtual void onMessage(std::string text) = 0;
    // Called once when the socket is gone; no onMessage follows.
    virtual void onClose() = 0;
};

class WebSocketHandler {
public:
    virtual ~WebSocketHandler() = default;
    // Called for an upgrade request on any path. Return nullptr to refuse: then `refusal` (a 404
    // problem+json unless changed) is sent as the HTTP answer and the connection closed.
    // The net session owns the returned connection; the connection should keep only a weak_ptr to
    // the peer. `peer` may be used at once: messages sent before the handshake ends are queued.
    virtual std::shared_ptr<WebSocketConnection>
    open(const HttpRequest& upgrade, std::shared_ptr<WebSocketPeer> peer, HttpResponse& refusal) = 0;
};

} // namespace usher::server::net
