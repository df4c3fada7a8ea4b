#include "client-qt/core/session.h"

#include <boost/json/serialize.hpp>

#include <algorithm>

namespace usher::core {

namespace {

constexpr std::chrono::seconds kRetryAfterFailure{10};
constexpr std::chrono::seconds kShortestDelay{5};

} // namespace

Session::Session(ApiClient& client, const protocol::LoginResponse& login, QObject* parent)
    : QObject(parent), m_client(client) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Session::refresh);
    start(login);
}

void Session::start(const protocol::LoginResponse& login) {
    m_user = login.user;
    m_refreshToken = QString::fromStdString(login.refreshToken);
    m_client.setAccessToken(QString::fromStdString(login.accessToken));
    const auto life = std::chrono::seconds(login.expiresIn);
    m_timer.start(std::max<std::chrono::milliseconds>(kShortestDelay, life * 4 / 5));
}

void Session::refresh() {
    if (m_refreshing) {
        return;
    }
    m_refreshing = true;
    m_timer.stop();
    const protocol::RefreshRequest request{m_refreshToken.toStdString()};
    m_client.call<protocol::LoginResponse>("POST", QStringLiteral("/api/v1/auth/refresh"),
                                           QByteArray::fromStdString(boost::json::serialize(toJson(request))),
                                           [this](Expected<protocol::LoginResponse, ApiError> answer) {
                                               m_refreshing = false;
                                               if (answer) {
                                                   start(*answer);
                                                   Q_EMIT accessTokenChanged(m_client.accessToken());
                                                   Q_EMIT refreshTokenChanged(m_refreshToken);
                                               } else if (answer.error().unreachable() ||
                                                          answer.error().status >= 500) {
                                                   m_timer.start(kRetryAfterFailure);
                                               } else {
                                                   Q_EMIT expired(answer.error().message);
                                               }
                                           });
}

} // namespace usher::core
