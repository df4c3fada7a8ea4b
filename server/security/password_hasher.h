#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace usher::server::security {

// Argon2id password hashes in libsodium's self-describing string form
// ("$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>"), so the cost travels with each hash and can be
// raised later: needsRehash() tells the login path to store a fresh hash after a successful check.
class PasswordHasher {
public:
    struct Cost {
        unsigned long long opsLimit = 0;
        std::size_t memLimit = 0; // bytes

        bool operator==(const Cost&) const = default;
    };

    // The production cost (libsodium's INTERACTIVE: 2 passes over 64 MiB).
    static Cost interactiveCost();
    // Argon2id's minimum (1 pass over 8 KiB): for tests and demo seeding only.
    static Cost fastForTestsCost();
    static PasswordHasher interactive();
    static PasswordHasher fastForTests();

    // Throws std::invalid_argument when the cost is outside Argon2id's limits. Computes the dummy
    // hash, so construction costs one hash.
    explicit PasswordHasher(Cost cost);

    Cost cost() const { return m_cost; }

    // A new hash with a fresh random salt. Throws std::runtime_error only when the memory for the
    // cost cannot be allocated.
    std::string hash(std::string_view password) const;

    // False for a wrong password and for anything that is not a libsodium Argon2 hash string;
    // never throws.
    bool verify(std::string_view encodedHash, std::string_view password) const;

    // True when the hash is not Argon2id at this hasher's cost (older cost, Argon2i, malformed).
    bool needsRehash(std::string_view encodedHash) const;

    // A hash of a random password at this hasher's cost, made once at construction. A login for an
    // unknown email verifies against it, so "no such user" takes as long as "wrong password" and
    // response times do not reveal which emails have accounts.
    const std::string& dummyHash() const { return m_dummyHash; }

    // verify() against dummyHash(); always false. Call it when the user was not found.
    bool verifyDummy(std::string_view password) const;

private:
    Cost m_cost;
    std::string m_dummyHash;
};

} // namespace usher::server::security
