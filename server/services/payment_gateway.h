#pragma once

#include "common/money/money.h"

#include <string>
#include <string_view>
#include <variant>

namespace usher::server::services {

// What the service asks a card processor to take. `reference` is the processor's idempotency key:
// the service derives it from the user, the Idempotency-Key and the request body, so a client's
// retry with the same key reuses it, and a provider that has seen it returns the first charge
// instead of charging again (Stripe's Idempotency-Key header, Adyen's reference).
struct ChargeRequest {
    std::string reference;
    Money amount;
    std::string token; // the card token the client got from the provider
};

struct ChargeApproved {
    std::string chargeId; // the provider's id, kept on the payment row; refunds name it
};
struct ChargeDeclined {
    std::string reason;
};
// No answer in time: the charge may or may not exist. A later charge with the same reference
// settles it without charging twice.
struct ChargeTimedOut {};
using ChargeOutcome = std::variant<ChargeApproved, ChargeDeclined, ChargeTimedOut>;

struct RefundApproved {
    std::string refundId;
};
struct RefundDeclined {
    std::string reason;
};
struct RefundTimedOut {};
using RefundOutcome = std::variant<RefundApproved, RefundDeclined, RefundTimedOut>;

// The card processor behind the `test_card` tender (and whatever real provider replaces the test
// gateway). Services call it outside any database transaction, so a slow provider never holds
// inventory locks. Implementations must be thread-safe.
class PaymentGateway {
public:
    virtual ~PaymentGateway() = default;

    virtual ChargeOutcome charge(const ChargeRequest& request) = 0;
    // Gives back `amount` of a charge. Idempotent on `reference` like charge(): the same reference
    // never refunds twice.
    virtual RefundOutcome refund(std::string_view chargeId, const Money& amount,
                                 std::string_view reference) = 0;
};

} // namespace usher::server::services
