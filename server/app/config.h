#pragma once

#include "common/util/expected.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace usher::server::app {

struct Config {
    std::string listenHost = "127.0.0.1"; // an IPv6 address without brackets, e.g. "::1"
    std::uint16_t listenPort = 8080;      // 0: any free port
    std::filesystem::path dataDir;        // absolute
    // Unset: the embedded cluster in <dataDir>/postgres.
    std::optional<std::string> databaseUrl;
    // Always set by ConfigOptions::finish (default <dataDir>/jwt.secret).
    std::optional<std::filesystem::path> jwtSecretFile;
    // Always set by ConfigOptions::finish (default <dataDir>/ticket-signing.key).
    std::optional<std::filesystem::path> ticketKeyFile;
    std::string logLevel = "info"; // debug, info, warn or error
    int workerThreads = 0;         // 0: automatic
    int databasePoolSize = 16;
    bool demoData = true; // default: only with the embedded database
};

// Looks up an environment variable; unset and empty are the same.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

std::optional<std::string> processEnvironment(const std::string& name);

// /var/lib/usher for root, else ${XDG_DATA_HOME:-$HOME/.local/share}/usher-server.
std::filesystem::path defaultDataDir(bool runningAsRoot, const EnvLookup& env);

// usher-server's flags and their environment variables. Main owns the CLI11 app (and adds --version
// and anything else of its own); this registers the configuration flags on it, and after parsing,
// finish() fills in the environment for every flag not given (flags win), checks every value and
// applies the defaults. Errors are one line that names the flag, e.g.
//   --listen: "abc" is not HOST:PORT (e.g. 127.0.0.1:8080 or [::1]:8080)
//
//   CLI::App app{"usher-server"};
//   app.set_version_flag("--version", ...);
//   ConfigOptions options(app);
//   CLI11_PARSE(app, argc, argv);
//   auto config = options.finish();
class ConfigOptions {
public:
    explicit ConfigOptions(CLI::App& app);
    // The app keeps pointers into this object.
    ConfigOptions(const ConfigOptions&) = delete;
    ConfigOptions& operator=(const ConfigOptions&) = delete;

    Expected<Config, std::string> finish() const;
    // For tests: another environment, and root or not.
    Expected<Config, std::string> finish(const EnvLookup& env, bool runningAsRoot) const;

private:
    std::string m_listen;
    std::string m_dataDir;
    std::string m_database;
    std::string m_jwtSecretFile;
    std::string m_ticketKeyFile;
    std::string m_logLevel;
    std::string m_workers;
    std::string m_dbPoolSize;
    bool m_demoData = false;
    bool m_noDemoData = false;

    CLI::Option* m_listenOption = nullptr;
    CLI::Option* m_dataDirOption = nullptr;
    CLI::Option* m_databaseOption = nullptr;
    CLI::Option* m_jwtSecretFileOption = nullptr;
    CLI::Option* m_ticketKeyFileOption = nullptr;
    CLI::Option* m_logLevelOption = nullptr;
    CLI::Option* m_workersOption = nullptr;
    CLI::Option* m_dbPoolSizeOption = nullptr;
    CLI::Option* m_demoDataOption = nullptr;
    CLI::Option* m_noDemoDataOption = nullptr;
};

} // namespace usher::server::app
