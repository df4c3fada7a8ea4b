#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace usher {

// An ISO 4217 currency: its three-letter code and how many minor units make one major unit
// (EUR 2: cents; JPY 0; BHD 3). Only codes in Usher's table are accepted, so a typo is an error.
class Currency {
public:
    // "XXX", ISO 4217's code for "no currency": what an amount has before it is given one.
    constexpr Currency() : m_code{'X', 'X', 'X'}, m_minorDigits(0) {}
    static std::optional<Currency> fromCode(std::string_view code);

    std::string_view code() const { return {m_code.data(), m_code.size()}; }
    int minorDigits() const { return m_minorDigits; }

    bool operator==(const Currency&) const = default;

private:
    constexpr Currency(std::array<char, 3> code, int minorDigits)
        : m_code(code), m_minorDigits(minorDigits) {}

    std::array<char, 3> m_code;
    int m_minorDigits;
};

} // namespace usher
