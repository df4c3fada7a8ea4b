#pragma once

#include "common/protocol/admin.h"
#include "server/services/caller.h"
#include "server/services/outcome.h"
#include "server/storage/admin_repository.h"

#include <optional>
#include <string>

namespace usher::server::services {

// A reply with the entity tag that names its content.
template <typename T>
struct Tagged {
    T body;
    std::string etag;
};

// Venues and their layout versions (admins). A venue's layout is published whole: each
// publication is the next version, checked by common/layout's validation, and events pin one.
class VenueAdmin {
public:
    explicit VenueAdmin(storage::AdminRepository& admin) : m_admin(admin) {}

    Outcome<protocol::VenueList> list(const Caller& caller);
    Outcome<Tagged<protocol::VenueInfo>> venue(const Caller& caller, const std::string& id);
    // 400 missing or bad fields; 409 already-exists.
    Outcome<Tagged<protocol::VenueInfo>> create(const Caller& caller, const protocol::VenueInput& input);
    // 412/428 by If-Match (the venue's ETag).
    Outcome<Tagged<protocol::VenueInfo>> update(const Caller& caller, const std::string& id,
                                                const std::optional<std::string>& ifMatch,
                                                const protocol::VenueInput& input);
    // The latest version (404 before the first), or `version`.
    Outcome<Tagged<protocol::LayoutVersion>> layout(const Caller& caller, const std::string& venueId,
                                                    std::optional<int> version = std::nullopt);
    // The next version. If-Match names the version the edit started from ("v0" or * for a venue
    // without one); 400 with every validation problem of the layout (paths under "layout").
    Outcome<Tagged<protocol::LayoutVersion>> publish(const Caller& caller, const std::string& venueId,
                                                     const std::optional<std::string>& ifMatch,
                                                     const protocol::PublishLayoutRequest& request);

private:
    storage::AdminRepository& m_admin;
};

} // namespace usher::server::services
