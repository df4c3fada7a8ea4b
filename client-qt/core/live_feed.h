#pragma once

#include "common/protocol/ws.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <cstdint>
#include <vector>

namespace usher::core {

// The live seat feed: one WebSocket to usher-server's /api/v1/ws, subscribed to the events the
// screen shows. It keeps each event's last `seq`; a `seats` message that does not start there (a
// gap) and every reconnect resubscribe with that seq, so the server sends exactly what was missed
// (or a fresh snapshot when its log no longer reaches back). A lost connection is retried by itself,
// 1 s after the loss and then twice as long each time up to 30 s.
class LiveFeed : public QObject {
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Online, Offline };

    explicit LiveFeed(QObject* parent = nullptr);
    ~LiveFeed() override;

    // `server` is the http(s) address of usher-server; `token` an access token.
    void open(const QUrl& server, const QString& token);
    void setAccessToken(const QString& token);
    void close();
    void subscribe(const QString& eventId);
    void unsubscribe(const QString& eventId);

    State state() const { return m_state; }
    // The last seq seen for an event, -1 before its snapshot.
    std::int64_t seq(const QString& eventId) const { return m_seq.value(eventId, -1); }
    int reconnectDelayMs() const { return m_retryDelayMs; }

Q_SIGNALS:
    void stateChanged(State state);
    // Every seat's state as of seq: replace what is shown.
    void snapshot(const QString& eventId, std::int64_t seq,
                  const std::vector<protocol::SeatStateEntry>& seats,
                  const std::vector<protocol::GaAvailability>& ga);
    // The changes after the previous seq, up to `seq`.
    void changes(const QString& eventId, std::int64_t seq, const std::vector<protocol::SeatChange>& seats,
                 const std::vector<protocol::GaAvailability>& ga);
    // An error the server sent about the feed (for example an unknown event).
    void failed(const QString& eventId, const QString& message);

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onMessage(const QString& text);
    void sendSubscribe(const QString& eventId);
    void sendJson(const protocol::ClientMessage& message);
    void setState(State state);

    QWebSocket m_socket;
    QTimer m_retry;
    QUrl m_url;
    QString m_token;
    QHash<QString, std::int64_t> m_seq; // subscribed events, -1 until their snapshot
    State m_state = State::Disconnected;
    bool m_wanted = false; // open() called and close() not
    int m_retryDelayMs = 1000;
};

} // namespace usher::core
