#pragma once

// Building blocks shared by the protocol codecs: limits that hold for every message, and decode
// targets for strings and lists that the generic json::Decoder does not know.

#include "common/json/decoder.h"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace usher::protocol {

// Ids are opaque strings on the wire (JavaScript clients lose integers above 2^53, and the server
// may change how it makes ids without breaking anyone), with json's id rule.
using json::kMaxIdLength;
using json::kMaxNameLength;
// The most seats, GA places or tickets one request may name; bounds the work of one request.
inline constexpr int kMaxTicketsPerRequest = 50;
// Amounts a client may send (cash tendered): 10^12 minor units leaves room to add and subtract
// prices without overflowing 64 bits.
inline constexpr std::int64_t kMaxClientAmount = 1'000'000'000'000;
// Access and refresh tokens (JWTs) are far shorter; the bound keeps junk out of the verifier.
inline constexpr std::size_t kMaxTokenLength = 4096;
// Idempotency keys (header or WebSocket field): a UUID fits with room to spare.
inline constexpr std::size_t kMaxIdempotencyKeyLength = 255;

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<std::string_view, E>, N>;

template <typename E, std::size_t N>
constexpr std::string_view nameOf(const NameTable<E, N>& names, E value) {
    for (const auto& [name, entry] : names) {
        if (entry == value) {
            return name;
        }
    }
    return {};
}

template <typename E, std::size_t N>
constexpr std::optional<E> valueOf(const NameTable<E, N>& names, std::string_view name) {
    for (const auto& [entryName, entry] : names) {
        if (entryName == name) {
            return entry;
        }
    }
    return std::nullopt;
}

// Counts UTF-8 code points; Boost.JSON has already rejected invalid UTF-8.
std::size_t countCharacters(std::string_view utf8);
using json::hasControlCharacters;

// A one-line string: json's Text rule.
using Line = json::Text;

// An optional Line: absent or null leaves `out` empty.
struct OptionalLine {
    std::optional<std::string>& out;
    std::size_t minLength;
    std::size_t maxLength;
};
void decode(json::Decoder& d, const boost::json::value& v, OptionalLine line);

inline Line id(std::string& out) {
    return json::idText(out);
}
inline OptionalLine optionalId(std::optional<std::string>& out) {
    return {out, 1, kMaxIdLength};
}

// An array of distinct ids; `what` names one item in messages, e.g. "seat id" gives
// `seats[2]: duplicate seat id "A-1"`.
struct IdList {
    std::vector<std::string>& out;
    std::size_t minItems;
    std::size_t maxItems;
    std::string_view what;
};
void decode(json::Decoder& d, const boost::json::value& v, IdList list);

// Checks that `v` is an array of minItems..maxItems elements; on failure reports why and returns
// null, so a 10,000-element array yields one error, not 10,000.
const boost::json::array* arrayOf(json::Decoder& d, const boost::json::value& v, std::size_t minItems,
                                  std::size_t maxItems);

// Decodes a field with a lambda `(json::Decoder&, const boost::json::value&)`, for the one-off
// checks that need more than a type.
template <typename F>
struct With {
    F fn;
};
template <typename F>
With<F> with(F fn) {
    return {std::move(fn)};
}
template <typename F>
void decode(json::Decoder& d, const boost::json::value& v, const With<F>& target) {
    target.fn(d, v);
}

// Accepts any value; marks a field as known when the rest of its object cannot be read anyway.
struct Ignore {};
inline void decode(json::Decoder&, const boost::json::value&, Ignore) {}

// The raw value of a field whose schema another component owns (a venue layout).
struct RawObject {
    boost::json::value& out;
};
void decode(json::Decoder& d, const boost::json::value& v, RawObject raw);

boost::json::array toJsonArray(const std::vector<std::string>& items);

template <typename T>
boost::json::array toJsonArray(const std::vector<T>& items) {
    boost::json::array array;
    array.reserve(items.size());
    for (const T& item : items) {
        array.push_back(toJson(item));
    }
    return array;
}

} // namespace usher::protocol
