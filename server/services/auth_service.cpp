#include "server/services/auth_service.h"

#include "common/util/text.h"
#include "server/security/random_tokens.h"

#include <algorithm>
#include <cctype>

namespace usher::server::services {

namespace {

std::optional<storage::UserId> parseUserId(std::string_view text) {
    storage::UserId id = 0;
    for (char c : text) {
        if (c < '0' || c > '9' || id > (std::numeric_limits<storage::UserId>::max() - 9) / 10) {
            return std::nullopt;
        }
        id = id * 10 + (c - '0');
    }
    return text.empty() ? std::nullopt : std::optional(id);
}

} // namespace

AuthService::AuthService(storage::UserRepository& users, const security::PasswordHasher& hasher,
                         const security::AccessTokenCodec& tokens, AuthPolicy policy, Clock clock)
    : m_users(users), m_hasher(hasher), m_tokens(tokens), m_policy(policy), m_clock(std::move(clock)) {}

std::optional<Timestamp> AuthService::lockedUntil(const std::string& accountKey,
                                                  const std::string& addressKey) {
    std::optional<Timestamp> account = m_users.lockedUntil(accountKey);
    std::optional<Timestamp> address = m_users.lockedUntil(addressKey);
    if (account && address) {
        return std::max(*account, *address);
    }
    return account ? account : address;
}

Outcome<protocol::LoginResponse> AuthService::login(const protocol::LoginRequest& request,
                                                    std::string_view address) {
    const std::string accountKey = "account:" + asciiLowercase(request.email);
    const std::string addressKey = "address:" + std::string(address);
    if (std::optional<Timestamp> until = lockedUntil(accountKey, addressKey)) {
        protocol::Problem problem = protocol::makeProblem(protocol::ProblemKind::RateLimited,
                                                          "too many failed sign-ins; try again later");
        const auto wait = std::chrono::ceil<std::chrono::seconds>(*until - m_clock());
        problem.retryAfter = std::max<std::int64_t>(1, wait.count());
        return unexpected(std::move(problem));
    }

    std::optional<storage::UserRecord> user = m_users.findByEmail(request.email);
    // An unknown email costs one hash too, so timing does not tell which accounts exist.
    const bool passwordOk =
        user ? m_hasher.verify(user->passwordHash, request.password) : m_hasher.verifyDummy(request.password);
    if (!user || !passwordOk || user->disabled) {
        m_users.recordLoginFailure(accountKey, m_policy.perAccount);
        m_users.recordLoginFailure(addressKey, m_policy.perAddress);
        return fail(protocol::ProblemKind::InvalidCredentials, "the email or the password is wrong");
    }
    m_users.clearLoginFailures(accountKey);
    if (m_hasher.needsRehash(user->passwordHash)) {
        m_users.setPasswordHash(user->id, m_hasher.hash(request.password));
    }
    return issueTokens(*user);
}

Outcome<protocol::LoginResponse> AuthService::refresh(const protocol::RefreshRequest& request) {
    std::optional<storage::UserId> userId =
        m_users.consumeRefreshToken(security::hashToken(request.refreshToken));
    std::optional<storage::UserRecord> user = userId ? m_users.findById(*userId) : std::nullopt;
    if (!user || user->disabled) {
        return fail(protocol::ProblemKind::Unauthorized, "the refresh token is spent, expired or unknown");
    }
    return issueTokens(*user);
}

Outcome<protocol::CustomerResponse> AuthService::signUp(const protocol::CreateCustomerRequest& request) {
    storage::NewUser user{request.email, request.name, protocol::Role::Customer,
                          m_hasher.hash(request.password)};
    auto created = m_users.createUser(user);
    if (!created) {
        return fail(protocol::ProblemKind::EmailTaken, "an account with this email exists");
    }
    return protocol::CustomerResponse{std::to_string(created->id), created->email, created->name};
}

Outcome<Caller> AuthService::authenticate(std::string_view accessToken) const {
    auto claims = m_tokens.verify(accessToken, m_clock());
    if (!claims) {
        return fail(protocol::ProblemKind::Unauthorized,
                    "the access token is " + std::string(security::toString(claims.error())));
    }
    std::optional<storage::UserId> id = parseUserId(claims->userId);
    if (!id) {
        return fail(protocol::ProblemKind::Unauthorized, "the access token names no user");
    }
    return Caller{*id, claims->role, claims->expiresAt};
}

storage::UserRecord AuthService::ensureUser(std::string_view email, std::string_view name,
                                            protocol::Role role, std::string_view password) {
    const std::string hash = m_hasher.hash(password);
    if (std::optional<storage::UserRecord> existing = m_users.findByEmail(email)) {
        m_users.setPasswordHash(existing->id, hash);
        existing->passwordHash = hash;
        return *existing;
    }
    auto created = m_users.createUser({std::string(email), std::string(name), role, hash});
    if (!created) {
        // Another instance created it a moment ago.
        return ensureUser(email, name, role, password);
    }
    return *created;
}

protocol::LoginResponse AuthService::issueTokens(const storage::UserRecord& user) {
    const Timestamp now = m_clock();
    std::string refreshToken = security::newRefreshToken();
    m_users.storeRefreshToken(security::hashToken(refreshToken), user.id,
                              now + m_policy.refreshTokenLifetime);
    protocol::LoginResponse response;
    response.accessToken = m_tokens.issue(std::to_string(user.id), user.role, now);
    response.refreshToken = std::move(refreshToken);
    response.expiresIn = m_tokens.ttl().count();
    response.user = {std::to_string(user.id), user.role};
    return response;
}

} // namespace usher::server::services
