#include "server/security/access_tokens.h"

#include "common/json/decoder.h"
#include "common/protocol/codec.h"
#include "server/security/sodium_support.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <cstdlib>
#include <jwt.h>
#include <memory>
#include <optional>
#include <sodium.h>
#include <stdexcept>

namespace usher::server::security {

namespace {

constexpr std::string_view kAlgorithm = "HS256";
// Latest NumericDate accepted (9999-12-31T23:59:59Z): keeps seconds-to-microseconds exact.
constexpr std::int64_t kMaxNumericDate = 253402300799;

struct JwtDeleter {
    void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

// libjwt 1.10 returns malloc'ed strings (jwt_free_str came later).
struct CStringDeleter {
    void operator()(char* text) const { std::free(text); }
};
using CStringPtr = std::unique_ptr<char, CStringDeleter>;

void check(int rc, const char* what) {
    if (rc != 0) {
        throw std::runtime_error(std::string("libjwt: ") + what + " failed");
    }
}

bool isBase64UrlText(std::string_view text) {
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

// A base64url segment holding a JSON object, or nothing.
std::optional<boost::json::object> decodeObject(std::string_view segment) {
    const auto bytes = base64UrlDecode(segment);
    if (!bytes || bytes->empty()) {
        return std::nullopt;
    }
    boost::system::error_code ec;
    boost::json::value value =
        boost::json::parse(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), ec);
    if (ec || !value.is_object()) {
        return std::nullopt;
    }
    return std::move(value.as_object());
}

const boost::json::string* stringField(const boost::json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    return value != nullptr ? value->if_string() : nullptr;
}

std::optional<Timestamp> dateField(const boost::json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    const std::int64_t* seconds = value != nullptr ? value->if_int64() : nullptr;
    if (seconds == nullptr || *seconds < 0 || *seconds > kMaxNumericDate) {
        return std::nullopt;
    }
    return Timestamp(std::chrono::seconds(*seconds));
}

bool isId(std::string_view text) {
    return !text.empty() && text.size() <= json::kMaxIdLength && !json::hasControlCharacters(text);
}

} // namespace

std::string_view toString(TokenError error) {
    switch (error) {
    case TokenError::Malformed:
        return "malformed";
    case TokenError::BadSignature:
        return "bad_signature";
    case TokenError::WrongAlgorithm:
        return "wrong_algorithm";
    case TokenError::Expired:
        return "expired";
    case TokenError::WrongIssuer:
        return "wrong_issuer";
    case TokenError::UnknownRole:
        return "unknown_role";
    }
    return "unknown";
}

AccessTokenCodec::AccessTokenCodec(std::vector<unsigned char> secret, std::string issuer,
                                   std::chrono::seconds ttl)
    : m_secret(std::move(secret)), m_issuer(std::move(issuer)), m_ttl(ttl) {
    if (m_secret.size() < kMinSecretBytes) {
        throw std::invalid_argument("AccessTokenCodec: the secret must have at least 32 bytes");
    }
    if (m_issuer.empty() || m_issuer.find('\0') != std::string::npos) {
        throw std::invalid_argument("AccessTokenCodec: the issuer must be a non-empty string");
    }
    if (m_ttl <= std::chrono::seconds::zero()) {
        throw std::invalid_argument("AccessTokenCodec: the ttl must be positive");
    }
}

AccessTokenCodec::~AccessTokenCodec() {
    sodium_memzero(m_secret.data(), m_secret.size());
}

std::string AccessTokenCodec::issue(std::string userId, usher::protocol::Role role, Timestamp now) const {
    if (!isId(userId)) {
        throw std::invalid_argument("AccessTokenCodec::issue: invalid user id");
    }
    const auto issuedAt = std::chrono::floor<std::chrono::seconds>(now).time_since_epoch().count();
    const auto expiresAt = issuedAt + m_ttl.count();
    const std::string tokenId = base64UrlEncode(randomBytes(16));
    const std::string roleName(usher::protocol::toString(role));

    jwt_t* raw = nullptr;
    check(jwt_new(&raw), "jwt_new");
    const JwtPtr jwt(raw);
    check(jwt_add_grant(jwt.get(), "iss", m_issuer.c_str()), "add iss");
    check(jwt_add_grant(jwt.get(), "sub", userId.c_str()), "add sub");
    check(jwt_add_grant(jwt.get(), "role", roleName.c_str()), "add role");
    check(jwt_add_grant_int(jwt.get(), "iat", static_cast<long>(issuedAt)), "add iat");
    check(jwt_add_grant_int(jwt.get(), "exp", static_cast<long>(expiresAt)), "add exp");
    check(jwt_add_grant(jwt.get(), "jti", tokenId.c_str()), "add jti");
    check(jwt_set_alg(jwt.get(), JWT_ALG_HS256, m_secret.data(), static_cast<int>(m_secret.size())),
          "jwt_set_alg");
    const CStringPtr encoded(jwt_encode_str(jwt.get()));
    if (!encoded) {
        throw std::runtime_error("libjwt: jwt_encode_str failed");
    }
    return std::string(encoded.get());
}

Expected<AccessClaims, TokenError> AccessTokenCodec::verify(std::string_view token, Timestamp now) const {
    if (token.empty() || token.size() > usher::protocol::kMaxTokenLength) {
        return unexpected(TokenError::Malformed);
    }
    const auto firstDot = token.find('.');
    const auto secondDot = firstDot == std::string_view::npos ? firstDot : token.find('.', firstDot + 1);
    if (secondDot == std::string_view::npos || token.find('.', secondDot + 1) != std::string_view::npos) {
        return unexpected(TokenError::Malformed);
    }
    const std::string_view headerText = token.substr(0, firstDot);
    const std::string_view payloadText = token.substr(firstDot + 1, secondDot - firstDot - 1);
    const std::string_view signatureText = token.substr(secondDot + 1);
    if (!isBase64UrlText(headerText) || !isBase64UrlText(payloadText) || !isBase64UrlText(signatureText)) {
        return unexpected(TokenError::Malformed);
    }

    // The header decides how libjwt checks the signature, so it is judged before libjwt sees the
    // token: only HS256 goes further ("none" and key-confusion tricks stop here).
    const auto header = decodeObject(headerText);
    if (!header) {
        return unexpected(TokenError::Malformed);
    }
    const auto* alg = stringField(*header, "alg");
    if (alg == nullptr) {
        return unexpected(TokenError::Malformed);
    }
    if (*alg != kAlgorithm) {
        return unexpected(TokenError::WrongAlgorithm);
    }
    // Usher never sets critical extensions; a token that demands one is not Usher's.
    const auto* typ = header->if_contains("typ");
    if ((typ != nullptr && !(typ->is_string() && typ->as_string() == "JWT")) || header->contains("crit")) {
        return unexpected(TokenError::Malformed);
    }
    if (!decodeObject(payloadText)) {
        return unexpected(TokenError::Malformed);
    }
    if (signatureText.empty()) {
        return unexpected(TokenError::BadSignature);
    }

    const std::string tokenString(token);
    jwt_t* raw = nullptr;
    const int rc = jwt_decode(&raw, tokenString.c_str(), m_secret.data(), static_cast<int>(m_secret.size()));
    const JwtPtr jwt(raw);
    if (rc != 0 || !jwt) {
        return unexpected(TokenError::BadSignature);
    }
    if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256) {
        return unexpected(TokenError::WrongAlgorithm);
    }

