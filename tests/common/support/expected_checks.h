#pragma once

#include "common/util/expected.h"

#include <QTest>

#include <string>
#include <string_view>

namespace usher::testing {

// Errors are compared by their wire name so a failure prints them (QCOMPARE cannot print Usher's
// enums). Works for every error enum with a toString() beside it.
template <typename E>
QByteArray code(E error) {
    const std::string_view name = toString(error);
    return QByteArray(name.data(), static_cast<qsizetype>(name.size()));
}

template <typename T, typename E>
QByteArray errorOf(const Expected<T, E>& result) {
    return result ? QByteArray("(no error)") : code(result.error());
}

// Unwraps a result the test expects to succeed; a refusal is reported as a test failure instead of
// aborting the whole executable on Expected's assertion.
template <typename T, typename E>
T valueOf(const Expected<T, E>& result, const char* expression, const char* file, int line) {
    if (result) {
        return result.value();
    }
    const std::string message =
        std::string(expression) + " failed with " + std::string(toString(result.error()));
    QTest::qFail(message.c_str(), file, line);
    return T{};
}

} // namespace usher::testing

#define VALUE(expression) ::usher::testing::valueOf((expression), #expression, __FILE__, __LINE__)
