#pragma once

#include "server/services/payment_gateway.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace usher::server::services {

// The built-in gateway for the `test_card` tender, in memory. Tokens:
//   tok_visa      approved
//   tok_declined  declined (the service answers 402 and keeps the hold)
//   tok_timeout   the first charge for a reference is made but reported as timed out, as when the
//                 provider's answer is lost; a retry with the same reference gets that charge
// Any other token is declined. Charges and refunds are idempotent on their reference; a reference
// reused for another amount is declined, as real providers do.
class TestPaymentGateway final : public PaymentGateway {
public:
    static constexpr std::string_view kApproveToken = "tok_visa";
    static constexpr std::string_view kDeclineToken = "tok_declined";
    static constexpr std::string_view kTimeoutToken = "tok_timeout";

    ChargeOutcome charge(const ChargeRequest& request) override;
    RefundOutcome refund(std::string_view chargeId, const Money& amount, std::string_view reference) override;

    // Distinct charges made (a timed-out one included): a retry that reuses a charge adds none.
    int chargeCount() const;
    // Distinct refunds made, and the amount given back on one charge so far.
    int refundCount() const;
    std::int64_t refundedAmount(std::string_view chargeId) const;

private:
    struct Charge {
        Money amount;
        std::int64_t refunded = 0;
    };
    struct Refund {
        std::string id;
        std::string chargeId;
        Money amount;
    };

    mutable std::mutex m_mutex;
    std::map<std::string, std::string, std::less<>> m_chargeByReference;
    std::map<std::string, Charge, std::less<>> m_charges;
    std::map<std::string, Refund, std::less<>> m_refundByReference;
};

} // namespace usher::server::services
