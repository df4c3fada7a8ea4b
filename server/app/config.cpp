#include "server/app/config.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <pwd.h>
#include <string_view>
#include <system_error>
#include <unistd.h>

namespace usher::server::app {

namespace fs = std::filesystem;

namespace {

using Result = Expected<Config, std::string>;

constexpr const char* kListenHint = "is not HOST:PORT (e.g. 127.0.0.1:8080 or [::1]:8080)";

// A value and where it came from, for error messages: "--workers" or "--workers (from USHER_WORKERS)".
struct Setting {
    std::string text;
    std::string label;

    std::string problem(std::string_view what) const {
        return label + ": \"" + text + "\" " + std::string(what);
    }
};

std::optional<Setting> pick(const CLI::Option* option, const std::string& flagValue, const char* envName,
                            const EnvLookup& env) {
    if (option->count() > 0) {
        return Setting{flagValue, option->get_name()};
    }
    if (auto fromEnv = env(envName)) {
        return Setting{*fromEnv, option->get_name() + " (from " + envName + ")"};
    }
    return std::nullopt;
}

bool isHostNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_';
}

std::optional<std::uint16_t> parsePort(std::string_view text) {
    unsigned port = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || port > 65535) {
        return std::nullopt;
    }
    return static_cast<std::uint16_t>(port);
}

struct HostPort {
    std::string host;
    std::uint16_t port = 0;
};

// HOST:PORT, or [IPV6]:PORT; the host is a name or an address, not checked against DNS here.
std::optional<HostPort> parseHostPort(std::string_view text) {
    std::string_view host;
    std::string_view portText;
    if (text.starts_with('[')) {
        const std::size_t close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            return std::nullopt;
        }
        host = text.substr(1, close - 1);
        portText = text.substr(close + 2);
        const std::string_view address = host.substr(0, host.find('%')); // a zone may follow: fe80::1%eth0
        if (address.find(':') == std::string_view::npos ||
            address.find_first_not_of("0123456789abcdefABCDEF:.") != std::string_view::npos) {
            return std::nullopt;
        }
        const std::string_view zone = host.substr(address.size());
        if (!zone.empty() &&
            (zone.size() == 1 || !std::all_of(zone.begin() + 1, zone.end(), isHostNameChar))) {
            return std::nullopt;
        }
    } else {
        const std::size_t colon = text.rfind(':');
        if (colon == std::string_view::npos) {
            return std::nullopt;
        }
        host = text.substr(0, colon);
        portText = text.substr(colon + 1);
        if (host.empty() || !std::all_of(host.begin(), host.end(), isHostNameChar)) {
            return std::nullopt;
        }
    }
    const auto port = parsePort(portText);
    if (!port) {
        return std::nullopt;
    }
    return HostPort{std::string(host), *port};
}

std::optional<int> parseWholeNumber(std::string_view text, int min, int max) {
    int number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || number < min ||
        number > max) {
        return std::nullopt;
    }
    return number;
}

std::optional<bool> parseBool(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (text == "1" || text == "true" || text == "yes" || text == "on") {
        return true;
    }
    if (text == "0" || text == "false" || text == "no" || text == "off") {
        return false;
    }
    return std::nullopt;
}

fs::path absolutePath(const fs::path& path) {
    std::error_code error;
    fs::path absolute = fs::absolute(path, error);
    return (error ? path : absolute).lexically_normal();
}

} // namespace

std::optional<std::string> processEnvironment(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    return std::string(value);
}

fs::path defaultDataDir(bool runningAsRoot, const EnvLookup& env) {
    if (runningAsRoot) {
        return "/var/lib/usher";
    }
    // The XDG base directory spec ignores relative paths.
    if (auto xdg = env("XDG_DATA_HOME"); xdg && fs::path(*xdg).is_absolute()) {
        return fs::path(*xdg) / "usher-server";
    }
    fs::path home;
    if (auto fromEnv = env("HOME")) {
        home = *fromEnv;
    } else if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_dir != nullptr) {
        home = entry->pw_dir;
    } else {
        home = fs::temp_directory_path();
    }
    return home / ".local" / "share" / "usher-server";
}

ConfigOptions::ConfigOptions(CLI::App& app) {
    m_listenOption =
        app.add_option("--listen", m_listen,
                       "Address and port for HTTP and WebSocket, e.g. 0.0.0.0:8080 or [::1]:8080 "
                       "(env USHER_LISTEN; default 127.0.0.1:8080)")
            ->type_name("HOST:PORT");
    m_dataDirOption =
        app.add_option("--data-dir", m_dataDir,
                       "Directory for the embedded PostgreSQL and the JWT secret (env USHER_DATA_DIR; "
                       "default /var/lib/usher as root, else $XDG_DATA_HOME/usher-server)")
            ->type_name("DIR");
    m_databaseOption = app.add_option("--database", m_database,
                                      "PostgreSQL server to use instead of the embedded one, as a libpq URL "
                                      "postgresql://... (env USHER_DATABASE_URL)")
                           ->type_name("URL");
    m_jwtSecretFileOption =
        app.add_option("--jwt-secret-file", m_jwtSecretFile,
                       "File with the secret that signs access tokens, created when missing "
                       "(env USHER_JWT_SECRET_FILE; default <data-dir>/jwt.secret)")
            ->type_name("FILE");
    m_ticketKeyFileOption =
        app.add_option("--ticket-key-file", m_ticketKeyFile,
                       "File with the Ed25519 seed that signs tickets, created when missing; every instance "
                       "of one box office needs the same (env USHER_TICKET_KEY_FILE; default "
                       "<data-dir>/ticket-signing.key)")
            ->type_name("FILE");
    m_logLevelOption = app.add_option("--log-level", m_logLevel,
                                      "debug, info, warn or error (env USHER_LOG_LEVEL; default info)")
                           ->type_name("LEVEL");
    m_workersOption =
        app.add_option("--workers", m_workers,
                       "Worker threads, 0 for four per database connection (env USHER_WORKERS; default 0)")
            ->type_name("N");
    m_dbPoolSizeOption = app.add_option("--db-pool-size", m_dbPoolSize,
                                        "Database connections per server process (env USHER_DB_POOL_SIZE; "
                                        "default 16)")
                             ->type_name("N");
    m_demoDataOption =
        app.add_flag("--demo-data", m_demoData,
                     "Load the demo venues, events and accounts into an empty database (default "
                     "with the embedded database only; env USHER_DEMO_DATA=1)");
    m_noDemoDataOption = app.add_flag("--no-demo-data", m_noDemoData,
                                      "Do not load the demo venues and events (env USHER_DEMO_DATA=0)")
                             ->excludes(m_demoDataOption);
}

