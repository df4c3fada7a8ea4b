#include "server/net/websocket_session.h"

#include "server/net/responses.h"
#include "server/observability/log.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/serialize.hpp>

#include <exception>

namespace usher::server::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using boost::system::error_code;

namespace {

// Read in pieces, so a message is measured against the limit as it arrives.
constexpr std::size_t kReadChunk = 16 * 1024;

websocket::close_reason closeReason(websocket::close_code code, std::string_view reason) {
    // A close frame carries at most 123 bytes of reason; Beast throws beyond that.
    return websocket::close_reason(code, reason.substr(0, 123));
}

} // namespace

WebSocketSession::WebSocketSession(beast::tcp_stream&& stream, std::shared_ptr<ServerState> state,
                                   ServerState::Registration registration, Peer peer)
    : m_ws(std::move(stream)), m_state(std::move(state)), m_registration(std::move(registration)),
      m_peer(std::move(peer)), m_executor(m_ws.get_executor()), m_closeTimer(m_executor) {}

void WebSocketSession::run(HttpRequest upgrade) {
    m_registration.attach(weak_from_this(), false);

    HttpResponse refusal = problemResponse(notFoundProblem(), upgrade.version());
    try {
        m_connection = m_state->webSockets.open(upgrade, shared_from_this(), refusal);
    } catch (const std::exception& e) {
        observability::logError("websocket handler threw", {{"peer", m_peer.address}, {"error", e.what()}});
        m_connection.reset();
        refusal = problemResponse(protocol::makeProblem(protocol::ProblemKind::Internal), upgrade.version());
    }
    if (!m_connection) {
        refuse(std::move(refusal));
        return;
    }

    const Limits& limits = m_state->limits;
    // Beast's own timeouts replace the tcp_stream's from here on.
    beast::get_lowest_layer(m_ws).expires_never();
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = limits.requestTimeout;
    timeouts.idle_timeout = limits.webSocketIdleTimeout;
    timeouts.keep_alive_pings = true;
    m_ws.set_option(timeouts);
    m_ws.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
        response.set(http::field::server, kServerHeader);
        if (response.result() != http::status::switching_protocols) {
            // Beast refusing a broken handshake itself: problem+json like every other error.
            const auto problem =
                badWebSocketHandshakeProblem(static_cast<int>(response.result_int()), response.body());
            response.set(http::field::content_type, protocol::kProblemContentType);
            response.body() = boost::json::serialize(protocol::toJson(problem));
            response.prepare_payload();
        }
    }));
    // The message limit is checked in onRead, not with read_message_max: Beast answers that limit
    // with a teardown that can reset the connection before the client reads the 1009 close frame,
    // while a close handshake started here drains the rest of the message first.
    m_ws.read_message_max(0);
    m_ws.async_accept(upgrade, beast::bind_front_handler(&WebSocketSession::onAccept, shared_from_this()));
}

void WebSocketSession::refuse(HttpResponse refusal) {
    m_phase = Phase::Refused;
    // The handler may have replaced the pre-filled body without touching its length.
    refusal.erase(http::field::content_length);
    finishResponse(refusal);
    refusal.keep_alive(false);
    m_refusal = std::move(refusal);
    auto& stream = m_ws.next_layer();
    stream.expires_after(m_state->limits.requestTimeout);
    http::async_write(stream, *m_refusal, [self = shared_from_this()](error_code ec, std::size_t) {
        if (ec) {
            self->logError("websocket refusal write failed", ec);
        }
        error_code ignored;
        beast::get_lowest_layer(self->m_ws).socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    });
}

void WebSocketSession::onAccept(error_code ec) {
    if (ec) {
        finish(ec);
        return;
    }
    m_phase = Phase::Open;
    m_ws.text(true);
    m_registration.attach(weak_from_this(), true);
    readNext();
    if (!m_writing) {
        writeNext(); // messages sent during open(), or a close asked for meanwhile
    }
}

void WebSocketSession::readNext() {
    m_ws.async_read_some(m_readBuffer, kReadChunk,
                         beast::bind_front_handler(&WebSocketSession::onRead, shared_from_this()));
}

void WebSocketSession::onRead(error_code ec, std::size_t) {
    if (ec) {
        finish(ec);
        return;
    }
    if (m_readBuffer.size() > m_state->limits.maxWebSocketMessageBytes) {
        m_readBuffer.clear();
        requestClose(closeReason(websocket::close_code::too_big, "message too big"));
        return;
    }
    if (!m_ws.is_message_done()) {
        readNext();
        return;
    }
    if (!m_ws.got_text()) {
        m_readBuffer.clear();
        requestClose(closeReason(websocket::close_code::unknown_data, "text messages only"));
        return;
    }
    std::string text = beast::buffers_to_string(m_readBuffer.data());
    m_readBuffer.clear();
    // Once a close is under way, late messages are not acted on, and the close handshake reads
    // whatever else arrives.
    if (m_closeReason || !m_connection) {
        return;
    }
    try {
        m_connection->onMessage(std::move(text));
    } catch (const std::exception& e) {
        observability::logError("websocket handler threw", {{"peer", m_peer.address}, {"error", e.what()}});
        requestClose(closeReason(websocket::close_code::internal_error, "internal error"));
        return;
    }
    readNext();
}

