#pragma once

#include "common/util/expected.h"

#include <boost/json/object.hpp>

#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

namespace usher::server::observability {

enum class LogLevel { Debug, Info, Warn, Error };

// "debug", "info", "warn", "error"; anything else is an error message naming the valid levels.
Expected<LogLevel, std::string> parseLogLevel(std::string_view text);
std::string_view toString(LogLevel level);

// Sets the lowest level written. Logging works before this is called, at Info.
void initLogging(LogLevel level);
bool logEnabled(LogLevel level);

// Writes one JSON object per line to stdout:
//   {"ts":"2026-11-22T10:00:00.123456Z","level":"info","msg":"...", ...fields}
// Thread-safe. A field named ts, level or msg is written as "field.ts" and so on, so it never
// hides the line's own members.
void log(LogLevel level, std::string_view message, boost::json::object fields = {});
inline void logDebug(std::string_view message, boost::json::object fields = {}) {
    log(LogLevel::Debug, message, std::move(fields));
}
inline void logInfo(std::string_view message, boost::json::object fields = {}) {
    log(LogLevel::Info, message, std::move(fields));
}
inline void logWarn(std::string_view message, boost::json::object fields = {}) {
    log(LogLevel::Warn, message, std::move(fields));
}
inline void logError(std::string_view message, boost::json::object fields = {}) {
    log(LogLevel::Error, message, std::move(fields));
}

// Sends the lines to `out` instead of stdout until resetLogSink(); `out` must outlive that. The
// level is kept. For tests.
void setLogSinkForTests(std::ostream& out);
void resetLogSink();

} // namespace usher::server::observability