Result ConfigOptions::finish() const {
    return finish(processEnvironment, geteuid() == 0);
}

Result ConfigOptions::finish(const EnvLookup& env, bool runningAsRoot) const {
    Config config;

    if (const auto listen = pick(m_listenOption, m_listen, "USHER_LISTEN", env)) {
        const auto hostPort = parseHostPort(listen->text);
        if (!hostPort) {
            return unexpected(listen->problem(kListenHint));
        }
        config.listenHost = hostPort->host;
        config.listenPort = hostPort->port;
    }

    config.dataDir = defaultDataDir(runningAsRoot, env);
    if (const auto dataDir = pick(m_dataDirOption, m_dataDir, "USHER_DATA_DIR", env)) {
        if (dataDir->text.empty()) {
            return unexpected(dataDir->label + ": must not be empty");
        }
        config.dataDir = dataDir->text;
    }
    config.dataDir = absolutePath(config.dataDir);

    if (const auto database = pick(m_databaseOption, m_database, "USHER_DATABASE_URL", env)) {
        // The URL is not echoed: it may hold a password.
        if (!database->text.starts_with("postgresql://") && !database->text.starts_with("postgres://")) {
            return unexpected(database->label + ": not a PostgreSQL URL (expected postgresql://...)");
        }
        config.databaseUrl = database->text;
    }

    // Secret files: the flag, else the environment, else a file in the data directory.
    const auto secretFile = [&](const CLI::Option* option, const std::string& flagValue, const char* envName,
                                const char* defaultName) -> Expected<fs::path, std::string> {
        const auto picked = pick(option, flagValue, envName, env);
        if (!picked) {
            return config.dataDir / defaultName;
        }
        if (picked->text.empty()) {
            return unexpected(picked->label + ": must not be empty");
        }
        return absolutePath(picked->text);
    };
    auto jwtSecretFile =
        secretFile(m_jwtSecretFileOption, m_jwtSecretFile, "USHER_JWT_SECRET_FILE", "jwt.secret");
    if (!jwtSecretFile) {
        return unexpected(jwtSecretFile.error());
    }
    config.jwtSecretFile = *jwtSecretFile;
    auto ticketKeyFile =
        secretFile(m_ticketKeyFileOption, m_ticketKeyFile, "USHER_TICKET_KEY_FILE", "ticket-signing.key");
    if (!ticketKeyFile) {
        return unexpected(ticketKeyFile.error());
    }
    config.ticketKeyFile = *ticketKeyFile;

    if (const auto logLevel = pick(m_logLevelOption, m_logLevel, "USHER_LOG_LEVEL", env)) {
        if (logLevel->text != "debug" && logLevel->text != "info" && logLevel->text != "warn" &&
            logLevel->text != "error") {
            return unexpected(logLevel->problem("is not one of debug, info, warn, error"));
        }
        config.logLevel = logLevel->text;
    }

    if (const auto workers = pick(m_workersOption, m_workers, "USHER_WORKERS", env)) {
        const auto count = parseWholeNumber(workers->text, 0, 1024);
        if (!count) {
            return unexpected(workers->problem("is not a whole number from 0 (automatic) to 1024"));
        }
        config.workerThreads = *count;
    }

    if (const auto poolSize = pick(m_dbPoolSizeOption, m_dbPoolSize, "USHER_DB_POOL_SIZE", env)) {
        const auto count = parseWholeNumber(poolSize->text, 1, 1000);
        if (!count) {
            return unexpected(poolSize->problem("is not a whole number from 1 to 1000"));
        }
        config.databasePoolSize = *count;
    }

    // Demo data belongs in the embedded database a person just started; an external database is
    // somebody's real one, so there it takes an explicit request.
    config.demoData = !config.databaseUrl;
    if (m_demoDataOption->count() > 0) {
        config.demoData = true;
    } else if (m_noDemoDataOption->count() > 0) {
        config.demoData = false;
    } else if (const auto demoData = env("USHER_DEMO_DATA")) {
        const auto enabled = parseBool(*demoData);
        if (!enabled) {
            return unexpected("--demo-data (from USHER_DEMO_DATA): \"" + *demoData + "\" is not 0 or 1");
        }
        config.demoData = *enabled;
    }

    return config;
}

} // namespace usher::server::app