void WebSocketSession::send(std::string text) {
    asio::post(m_executor, [self = shared_from_this(), text = std::move(text)]() mutable {
        self->enqueue(std::move(text));
    });
}

void WebSocketSession::close(websocket::close_code code, std::string reason) {
    asio::post(m_executor, [self = shared_from_this(), closing = closeReason(code, reason)] {
        self->requestClose(closing);
    });
}

void WebSocketSession::drain() {
    asio::post(m_executor, [self = shared_from_this()] {
        self->requestClose(closeReason(websocket::close_code::going_away, "server shutting down"));
    });
}

void WebSocketSession::abort() {
    asio::post(m_executor, [self = shared_from_this()] { beast::get_lowest_layer(self->m_ws).close(); });
}

void WebSocketSession::enqueue(std::string text) {
    if (m_finished || m_closeReason || m_phase == Phase::Refused) {
        return;
    }
    if (m_queuedBytes + text.size() > m_state->limits.maxWebSocketQueueBytes) {
        // A client that cannot keep up would otherwise hold an unbounded backlog in memory. The
        // frame being written stays until its write completes.
        const std::size_t keep = m_writing ? 1 : 0;
        while (m_queue.size() > keep) {
            m_queuedBytes -= m_queue.back().size();
            m_queue.pop_back();
        }
        requestClose(closeReason(websocket::close_code::policy_error, "too slow"));
        return;
    }
    m_queuedBytes += text.size();
    m_queue.push_back(std::move(text));
    if (m_phase == Phase::Open && !m_writing) {
        writeNext();
    }
}

void WebSocketSession::writeNext() {
    if (m_queue.empty() || m_finished) {
        m_writing = false;
        if (m_closeReason && !m_closeStarted && m_phase == Phase::Open && !m_finished) {
            startClose();
        }
        return;
    }
    m_writing = true;
    m_ws.async_write(asio::buffer(m_queue.front()),
                     [self = shared_from_this()](error_code ec, std::size_t) { self->onWrite(ec); });
}

void WebSocketSession::onWrite(error_code ec) {
    m_queuedBytes -= m_queue.front().size();
    m_queue.pop_front();
    if (ec) {
        // The read side sees the same failure and ends the session.
        m_writing = false;
        m_queue.clear();
        m_queuedBytes = 0;
        logError("websocket write failed", ec);
        return;
    }
    writeNext();
}

void WebSocketSession::requestClose(websocket::close_reason reason) {
    if (m_closeReason || m_finished || m_phase == Phase::Refused) {
        return;
    }
    m_closeReason = reason;
    // Beast bounds the close handshake itself, but a close queued behind a write to a client that
    // does not read would wait for ever; this cuts the socket after the same time.
    m_closeTimer.expires_after(m_state->limits.requestTimeout);
    m_closeTimer.async_wait([self = shared_from_this()](error_code ec) {
        if (!ec && !self->m_finished) {
            self->logError("websocket close timed out", beast::error::timeout);
            beast::get_lowest_layer(self->m_ws).close();
        }
    });
    if (m_phase == Phase::Open && !m_writing) {
        startClose();
    }
}

void WebSocketSession::startClose() {
    m_closeStarted = true;
    m_phase = Phase::Closing;
    // Beast's close reads (and drops) frames until the client's close frame arrives.
    m_ws.async_close(*m_closeReason, [self = shared_from_this()](error_code ec) {
        self->finish(ec ? ec : websocket::error::closed);
    });
}

void WebSocketSession::finish(error_code ec) {
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_phase = Phase::Closed;
    m_closeTimer.cancel();
    if (!m_writing) {
        m_queue.clear();
        m_queuedBytes = 0;
    }
    if (ec != websocket::error::closed) {
        logError("websocket ended", ec);
    }
    beast::get_lowest_layer(m_ws).close();
    if (auto connection = std::move(m_connection)) {
        try {
            connection->onClose();
        } catch (const std::exception& e) {
            observability::logError("websocket handler threw",
                                    {{"peer", m_peer.address}, {"error", e.what()}});
        }
    }
}

void WebSocketSession::logError(std::string_view what, error_code ec) const {
    if (observability::logEnabled(observability::LogLevel::Debug)) {
        observability::logDebug(what, {{"peer", m_peer.address}, {"error", ec.message()}});
    }
}

} // namespace usher::server::net
