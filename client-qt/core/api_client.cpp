#include "client-qt/core/api_client.h"

#include "common/protocol/problem.h"

#include <QNetworkReply>
#include <QNetworkRequest>

#include <boost/json/serialize.hpp>

namespace usher::core {

namespace {

// A request that hangs longer than this is answered as unreachable: the counter must not freeze.
constexpr int kTimeoutMs = 15000;

} // namespace

ApiError errorFromAnswer(int status, const QByteArray& body) {
    ApiError error{status, {}, {}};
    auto problem = json::decodeJson<protocol::Problem>(
        std::string_view(body.constData(), static_cast<std::size_t>(body.size())));
    if (problem) {
        error.type = QString::fromStdString(problem->type);
        error.message = QString::fromStdString(problem->detail.value_or(problem->title));
    } else {
        error.message = ApiClient::tr("The server answered %1.").arg(status);
    }
    return error;
}

ApiClient::ApiClient(QUrl server, QObject* parent) : QObject(parent), m_server(std::move(server)) {
    m_network.setTransferTimeout(kTimeoutMs);
}

void ApiClient::send(QByteArray method, const QString& path, const QByteArray& body, QList<Header> headers,
                     std::function<void(Expected<QByteArray, ApiError>)> done) {
    QUrl url = m_server;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json, application/problem+json");
    if (!m_accessToken.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    }
    for (const Header& header : headers) {
        request.setRawHeader(header.first, header.second);
    }
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!statusAttribute.isValid()) {
            done(unexpected(
                ApiError{0, {}, tr("The server cannot be reached (%1).").arg(reply->errorString())}));
            return;
        }
        const int status = statusAttribute.toInt();
        const QByteArray answer = reply->readAll();
        if (status < 200 || status >= 300) {
            done(unexpected(errorFromAnswer(status, answer)));
            return;
        }
        done(answer);
    });
}

void ApiClient::login(const QString& email, const QString& password, Callback<protocol::LoginResponse> done) {
    const protocol::LoginRequest request{email.toStdString(), password.toStdString()};
    call<protocol::LoginResponse>(
        "POST", QStringLiteral("/api/v1/auth/login"),
        QByteArray::fromStdString(boost::json::serialize(toJson(request))),
        [this, done = std::move(done)](Expected<protocol::LoginResponse, ApiError> answer) {
            if (answer) {
                m_accessToken = QString::fromStdString(answer->accessToken);
            }
            done(std::move(answer));
        });
}

void ApiClient::events(Callback<protocol::EventPage> done) {
    call<protocol::EventPage>("GET", QStringLiteral("/api/v1/events"), {}, std::move(done));
}

void ApiClient::seatmap(const QString& eventId, Callback<protocol::SeatmapResponse> done) {
    call<protocol::SeatmapResponse>("GET", QStringLiteral("/api/v1/events/%1/seatmap").arg(eventId), {},
                                    std::move(done));
}

} // namespace usher::core
