#pragma once

#include "common/util/expected.h"
#include "common/util/path_error.h"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace usher::json {

// One reason a document was rejected, at a path like `sections[2].rows[5].seats[3].x`.
using DecodeError = PathError;

using DecodeErrors = std::vector<DecodeError>;

// Collects decode errors and tracks where in the document the decoding is. Strict decoding in Usher
// means: wrong types, missing required fields, unknown fields and out-of-range numbers are errors,
// reported all at once (up to a cap) so a person can fix a file in one pass.
class Decoder {
public:
    static constexpr std::size_t kMaxErrors = 100;

    class [[nodiscard]] PathScope {
    public:
        explicit PathScope(Decoder& decoder) : m_decoder(decoder) {}
        ~PathScope() { m_decoder.m_path.pop_back(); }
        PathScope(const PathScope&) = delete;
        PathScope& operator=(const PathScope&) = delete;

    private:
        Decoder& m_decoder;
    };

    PathScope at(std::string_view key);
    PathScope at(std::size_t index);

    // Records an error at the current path.
    void fail(std::string message);
    bool ok() const { return m_errors.empty(); }
    std::size_t errorCount() const { return m_errors.size(); }
    const DecodeErrors& errors() const { return m_errors; }
    DecodeErrors takeErrors() { return std::move(m_errors); }
    std::string currentPath() const;

private:
    struct Segment {
        std::string_view key; // keys outlive decoding: literals or keys of the document being read
        std::size_t index = 0;
        bool isIndex = false;
    };
    std::vector<Segment> m_path;
    DecodeErrors m_errors;
};

// Bounds for a number; out-of-range values are errors with the allowed range in the message.
template <typename T>
struct InRange {
    T& out;
    T min;
    T max;
};
template <typename T>
InRange<T> inRange(T& out, std::type_identity_t<T> min, std::type_identity_t<T> max) {
    return {out, min, max};
}

// A string that must be one of a fixed set of names, mapped to an enum value.
template <typename E>
struct OneOf {
    E& out;
    std::span<const std::pair<std::string_view, E>> names;
};
template <typename E, std::size_t N>
OneOf<E> oneOf(E& out, const std::array<std::pair<std::string_view, E>, N>& names) {
    return {out, names};
}

// A one-line string with a length limit in bytes: control characters are rejected (they would end up
// in logs, URLs, SVG and printed tickets), and so are empty strings unless minLength is 0.
struct Text {
    std::string& out;
    std::size_t minLength = 1;
    std::size_t maxLength = 256;
};

// Usher's wire rules for identifiers and display names, the same in every document and message.
inline constexpr std::size_t kMaxIdLength = 64;
inline constexpr std::size_t kMaxNameLength = 200;
inline Text idText(std::string& out) {
    return {out, 1, kMaxIdLength};
}
inline Text nameText(std::string& out) {
    return {out, 1, kMaxNameLength};
}

bool hasControlCharacters(std::string_view text);

void decode(Decoder& d, const boost::json::value& v, std::string& out);
void decode(Decoder& d, const boost::json::value& v, Text text);
void decode(Decoder& d, const boost::json::value& v, bool& out);
void decode(Decoder& d, const boost::json::value& v, double& out);
void decode(Decoder& d, const boost::json::value& v, std::int64_t& out);
void decode(Decoder& d, const boost::json::value& v, InRange<double> range);
void decode(Decoder& d, const boost::json::value& v, InRange<std::int64_t> range);
void decode(Decoder& d, const boost::json::value& v, InRange<int> range);

template <typename E>
void decode(Decoder& d, const boost::json::value& v, OneOf<E> target) {
    const auto* s = v.if_string();
    if (s != nullptr) {
        for (const auto& [name, value] : target.names) {
            if (name == std::string_view(*s)) {
                target.out = value;
                return;
            }
        }
    }
    std::string message = "expected one of";
    for (const auto& entry : target.names) {
        message += (&entry == target.names.data() ? " \"" : ", \"");
        message.append(entry.first).append("\"");
    }
    d.fail(std::move(message));
}

template <typename T>
void decode(Decoder& d, const boost::json::value& v, std::vector<T>& out);

template <typename T>
void decode(Decoder& d, const boost::json::value& v, std::optional<T>& out) {
    out.emplace();
    decode(d, v, *out);
}

// Reads the fields of one JSON object. Every field read through required() or optional() is known;
// when the reader goes out of scope, any other field in the object is reported as unknown.
class ObjectReader {
public:
    ObjectReader(Decoder& decoder, const boost::json::value& value);
    ~ObjectReader();
    ObjectReader(const ObjectReader&) = delete;
    ObjectReader& operator=(const ObjectReader&) = delete;

    bool isObject() const { return m_object != nullptr; }
    // For objects read only in part, such as a document in a newer format that is refused anyway.
    void allowUnknownFields() { m_allowUnknown = true; }
    // Present and not null: null means absent, as in optional(). Asking makes the field known.
    bool has(std::string_view key);

    template <typename Target>
    void required(std::string_view key, Target&& target) {
        if (const auto* v = find(key)) {
            auto scope = m_decoder.at(key);
            decode(m_decoder, *v, std::forward<Target>(target));
        } else if (m_object != nullptr) {
            auto scope = m_decoder.at(key);
            m_decoder.fail("missing required field");
        }
    }

    // Absent or null leaves the target untouched.
    template <typename Target>
    void optional(std::string_view key, Target&& target) {
        if (const auto* v = find(key); v != nullptr && !v->is_null()) {
            auto scope = m_decoder.at(key);
            decode(m_decoder, *v, std::forward<Target>(target));
        }
    }

private:
    const boost::json::value* find(std::string_view key);

    Decoder& m_decoder;
    const boost::json::object* m_object;
    std::array<std::string_view, 24> m_known{};
    std::size_t m_knownCount = 0;
    bool m_allowUnknown = false;
};

template <typename T>
void decode(Decoder& d, const boost::json::value& v, std::vector<T>& out) {
    const auto* array = v.if_array();
    if (array == nullptr) {
        d.fail("expected an array");
        return;
    }
    out.clear();
    out.reserve(array->size());
    for (std::size_t i = 0; i < array->size() && d.errorCount() < Decoder::kMaxErrors; ++i) {
        auto scope = d.at(i);
        decode(d, (*array)[i], out.emplace_back());
    }
}

// Parses `text` and decodes it into a T with `decode(Decoder&, const value&, T&)`. Syntax errors are
// reported with line and column.
Expected<boost::json::value, DecodeErrors> parseJson(std::string_view text);
// The same, with the value's nodes allocated from `storage`.
Expected<boost::json::value, DecodeErrors> parseJson(std::string_view text, boost::json::storage_ptr storage);

template <typename T>
Expected<T, DecodeErrors> decodeValue(const boost::json::value& value) {
    Decoder decoder;
    T result{};
    decode(decoder, value, result);
    if (!decoder.ok()) {
        return unexpected(decoder.takeErrors());
    }
    return result;
}

template <typename T>
Expected<T, DecodeErrors> decodeJson(std::string_view text) {
    // The parsed tree lives only while it is decoded: one arena for all its nodes makes building it
    // cheap and freeing it one release instead of a free per value (a third of decoding a big layout).
    boost::json::monotonic_resource arena;
    auto value = parseJson(text, &arena);
    if (!value) {
        return unexpected(value.error());
    }
    return decodeValue<T>(*value);
}

} // namespace usher::json
