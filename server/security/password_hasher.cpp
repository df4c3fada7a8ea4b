#include "server/security/password_hasher.h"

#include "server/security/sodium_support.h"

#include <sodium.h>
#include <stdexcept>

namespace usher::server::security {

namespace {

constexpr std::string_view kArgon2idPrefix = "$argon2id$";

// libsodium reads hash strings as C strings: copy into a NUL-terminated buffer, refusing embedded
// NULs and anything longer than a hash string can be.
bool toHashString(std::string_view encodedHash, std::string& out) {
    if (encodedHash.empty() || encodedHash.size() >= crypto_pwhash_STRBYTES ||
        encodedHash.find('\0') != std::string_view::npos) {
        return false;
    }
    out.assign(encodedHash);
    return true;
}

// libsodium declares its pointers non-null even for empty input; a default string_view has none.
const char* bytesOf(std::string_view text) {
    return text.data() != nullptr ? text.data() : "";
}

} // namespace

PasswordHasher::Cost PasswordHasher::interactiveCost() {
    return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::Cost PasswordHasher::fastForTestsCost() {
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

PasswordHasher PasswordHasher::interactive() {
    return PasswordHasher(interactiveCost());
}

PasswordHasher PasswordHasher::fastForTests() {
    return PasswordHasher(fastForTestsCost());
}

PasswordHasher::PasswordHasher(Cost cost) : m_cost(cost) {
    if (cost.opsLimit < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
        cost.opsLimit > crypto_pwhash_argon2id_OPSLIMIT_MAX ||
        cost.memLimit < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
        cost.memLimit > crypto_pwhash_argon2id_MEMLIMIT_MAX) {
        throw std::invalid_argument("PasswordHasher: cost outside Argon2id limits");
    }
    m_dummyHash = hash(base64UrlEncode(randomBytes(32)));
}

std::string PasswordHasher::hash(std::string_view password) const {
    ensureSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, bytesOf(password), password.size(), m_cost.opsLimit, m_cost.memLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("password hashing failed: out of memory");
    }
    return std::string(out);
}

bool PasswordHasher::verify(std::string_view encodedHash, std::string_view password) const {
    std::string stored;
    if (!toHashString(encodedHash, stored)) {
        return false;
    }
    ensureSodium();
    return crypto_pwhash_str_verify(stored.c_str(), bytesOf(password), password.size()) == 0;
}

bool PasswordHasher::needsRehash(std::string_view encodedHash) const {
    std::string stored;
    if (!toHashString(encodedHash, stored) || !encodedHash.starts_with(kArgon2idPrefix)) {
        return true;
    }
    ensureSodium();
    return crypto_pwhash_str_needs_rehash(stored.c_str(), m_cost.opsLimit, m_cost.memLimit) != 0;
}

bool PasswordHasher::verifyDummy(std::string_view password) const {
    static_cast<void>(verify(m_dummyHash, password));
    return false;
}

} // namespace usher::server::security
