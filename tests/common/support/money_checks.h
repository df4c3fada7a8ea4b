#pragma once

#include "common/money/money.h"

#include <QTest>

#include <cstdint>
#include <string>

namespace usher::testing {

inline Currency currency(const char* code) {
    return Currency::fromCode(code).value();
}
inline Money eur(std::int64_t amount) {
    return Money{amount, currency("EUR")};
}

} // namespace usher::testing

namespace QTest {
// Prints amounts in failure messages, e.g. "2500 EUR".
template <>
inline char* toString(const usher::Money& money) {
    const std::string text = std::to_string(money.amount) + " " + std::string(money.currency.code());
    return qstrdup(text.c_str());
}
} // namespace QTest
