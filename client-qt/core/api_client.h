#pragma once

#include "common/json/decoder.h"
#include "common/protocol/auth.h"
#include "common/protocol/events.h"
#include "common/protocol/holds.h"
#include "common/protocol/orders.h"
#include "common/protocol/problem.h"
#include "common/protocol/shifts.h"
#include "common/util/expected.h"

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <string_view>

namespace usher::core {

// Why a request failed, in words a clerk can act on: the server's problem (its detail, else its
// title), or what went wrong on the way (no connection, timeout, an answer that is not ours).
struct ApiError {
    int status = 0; // HTTP status; 0 when the server was not reached
    QString type;   // the problem's stable type URI, when there is one
    QString message;
    QStringList unavailableSeats; // seats-unavailable: the seats that were not free
    QStringList unavailableAreas; // seats-unavailable: the standing areas without enough places

    bool is(protocol::ProblemKind kind) const;

    bool unreachable() const { return status == 0; }
};

// The REST side of usher-server (docs/openapi.yaml), asynchronous on the caller's thread. Bodies
// are the protocol types of common/, decoded strictly; a token set with setAccessToken goes with
// every request.
class ApiClient : public QObject {
    Q_OBJECT

public:
    using Header = QPair<QByteArray, QByteArray>;
    template <typename T>
    using Callback = std::function<void(Expected<T, ApiError>)>;

    explicit ApiClient(QUrl server, QObject* parent = nullptr);

    QUrl server() const { return m_server; }
    void setAccessToken(QString token) { m_accessToken = std::move(token); }
    QString accessToken() const { return m_accessToken; }

    void login(const QString& email, const QString& password, Callback<protocol::LoginResponse> done);
    void events(Callback<protocol::EventPage> done);
    void event(const QString& eventId, Callback<protocol::EventDetail> done);
    void seatmap(const QString& eventId, Callback<protocol::SeatmapResponse> done);

    // The sale: a hold that grows and shrinks with the clerk's picks, then one commit.
    void hold(const QString& eventId, const protocol::HoldRequest& request,
              Callback<protocol::HoldResponse> done);
    void changeHoldSeats(const QString& holdId, const protocol::ChangeHoldSeatsRequest& request,
                         Callback<protocol::HoldResponse> done);
    void releaseHold(const QString& holdId, std::function<void(Expected<QByteArray, ApiError>)> done);
    void commit(const QString& holdId, const QString& idempotencyKey, const protocol::CommitRequest& request,
                Callback<protocol::OrderResponse> done);

    // After the sale.
    void searchOrders(const QString& text, Callback<protocol::OrderSearchResult> done);
    void order(const QString& orderId, Callback<protocol::OrderResponse> done);
    void refund(const QString& orderId, const QString& idempotencyKey, const protocol::RefundRequest& request,
                Callback<protocol::RefundResponse> done);
    void reissueTicket(const QString& ticketId, Callback<protocol::Ticket> done);

    // Shifts.
    void currentShift(const QString& device, Callback<protocol::ShiftReport> done);
    void openShift(const protocol::OpenShiftRequest& request, Callback<protocol::ShiftReport> done);
    void shiftReport(const QString& shiftId, Callback<protocol::ShiftReport> done);
    void closeShift(const QString& shiftId, const protocol::CloseShiftRequest& request,
                    Callback<protocol::ShiftReport> done);

    // Any call: `T` is the protocol type of the 2xx answer's body.
    template <typename T>
    void call(QByteArray method, const QString& path, const QByteArray& body, Callback<T> done,
              QList<Header> headers = {}) {
        send(std::move(method), path, body, std::move(headers),
             [done = std::move(done)](Expected<QByteArray, ApiError> answer) {
                 if (!answer) {
                     done(unexpected(std::move(answer.error())));
                     return;
                 }
                 auto decoded = json::decodeJson<T>(
                     std::string_view(answer->constData(), static_cast<std::size_t>(answer->size())));
                 if (!decoded) {
                     done(unexpected(
                         ApiError{200, {}, tr("The server sent an answer this app cannot read."), {}, {}}));
                     return;
                 }
                 done(std::move(*decoded));
             });
    }

    // A protocol request body as JSON.
    template <typename T>
    static QByteArray jsonOf(const T& body) {
        return serialized(toJson(body));
    }
    static QByteArray serialized(const boost::json::value& value);

    // The raw answer body of a 2xx. `path` may carry a query ("...?device=Counter%201").
    void send(QByteArray method, const QString& path, const QByteArray& body, QList<Header> headers,
              std::function<void(Expected<QByteArray, ApiError>)> done);

private:
    QUrl m_server;
    QString m_accessToken;
    QNetworkAccessManager m_network;
};

// The readable error of a non-2xx answer: problem+json when the body is one.
ApiError errorFromAnswer(int status, const QByteArray& body);

} // namespace usher::core
