#include "server/net/http_server.h"

#include "server/net/http_session.h"
#include "server/net/server_state.h"
#include "server/observability/log.h"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>

namespace usher::server::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::ip::tcp;
using boost::system::error_code;

// Accepts connections, each onto a strand of its own, and hands them to HttpSession. The acceptor
// lives on a strand too, so drain() can close it from any thread.
class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(asio::io_context& io, tcp::endpoint endpoint, std::shared_ptr<ServerState> state)
        : m_io(io), m_acceptor(asio::make_strand(io)), m_retryTimer(m_acceptor.get_executor()),
          m_state(std::move(state)) {
        m_acceptor.open(endpoint.protocol());
        m_acceptor.set_option(asio::socket_base::reuse_address(true));
        m_acceptor.bind(endpoint);
        m_acceptor.listen(asio::socket_base::max_listen_connections);
    }

    tcp::endpoint localEndpoint() const { return m_acceptor.local_endpoint(); }

    void start() {
        asio::post(m_acceptor.get_executor(), [self = shared_from_this()] { self->accept(); });
    }

    void stop() {
        asio::post(m_acceptor.get_executor(), [self = shared_from_this()] {
            error_code ignored;
            self->m_acceptor.close(ignored);
            self->m_retryTimer.cancel();
        });
    }

private:
    void accept() {
        if (!m_acceptor.is_open()) {
            return;
        }
        m_acceptor.async_accept(asio::make_strand(m_io),
                                beast::bind_front_handler(&Listener::onAccept, shared_from_this()));
    }

    void onAccept(error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !m_acceptor.is_open()) {
            return;
        }
        if (ec) {
            // Usually out of file descriptors: try again shortly instead of spinning.
            observability::logWarn("accept failed", {{"error", ec.message()}});
            m_retryTimer.expires_after(std::chrono::milliseconds(100));
            m_retryTimer.async_wait([self = shared_from_this()](error_code timerEc) {
                if (!timerEc) {
                    self->accept();
                }
            });
            return;
        }
        auto admitted = m_state->admit();
        if (admitted) {
            std::make_shared<HttpSession>(std::move(socket), m_state, std::move(admitted).value())->start();
        } else if (admitted.error() == ServerState::Refusal::Full) {
            std::make_shared<HttpSession>(std::move(socket), m_state, std::nullopt)->start();
        } // else draining: the socket closes here
        accept();
    }

    asio::io_context& m_io;
    tcp::acceptor m_acceptor;
    asio::steady_timer m_retryTimer;
    std::shared_ptr<ServerState> m_state;
};

HttpServer::HttpServer(asio::io_context& io, tcp::endpoint endpoint, Limits limits, HttpHandler& http,
                       WebSocketHandler& webSockets)
    : m_state(std::make_shared<ServerState>(io, limits, http, webSockets)),
      m_listener(std::make_shared<Listener>(io, endpoint, m_state)), m_endpoint(m_listener->localEndpoint()) {
}

HttpServer::~HttpServer() {
    m_listener->stop();
}

tcp::endpoint HttpServer::localEndpoint() const {
    return m_endpoint;
}

void HttpServer::start() {
    observability::logInfo("listening",
                           {{"address", m_endpoint.address().to_string()}, {"port", m_endpoint.port()}});
    m_listener->start();
}

void HttpServer::drain(std::chrono::milliseconds deadline, std::function<void()> done) {
    m_state->startDrain(deadline, std::move(done));
    m_listener->stop();
}

std::size_t HttpServer::activeWebSockets() const {
    return m_state->webSocketCount();
}

std::size_t HttpServer::activeConnections() const {
    return m_state->connectionCount();
}

} // namespace usher::server::net
