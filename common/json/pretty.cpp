#include "common/json/pretty.h"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>

namespace usher::json {
namespace {

bool isScalar(const boost::json::value& v) {
    return !v.is_object() && !v.is_array();
}

bool holdsOnlyScalars(const boost::json::value& v) {
    if (const auto* object = v.if_object()) {
        return std::all_of(object->begin(), object->end(),
                           [](const auto& item) { return isScalar(item.value()); });
    }
    if (const auto* array = v.if_array()) {
        return std::all_of(array->begin(), array->end(), isScalar);
    }
    return true;
}

// Arrays of scalars and objects whose members are scalars or such flat objects (a table centre
// {"x","y"}) fit on one line; arrays of objects get a line per element.
bool fitsOnOneLine(const boost::json::value& v) {
    if (const auto* object = v.if_object()) {
        return std::all_of(object->begin(), object->end(), [](const auto& item) {
            return holdsOnlyScalars(item.value()) && !item.value().is_array();
        });
    }
    return holdsOnlyScalars(v);
}

// Shortest text that reads back as the same double ("0.5", not Boost's "5E-1").
void writeCompact(std::string& out, const boost::json::value& v) {
    if (const auto* d = v.if_double(); d != nullptr && !std::isfinite(*d)) {
        out += "null"; // JSON has no infinities; decoding then reports the field
    } else if (d != nullptr) {
        std::array<char, 32> buffer{};
        const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), *d);
        std::string_view text(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
        out += text;
        // Keep it a double when read back: "3" would come back as an integer.
        if (text.find_first_of(".eE") == std::string_view::npos &&
            text.find_first_not_of("-0123456789") == std::string_view::npos) {
            out += ".0";
        }
    } else if (const auto* object = v.if_object()) {
        out += '{';
        bool first = true;
        for (const auto& item : *object) {
            out += first ? "" : ",";
            first = false;
            out += boost::json::serialize(boost::json::value(item.key()));
            out += ':';
            writeCompact(out, item.value());
        }
        out += '}';
    } else if (const auto* array = v.if_array()) {
        out += '[';
        for (std::size_t i = 0; i < array->size(); ++i) {
            out += i == 0 ? "" : ",";
            writeCompact(out, (*array)[i]);
        }
        out += ']';
    } else {
        out += boost::json::serialize(v);
    }
}

void write(std::string& out, const boost::json::value& v, int depth) {
    if (fitsOnOneLine(v)) {
        writeCompact(out, v);
        return;
    }
    const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
    const std::string closing(static_cast<std::size_t>(depth) * 2, ' ');
    if (const auto* object = v.if_object()) {
        out += "{\n";
        bool first = true;
        for (const auto& item : *object) {
            out += first ? "" : ",\n";
            first = false;
            out += indent;
            out += boost::json::serialize(boost::json::value(item.key()));
            out += ": ";
            write(out, item.value(), depth + 1);
        }
        out += "\n" + closing + "}";
        return;
    }
    const auto& array = v.as_array();
    out += "[\n";
    for (std::size_t i = 0; i < array.size(); ++i) {
        out += i == 0 ? "" : ",\n";
        out += indent;
        write(out, array[i], depth + 1);
    }
    out += "\n" + closing + "]";
}

} // namespace

std::string prettyPrint(const boost::json::value& value) {
    std::string out;
    write(out, value, 0);
    out += '\n';
    return out;
}

} // namespace usher::json
