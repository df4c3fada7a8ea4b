#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace usher::server::security {

// What a ticket's signature covers: enough for an offline scanner to admit the right person to the
// right event at the right seat without asking the server.
struct TicketFields {
    std::string ticketId;
    std::string code;
    std::string eventId;
    std::string orderId;
    std::optional<std::string> seat;
    std::optional<std::string> gaArea;
    std::string ticketType;

    bool operator==(const TicketFields&) const = default;
};

// The exact bytes that are signed (version 1):
//
//   usher-ticket-v1\nticket_id=<v>\ncode=<v>\nevent_id=<v>\norder_id=<v>[\nseat=<v>][\nga_area=<v>]\nticket_type=<v>
//
// Lines joined by '\n', no trailing newline, always in this order. An absent optional field has no
// line; a present one has its line even when empty. Values are written as they are except that
// '%', and every control byte (0x00-0x1F, 0x7F, so '\n' and '\r' too) become %XX with uppercase hex.
// Usher ids never hold control characters, so in practice the payload is the plain values; the
// escaping makes the encoding injective whatever the input (different fields, different bytes).
std::string canonicalTicketPayload(const TicketFields& fields);

// Ed25519 signatures over canonicalTicketPayload(). The server signs with a key derived from a
// 32-byte seed (kept with loadOrCreateSecretFile); scanners verify with the public key alone.
// Signatures and public keys are base64url without padding (86 and 43 characters).
class TicketSigner {
public:
    static constexpr std::size_t kSeedBytes = 32;

    // Deterministic: the same seed gives the same keys and signatures. Throws std::invalid_argument
    // unless the seed has exactly 32 bytes.
    static TicketSigner fromSeed(const std::vector<unsigned char>& seed32);

    TicketSigner(const TicketSigner&) = default;
    TicketSigner& operator=(const TicketSigner&) = default;
    TicketSigner(TicketSigner&&) = default;
    TicketSigner& operator=(TicketSigner&&) = default;
    ~TicketSigner(); // wipes the secret key

    std::string sign(const TicketFields& fields) const;
    std::string publicKeyBase64() const;

    // False for a bad signature, a public key or signature that does not decode to the right size,
    // or fields that differ from those signed in any byte.
    static bool verify(std::string_view publicKeyBase64, const TicketFields& fields,
                       std::string_view signature);

private:
    TicketSigner() = default;

    std::array<unsigned char, 32> m_publicKey{};
    std::array<unsigned char, 64> m_secretKey{};
};

} // namespace usher::server::security
