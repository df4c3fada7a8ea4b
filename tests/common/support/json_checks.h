#pragma once

#include "common/json/decoder.h"

#include <QStringList>
#include <QTest>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <string>
#include <string_view>

namespace usher::testing {

// Expected documents in tests spell "//" as "\/" and quotes inside strings as \u0022: moc (Qt 6.4)
// mistakes both inside raw string literals for the end of a comment or string and loses the class.
inline bool sameJson(const boost::json::value& actual, std::string_view expected) {
    const bool same = actual == boost::json::parse(expected);
    if (!same) {
        qWarning("got %s", boost::json::serialize(actual).c_str());
    }
    return same;
}

inline QStringList linesOf(const json::DecodeErrors& errors) {
    QStringList lines;
    for (const auto& error : errors) {
        lines << QString::fromStdString(error.toString());
    }
    return lines;
}

// Every error decoding `text` as a T gives, as "path: message" lines; empty when it decodes.
template <typename T>
QStringList errorsOf(std::string_view text) {
    auto result = json::decodeJson<T>(text);
    return result ? QStringList() : linesOf(result.error());
}

template <typename T>
bool survivesRoundTrip(const T& value) {
    auto decoded = json::decodeJson<T>(boost::json::serialize(toJson(value)));
    if (!decoded) {
        qWarning("%s", qPrintable(linesOf(decoded.error()).join('\n')));
        return false;
    }
    return *decoded == value;
}

// True when some error at exactly `path` has `fragment` in its message.
inline bool hasError(const json::DecodeErrors& errors, const std::string& path, const std::string& fragment) {
    for (const auto& error : errors) {
        if (error.path == path && error.message.find(fragment) != std::string::npos) {
            return true;
        }
    }
    return false;
}

inline QByteArray describe(const json::DecodeErrors& errors) {
    return linesOf(errors).join("; ").toUtf8();
}

} // namespace usher::testing
