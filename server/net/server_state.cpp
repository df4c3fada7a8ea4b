#include "server/net/server_state.h"

#include "server/observability/log.h"

#include <boost/asio/post.hpp>

namespace usher::server::net {

namespace asio = boost::asio;
using observability::logInfo;
using observability::logWarn;

ServerState::Registration::Registration(std::shared_ptr<ServerState> state, std::uint64_t id)
    : m_state(std::move(state)), m_id(id) {}

ServerState::Registration::Registration(Registration&& other) noexcept
    : m_state(std::move(other.m_state)), m_id(other.m_id) {}

ServerState::Registration::~Registration() {
    if (m_state) {
        m_state->release(m_id);
    }
}

void ServerState::Registration::attach(std::weak_ptr<Session> session, bool webSocket) {
    if (m_state) {
        m_state->attach(m_id, std::move(session), webSocket);
    }
}

ServerState::ServerState(asio::io_context& io, Limits limits_, HttpHandler& http_,
                         WebSocketHandler& webSockets_)
    : limits(limits_), http(http_), webSockets(webSockets_), m_io(io), m_strand(asio::make_strand(io)),
      m_drainTimer(m_strand) {}

Expected<ServerState::Registration, ServerState::Refusal> ServerState::admit() {
    std::lock_guard lock(m_mutex);
    if (draining()) {
        return unexpected(Refusal::Draining);
    }
    if (m_sessions.size() >= limits.maxConnections) {
        return unexpected(Refusal::Full);
    }
    const std::uint64_t id = m_nextId++;
    m_sessions.emplace(id, Entry{});
    return Registration(shared_from_this(), id);
}

void ServerState::attach(std::uint64_t id, std::weak_ptr<Session> session, bool webSocket) {
    std::shared_ptr<Session> toDrain;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_sessions.find(id);
        if (it == m_sessions.end()) {
            return;
        }
        if (webSocket && !it->second.webSocket) {
            ++m_webSocketCount;
        } else if (!webSocket && it->second.webSocket) {
            --m_webSocketCount;
        }
        it->second = Entry{session, webSocket};
        // A session that attaches after the drain began missed the call to drain().
        if (draining()) {
            toDrain = session.lock();
        }
    }
    if (toDrain) {
        toDrain->drain();
    }
}

void ServerState::release(std::uint64_t id) {
    bool finished = false;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_sessions.find(id);
        if (it == m_sessions.end()) {
            return;
        }
        if (it->second.webSocket) {
            --m_webSocketCount;
        }
        m_sessions.erase(it);
        finished = draining() && m_sessions.empty();
    }
    if (finished) {
        completeDrain();
    }
}

std::vector<std::shared_ptr<Session>> ServerState::liveSessions() const {
    std::vector<std::shared_ptr<Session>> sessions;
    sessions.reserve(m_sessions.size());
    for (const auto& [id, entry] : m_sessions) {
        if (auto session = entry.session.lock()) {
            sessions.push_back(std::move(session));
        }
    }
    return sessions;
}

void ServerState::startDrain(std::chrono::milliseconds deadline, std::function<void()> done) {
    std::vector<std::shared_ptr<Session>> sessions;
    bool idle = false;
    {
        std::lock_guard lock(m_mutex);
        if (done) {
            m_done.push_back(std::move(done));
        }
        idle = m_sessions.empty();
        if (m_draining.exchange(true) && !idle) {
            return; // a second drain joins the first one
        }
        sessions = liveSessions();
    }
    logInfo("draining connections", {{"connections", sessions.size()}, {"deadline_ms", deadline.count()}});
    if (idle) {
        completeDrain();
        return;
    }
    asio::post(m_strand, [self = shared_from_this(), deadline] {
        self->m_drainTimer.expires_after(deadline);
        self->m_drainTimer.async_wait([self](boost::system::error_code ec) {
            if (!ec) {
                self->onDrainDeadline();
            }
        });
    });
    for (const auto& session : sessions) {
        session->drain();
    }
}

void ServerState::onDrainDeadline() {
    std::vector<std::shared_ptr<Session>> sessions;
    {
        std::lock_guard lock(m_mutex);
        if (m_done.empty()) {
            return;
        }
        sessions = liveSessions();
    }
    logWarn("drain deadline passed; closing the remaining connections", {{"connections", sessions.size()}});
    for (const auto& session : sessions) {
        session->abort();
    }
    completeDrain();
}

void ServerState::completeDrain() {
    std::vector<std::function<void()>> done;
    {
        std::lock_guard lock(m_mutex);
        done.swap(m_done);
    }
    if (done.empty()) {
        return;
    }
    asio::post(m_strand, [self = shared_from_this()] { self->m_drainTimer.cancel(); });
    // On the io_context, never inside the destructor of the last session.
    asio::post(m_io, [done = std::move(done)] {
        for (const auto& callback : done) {
            callback();
        }
    });
}

std::size_t ServerState::connectionCount() const {
    std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

std::size_t ServerState::webSocketCount() const {
    std::lock_guard lock(m_mutex);
    return m_webSocketCount;
}

} // namespace usher::server::net
