#include "common/json/decoder.h"

#include <boost/json/parser.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace usher::json {

Decoder::PathScope Decoder::at(std::string_view key) {
    m_path.push_back({key, 0, false});
    return PathScope(*this);
}

Decoder::PathScope Decoder::at(std::size_t index) {
    m_path.push_back({{}, index, true});
    return PathScope(*this);
}

void Decoder::fail(std::string message) {
    if (m_errors.size() < kMaxErrors) {
        m_errors.push_back({currentPath(), std::move(message)});
    }
}

std::string Decoder::currentPath() const {
    std::string path;
    for (const Segment& segment : m_path) {
        if (segment.isIndex) {
            path += '[';
            path += std::to_string(segment.index);
            path += ']';
        } else {
            if (!path.empty()) {
                path += '.';
            }
            path += segment.key;
        }
    }
    return path;
}

bool hasControlCharacters(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20u || byte == 0x7Fu;
    });
}

void decode(Decoder& d, const boost::json::value& v, std::string& out) {
    if (const auto* s = v.if_string()) {
        out.assign(s->data(), s->size());
    } else {
        d.fail("expected a string");
    }
}

void decode(Decoder& d, const boost::json::value& v, Text text) {
    const auto* s = v.if_string();
    if (s == nullptr) {
        d.fail("expected a string");
        return;
    }
    if (s->size() < text.minLength) {
        d.fail(text.minLength == 1 ? "must not be empty"
                                   : "must be at least " + std::to_string(text.minLength) + " characters");
        return;
    }
    if (s->size() > text.maxLength) {
        d.fail("must be at most " + std::to_string(text.maxLength) + " characters");
        return;
    }
    if (hasControlCharacters(*s)) {
        d.fail("must not contain control characters");
        return;
    }
    text.out.assign(s->data(), s->size());
}

void decode(Decoder& d, const boost::json::value& v, bool& out) {
    if (const auto* b = v.if_bool()) {
        out = *b;
    } else {
        d.fail("expected true or false");
    }
}

void decode(Decoder& d, const boost::json::value& v, double& out) {
    if (!v.is_number()) {
        d.fail("expected a number");
        return;
    }
    out = v.to_number<double>();
}

void decode(Decoder& d, const boost::json::value& v, std::int64_t& out) {
    if (const auto* i = v.if_int64()) {
        out = *i;
    } else if (v.is_uint64()) {
        d.fail("must be at most " + std::to_string(std::numeric_limits<std::int64_t>::max()));
    } else if (const auto* f = v.if_double();
               f != nullptr && std::trunc(*f) == *f && std::abs(*f) < 9007199254740992.0) {
        // 2e3 is an integer written as a double; accept it while it is exact.
        out = static_cast<std::int64_t>(*f);
    } else {
        d.fail("expected an integer");
    }
}

namespace {

template <typename T>
std::string rangeMessage(T min, T max) {
    auto show = [](T value) {
        if constexpr (std::is_floating_point_v<T>) {
            std::string s = std::to_string(value);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.') {
                s.pop_back();
            }
            return s;
        } else {
            return std::to_string(value);
        }
    };
    return "must be between " + show(min) + " and " + show(max);
}

} // namespace

void decode(Decoder& d, const boost::json::value& v, InRange<double> range) {
    double value = 0;
    const std::size_t before = d.errorCount();
    decode(d, v, value);
    if (d.errorCount() != before) {
        return;
    }
    if (!std::isfinite(value) || value < range.min || value > range.max) {
        d.fail(rangeMessage(range.min, range.max));
        return;
    }
    range.out = value;
}

void decode(Decoder& d, const boost::json::value& v, InRange<std::int64_t> range) {
    std::int64_t value = 0;
    const std::size_t before = d.errorCount();
    decode(d, v, value);
    if (d.errorCount() != before) {
        return;
    }
    if (value < range.min || value > range.max) {
        d.fail(rangeMessage(range.min, range.max));
        return;
    }
    range.out = value;
}

void decode(Decoder& d, const boost::json::value& v, InRange<int> range) {
    std::int64_t value = 0;
    const std::size_t before = d.errorCount();
    decode(d, v, inRange(value, range.min, range.max));
    if (d.errorCount() == before) {
        range.out = static_cast<int>(value);
    }
}

ObjectReader::ObjectReader(Decoder& decoder, const boost::json::value& value)
    : m_decoder(decoder), m_object(value.if_object()) {
    if (m_object == nullptr) {
        m_decoder.fail("expected an object");
    }
}

ObjectReader::~ObjectReader() {
    if (m_object == nullptr || m_allowUnknown) {
        return;
    }
    const auto known = std::span(m_known.data(), m_knownCount);
    for (const auto& item : *m_object) {
        const std::string_view key = item.key();
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            auto scope = m_decoder.at(key);
            m_decoder.fail("unknown field");
        }
    }
}

bool ObjectReader::has(std::string_view key) {
    const auto* value = find(key);
    return value != nullptr && !value->is_null();
}

const boost::json::value* ObjectReader::find(std::string_view key) {
    const auto known = std::span(m_known.data(), m_knownCount);
    if (std::find(known.begin(), known.end(), key) == known.end()) {
        assert(m_knownCount < m_known.size() && "raise ObjectReader's field capacity");
        if (m_knownCount < m_known.size()) {
            m_known[m_knownCount++] = key;
        }
    }
    if (m_object == nullptr) {
        return nullptr;
    }
    return m_object->if_contains(key);
}

Expected<boost::json::value, DecodeErrors> parseJson(std::string_view text) {
    return parseJson(text, {});
}

Expected<boost::json::value, DecodeErrors> parseJson(std::string_view text,
                                                     boost::json::storage_ptr storage) {
    boost::json::parser parser;
    parser.reset(std::move(storage));
    boost::system::error_code ec;
    const std::size_t consumed = parser.write(text.data(), text.size(), ec);
    if (!ec) {
        return parser.release();
    }
    // Report where a person would look in an editor.
    const std::string_view read = text.substr(0, std::min(consumed, text.size()));
    const auto line = 1 + std::count(read.begin(), read.end(), '\n');
    const auto lastNewline = read.rfind('\n');
    const auto column =
        1 + (lastNewline == std::string_view::npos ? read.size() : read.size() - lastNewline - 1);
    return unexpected(DecodeErrors{{"", "invalid JSON at line " + std::to_string(line) + ", column " +
                                            std::to_string(column) + ": " + ec.message()}});
}

} // namespace usher::json
