#pragma once

#include "common/protocol/auth.h"
#include "server/security/access_tokens.h"
#include "server/security/password_hasher.h"
#include "server/services/caller.h"
#include "server/services/clock.h"
#include "server/services/outcome.h"
#include "server/storage/user_repository.h"

#include <string_view>

namespace usher::server::services {

struct AuthPolicy {
    // Guessing one account's password: a few tries, then a pause.
    storage::ThrottlePolicy perAccount{5, std::chrono::minutes(15), std::chrono::minutes(5)};
    // One address trying many accounts: more room (a venue's staff share one NAT address).
    storage::ThrottlePolicy perAddress{30, std::chrono::minutes(15), std::chrono::minutes(5)};
    std::chrono::seconds refreshTokenLifetime{std::chrono::hours(24 * 30)};
};

// Sign-in, token refresh, customer sign-up and access-token checks.
class AuthService {
public:
    AuthService(storage::UserRepository& users, const security::PasswordHasher& hasher,
                const security::AccessTokenCodec& tokens, AuthPolicy policy = {}, Clock clock = systemNow);

    // 401 invalid-credentials for a wrong email or password (the same answer and about the same
    // time for both), 429 with retry_after while the account or the address is locked.
    Outcome<protocol::LoginResponse> login(const protocol::LoginRequest& request, std::string_view address);
    // Rotates: the refresh token is spent and a new pair is issued. 401 for a spent, expired or
    // unknown token.
    Outcome<protocol::LoginResponse> refresh(const protocol::RefreshRequest& request);
    // 409 email-taken; the request was validated by its decoder (password policy, email shape).
    Outcome<protocol::CustomerResponse> signUp(const protocol::CreateCustomerRequest& request);
    // 401 for a missing, malformed, forged or expired token.
    Outcome<Caller> authenticate(std::string_view accessToken) const;

    // Creates or resets an account with a role (demo data, first admin). Not reachable over the API.
    storage::UserRecord ensureUser(std::string_view email, std::string_view name, protocol::Role role,
                                   std::string_view password);

private:
    protocol::LoginResponse issueTokens(const storage::UserRecord& user);
    std::optional<Timestamp> lockedUntil(const std::string& accountKey, const std::string& addressKey);

    storage::UserRepository& m_users;
    const security::PasswordHasher& m_hasher;
    const security::AccessTokenCodec& m_tokens;
    AuthPolicy m_policy;
    Clock m_clock;
};

} // namespace usher::server::services
