#include "common/money/currency.h"

#include <algorithm>

namespace usher {
namespace {

struct CurrencyEntry {
    std::string_view code;
    int minorDigits;
};

// The currencies a venue is likely to sell in. Extend as needed; the minor-unit digits come from
// ISO 4217.
constexpr CurrencyEntry kCurrencies[] = {
    {"AED", 2}, {"AUD", 2}, {"BGN", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2}, {"CLP", 0},
    {"CNY", 2}, {"COP", 2}, {"CZK", 2}, {"DKK", 2}, {"EUR", 2}, {"GBP", 2}, {"HKD", 2}, {"HUF", 2},
    {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KRW", 0}, {"KWD", 3},
    {"MXN", 2}, {"MYR", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PHP", 2}, {"PLN", 2}, {"RON", 2},
    {"RSD", 2}, {"SAR", 2}, {"SEK", 2}, {"SGD", 2}, {"THB", 2}, {"TND", 3}, {"TRY", 2}, {"TWD", 2},
    {"UAH", 2}, {"USD", 2}, {"UYU", 2}, {"VND", 0}, {"ZAR", 2},
};

} // namespace

std::optional<Currency> Currency::fromCode(std::string_view code) {
    const auto* entry = std::find_if(std::begin(kCurrencies), std::end(kCurrencies),
                                     [code](const CurrencyEntry& e) { return e.code == code; });
    if (entry == std::end(kCurrencies)) {
        return std::nullopt;
    }
    return Currency({entry->code[0], entry->code[1], entry->code[2]}, entry->minorDigits);
}

} // namespace usher
