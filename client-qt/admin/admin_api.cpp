#include "client-qt/admin/admin_api.h"

#include "common/layout/layout_json.h"

namespace usher::admin {
namespace {

const QString kEvents = QStringLiteral("/api/v1/admin/events");
const QString kVenues = QStringLiteral("/api/v1/admin/venues");
const QString kUsers = QStringLiteral("/api/v1/admin/users");

QString encoded(const QString& id) {
    return QString::fromUtf8(QUrl::toPercentEncoding(id));
}

QList<core::ApiClient::Header> ifMatch(std::optional<std::int64_t> revision) {
    return {{QByteArrayLiteral("If-Match"),
             revision ? QByteArray("\"r") + QByteArray::number(*revision) + '"' : QByteArray("*")}};
}

} // namespace

void AdminApi::venues(Callback<protocol::VenueList> done) {
    m_client.call<protocol::VenueList>("GET", kVenues, {}, m_guard(std::move(done)));
}

void AdminApi::updateVenue(const QString& id, std::optional<std::int64_t> revision,
                           const protocol::VenueInput& input, Callback<protocol::VenueInfo> done) {
    m_client.call<protocol::VenueInfo>("PATCH", kVenues + QLatin1Char('/') + encoded(id),
                                       core::ApiClient::jsonOf(input), m_guard(std::move(done)),
                                       ifMatch(revision));
}

void AdminApi::layoutVersion(const QString& venueId, int version,
                             std::function<void(std::optional<layout::VenueLayout>)> loaded) {
    m_client.call<protocol::LayoutVersion>(
        "GET",
        kVenues + QLatin1Char('/') + encoded(venueId) + QStringLiteral("/layouts/") +
            QString::number(version),
        {}, [loaded = std::move(loaded)](Expected<protocol::LayoutVersion, core::ApiError> answer) {
            if (!answer) {
                loaded(std::nullopt);
                return;
            }
            auto decoded = layout::layoutFromJsonValue(answer->layout);
            loaded(decoded ? std::optional(std::move(decoded.value())) : std::nullopt);
        });
}

void AdminApi::seatmap(const QString& eventId, Callback<protocol::SeatmapResponse> done) {
    m_client.seatmap(eventId, m_guard(std::move(done)));
}

void AdminApi::events(Callback<protocol::EventAdminList> done) {
    m_client.call<protocol::EventAdminList>("GET", kEvents, {}, m_guard(std::move(done)));
}

void AdminApi::event(const QString& id, Callback<protocol::EventAdminView> done) {
    m_client.call<protocol::EventAdminView>("GET", kEvents + QLatin1Char('/') + encoded(id), {},
                                            m_guard(std::move(done)));
}

void AdminApi::createEvent(const protocol::EventInput& input, Callback<protocol::EventAdminView> done) {
    m_client.call<protocol::EventAdminView>("POST", kEvents, core::ApiClient::jsonOf(input),
                                            m_guard(std::move(done)));
}

void AdminApi::updateEvent(const QString& id, std::optional<std::int64_t> revision,
                           const protocol::EventInput& input, Callback<protocol::EventAdminView> done) {
    m_client.call<protocol::EventAdminView>("PATCH", kEvents + QLatin1Char('/') + encoded(id),
                                            core::ApiClient::jsonOf(input), m_guard(std::move(done)),
                                            ifMatch(revision));
}

void AdminApi::setStatus(const QString& id, std::optional<std::int64_t> revision,
                         const protocol::EventStatusRequest& request,
                         Callback<protocol::EventStatusResponse> done) {
    m_client.call<protocol::EventStatusResponse>(
        "POST", kEvents + QLatin1Char('/') + encoded(id) + QStringLiteral("/status"),
        core::ApiClient::jsonOf(request), m_guard(std::move(done)), ifMatch(revision));
}

void AdminApi::blocks(const QString& eventId, Callback<protocol::BlockList> done) {
    m_client.call<protocol::BlockList>(
        "GET", kEvents + QLatin1Char('/') + encoded(eventId) + QStringLiteral("/blocks"), {},
        m_guard(std::move(done)));
}

void AdminApi::block(const QString& eventId, const protocol::BlockRequest& request,
                     Callback<protocol::BlockInfo> done) {
    m_client.call<protocol::BlockInfo>(
        "POST", kEvents + QLatin1Char('/') + encoded(eventId) + QStringLiteral("/blocks"),
        core::ApiClient::jsonOf(request), m_guard(std::move(done)));
}

void AdminApi::releaseBlock(const QString& eventId, const QString& blockId,
                            Callback<protocol::BlockList> done) {
    m_client.call<protocol::BlockList>("DELETE",
                                       kEvents + QLatin1Char('/') + encoded(eventId) +
                                           QStringLiteral("/blocks/") + encoded(blockId),
                                       {}, m_guard(std::move(done)));
}

void AdminApi::allotments(const QString& eventId, Callback<protocol::AllotmentList> done) {
    m_client.call<protocol::AllotmentList>(
        "GET", kEvents + QLatin1Char('/') + encoded(eventId) + QStringLiteral("/allotments"), {},
        m_guard(std::move(done)));
}

void AdminApi::allot(const QString& eventId, const protocol::AllotmentRequest& request,
                     Callback<protocol::AllotmentInfo> done) {
    m_client.call<protocol::AllotmentInfo>(
        "POST", kEvents + QLatin1Char('/') + encoded(eventId) + QStringLiteral("/allotments"),
        core::ApiClient::jsonOf(request), m_guard(std::move(done)));
}

void AdminApi::releaseAllotment(const QString& eventId, const QString& allotmentId,
                                Callback<protocol::AllotmentList> done) {
    m_client.call<protocol::AllotmentList>("DELETE",
                                           kEvents + QLatin1Char('/') + encoded(eventId) +
                                               QStringLiteral("/allotments/") + encoded(allotmentId),
                                           {}, m_guard(std::move(done)));
}

void AdminApi::staff(Callback<protocol::StaffList> done) {
    m_client.call<protocol::StaffList>("GET", kUsers, {}, m_guard(std::move(done)));
}

void AdminApi::createStaff(const protocol::StaffInput& input, Callback<protocol::StaffInfo> done) {
    m_client.call<protocol::StaffInfo>("POST", kUsers, core::ApiClient::jsonOf(input),
                                       m_guard(std::move(done)));
}

void AdminApi::updateStaff(const QString& id, const protocol::StaffInput& input,
                           Callback<protocol::StaffInfo> done) {
    m_client.call<protocol::StaffInfo>("PATCH", kUsers + QLatin1Char('/') + encoded(id),
                                       core::ApiClient::jsonOf(input), m_guard(std::move(done)));
}

} // namespace usher::admin
