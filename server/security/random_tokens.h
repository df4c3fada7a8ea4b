#pragma once

#include <string>
#include <string_view>

namespace usher::server::security {

// A new refresh token: 32 random bytes as base64url without padding (43 characters). Only its
// hash is stored, so a database leak does not hand out sessions.
std::string newRefreshToken();

// SHA-256 of a token as 64 lowercase hex digits: what the database stores and looks up.
std::string hashToken(std::string_view token);

// Crockford base32: digits and capitals without I, L, O and U, so codes survive being read
// aloud, typed and scanned.
inline constexpr std::string_view kTicketCodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr std::size_t kTicketCodeLength = 26;

// 128 random bits as 26 Crockford base32 characters, most significant first. 26 characters carry
// 130 bits, so the first character is always 0-7.
std::string newTicketCode();

// True for exactly what newTicketCode() can produce: 26 characters of the alphabet (uppercase),
// the first one 0-7.
bool isTicketCodeShaped(std::string_view code);

// A random (version 4) UUID in its 36-character lowercase form: ids of holds, orders, tickets and
// refunds, made by the server so that a retried request can name them before they are stored.
std::string newUuid();

} // namespace usher::server::security
