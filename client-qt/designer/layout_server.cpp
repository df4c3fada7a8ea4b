#include "client-qt/designer/layout_server.h"

#include "common/layout/layout_json.h"

#include <QCoreApplication>

namespace usher::designer {
namespace {

QString venuePath(const QString& venueId) {
    return QStringLiteral("/api/v1/admin/venues/") + QString::fromUtf8(QUrl::toPercentEncoding(venueId));
}

} // namespace

void LayoutServer::venues(std::function<void(Expected<protocol::VenueList, core::ApiError>)> done) {
    m_client.call<protocol::VenueList>("GET", QStringLiteral("/api/v1/admin/venues"), {},
                                       m_guard(std::move(done)));
}

void LayoutServer::createVenue(const protocol::VenueInput& venue,
                               std::function<void(Expected<protocol::VenueInfo, core::ApiError>)> done) {
    m_client.call<protocol::VenueInfo>("POST", QStringLiteral("/api/v1/admin/venues"),
                                       core::ApiClient::jsonOf(venue), m_guard(std::move(done)));
}

void LayoutServer::latest(const QString& venueId,
                          std::function<void(Expected<Version, core::ApiError>)> done) {
    m_client.call<protocol::LayoutVersion>(
        "GET", venuePath(venueId) + QStringLiteral("/layout"), {},
        m_guard([venueId, done = std::move(done)](Expected<protocol::LayoutVersion, core::ApiError> answer) {
            if (!answer) {
                done(unexpected(std::move(answer.error())));
                return;
            }
            auto decoded = layout::layoutFromJsonValue(answer->layout);
            if (!decoded) {
                done(unexpected(core::ApiError{
                    200,
                    {},
                    QCoreApplication::translate("usher::designer::LayoutServer",
                                                "The server sent a layout this app cannot read."),
                    {},
                    {}}));
                return;
            }
            done(Version{venueId, static_cast<int>(answer->version), std::move(decoded.value())});
        }));
}

void LayoutServer::publish(const QString& venueId, const layout::VenueLayout& layout,
                           std::optional<int> basedOn, std::function<void(PublishResult)> done) {
    const protocol::PublishLayoutRequest request{layout::toJson(layout)};
    const QByteArray ifMatch =
        basedOn ? QByteArray("\"v") + QByteArray::number(*basedOn) + '"' : QByteArray("*");
    m_client.call<protocol::LayoutVersion>(
        "POST", venuePath(venueId) + QStringLiteral("/layouts"), core::ApiClient::jsonOf(request),
        m_guard([done = std::move(done)](Expected<protocol::LayoutVersion, core::ApiError> answer) {
            PublishResult result;
            if (answer) {
                result.version = static_cast<int>(answer->version);
            } else {
                result.conflict = answer.error().is(protocol::ProblemKind::PreconditionFailed);
                result.error = answer.error().message;
            }
            done(std::move(result));
        }),
        {{QByteArrayLiteral("If-Match"), ifMatch}});
}

} // namespace usher::designer
