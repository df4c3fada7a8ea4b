#include "common/money/money.h"

namespace usher {

std::string_view toString(MoneyError error) {
    switch (error) {
    case MoneyError::CurrencyMismatch:
        return "currency mismatch";
    case MoneyError::Overflow:
        return "amount overflow";
    }
    return "unknown money error";
}

MoneyResult add(const Money& a, const Money& b) {
    if (a.currency != b.currency) {
        return unexpected(MoneyError::CurrencyMismatch);
    }
    std::int64_t result = 0;
    if (__builtin_add_overflow(a.amount, b.amount, &result)) {
        return unexpected(MoneyError::Overflow);
    }
    return Money{result, a.currency};
}

MoneyResult subtract(const Money& a, const Money& b) {
    if (a.currency != b.currency) {
        return unexpected(MoneyError::CurrencyMismatch);
    }
    std::int64_t result = 0;
    if (__builtin_sub_overflow(a.amount, b.amount, &result)) {
        return unexpected(MoneyError::Overflow);
    }
    return Money{result, a.currency};
}

MoneyResult multiply(const Money& price, std::int64_t quantity) {
    std::int64_t result = 0;
    if (__builtin_mul_overflow(price.amount, quantity, &result)) {
        return unexpected(MoneyError::Overflow);
    }
    return Money{result, price.currency};
}

MoneyResult sum(std::span<const Money> amounts, const Currency& currency) {
    Money total{0, currency};
    for (const Money& amount : amounts) {
        auto next = add(total, amount);
        if (!next) {
            return next;
        }
        total = *next;
    }
    return total;
}

} // namespace usher
