#pragma once

#include "common/protocol/auth.h"
#include "common/util/expected.h"
#include "common/util/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace usher::server::storage {

using UserId = std::int64_t;

struct UserRecord {
    UserId id = 0;
    std::string email;
    std::string name;
    protocol::Role role = protocol::Role::Customer;
    std::string passwordHash;
    bool disabled = false;
};

struct NewUser {
    std::string email;
    std::string name;
    protocol::Role role = protocol::Role::Customer;
    std::string passwordHash;
};

enum class UserError { EmailTaken };

// What the throttle knows about one key ("account:<email>" or "address:<ip>").
struct ThrottleState {
    int failures = 0;
    std::optional<Timestamp> lockedUntil;
};

struct ThrottlePolicy {
    int maxFailures = 5; // failures within the window before a lock
    std::chrono::seconds window{std::chrono::minutes(15)};
    std::chrono::seconds lockFor{std::chrono::minutes(5)};
};

class UserRepository {
public:
    virtual ~UserRepository() = default;

    virtual Expected<UserRecord, UserError> createUser(const NewUser& user) = 0;
    // Emails compare case-insensitively.
    virtual std::optional<UserRecord> findByEmail(std::string_view email) = 0;
    virtual std::optional<UserRecord> findById(UserId id) = 0;
    virtual void setPasswordHash(UserId id, std::string_view passwordHash) = 0;

    // Refresh tokens are stored by hash only.
    virtual void storeRefreshToken(std::string_view tokenHash, UserId user, Timestamp expiresAt) = 0;
    // Revokes the token and returns its user when it was valid (known, not revoked, not expired at
    // the database's now); a token can be used once.
    virtual std::optional<UserId> consumeRefreshToken(std::string_view tokenHash) = 0;

    // Login throttling, shared by every server instance through the database.
    virtual std::optional<Timestamp> lockedUntil(std::string_view key) = 0;
    virtual void recordLoginFailure(std::string_view key, const ThrottlePolicy& policy) = 0;
    virtual void clearLoginFailures(std::string_view key) = 0;
};

} // namespace usher::server::storage
