#include "server/services/test_payment_gateway.h"

namespace usher::server::services {

ChargeOutcome TestPaymentGateway::charge(const ChargeRequest& request) {
    std::lock_guard lock(m_mutex);
    if (const auto known = m_chargeByReference.find(request.reference); known != m_chargeByReference.end()) {
        if (m_charges.at(known->second).amount != request.amount) {
            return ChargeDeclined{"reference reused for another amount"};
        }
        return ChargeApproved{known->second};
    }
    if (request.token != kApproveToken && request.token != kTimeoutToken) {
        return ChargeDeclined{request.token == kDeclineToken ? "card declined" : "unknown card token"};
    }
    if (request.amount.amount <= 0) {
        return ChargeDeclined{"amount must be positive"};
    }
    const std::string id = "ch_test_" + std::to_string(m_charges.size() + 1);
    m_charges.emplace(id, Charge{request.amount});
    m_chargeByReference.emplace(request.reference, id);
    if (request.token == kTimeoutToken) {
        return ChargeTimedOut{};
    }
    return ChargeApproved{id};
}

RefundOutcome TestPaymentGateway::refund(std::string_view chargeId, const Money& amount,
                                         std::string_view reference) {
    std::lock_guard lock(m_mutex);
    if (const auto known = m_refundByReference.find(reference); known != m_refundByReference.end()) {
        if (known->second.chargeId != chargeId || known->second.amount != amount) {
            return RefundDeclined{"reference reused for another refund"};
        }
        return RefundApproved{known->second.id};
    }
    const auto charge = m_charges.find(chargeId);
    if (charge == m_charges.end()) {
        return RefundDeclined{"unknown charge"};
    }
    if (amount.currency != charge->second.amount.currency || amount.amount <= 0 ||
        amount.amount > charge->second.amount.amount - charge->second.refunded) {
        return RefundDeclined{"amount exceeds what is left of the charge"};
    }
    charge->second.refunded += amount.amount;
    const std::string id = "re_test_" + std::to_string(m_refundByReference.size() + 1);
    m_refundByReference.emplace(std::string(reference), Refund{id, std::string(chargeId), amount});
    return RefundApproved{id};
}

int TestPaymentGateway::chargeCount() const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_charges.size());
}

int TestPaymentGateway::refundCount() const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_refundByReference.size());
}

std::int64_t TestPaymentGateway::refundedAmount(std::string_view chargeId) const {
    std::lock_guard lock(m_mutex);
    const auto charge = m_charges.find(chargeId);
    return charge == m_charges.end() ? 0 : charge->second.refunded;
}

} // namespace usher::server::services
