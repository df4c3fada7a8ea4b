#include "server/security/random_tokens.h"

#include "server/security/sodium_support.h"

#include <array>
#include <sodium.h>

namespace usher::server::security {

namespace {

constexpr std::size_t kRefreshTokenBytes = 32;
constexpr std::size_t kTicketCodeBytes = 16;
// Leading zero bits that pad 128 bits up to 26 * 5 = 130.
constexpr std::size_t kTicketCodePadBits = kTicketCodeLength * 5 - kTicketCodeBytes * 8;

} // namespace

std::string newRefreshToken() {
    return base64UrlEncode(randomBytes(kRefreshTokenBytes));
}

std::string hashToken(std::string_view token) {
    ensureSodium();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), hex.size() - 1);
}

std::string newTicketCode() {
    const auto bits = randomBytes(kTicketCodeBytes);
    auto bitAt = [&bits](std::size_t position) -> unsigned {
        if (position < kTicketCodePadBits) {
            return 0;
        }
        position -= kTicketCodePadBits;
        return (static_cast<unsigned>(bits[position / 8]) >> (7 - position % 8)) & 1U;
    };
    std::string code;
    code.reserve(kTicketCodeLength);
    for (std::size_t i = 0; i < kTicketCodeLength; ++i) {
        unsigned digit = 0;
        for (std::size_t b = 0; b < 5; ++b) {
            digit = (digit << 1) | bitAt(i * 5 + b);
        }
        code.push_back(kTicketCodeAlphabet[digit]);
    }
    return code;
}

bool isTicketCodeShaped(std::string_view code) {
    if (code.size() != kTicketCodeLength || code.front() < '0' || code.front() > '7') {
        return false;
    }
    for (const char c : code) {
        if (kTicketCodeAlphabet.find(c) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

std::string newUuid() {
    auto bytes = randomBytes(16);
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0FU) | 0x40U); // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3FU) | 0x80U); // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out.push_back('-');
        }
        out.push_back(kHex[bytes[i] >> 4U]);
        out.push_back(kHex[bytes[i] & 0x0FU]);
    }
    return out;
}

} // namespace usher::server::security
