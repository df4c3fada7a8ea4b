#pragma once

#include "client-qt/core/api_client.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace usher::core {

// A signed-in clerk over an evening: access tokens last 15 minutes, so the session trades its
// refresh token for a new pair (POST /api/v1/auth/refresh; refresh tokens are single-use) when four
// fifths of the access token's life have passed, and hands the new access token to the client and,
// through accessTokenChanged, to the live feed. A refused refresh (revoked, spent, expired) means
// signing in again: expired(). A failed attempt for want of the server is retried every 10 s.
class Session : public QObject {
    Q_OBJECT

public:
    Session(ApiClient& client, const protocol::LoginResponse& login, QObject* parent = nullptr);

    const protocol::UserInfo& user() const { return m_user; }
    // The current refresh token: what the credential store keeps between runs.
    const QString& refreshToken() const { return m_refreshToken; }
    // Time until the next refresh (for the status bar and tests).
    std::chrono::milliseconds untilRefresh() const {
        return std::chrono::milliseconds(m_timer.remainingTime());
    }
    void refresh();

Q_SIGNALS:
    void accessTokenChanged(const QString& token);
    void refreshTokenChanged(const QString& token);
    void expired(const QString& message);

private:
    void start(const protocol::LoginResponse& login);

    ApiClient& m_client;
    protocol::UserInfo m_user;
    QString m_refreshToken;
    QTimer m_timer;
    bool m_refreshing = false;
};

} // namespace usher::core
