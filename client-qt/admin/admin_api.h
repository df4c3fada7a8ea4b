#pragma once

#include "client-qt/core/answer_guard.h"
#include "client-qt/core/api_client.h"
#include "common/layout/venue_layout.h"
#include "common/protocol/admin.h"

#include <QString>

#include <functional>
#include <optional>

namespace usher::admin {

// The admin API for the desktop app's administration windows. Answers arriving after this object
// is gone (its window closed) are dropped. (docs/openapi.yaml, tag Administration). Edits
// name the revision they started from; `std::nullopt` overwrites whatever is there (If-Match: *),
// which the app offers after a 412.
class AdminApi {
public:
    explicit AdminApi(core::ApiClient& client) : m_client(client) {}

    template <typename T>
    using Callback = core::ApiClient::Callback<T>;

    void venues(Callback<protocol::VenueList> done);
    void updateVenue(const QString& id, std::optional<std::int64_t> revision,
                     const protocol::VenueInput& input, Callback<protocol::VenueInfo> done);
    // One published version of a venue's layout, decoded; nothing when it cannot be had.
    void layoutVersion(const QString& venueId, int version,
                       std::function<void(std::optional<layout::VenueLayout>)> loaded);
    void events(Callback<protocol::EventAdminList> done);
    void seatmap(const QString& eventId, Callback<protocol::SeatmapResponse> done);
    void event(const QString& id, Callback<protocol::EventAdminView> done);
    void createEvent(const protocol::EventInput& input, Callback<protocol::EventAdminView> done);
    void updateEvent(const QString& id, std::optional<std::int64_t> revision,
                     const protocol::EventInput& input, Callback<protocol::EventAdminView> done);
    void setStatus(const QString& id, std::optional<std::int64_t> revision,
                   const protocol::EventStatusRequest& request, Callback<protocol::EventStatusResponse> done);
    void blocks(const QString& eventId, Callback<protocol::BlockList> done);
    void block(const QString& eventId, const protocol::BlockRequest& request,
               Callback<protocol::BlockInfo> done);
    void releaseBlock(const QString& eventId, const QString& blockId, Callback<protocol::BlockList> done);
    void allotments(const QString& eventId, Callback<protocol::AllotmentList> done);
    void allot(const QString& eventId, const protocol::AllotmentRequest& request,
               Callback<protocol::AllotmentInfo> done);
    void releaseAllotment(const QString& eventId, const QString& allotmentId,
                          Callback<protocol::AllotmentList> done);

    void staff(Callback<protocol::StaffList> done);
    void createStaff(const protocol::StaffInput& input, Callback<protocol::StaffInfo> done);
    void updateStaff(const QString& id, const protocol::StaffInput& input,
                     Callback<protocol::StaffInfo> done);

private:
    core::ApiClient& m_client;
    core::AnswerGuard m_guard; // answers for a closed window are dropped
};

} // namespace usher::admin
