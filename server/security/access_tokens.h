#pragma once

#include "common/protocol/auth.h"
#include "common/util/expected.h"
#include "common/util/time.h"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace usher::server::security {

// What a verified access token says. JWT times are whole seconds (NumericDate), so issuedAt and
// expiresAt are whole seconds too.
struct AccessClaims {
    std::string userId;                                           // "sub"
    usher::protocol::Role role = usher::protocol::Role::Customer; // "role"
    Timestamp issuedAt;                                           // "iat"
    Timestamp expiresAt;                                          // "exp"
    std::string tokenId; // "jti": random, for logs and revocation lists

    bool operator==(const AccessClaims&) const = default;
};

enum class TokenError {
    Malformed,      // not a JWT, oversize, bad JSON, missing or mistyped claims
    BadSignature,   // not signed with this server's secret, or altered
    WrongAlgorithm, // header alg is anything but HS256 ("none", HS512, RS256, ...)
    Expired,        // exp <= now
    WrongIssuer,    // iss missing or not this deployment's issuer
    UnknownRole,    // role is a string but not one Usher knows
};
std::string_view toString(TokenError error);

// Short-lived access tokens: JWTs signed with HMAC-SHA256 under one server secret, with the
// algorithm pinned. Claims: iss, sub (user id), role, iat, exp, jti. The server holds refresh
// tokens in the database; access tokens are checked without it, hence the short lifetime.
// Time is always passed in; nothing here reads a clock.
class AccessTokenCodec {
public:
    static constexpr std::size_t kMinSecretBytes = 32;

    // Throws std::invalid_argument for a secret shorter than kMinSecretBytes, an empty issuer or
    // a ttl that is not positive.
    AccessTokenCodec(std::vector<unsigned char> secret, std::string issuer,
                     std::chrono::seconds ttl = std::chrono::minutes(15));
    AccessTokenCodec(const AccessTokenCodec&) = default;
    AccessTokenCodec& operator=(const AccessTokenCodec&) = default;
    AccessTokenCodec(AccessTokenCodec&&) = default;
    AccessTokenCodec& operator=(AccessTokenCodec&&) = default;
    ~AccessTokenCodec(); // wipes the secret

    // iat is `now` rounded down to a second, exp = iat + ttl. userId must be a non-empty id
    // without control characters (std::invalid_argument otherwise: ids come from the database).
    std::string issue(std::string userId, usher::protocol::Role role, Timestamp now) const;

    // Checks, in order: size and shape, the header's alg (before anything is trusted), the
    // signature, the alg libjwt decoded, the claims. A token is expired when exp <= now.
    Expected<AccessClaims, TokenError> verify(std::string_view token, Timestamp now) const;

    std::chrono::seconds ttl() const { return m_ttl; }
    const std::string& issuer() const { return m_issuer; }

private:
    std::vector<unsigned char> m_secret;
    std::string m_issuer;
    std::chrono::seconds m_ttl;
};

} // namespace usher::server::security
