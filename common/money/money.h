#pragma once

#include "common/money/currency.h"
#include "common/util/expected.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace usher {

enum class MoneyError {
    CurrencyMismatch, // adding euros to dollars
    Overflow,         // the result does not fit in 64-bit minor units
};

std::string_view toString(MoneyError error);

// An amount in integer minor units (cents) of one currency. No floating point anywhere near a
// price; formatting for people is left to the caller (the app uses the locale, the server JSON).
struct Money {
    std::int64_t amount = 0;
    Currency currency;

    bool operator==(const Money&) const = default;
};

using MoneyResult = Expected<Money, MoneyError>;

MoneyResult add(const Money& a, const Money& b);
MoneyResult subtract(const Money& a, const Money& b);
MoneyResult multiply(const Money& price, std::int64_t quantity);
// The sum of amounts that must all be in `currency`; zero for an empty list.
MoneyResult sum(std::span<const Money> amounts, const Currency& currency);

} // namespace usher
