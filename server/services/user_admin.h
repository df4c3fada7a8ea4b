#pragma once

#include "common/protocol/admin.h"
#include "server/security/password_hasher.h"
#include "server/services/caller.h"
#include "server/services/outcome.h"
#include "server/storage/admin_repository.h"
#include "server/storage/user_repository.h"

namespace usher::server::services {

// Staff accounts (admins): create clerks and admins, rename, change roles, reset passwords and
// disable accounts. Disabling or resetting ends the account's sessions (its refresh tokens). An
// admin cannot disable or demote themself: a venue is never left without an admin by accident.
class UserAdmin {
public:
    UserAdmin(storage::UserRepository& users, storage::AdminRepository& admin,
              const security::PasswordHasher& hasher)
        : m_users(users), m_admin(admin), m_hasher(hasher) {}

    Outcome<protocol::StaffList> list(const Caller& caller);
    // 400 missing fields; 409 email-taken.
    Outcome<protocol::StaffInfo> create(const Caller& caller, const protocol::StaffInput& input);
    Outcome<protocol::StaffInfo> update(const Caller& caller, std::string_view userId,
                                        const protocol::StaffInput& input);

private:
    storage::UserRepository& m_users;
    storage::AdminRepository& m_admin;
    const security::PasswordHasher& m_hasher;
};

} // namespace usher::server::services
