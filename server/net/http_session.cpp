#include "server/net/http_session.h"

#include "server/net/responses.h"
#include "server/net/websocket_session.h"
#include "server/observability/log.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <limits>

namespace usher::server::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using boost::system::error_code;

namespace {

constexpr std::size_t kReadChunk = 4096;
// After the last response on a connection: how long unread input is drained so that closing the
// socket does not reset it before the client has read the response.
constexpr std::chrono::seconds kLingerTimeout{2};

bool isParseError(error_code ec) {
    return ec.category() == http::make_error_code(http::error::bad_method).category() &&
           ec != http::error::end_of_stream && ec != http::error::partial_message;
}

} // namespace

HttpSession::HttpSession(asio::ip::tcp::socket&& socket, std::shared_ptr<ServerState> state,
                         std::optional<ServerState::Registration> registration)
    : m_stream(std::move(socket)), m_executor(m_stream.get_executor()), m_state(std::move(state)),
      m_registration(std::move(registration)) {
    error_code ec;
    const auto remote = m_stream.socket().remote_endpoint(ec);
    if (!ec) {
        m_peer.address = remote.address().to_string();
    }
}

void HttpSession::start() {
    asio::dispatch(m_executor, [self = shared_from_this()] {
        if (!self->m_registration) {
            self->sendError(overloadedProblem());
            return;
        }
        self->m_registration->attach(self->weak_from_this(), false);
        self->readRequest(true);
    });
}

void HttpSession::drain() {
    asio::post(m_executor, [self = shared_from_this()] {
        self->m_draining = true;
        if (self->m_handedOff) {
            return;
        }
        // Between requests nothing is in flight: close now. Otherwise the response in progress
        // carries Connection: close and the session ends after it.
        if (self->m_phase == Phase::Idle) {
            self->m_phase = Phase::Closing;
            self->m_stream.close();
        }
    });
}

void HttpSession::abort() {
    asio::post(m_executor, [self = shared_from_this()] {
        if (self->m_handedOff) {
            return;
        }
        self->m_phase = Phase::Closing;
        self->m_stream.close();
    });
}

void HttpSession::readRequest(bool first) {
    if (m_draining || m_state->draining()) {
        return;
    }
    const Limits& limits = m_state->limits;
    m_parser.emplace();
    m_parser->header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(limits.maxHeaderBytes, std::numeric_limits<std::uint32_t>::max())));
    m_parser->body_limit(static_cast<std::uint64_t>(limits.maxBodyBytes));

    // The first request's clock starts at accept; later ones get idleTimeout to begin and then
    // requestTimeout from their first byte, so a slow sender cannot stretch a request.
    if (first) {
        m_stream.expires_after(limits.requestTimeout);
    }
    if (m_buffer.size() > 0) {
        m_phase = Phase::Reading;
        if (!first) {
            m_stream.expires_after(limits.requestTimeout);
        }
        readHeader();
        return;
    }
    m_phase = Phase::Idle;
    if (!first) {
        m_stream.expires_after(limits.idleTimeout);
    }
    m_stream.async_read_some(m_buffer.prepare(kReadChunk),
                             [self = shared_from_this(), first](error_code ec, std::size_t bytes) {
                                 self->onFirstBytes(ec, bytes, first);
                             });
}

void HttpSession::onFirstBytes(error_code ec, std::size_t bytes, bool first) {
    m_buffer.commit(bytes);
    if (ec) {
        logError("http connection ended while idle", ec);
        return;
    }
    // A request that arrives while draining is still answered (with Connection: close).
    m_phase = Phase::Reading;
    if (!first) {
        m_stream.expires_after(m_state->limits.requestTimeout);
    }
    readHeader();
}

void HttpSession::readHeader() {
    http::async_read_header(m_stream, m_buffer, *m_parser,
                            [self = shared_from_this()](error_code ec, std::size_t) { self->onHeader(ec); });
}

void HttpSession::onHeader(error_code ec) {
    if (ec) {
        onReadError(ec);
        return;
    }
    // The parser has already refused a Content-Length above the limit (body_limit); a client that
    // asked to wait for approval is told to go ahead only now.
    const auto& request = m_parser->get();
    if (beast::iequals(request[http::field::expect], "100-continue") && !m_parser->is_done()) {
        m_continue.emplace(http::status::continue_, request.version());
        http::async_write(m_stream, *m_continue,
                          [self = shared_from_this()](error_code writeEc, std::size_t) {
                              self->m_continue.reset();
                              if (writeEc) {
                                  self->logError("http write of 100 Continue failed", writeEc);
                                  return;
                              }
                              self->readBody();
                          });
        return;
    }
    readBody();
}

void HttpSession::readBody() {
    http::async_read(m_stream, m_buffer, *m_parser,
                     [self = shared_from_this()](error_code ec, std::size_t) { self->onRequest(ec); });
}

