#include "server/security/sodium_support.h"

#include <mutex>
#include <sodium.h>
#include <stdexcept>

namespace usher::server::security {

namespace {

std::string encode(std::span<const unsigned char> bytes, int variant) {
    std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), variant);
    out.resize(out.size() - 1); // the terminating NUL libsodium writes
    return out;
}

std::optional<std::vector<unsigned char>> decode(std::string_view text, int variant, const char* ignore) {
    ensureSodium();
    if (text.empty()) {
        return std::vector<unsigned char>(); // libsodium's arguments must not be null
    }
    // Base64 never expands data, so the text length bounds the decoded length.
    std::vector<unsigned char> out(text.size());
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), ignore, &length, &end, variant) !=
            0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    out.resize(length);
    return out;
}

} // namespace

void ensureSodium() {
    static std::once_flag once;
    static bool ready = false;
    std::call_once(once, [] { ready = sodium_init() >= 0; });
    if (!ready) {
        throw std::runtime_error("libsodium failed to initialise");
    }
}

std::string base64UrlEncode(std::span<const unsigned char> bytes) {
    return encode(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::optional<std::vector<unsigned char>> base64UrlDecode(std::string_view text) {
    return decode(text, sodium_base64_VARIANT_URLSAFE_NO_PADDING, nullptr);
}

std::string base64Encode(std::span<const unsigned char> bytes) {
    return encode(bytes, sodium_base64_VARIANT_ORIGINAL);
}

std::optional<std::vector<unsigned char>> base64Decode(std::string_view text) {
    return decode(text, sodium_base64_VARIANT_ORIGINAL, " \t\r\n");
}

std::vector<unsigned char> randomBytes(std::size_t count) {
    ensureSodium();
    std::vector<unsigned char> out(count);
    randombytes_buf(out.data(), out.size());
    return out;
}

} // namespace usher::server::security
