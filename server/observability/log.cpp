#include "server/observability/log.h"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

namespace usher::server::observability {
namespace {

std::shared_ptr<spdlog::logger> makeLogger(spdlog::sink_ptr sink) {
    auto logger = std::make_shared<spdlog::logger>("usher", std::move(sink));
    // The line is complete JSON already; spdlog only adds the newline. Filtering happens before the
    // JSON is built (see m_level), so the logger itself passes everything through.
    logger->set_pattern("%v");
    logger->set_level(spdlog::level::trace);
    // One flush per line: logs are read live by journald or a container runtime through a pipe.
    logger->flush_on(spdlog::level::trace);
    return logger;
}

class LogState {
public:
    static LogState& instance() {
        static LogState state;
        return state;
    }

    std::shared_ptr<spdlog::logger> logger() {
        std::lock_guard lock(m_mutex);
        return m_logger;
    }
    void setSink(spdlog::sink_ptr sink) {
        auto logger = makeLogger(std::move(sink));
        std::lock_guard lock(m_mutex);
        m_logger = std::move(logger);
    }

    std::atomic<LogLevel> level{LogLevel::Info};

private:
    LogState() : m_logger(makeLogger(std::make_shared<spdlog::sinks::stdout_sink_mt>())) {}

    std::mutex m_mutex;
    std::shared_ptr<spdlog::logger> m_logger;
};

spdlog::level::level_enum spdlogLevel(LogLevel level) {
    switch (level) {
    case LogLevel::Debug:
        return spdlog::level::debug;
    case LogLevel::Info:
        return spdlog::level::info;
    case LogLevel::Warn:
        return spdlog::level::warn;
    case LogLevel::Error:
        return spdlog::level::err;
    }
    return spdlog::level::err;
}

// RFC 3339 in UTC with microseconds, like the API's timestamps.
std::string utcTimestamp(std::chrono::system_clock::time_point now) {
    using namespace std::chrono;
    const auto micros = floor<microseconds>(now);
    const auto day = floor<days>(micros);
    const year_month_day date{day};
    const hh_mm_ss time{micros - day};
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%06lldZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()),
                  static_cast<long long>(time.subseconds().count()));
    return text;
}

} // namespace

Expected<LogLevel, std::string> parseLogLevel(std::string_view text) {
    if (text == "debug") {
        return LogLevel::Debug;
    }
    if (text == "info") {
        return LogLevel::Info;
    }
    if (text == "warn") {
        return LogLevel::Warn;
    }
    if (text == "error") {
        return LogLevel::Error;
    }
    return unexpected("unknown log level \"" + std::string(text) + "\"; use debug, info, warn or error");
}

std::string_view toString(LogLevel level) {
    switch (level) {
    case LogLevel::Debug:
        return "debug";
    case LogLevel::Info:
        return "info";
    case LogLevel::Warn:
        return "warn";
    case LogLevel::Error:
        return "error";
    }
    return "error";
}

void initLogging(LogLevel level) {
    LogState::instance().level.store(level, std::memory_order_relaxed);
}

bool logEnabled(LogLevel level) {
    return level >= LogState::instance().level.load(std::memory_order_relaxed);
}

void log(LogLevel level, std::string_view message, boost::json::object fields) {
    if (!logEnabled(level)) {
        return;
    }
    boost::json::object line;
    line.reserve(fields.size() + 3);
    line["ts"] = utcTimestamp(std::chrono::system_clock::now());
    line["level"] = toString(level);
    line["msg"] = message;
    for (auto& field : fields) {
        const std::string_view key = field.key();
        if (key == "ts" || key == "level" || key == "msg") {
            line[std::string("field.").append(key)] = std::move(field.value());
        } else {
            line[key] = std::move(field.value());
        }
    }
    const std::string text = boost::json::serialize(line);
    LogState::instance().logger()->log(spdlogLevel(level), spdlog::string_view_t(text.data(), text.size()));
}

void setLogSinkForTests(std::ostream& out) {
    LogState::instance().setSink(std::make_shared<spdlog::sinks::ostream_sink_mt>(out, true));
}

void resetLogSink() {
    LogState::instance().setSink(std::make_shared<spdlog::sinks::stdout_sink_mt>());
}

} // namespace usher::server::observability
