#include "client-qt/core/live_feed.h"

#include <QNetworkRequest>

#include <boost/json/serialize.hpp>

#include <algorithm>

namespace usher::core {

namespace {

constexpr int kFirstRetryMs = 1000;
constexpr int kLongestRetryMs = 30000;
const QString kSubscribeId = QStringLiteral("subscribe:");

} // namespace

LiveFeed::LiveFeed(QObject* parent) : QObject(parent) {
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &LiveFeed::connectNow);
    connect(&m_socket, &QWebSocket::connected, this, &LiveFeed::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &LiveFeed::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &LiveFeed::onMessage);
}

LiveFeed::~LiveFeed() {
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void LiveFeed::open(const QUrl& server, const QString& token) {
    m_url = server;
    m_url.setScheme(server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    m_url.setPath(QStringLiteral("/api/v1/ws"));
    m_token = token;
    m_wanted = true;
    m_retryDelayMs = kFirstRetryMs;
    connectNow();
}

void LiveFeed::setAccessToken(const QString& token) {
    m_token = token;
    if (m_state == State::Online) {
        sendJson({std::nullopt, protocol::AuthMessage{token.toStdString()}});
    }
}

void LiveFeed::close() {
    m_wanted = false;
    m_retry.stop();
    m_socket.close();
    setState(State::Disconnected);
}

void LiveFeed::subscribe(const QString& eventId) {
    if (!m_seq.contains(eventId)) {
        m_seq.insert(eventId, -1);
    }
    if (m_state == State::Online) {
        sendSubscribe(eventId);
    }
}

void LiveFeed::unsubscribe(const QString& eventId) {
    m_seq.remove(eventId);
    if (m_state == State::Online) {
        sendJson({std::nullopt, protocol::UnsubscribeMessage{eventId.toStdString()}});
    }
}

void LiveFeed::connectNow() {
    if (!m_wanted) {
        return;
    }
    setState(m_state == State::Offline ? State::Offline : State::Connecting);
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    m_socket.open(request);
}

void LiveFeed::onConnected() {
    m_retryDelayMs = kFirstRetryMs;
    setState(State::Online);
    for (auto it = m_seq.cbegin(); it != m_seq.cend(); ++it) {
        sendSubscribe(it.key());
    }
}

void LiveFeed::onDisconnected() {
    if (!m_wanted) {
        return;
    }
    setState(State::Offline);
    m_retry.start(m_retryDelayMs);
    m_retryDelayMs = std::min(2 * m_retryDelayMs, kLongestRetryMs);
}

void LiveFeed::sendSubscribe(const QString& eventId) {
    const std::int64_t last = m_seq.value(eventId, -1);
    protocol::SubscribeMessage message{eventId.toStdString(), std::nullopt};
    if (last >= 0) {
        message.since = last;
    }
    // The id names the event, so an error reply can be told to the right screen.
    sendJson({(kSubscribeId + eventId).toStdString(), std::move(message)});
}

void LiveFeed::sendJson(const protocol::ClientMessage& message) {
    m_socket.sendTextMessage(QString::fromStdString(boost::json::serialize(protocol::toJson(message))));
}

void LiveFeed::onMessage(const QString& text) {
    const std::string utf8 = text.toStdString();
    auto decoded = json::decodeJson<protocol::ServerMessage>(utf8);
    if (!decoded) {
        return; // a message type of a newer server: nothing this app can show
    }
    if (const auto* full = std::get_if<protocol::SnapshotMessage>(&*decoded)) {
        const QString event = QString::fromStdString(full->eventId);
        if (!m_seq.contains(event)) {
            return;
        }
        m_seq[event] = full->seq;
        Q_EMIT snapshot(event, full->seq, full->seats, full->ga);
    } else if (const auto* delta = std::get_if<protocol::SeatsMessage>(&*decoded)) {
        const QString event = QString::fromStdString(delta->eventId);
        if (!m_seq.contains(event)) {
            return;
        }
        if (delta->since != m_seq.value(event)) {
            sendSubscribe(event); // a gap: ask again from what we have
            return;
        }
        m_seq[event] = delta->seq;
        Q_EMIT changes(event, delta->seq, delta->changes, delta->ga);
    } else if (const auto* error = std::get_if<protocol::ErrorMessage>(&*decoded)) {
        const QString id = QString::fromStdString(error->id.value_or(std::string()));
        if (id.startsWith(kSubscribeId)) {
            Q_EMIT failed(id.mid(kSubscribeId.size()),
                          QString::fromStdString(error->problem.detail.value_or(error->problem.title)));
        }
    }
}

void LiveFeed::setState(State state) {
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

} // namespace usher::core