    // Claims are read from what libjwt verified, with exact JSON types (jwt_get_grant_int cannot
    // tell a missing or string claim from 0).
    const CStringPtr grantsJson(jwt_get_grants_json(jwt.get(), nullptr));
    if (!grantsJson) {
        return unexpected(TokenError::Malformed);
    }
    boost::system::error_code ec;
    const boost::json::value grantsValue = boost::json::parse(grantsJson.get(), ec);
    if (ec || !grantsValue.is_object()) {
        return unexpected(TokenError::Malformed);
    }
    const auto& grants = grantsValue.as_object();

    const auto* issuer = stringField(grants, "iss");
    if (issuer == nullptr || *issuer != m_issuer) {
        return unexpected(TokenError::WrongIssuer);
    }
    const auto issuedAt = dateField(grants, "iat");
    const auto expiresAt = dateField(grants, "exp");
    if (!issuedAt || !expiresAt) {
        return unexpected(TokenError::Malformed);
    }
    if (*expiresAt <= now) {
        return unexpected(TokenError::Expired);
    }
    const auto* subject = stringField(grants, "sub");
    const auto* roleName = stringField(grants, "role");
    const auto* tokenId = stringField(grants, "jti");
    if (subject == nullptr || !isId(*subject) || roleName == nullptr || tokenId == nullptr ||
        !isId(*tokenId)) {
        return unexpected(TokenError::Malformed);
    }
    const auto role = usher::protocol::valueOf(usher::protocol::kRoleNames, std::string_view(*roleName));
    if (!role) {
        return unexpected(TokenError::UnknownRole);
    }
    return AccessClaims{std::string(*subject), *role, *issuedAt, *expiresAt, std::string(*tokenId)};
}

} // namespace usher::server::security
