#pragma once

#include "client-qt/core/answer_guard.h"
#include "client-qt/core/api_client.h"
#include "common/layout/venue_layout.h"
#include "common/protocol/admin.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace usher::designer {

// The designer's side of the admin API: venues, and a venue's layout versions. A layout is
// published whole as the venue's next version, naming the version the edit started from
// (If-Match "v<version>", "v0" for a venue without one); when someone published meanwhile the
// server answers 412 and the caller decides: reload that version, or overwrite it (If-Match: *).
class LayoutServer {
public:
    explicit LayoutServer(core::ApiClient& client) : m_client(client) {}

    struct Version {
        QString venueId;
        int version = 0;
        layout::VenueLayout layout;
    };
    struct PublishResult {
        std::optional<int> version; // published as this version
        bool conflict = false;      // someone published meanwhile (412)
        QString error;              // why not, in words for the admin
    };

    void venues(std::function<void(Expected<protocol::VenueList, core::ApiError>)> done);
    void createVenue(const protocol::VenueInput& venue,
                     std::function<void(Expected<protocol::VenueInfo, core::ApiError>)> done);
    // The latest version; an error when the venue has none.
    void latest(const QString& venueId, std::function<void(Expected<Version, core::ApiError>)> done);
    // `basedOn`: the version the edit started from (0: none), or nullopt to overwrite the latest.
    void publish(const QString& venueId, const layout::VenueLayout& layout, std::optional<int> basedOn,
                 std::function<void(PublishResult)> done);

private:
    core::ApiClient& m_client;
    core::AnswerGuard m_guard; // the designer window may close before an answer arrives
};

} // namespace usher::designer
