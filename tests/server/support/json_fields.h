#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>

// Lenient readers for assertions on API answers: a missing or mistyped member reads as empty (or
// -1), so a wrong answer fails the comparison instead of throwing out of the test.
namespace usher::testing::fields {

// The overloads for objects matter: an object passed as a value would be copied into a temporary
// that a returned pointer or reference outlives.
inline const boost::json::value* field(const boost::json::object& object, std::string_view key) {
    return object.if_contains(key);
}

inline const boost::json::value* field(const boost::json::value& value, std::string_view key) {
    const auto* object = value.if_object();
    return object != nullptr ? field(*object, key) : nullptr;
}

// The member itself, or a null value when it is missing.
template <typename Json>
const boost::json::value& member(const Json& value, std::string_view key) {
    static const boost::json::value null;
    const auto* found = field(value, key);
    return found != nullptr ? *found : null;
}

template <typename Json>
std::string text(const Json& value, std::string_view key) {
    const auto* found = field(value, key);
    return found != nullptr && found->is_string() ? std::string(found->get_string()) : std::string();
}

template <typename Json>
std::int64_t integer(const Json& value, std::string_view key) {
    const auto* found = field(value, key);
    return found != nullptr && found->is_int64() ? found->get_int64() : -1;
}

template <typename Json>
const boost::json::array& list(const Json& value, std::string_view key) {
    static const boost::json::array empty;
    const auto* found = field(value, key);
    return found != nullptr && found->is_array() ? found->get_array() : empty;
}

// "2500 EUR" for {"amount": 2500, "currency": "EUR"}; empty when absent.
template <typename Json>
std::string money(const Json& value, std::string_view key) {
    const auto* found = field(value, key);
    if (found == nullptr || !found->is_object()) {
        return {};
    }
    return std::to_string(integer(*found, "amount")) + " " + text(*found, "currency");
}

} // namespace usher::testing::fields
