#include "server/security/ticket_signer.h"

#include "server/security/sodium_support.h"

#include <sodium.h>
#include <stdexcept>

namespace usher::server::security {

namespace {

static_assert(crypto_sign_PUBLICKEYBYTES == 32 && crypto_sign_SECRETKEYBYTES == 64 &&
              crypto_sign_SEEDBYTES == TicketSigner::kSeedBytes);

void appendValue(std::string& out, std::string_view value) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '%' || byte < 0x20 || byte == 0x7F) {
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0x0F]);
        } else {
            out.push_back(c);
        }
    }
}

void appendField(std::string& out, std::string_view name, std::string_view value) {
    out.push_back('\n');
    out.append(name);
    out.push_back('=');
    appendValue(out, value);
}

const unsigned char* bytesOf(const std::string& text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

} // namespace

std::string canonicalTicketPayload(const TicketFields& fields) {
    std::string out = "usher-ticket-v1";
    appendField(out, "ticket_id", fields.ticketId);
    appendField(out, "code", fields.code);
    appendField(out, "event_id", fields.eventId);
    appendField(out, "order_id", fields.orderId);
    if (fields.seat) {
        appendField(out, "seat", *fields.seat);
    }
    if (fields.gaArea) {
        appendField(out, "ga_area", *fields.gaArea);
    }
    appendField(out, "ticket_type", fields.ticketType);
    return out;
}

TicketSigner TicketSigner::fromSeed(const std::vector<unsigned char>& seed32) {
    if (seed32.size() != kSeedBytes) {
        throw std::invalid_argument("TicketSigner: the seed must have exactly 32 bytes, got " +
                                    std::to_string(seed32.size()));
    }
    ensureSodium();
    TicketSigner signer;
    crypto_sign_seed_keypair(signer.m_publicKey.data(), signer.m_secretKey.data(), seed32.data());
    return signer;
}

TicketSigner::~TicketSigner() {
    sodium_memzero(m_secretKey.data(), m_secretKey.size());
}

std::string TicketSigner::sign(const TicketFields& fields) const {
    const std::string payload = canonicalTicketPayload(fields);
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, bytesOf(payload), payload.size(), m_secretKey.data());
    return base64UrlEncode(signature);
}

std::string TicketSigner::publicKeyBase64() const {
    return base64UrlEncode(m_publicKey);
}

bool TicketSigner::verify(std::string_view publicKeyBase64, const TicketFields& fields,
                          std::string_view signature) {
    const auto publicKey = base64UrlDecode(publicKeyBase64);
    const auto signatureBytes = base64UrlDecode(signature);
    if (!publicKey || publicKey->size() != crypto_sign_PUBLICKEYBYTES || !signatureBytes ||
        signatureBytes->size() != crypto_sign_BYTES) {
        return false;
    }
    const std::string payload = canonicalTicketPayload(fields);
    return crypto_sign_verify_detached(signatureBytes->data(), bytesOf(payload), payload.size(),
                                       publicKey->data()) == 0;
}

} // namespace usher::server::security
