#pragma once

#include "common/json/decoder.h"
#include "common/money/money.h"
#include "common/protocol/orders.h"
#include "common/util/expected.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace usher {

// One tender as it is recorded: for cash, `amount` is the part of the total it paid (what stays in
// the drawer) and `tendered` what was handed over; for cards, the card's amount and reference.
struct TenderLine {
    protocol::PaymentMethod method = protocol::PaymentMethod::Cash;
    std::int64_t amount = 0; // minor units of the order's currency
    std::optional<std::int64_t> tendered{};
    std::optional<std::string> reference{};

    bool operator==(const TenderLine&) const = default;
};

struct TenderPlan {
    std::vector<TenderLine> lines;      // in the order given
    std::optional<std::int64_t> change; // cash only: what to hand back
};

// The tenders of a sale checked against its total, the same rules at the counter and on the
// server: card_present tenders pay their stated amount (a single card without one pays everything),
// at most one cash tender pays the rest and must cover it (the rest must be more than 0 in a split),
// cards may not exceed the total and cards alone must make it; test_card is never part of a split.
// Errors carry the request's paths ("payment.tendered", "payments[1].amount", "payments").
Expected<TenderPlan, json::DecodeErrors> planTenders(const std::vector<protocol::Payment>& payments,
                                                     const Money& total);

} // namespace usher
