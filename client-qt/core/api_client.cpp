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

bool ApiError::is(protocol::ProblemKind kind) const {
    return type == QString::fromUtf8(protocol::problemTypeUri(kind).data(),
                                     static_cast<qsizetype>(protocol::problemTypeUri(kind).size()));
}

ApiError errorFromAnswer(int status, const QByteArray& body) {
    ApiError error{status, {}, {}, {}, {}};
    auto problem = json::decodeJson<protocol::Problem>(
        std::string_view(body.constData(), static_cast<std::size_t>(body.size())));
    if (problem) {
        error.type = QString::fromStdString(problem->type);
        error.message = QString::fromStdString(problem->detail.value_or(problem->title));
        for (const std::string& seat : problem->unavailableSeats) {
            error.unavailableSeats << QString::fromStdString(seat);
        }
        for (const protocol::GaShortfall& area : problem->unavailableGa) {
            error.unavailableAreas << QString::fromStdString(area.area);
        }
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
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(path.left(query));
    if (query >= 0) {
        url.setQuery(path.mid(query + 1));
    }
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
                ApiError{0, {}, tr("The server cannot be reached (%1).").arg(reply->errorString()), {}, {}}));
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
        "POST", QStringLiteral("/api/v1/auth/login"), jsonOf(request),
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

void ApiClient::event(const QString& eventId, Callback<protocol::EventDetail> done) {
    call<protocol::EventDetail>("GET", QStringLiteral("/api/v1/events/%1").arg(eventId), {}, std::move(done));
}

void ApiClient::seatmap(const QString& eventId, Callback<protocol::SeatmapResponse> done) {
    call<protocol::SeatmapResponse>("GET", QStringLiteral("/api/v1/events/%1/seatmap").arg(eventId), {},
                                    std::move(done));
}

QByteArray ApiClient::serialized(const boost::json::value& value) {
    return QByteArray::fromStdString(boost::json::serialize(value));
}

void ApiClient::hold(const QString& eventId, const protocol::HoldRequest& request,
                     Callback<protocol::HoldResponse> done) {
    call<protocol::HoldResponse>("POST", QStringLiteral("/api/v1/events/%1/holds").arg(eventId),
                                 jsonOf(request), std::move(done));
}

void ApiClient::changeHoldSeats(const QString& holdId, const protocol::ChangeHoldSeatsRequest& request,
                                Callback<protocol::HoldResponse> done) {
    call<protocol::HoldResponse>("POST", QStringLiteral("/api/v1/holds/%1/seats").arg(holdId),
                                 jsonOf(request), std::move(done));
}

void ApiClient::releaseHold(const QString& holdId, std::function<void(Expected<QByteArray, ApiError>)> done) {
    send("DELETE", QStringLiteral("/api/v1/holds/%1").arg(holdId), {}, {}, std::move(done));
}

void ApiClient::commit(const QString& holdId, const QString& idempotencyKey,
                       const protocol::CommitRequest& request, Callback<protocol::OrderResponse> done) {
    call<protocol::OrderResponse>("POST", QStringLiteral("/api/v1/holds/%1/commit").arg(holdId),
                                  jsonOf(request), std::move(done),
                                  {{"Idempotency-Key", idempotencyKey.toUtf8()}});
}

void ApiClient::searchOrders(const QString& text, Callback<protocol::OrderSearchResult> done) {
    call<protocol::OrderSearchResult>(
        "GET", QStringLiteral("/api/v1/orders?q=%1").arg(QString::fromUtf8(QUrl::toPercentEncoding(text))),
        {}, std::move(done));
}

void ApiClient::order(const QString& orderId, Callback<protocol::OrderResponse> done) {
    call<protocol::OrderResponse>("GET", QStringLiteral("/api/v1/orders/%1").arg(orderId), {},
                                  std::move(done));
}

void ApiClient::refund(const QString& orderId, const QString& idempotencyKey,
                       const protocol::RefundRequest& request, Callback<protocol::RefundResponse> done) {
    call<protocol::RefundResponse>("POST", QStringLiteral("/api/v1/orders/%1/refunds").arg(orderId),
                                   jsonOf(request), std::move(done),
                                   {{"Idempotency-Key", idempotencyKey.toUtf8()}});
}

void ApiClient::reissueTicket(const QString& ticketId, Callback<protocol::Ticket> done) {
    call<protocol::Ticket>("POST", QStringLiteral("/api/v1/tickets/%1/reissue").arg(ticketId), {},
                           std::move(done));
}

void ApiClient::currentShift(const QString& device, Callback<protocol::ShiftReport> done) {
    call<protocol::ShiftReport>("GET",
                                QStringLiteral("/api/v1/shifts/current?device=%1")
                                    .arg(QString::fromUtf8(QUrl::toPercentEncoding(device))),
                                {}, std::move(done));
}

void ApiClient::openShift(const protocol::OpenShiftRequest& request, Callback<protocol::ShiftReport> done) {
    call<protocol::ShiftReport>("POST", QStringLiteral("/api/v1/shifts"), jsonOf(request), std::move(done));
}

void ApiClient::shiftReport(const QString& shiftId, Callback<protocol::ShiftReport> done) {
    call<protocol::ShiftReport>("GET", QStringLiteral("/api/v1/shifts/%1").arg(shiftId), {}, std::move(done));
}

void ApiClient::closeShift(const QString& shiftId, const protocol::CloseShiftRequest& request,
                           Callback<protocol::ShiftReport> done) {
    call<protocol::ShiftReport>("POST", QStringLiteral("/api/v1/shifts/%1/close").arg(shiftId),
                                jsonOf(request), std::move(done));
}

} // namespace usher::core
