#include "common/pricing/tenders.h"

namespace usher {

using protocol::PaymentMethod;

Expected<TenderPlan, json::DecodeErrors> planTenders(const std::vector<protocol::Payment>& payments,
                                                     const Money& total) {
    const std::string currency(total.currency.code());
    const bool split = payments.size() > 1;
    auto pathOf = [&](std::size_t i, std::string_view member) {
        return (split ? "payments[" + std::to_string(i) + "]" : std::string("payment")) + "." +
               std::string(member);
    };
    json::DecodeErrors errors;
    std::int64_t cards = 0;
    bool cash = false;
    bool online = false;
    for (std::size_t i = 0; i < payments.size(); ++i) {
        const PaymentMethod method = protocol::methodOf(payments[i]);
        if (const auto* card = std::get_if<protocol::CardPresentPayment>(&payments[i])) {
            if (!card->amount && split) {
                errors.push_back({pathOf(i, "amount"), "required in a split tender"});
            } else if (card->amount && card->amount->currency != total.currency) {
                errors.push_back({pathOf(i, "amount"), "must be in " + currency});
            } else {
                cards += card->amount ? card->amount->amount : total.amount;
            }
        } else if (method == PaymentMethod::Cash) {
            if (cash) {
                errors.push_back({pathOf(i, "method"), "at most one cash tender"});
            }
            cash = true;
        } else if (split) {
            errors.push_back({pathOf(i, "method"), "test_card cannot be part of a split tender"});
        } else {
            online = true;
        }
    }
    if (payments.empty()) {
        errors.push_back({"payment", "missing"});
    }
    if (!errors.empty()) {
        return unexpected(std::move(errors));
    }
    if (cards > total.amount || (!cash && !online && cards != total.amount)) {
        return unexpected(json::DecodeErrors{
            {split ? "payments" : "payment", "the card amounts must add up to the total of " +
                                                 std::to_string(total.amount) + (cash ? " or less" : "")}});
    }
    TenderPlan plan;
    for (std::size_t i = 0; i < payments.size(); ++i) {
        TenderLine line;
        line.method = protocol::methodOf(payments[i]);
        if (const auto* card = std::get_if<protocol::CardPresentPayment>(&payments[i])) {
            line.amount = card->amount ? card->amount->amount : total.amount;
            line.reference = card->reference;
        } else if (const auto* given = std::get_if<protocol::CashPayment>(&payments[i])) {
            const std::int64_t due = total.amount - cards;
            if (given->tendered.currency != total.currency || given->tendered.amount < due ||
                (split && due == 0)) {
                return unexpected(json::DecodeErrors{
                    {pathOf(i, "tendered"), "must be in " + currency + " and at least the " +
                                                (split ? "rest" : "total") + " of " + std::to_string(due) +
                                                (split ? " (more than 0)" : "")}});
            }
            line.amount = due;
            line.tendered = given->tendered.amount;
            plan.change = given->tendered.amount - due;
        } else {
            line.amount = total.amount;
        }
        plan.lines.push_back(std::move(line));
    }
    return plan;
}

} // namespace usher
