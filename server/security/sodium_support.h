#pragma once

// Helpers shared by the security components: libsodium's one-time initialisation and the base64
// flavours Usher uses. Internal to server/security; other layers use the components.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace usher::server::security {

// Initialises libsodium once per process (thread-safe). Every function in this layer that calls
// libsodium calls this first; throws std::runtime_error if libsodium cannot start (no entropy).
void ensureSodium();

// URL-safe base64 without padding (RFC 4648 section 5): tokens, signatures, public keys.
std::string base64UrlEncode(std::span<const unsigned char> bytes);
// Strict: no padding, no whitespace, no characters outside the URL-safe alphabet.
std::optional<std::vector<unsigned char>> base64UrlDecode(std::string_view text);

// Standard padded base64 (RFC 4648 section 4), the format of `openssl rand -base64`.
std::string base64Encode(std::span<const unsigned char> bytes);
// Ignores spaces, tabs and line breaks anywhere (openssl wraps long output at 64 columns).
std::optional<std::vector<unsigned char>> base64Decode(std::string_view text);

std::vector<unsigned char> randomBytes(std::size_t count);

} // namespace usher::server::security
