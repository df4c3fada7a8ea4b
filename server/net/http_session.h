#pragma once

#include "common/protocol/problem.h"
#include "server/net/handlers.h"
#include "server/net/server_state.h"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>

#include <memory>
#include <optional>

namespace usher::server::net {

// One HTTP/1.1 connection: reads a request within the limits, hands it to the HttpHandler, writes
// the reply, and repeats while keep-alive lasts. An upgrade request becomes a WebSocketSession on
// the same socket and strand. Every member is touched on the connection's strand only.
class HttpSession : public Session, public std::enable_shared_from_this<HttpSession> {
public:
    // `registration` is empty for a connection accepted beyond maxConnections: it only gets a 503.
    HttpSession(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<ServerState> state,
                std::optional<ServerState::Registration> registration);

    void start();
    void drain() override;
    void abort() override;

private:
    // Where the connection is, for drain(): an idle connection is closed at once, one with a
    // request under way finishes it first.
    enum class Phase { Idle, Reading, Handling, Writing, Closing };

    void readRequest(bool first);
    void onFirstBytes(boost::system::error_code ec, std::size_t bytes, bool first);
    void readHeader();
    void onHeader(boost::system::error_code ec);
    void readBody();
    void onRequest(boost::system::error_code ec);
    void onReadError(boost::system::error_code ec);
    void dispatch(HttpRequest request);
    void upgrade(HttpRequest request);
    void writeResponse(HttpResponse response);
    void onWrite(boost::system::error_code ec, bool keepAlive);
    void sendError(const protocol::Problem& problem);
    void closeGracefully();
    void discardUntilClosed();
    void logError(std::string_view what, boost::system::error_code ec) const;

    boost::beast::tcp_stream m_stream;
    // The connection's strand, kept apart from m_stream: drain() and replies post to it from other
    // threads, and m_stream is moved away on an upgrade.
    const boost::asio::any_io_executor m_executor;
    boost::beast::flat_buffer m_buffer;
    std::shared_ptr<ServerState> m_state;
    std::optional<ServerState::Registration> m_registration;
    Peer m_peer;

    Phase m_phase = Phase::Idle;
    bool m_draining = false;
    bool m_handedOff = false; // upgraded: m_stream was moved to a WebSocketSession
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::optional<http::response<http::empty_body>> m_continue;
    std::optional<HttpResponse> m_response;
    unsigned m_requestVersion = 11;
    bool m_requestKeepAlive = false;
    bool m_requestIsHead = false;
};

} // namespace usher::server::net
