#pragma once

#include "server/net/handlers.h"
#include "server/net/server_state.h"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace usher::server::net {

// One WebSocket after the upgrade request was read: asks the WebSocketHandler for a connection,
// completes the handshake, reads text messages into it and writes the peer's messages from a
// queue, one frame at a time (Beast allows one write in flight). Members are touched on the
// connection's strand only; send() and close() post there.
class WebSocketSession : public WebSocketPeer,
                         public Session,
                         public std::enable_shared_from_this<WebSocketSession> {
public:
    WebSocketSession(boost::beast::tcp_stream&& stream, std::shared_ptr<ServerState> state,
                     ServerState::Registration registration, Peer peer);
    // On the connection's strand.
    void run(HttpRequest upgrade);

    void send(std::string text) override;
    void close(boost::beast::websocket::close_code code, std::string reason) override;
    const Peer& peer() const override { return m_peer; }

    void drain() override;
    void abort() override;

private:
    enum class Phase { Handshake, Refused, Open, Closing, Closed };

    void refuse(HttpResponse refusal);
    void onAccept(boost::system::error_code ec);
    void readNext();
    void onRead(boost::system::error_code ec, std::size_t bytes);
    void enqueue(std::string text);
    void writeNext();
    void onWrite(boost::system::error_code ec);
    void startClose();
    void requestClose(boost::beast::websocket::close_reason reason);
    void finish(boost::system::error_code ec);
    void logError(std::string_view what, boost::system::error_code ec) const;

    boost::beast::websocket::stream<boost::beast::tcp_stream> m_ws;
    boost::beast::flat_buffer m_readBuffer;
    std::shared_ptr<ServerState> m_state;
    ServerState::Registration m_registration;
    Peer m_peer;
    std::shared_ptr<WebSocketConnection> m_connection;
    const boost::asio::any_io_executor m_executor; // the connection's strand, for posts from any thread

    Phase m_phase = Phase::Handshake;
    std::deque<std::string> m_queue; // the front is being written while m_writing
    std::size_t m_queuedBytes = 0;
    bool m_writing = false;
    std::optional<boost::beast::websocket::close_reason> m_closeReason;
    bool m_closeStarted = false;
    bool m_finished = false;
    // A peer that neither reads nor answers the close handshake is cut off after this.
    boost::asio::steady_timer m_closeTimer;
    std::optional<HttpResponse> m_refusal;
};

} // namespace usher::server::net