void HttpSession::onRequest(error_code ec) {
    if (ec) {
        onReadError(ec);
        return;
    }
    // The handler's time is not the client's fault; writing has its own deadline.
    m_stream.expires_never();
    HttpRequest request = m_parser->release();
    m_parser.reset();
    if (websocket::is_upgrade(request)) {
        upgrade(std::move(request));
        return;
    }
    dispatch(std::move(request));
}

void HttpSession::onReadError(error_code ec) {
    const Limits& limits = m_state->limits;
    if (ec == http::error::header_limit) {
        sendError(headerTooLargeProblem(limits.maxHeaderBytes));
    } else if (ec == http::error::body_limit) {
        sendError(bodyTooLargeProblem(limits.maxBodyBytes));
    } else if (isParseError(ec)) {
        sendError(malformedRequestProblem(ec.message()));
    } else {
        // Timeouts (a slow sender), resets and clients that went away: close without an answer.
        logError("http read failed", ec);
    }
}

void HttpSession::dispatch(HttpRequest request) {
    m_phase = Phase::Handling;
    m_requestVersion = request.version();
    m_requestKeepAlive = request.keep_alive();
    m_requestIsHead = request.method() == http::verb::head;

    auto replied = std::make_shared<std::atomic<bool>>(false);
    Reply reply = [self = shared_from_this(), replied](HttpResponse response) {
        if (replied->exchange(true)) {
            return;
        }
        // Handlers may answer from any thread; the session's state lives on its strand.
        asio::post(self->m_executor, [self, response = std::move(response)]() mutable {
            self->writeResponse(std::move(response));
        });
    };
    try {
        m_state->http.handle(std::move(request), m_peer, reply);
    } catch (const std::exception& e) {
        observability::logError("http handler threw", {{"peer", m_peer.address}, {"error", e.what()}});
        reply(problemResponse(protocol::makeProblem(protocol::ProblemKind::Internal)));
    }
}

void HttpSession::writeResponse(HttpResponse response) {
    if (m_phase != Phase::Handling) {
        return; // aborted while the handler worked
    }
    response.version(m_requestVersion);
    finishResponse(response);
    if (m_requestIsHead) {
        response.body().clear(); // Content-Length stays that of the GET
    }
    const bool keepAlive = m_requestKeepAlive && response.keep_alive() && !m_draining && !m_state->draining();
    response.keep_alive(keepAlive);
    m_response = std::move(response);
    m_phase = Phase::Writing;
    // A client that does not read must not pin the connection forever.
    m_stream.expires_after(m_state->limits.idleTimeout);
    http::async_write(
        m_stream, *m_response,
        [self = shared_from_this(), keepAlive](error_code ec, std::size_t) { self->onWrite(ec, keepAlive); });
}

void HttpSession::onWrite(error_code ec, bool keepAlive) {
    m_response.reset();
    if (ec) {
        logError("http write failed", ec);
        return;
    }
    if (!keepAlive) {
        closeGracefully();
        return;
    }
    readRequest(false);
}

void HttpSession::sendError(const protocol::Problem& problem) {
    m_phase = Phase::Writing;
    m_response = problemResponse(problem, m_requestVersion);
    // After an error the rest of the input cannot be trusted to start a new request.
    m_response->keep_alive(false);
    m_stream.expires_after(m_state->limits.requestTimeout);
    http::async_write(m_stream, *m_response, [self = shared_from_this()](error_code ec, std::size_t) {
        self->m_response.reset();
        if (ec) {
            self->logError("http write of an error failed", ec);
            return;
        }
        self->closeGracefully();
    });
}

void HttpSession::closeGracefully() {
    m_phase = Phase::Closing;
    error_code ec;
    m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    m_stream.expires_after(kLingerTimeout);
    discardUntilClosed();
}

void HttpSession::discardUntilClosed() {
    m_buffer.clear();
    m_stream.async_read_some(m_buffer.prepare(kReadChunk),
                             [self = shared_from_this()](error_code ec, std::size_t) {
                                 if (!ec) {
                                     self->discardUntilClosed();
                                 }
                             });
}

void HttpSession::upgrade(HttpRequest request) {
    m_requestVersion = request.version();
    if (m_draining || m_state->draining() || !m_registration) {
        sendError(overloadedProblem());
        return;
    }
    // The socket belongs to the WebSocket session from here on; m_stream is empty.
    m_phase = Phase::Closing;
    m_handedOff = true;
    auto session =
        std::make_shared<WebSocketSession>(std::move(m_stream), m_state, std::move(*m_registration), m_peer);
    m_registration.reset();
    session->run(std::move(request));
}

void HttpSession::logError(std::string_view what, error_code ec) const {
    if (observability::logEnabled(observability::LogLevel::Debug)) {
        observability::logDebug(what, {{"peer", m_peer.address}, {"error", ec.message()}});
    }
}

} // namespace usher::server::net
