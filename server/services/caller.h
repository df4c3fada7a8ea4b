#pragma once

#include "common/protocol/auth.h"
#include "common/util/time.h"
#include "server/storage/user_repository.h"

namespace usher::server::services {

// Who is asking: the verified subject and role of an access token. Services decide what a caller
// may see and do; the API layer only authenticates.
struct Caller {
    storage::UserId id = 0;
    protocol::Role role = protocol::Role::Customer;
    // When the access token expires. A request is over before that; a WebSocket session, which
    // outlives its token, checks it before each request.
    Timestamp validUntil = Timestamp::max();

    bool isStaff() const { return role == protocol::Role::Admin || role == protocol::Role::Clerk; }
    // Staff act on any hold or order; a customer only on their own.
    bool mayAccess(storage::UserId owner) const { return isStaff() || owner == id; }
};

} // namespace usher::server::services
