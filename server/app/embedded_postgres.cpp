#include "server/app/embedded_postgres.h"

#include "server/app/process.h"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <pqxx/pqxx>
#include <pwd.h>
#include <sys/stat.h>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

namespace usher::server::app {

namespace fs = std::filesystem;

namespace {

template <typename T>
using Result = Expected<T, std::string>;

// initdb names the cluster's superuser so that the URL does not depend on who ran initdb.
constexpr std::string_view kSuperuser = "postgres";
// PostgreSQL refuses to run as root; as root its programs run as this user.
constexpr const char* kServiceUser = "postgres";
// sizeof(sockaddr_un::sun_path) - 1: the longest socket path the kernel takes.
constexpr std::size_t kMaxSocketPath = 107;
constexpr std::string_view kTempSocketPrefix = "/tmp/usher-pg-";
constexpr const char* kSettingsFile = "usher.conf";
constexpr std::string_view kIncludeLine = "include_if_exists = 'usher.conf'";
// pg_ctl -l: what the server says before its logging collector takes over (start-up failures).
constexpr const char* kStartupLog = "startup.log";
constexpr const char* kStartTimeoutSeconds = "120";

std::string quoted(const fs::path& path) {
    return "\"" + path.string() + "\"";
}

std::string errnoText() {
    return std::strerror(errno);
}

// The identity the PostgreSQL programs run as when this process is root.
struct ServiceUser {
    uid_t uid = 0;
    gid_t gid = 0;
    std::string runuser;
};

struct Context {
    fs::path clusterDir;
    fs::path binDir;
    std::optional<ServiceUser> serviceUser;

    fs::path program(const char* name) const { return binDir / name; }
};

fs::path normalized(const fs::path& path) {
    fs::path result = fs::absolute(path).lexically_normal();
    if (!result.has_filename() && result.has_parent_path() && result != result.root_path()) {
        result = result.parent_path();
    }
    return result;
}

std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            encoded += c;
        } else {
            encoded += '%';
            encoded += kHex[byte >> 4];
            encoded += kHex[byte & 0x0F];
        }
    }
    return encoded;
}

std::string readTail(const fs::path& file, std::size_t maxBytes) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return {};
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    const auto limit = static_cast<std::streamoff>(maxBytes);
    in.seekg(size > limit ? size - limit : 0);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool isExecutableFile(const fs::path& path) {
    std::error_code error;
    return fs::is_regular_file(path, error) && access(path.c_str(), X_OK) == 0;
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

Result<fs::path> resolveBinDir(const EmbeddedPostgresOptions& options) {
    fs::path dir;
    std::string source;
    if (options.binDir) {
        dir = *options.binDir;
        source = "the configured PostgreSQL directory";
    } else if (const char* env = std::getenv("USHER_PG_BINDIR"); env != nullptr && *env != '\0') {
        dir = env;
        source = "USHER_PG_BINDIR";
    } else if (std::error_code error; fs::is_directory("/usr/lib/postgresql/15/bin", error)) {
        dir = "/usr/lib/postgresql/15/bin";
        source = "the PostgreSQL 15 default";
    } else {
        const auto pgConfig = runProcess({"pg_config", "--bindir"});
        if (!pgConfig || pgConfig->exitCode != 0) {
            return unexpected(
                std::string("cannot find the PostgreSQL programs (initdb, pg_ctl): install postgresql-15 "
                            "or set USHER_PG_BINDIR to the directory that holds them"));
        }
        dir = trimmed(pgConfig->output);
        source = "pg_config --bindir";
    }
    for (const char* program : {"initdb", "pg_ctl", "postgres"}) {
        if (!isExecutableFile(dir / program)) {
            return unexpected(
                "PostgreSQL programs not found: " + quoted(dir / program) + " (from " + source +
                ") is not an executable file; install postgresql-15 or set USHER_PG_BINDIR to the "
                "directory that holds initdb and pg_ctl");
        }
    }
    return dir;
}

Result<std::optional<ServiceUser>> serviceUserIfRoot() {
    if (geteuid() != 0) {
        return std::optional<ServiceUser>();
    }
    const passwd* entry = getpwnam(kServiceUser);
    if (entry == nullptr) {
        return unexpected(
            std::string("running as root, PostgreSQL has to run as the \"postgres\" user, which does "
                        "not exist: install postgresql-15 (it creates the user)"));
    }
    ServiceUser user{entry->pw_uid, entry->pw_gid, {}};
    for (const char* candidate : {"/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"}) {
        if (isExecutableFile(candidate)) {
            user.runuser = candidate;
            break;
        }
    }
    if (user.runuser.empty()) {
        return unexpected(
            std::string("running as root, PostgreSQL is started with runuser (util-linux), which "
                        "was not found in /usr/sbin or /sbin"));
    }
    return std::optional<ServiceUser>(user);
}

std::vector<std::string> asServiceUser(const Context& context, std::vector<std::string> argv) {
    if (!context.serviceUser) {
        return argv;
    }
    std::vector<std::string> wrapped{context.serviceUser->runuser, "-u", kServiceUser, "--"};
    wrapped.insert(wrapped.end(), std::make_move_iterator(argv.begin()), std::make_move_iterator(argv.end()));
    return wrapped;
}

bool serviceUserCanEnter(const Context& context, const fs::path& dir) {
    const auto result = runProcess(asServiceUser(context, {"/usr/bin/test", "-x", dir.string()}));
    return result && result->exitCode == 0;
}

// As root the cluster belongs to "postgres", which must be able to walk down to it: a data directory
// under /root, for example, is out of its reach and PostgreSQL would fail with a cryptic message.
Result<Done> checkReachable(const Context& context, const fs::path& dir, const fs::path& purpose) {
    fs::path existing = dir;
    std::error_code error;
    while (!fs::exists(existing, error) && existing.has_parent_path() && existing != existing.root_path()) {
        existing = existing.parent_path();
    }
    if (serviceUserCanEnter(context, existing)) {
        return Done{};
    }
    fs::path blocked = existing;
    fs::path prefix;
    for (const fs::path& part : existing) {
        prefix /= part;
        if (!serviceUserCanEnter(context, prefix)) {
            blocked = prefix;
            break;
        }
    }
    return unexpected(
        "PostgreSQL runs as the \"postgres\" user when usher-server runs as root, and that user "
        "cannot enter " +
        quoted(blocked) + " on the way to " + quoted(purpose) +
        ". Use a data directory it can reach, e.g. --data-dir /var/lib/usher, or an existing "
        "PostgreSQL server with --database postgresql://...");
}

// Creates dir and its missing parents. Parents get mode 0755 whatever the umask, so that the service
// user can pass through them; dir itself gets `mode`.
Result<Done> makeDirectories(const fs::path& dir, mode_t mode) {
    fs::path prefix;
    for (auto part = dir.begin(); part != dir.end(); ++part) {
        prefix /= *part;
        const bool leaf = std::next(part) == dir.end();
        const mode_t wanted = leaf ? mode : 0755;
        if (mkdir(prefix.c_str(), wanted) == 0) {
            if (chmod(prefix.c_str(), wanted) != 0) {
                return unexpected("cannot set the permissions of " + quoted(prefix) + ": " + errnoText());
            }
        } else if (errno != EEXIST) {
            return unexpected("cannot create the directory " + quoted(prefix) + ": " + errnoText());
        }
    }
    std::error_code error;
    if (!fs::is_directory(dir, error)) {
        return unexpected(quoted(dir) + " exists and is not a directory");
    }
    return Done{};
}

Result<Done> giveToServiceUser(const Context& context, const fs::path& path) {
    if (context.serviceUser && chown(path.c_str(), context.serviceUser->uid, context.serviceUser->gid) != 0) {
        return unexpected("cannot hand " + quoted(path) + " to the postgres user: " + errnoText());
    }
    return Done{};
}

bool socketPathFits(const fs::path& socketDir, std::uint16_t port) {
    const std::string socketFile = "/.s.PGSQL." + std::to_string(port);
    return socketDir.string().size() + socketFile.size() <= kMaxSocketPath;
}

bool isTemporarySocketDir(const fs::path& dir) {
    return dir.string().starts_with(kTempSocketPrefix);
}

struct SocketDir {
    fs::path path;
    bool temporary = false;
};

Result<SocketDir> prepareSocketDir(const Context& context, const EmbeddedPostgresOptions& options) {
    SocketDir chosen{
        options.socketDir ? normalized(*options.socketDir) : context.clusterDir.parent_path() / "run", false};
    if (!socketPathFits(chosen.path, options.port)) {
        if (options.socketDir) {
            return unexpected("the socket directory " + quoted(chosen.path) +
                              " is too long for a Unix socket path (at most 107 bytes with the file name)");
        }
        std::string pattern = std::string(kTempSocketPrefix) + "XXXXXX";
        if (mkdtemp(pattern.data()) == nullptr) {
            return unexpected("cannot create a socket directory under /tmp: " + errnoText());
        }
        chosen = {pattern, true};
    } else if (auto made = makeDirectories(chosen.path, 0700); !made) {
        return unexpected(made.error());
    }
    if (chmod(chosen.path.c_str(), 0700) != 0) {
        return unexpected("cannot set the permissions of " + quoted(chosen.path) + ": " + errnoText());
    }
    if (auto given = giveToServiceUser(context, chosen.path); !given) {
        return unexpected(given.error());
    }
    return chosen;
}

std::string settingValue(const std::string& text) {
    std::string quotedText = "'";
    for (const char c : text) {
        quotedText += c;
        if (c == '\'') {
            quotedText += '\'';
        }
    }
    return quotedText + "'";
}

// The cluster's settings live in usher.conf, rewritten at every start and included at the end of
// postgresql.conf: what an operator writes after the include line (or with ALTER SYSTEM) wins.
Result<Done> writeSettings(const Context& context, const fs::path& socketDir, std::uint16_t port) {
    const fs::path settingsFile = context.clusterDir / kSettingsFile;
    {
        std::ofstream out(settingsFile, std::ios::trunc);
        out << "# Written by usher-server at every start: edits here are lost. Override a setting in\n"
               "# postgresql.conf after the include line, or with ALTER SYSTEM.\n"
               "listen_addresses = ''\n"
               "port = "
            << port << "\n"
            << "unix_socket_directories = " << settingValue(socketDir.string()) << "\n"
            << "unix_socket_permissions = 0700\n"
               "# Every acknowledged write is on disk before the reply leaves the server.\n"
               "fsync = on\n"
               "synchronous_commit = on\n"
               "max_connections = 200\n"
               "shared_buffers = '256MB'\n"
               "timezone = 'UTC'\n"
               "logging_collector = on\n"
               "log_directory = 'log'\n"
               "log_filename = 'postgresql-%a.log'\n"
               "log_truncate_on_rotation = on\n"
               "log_rotation_age = '1d'\n"
               "log_rotation_size = 0\n"
               "log_line_prefix = '%m [%p] %q%u@%d '\n";
        if (!out.flush()) {
            return unexpected("cannot write " + quoted(settingsFile));
        }
    }
    if (chmod(settingsFile.c_str(), 0600) != 0) {
        return unexpected("cannot set the permissions of " + quoted(settingsFile) + ": " + errnoText());
    }
    if (auto given = giveToServiceUser(context, settingsFile); !given) {
        return unexpected(given.error());
    }

    const fs::path mainFile = context.clusterDir / "postgresql.conf";
    std::ifstream in(mainFile);
    if (!in) {
        return unexpected("cannot read " + quoted(mainFile));
    }
    const std::string mainText((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (mainText.find(kIncludeLine) == std::string::npos) {
        std::ofstream out(mainFile, std::ios::app);
        out << "\n# usher-server's settings, rewritten at every start. Settings after this line win.\n"
            << kIncludeLine << "\n";
        if (!out.flush()) {
            return unexpected("cannot append to " + quoted(mainFile));
        }
    }
    return Done{};
}

Result<Done> initdb(const Context& context) {
    const auto result = runProcess(asServiceUser(
        context, {context.program("initdb").string(), "--pgdata=" + context.clusterDir.string(),
                  "--encoding=UTF8", "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=reject",
                  "--username=" + std::string(kSuperuser), "--no-instructions"}));
    if (!result) {
        return unexpected(result.error());
    }
    if (result->exitCode != 0) {
        return unexpected("initdb could not create a PostgreSQL cluster in " + quoted(context.clusterDir) +
                          " (exit code " + std::to_string(result->exitCode) +
                          "):" + lastLines(result->output, 15));
    }
    return Done{};
}

struct PidFile {
    pid_t pid = 0;
    std::uint16_t port = 0;
    fs::path socketDir;
};

// postmaster.pid: line 1 the PID, line 4 the port, line 5 the first socket directory.
std::optional<PidFile> readPidFile(const fs::path& clusterDir) {
    std::ifstream in(clusterDir / "postmaster.pid");
    std::vector<std::string> lines;
    for (std::string line; lines.size() < 5 && std::getline(in, line);) {
        lines.push_back(line);
    }
    if (lines.size() < 5) {
        return std::nullopt;
    }
    PidFile pidFile;
    long pid = 0;
    unsigned port = 0;
    const auto pidParsed = std::from_chars(lines[0].data(), lines[0].data() + lines[0].size(), pid);
    const auto portParsed = std::from_chars(lines[3].data(), lines[3].data() + lines[3].size(), port);
    if (pidParsed.ec != std::errc() || portParsed.ec != std::errc() || port > 65535 || pid <= 0) {
        return std::nullopt;
    }
    pidFile.pid = static_cast<pid_t>(pid);
    pidFile.port = static_cast<std::uint16_t>(port);
    pidFile.socketDir = lines[4];
    return pidFile;
}

// pg_ctl status only asks whether the PID in postmaster.pid is alive. After a reboot or in a new
// container that PID may belong to an unrelated process, which must not be taken for PostgreSQL.
bool isPostgresProcess(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
    if (!in) {
        return true; // no /proc to ask: trust pg_ctl
    }
    std::string program;
    std::getline(in, program, '\0');
    const std::string name = fs::path(program).filename().string();
    return name.find("postgres") != std::string::npos || name.find("postmaster") != std::string::npos;
}

Result<bool> clusterIsRunning(const Context& context) {
    const auto result = runProcess(asServiceUser(
        context, {context.program("pg_ctl").string(), "status", "-D", context.clusterDir.string()}));
    if (!result) {
        return unexpected(result.error());
    }
    if (result->exitCode == 3) {
        return false;
    }
    if (result->exitCode != 0) {
        return unexpected("pg_ctl status failed for " + quoted(context.clusterDir) + " (exit code " +
                          std::to_string(result->exitCode) + "):" + lastLines(result->output, 5));
    }
    const auto pidFile = readPidFile(context.clusterDir);
    if (pidFile && !isPostgresProcess(pidFile->pid)) {
        std::error_code ignored;
        fs::remove(context.clusterDir / "postmaster.pid", ignored);
        return false;
    }
    return true;
}

std::optional<fs::path> newestFileIn(const fs::path& dir) {
    std::error_code error;
    std::optional<fs::path> newest;
    fs::file_time_type newestTime;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        const auto time = it->last_write_time(error);
        if (!error && (!newest || time > newestTime)) {
            newest = it->path();
            newestTime = time;
        }
    }
    return newest;
}

// Where the logging collector's newest file ended before a start, so that a failed start reports
// what that start logged and not what earlier runs did.
struct LogMark {
    std::optional<fs::path> file;
    std::uintmax_t size = 0;
};

LogMark markServerLog(const fs::path& clusterDir) {
    LogMark mark{newestFileIn(clusterDir / "log"), 0};
    if (mark.file) {
        std::error_code error;
        const std::uintmax_t size = fs::file_size(*mark.file, error);
        mark.size = error ? 0 : size;
    }
    return mark;
}

std::string serverLogSince(const LogMark& mark, const fs::path& clusterDir) {
    const auto newest = newestFileIn(clusterDir / "log");
    if (!newest) {
        return {};
    }
    std::string text = readTail(*newest, 16 * 1024);
    if (newest == mark.file) {
        std::error_code error;
        const std::uintmax_t size = fs::file_size(*newest, error);
        const std::uintmax_t added = !error && size > mark.size ? size - mark.size : 0;
        if (added < text.size()) {
            text.erase(0, text.size() - static_cast<std::size_t>(added));
        }
    }
    return text;
}

Result<Done> pgCtlStart(const Context& context) {
    const fs::path startupLog = context.clusterDir / kStartupLog;
    const std::vector<std::string> argv = asServiceUser(
        context, {context.program("pg_ctl").string(), "start", "-D", context.clusterDir.string(), "-l",
                  startupLog.string(), "-w", "-t", kStartTimeoutSeconds, "-s"});
    // Right after a crash the old server may not be quite gone: its processes still hold the shared
    // memory, or its PID in the socket lock file is still alive (a zombie until it is reaped). Both
    // pass within seconds; a real conflict (another server on the same socket) is reported after the
    // retries.
    for (int attempt = 0;; ++attempt) {
        std::error_code ignored;
        fs::remove(startupLog, ignored); // keep only this start's messages
        const LogMark mark = markServerLog(context.clusterDir);
        const auto result = runProcess(argv);
        if (!result) {
            return unexpected(result.error());
        }
        if (result->exitCode == 0) {
            return Done{};
        }
        const std::string startupText = readTail(startupLog, 16 * 1024);
        const std::string serverText = serverLogSince(mark, context.clusterDir);
        const std::string log = startupText + serverText;
        const bool oldServerLingers = log.find("is still in use") != std::string::npos ||
                                      log.find("already exists") != std::string::npos;
        if (attempt < 20 && oldServerLingers) {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            continue;
        }
        std::string message = "PostgreSQL did not start in " + quoted(context.clusterDir) +
                              " (pg_ctl exit code " + std::to_string(result->exitCode) +
                              "):" + lastLines(result->output, 5);
        if (const std::string tail = lastLines(startupText, 15); !tail.empty()) {
            message += "\nlast lines of " + startupLog.string() + ":" + tail;
        }
        if (const std::string tail = lastLines(serverText, 15); !tail.empty()) {
            message +=
                "\nlast lines of the server log in " + (context.clusterDir / "log").string() + ":" + tail;
        }
        return unexpected(message);
    }
}

Result<Done> pgCtlStop(const Context& context) {
    const auto result =
        runProcess(asServiceUser(context, {context.program("pg_ctl").string(), "stop", "-D",
                                           context.clusterDir.string(), "-m", "fast", "-w", "-s"}));
    if (!result) {
        return unexpected(result.error());
    }
    if (result->exitCode != 0) {
        return unexpected("pg_ctl could not stop PostgreSQL in " + quoted(context.clusterDir) +
                          " (exit code " + std::to_string(result->exitCode) +
                          "):" + lastLines(result->output, 5));
    }
    return Done{};
}

bool canConnect(const std::string& url) {
    try {
        pqxx::connection connection(url);
        return connection.is_open();
    } catch (const std::exception&) {
        return false;
    }
}

Result<Done> ensureDatabase(const std::string& adminUrl, const std::string& database) {
    try {
        pqxx::connection connection(adminUrl);
        pqxx::nontransaction transaction(connection);
        const pqxx::result existing =
            transaction.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", database);
        if (existing.empty()) {
            try {
                transaction.exec0("CREATE DATABASE " + transaction.quote_name(database));
            } catch (const pqxx::sql_error& error) {
                if (error.sqlstate() != "42P04") { // created by someone else meanwhile
                    throw;
                }
            }
        }
        return Done{};
    } catch (const std::exception& error) {
        return unexpected("cannot create the database \"" + database +
                          "\" in the embedded PostgreSQL: " + trimmed(error.what()));
    }
}

Result<Context> makeContext(const fs::path& clusterDir, const EmbeddedPostgresOptions& options) {
    auto binDir = resolveBinDir(options);
    if (!binDir) {
        return unexpected(binDir.error());
    }
    auto serviceUser = serviceUserIfRoot();
    if (!serviceUser) {
        return unexpected(serviceUser.error());
    }
    return Context{normalized(clusterDir), *binDir, *serviceUser};
}

} // namespace

struct EmbeddedPostgres::State {
    Context context;
    fs::path socketDir;
    std::uint16_t port = 0;
    std::string database;
    bool stopOnDestruction = true;
    bool temporarySocketDir = false;
    bool reused = false;
    bool running = false;
};

std::string postgresSocketUrl(const fs::path& socketDir, std::uint16_t port, std::string_view user,
                              std::string_view database) {
    return "postgresql:///" + percentEncode(database) + "?host=" + percentEncode(socketDir.string()) +
           "&port=" + std::to_string(port) + "&user=" + percentEncode(user);
}

Expected<EmbeddedPostgres, std::string> EmbeddedPostgres::start(const fs::path& clusterDir, Options options) {
    if (options.database.empty()) {
        return unexpected(std::string("the embedded PostgreSQL needs a database name"));
    }
    auto context = makeContext(clusterDir, options);
    if (!context) {
        return unexpected(context.error());
    }
    if (context->serviceUser) {
        if (auto reachable = checkReachable(*context, context->clusterDir.parent_path(), context->clusterDir);
            !reachable) {
            return unexpected(reachable.error());
        }
        if (options.socketDir) {
            if (auto reachable = checkReachable(*context, normalized(*options.socketDir), *options.socketDir);
                !reachable) {
                return unexpected(reachable.error());
            }
        }
    }
    if (auto made = makeDirectories(context->clusterDir, 0700); !made) {
        return unexpected(made.error());
    }
    if (auto given = giveToServiceUser(*context, context->clusterDir); !given) {
        return unexpected(given.error());
    }
    if (std::error_code error; !fs::exists(context->clusterDir / "PG_VERSION", error)) {
        if (auto created = initdb(*context); !created) {
            return unexpected(created.error());
        }
    }

    auto state = std::make_unique<State>();
    state->context = *context;
    state->database = options.database;
    state->stopOnDestruction = options.stopOnDestruction;

    auto running = clusterIsRunning(*context);
    if (!running) {
        return unexpected(running.error());
    }
    if (*running) {
        // A previous process left it running (it crashed, or it detached on purpose): adopt it when it
        // answers, else restart it.
        const auto pidFile = readPidFile(context->clusterDir);
        if (pidFile &&
            canConnect(postgresSocketUrl(pidFile->socketDir, pidFile->port, kSuperuser, "postgres"))) {
            state->socketDir = pidFile->socketDir;
            state->port = pidFile->port;
            state->temporarySocketDir = isTemporarySocketDir(pidFile->socketDir);
            state->reused = true;
        } else if (auto stopped = pgCtlStop(*context); !stopped) {
            // It may have died between the two questions (a crashed server's last moments).
            const auto stillRunning = clusterIsRunning(*context);
            if (!stillRunning || *stillRunning) {
                return unexpected(stopped.error());
            }
        }
    }
    if (!state->reused) {
        auto socketDir = prepareSocketDir(*context, options);
        if (!socketDir) {
            return unexpected(socketDir.error());
        }
        state->socketDir = socketDir->path;
        state->port = options.port;
        state->temporarySocketDir = socketDir->temporary;
        auto started = writeSettings(*context, state->socketDir, state->port);
        if (started) {
            started = pgCtlStart(*context);
        }
        if (!started) {
            if (state->temporarySocketDir) {
                std::error_code ignored;
                fs::remove(state->socketDir, ignored);
            }
            return unexpected(started.error());
        }
    }
    state->running = true;

    EmbeddedPostgres server(std::move(state));
    if (auto created = ensureDatabase(server.connectionUrl("postgres"), options.database); !created) {
        server.stop();
        return unexpected(created.error());
    }
    return server;
}

Expected<Done, std::string> EmbeddedPostgres::stopCluster(const fs::path& clusterDir, Options options) {
    if (std::error_code error; !fs::exists(normalized(clusterDir) / "PG_VERSION", error)) {
        return Done{}; // no cluster, nothing runs
    }
    auto context = makeContext(clusterDir, options);
    if (!context) {
        return unexpected(context.error());
    }
    auto running = clusterIsRunning(*context);
    if (!running) {
        return unexpected(running.error());
    }
    if (!*running) {
        return Done{};
    }
    const auto pidFile = readPidFile(context->clusterDir);
    if (auto stopped = pgCtlStop(*context); !stopped) {
        return stopped;
    }
    if (pidFile && isTemporarySocketDir(pidFile->socketDir)) {
        std::error_code ignored;
        fs::remove(pidFile->socketDir, ignored);
    }
    return Done{};
}

EmbeddedPostgres::EmbeddedPostgres(std::unique_ptr<State> state) : m_state(std::move(state)) {}

EmbeddedPostgres::EmbeddedPostgres(EmbeddedPostgres&& other) noexcept = default;

EmbeddedPostgres& EmbeddedPostgres::operator=(EmbeddedPostgres&& other) noexcept {
    if (this != &other) {
        if (m_state && m_state->stopOnDestruction) {
            stop();
        }
        m_state = std::move(other.m_state);
    }
    return *this;
}

EmbeddedPostgres::~EmbeddedPostgres() {
    if (m_state && m_state->stopOnDestruction) {
        stop();
    }
}

std::string EmbeddedPostgres::connectionUrl() const {
    return connectionUrl(m_state->database);
}

std::string EmbeddedPostgres::connectionUrl(std::string_view database) const {
    return postgresSocketUrl(m_state->socketDir, m_state->port, kSuperuser, database);
}

const fs::path& EmbeddedPostgres::clusterDir() const {
    return m_state->context.clusterDir;
}

const fs::path& EmbeddedPostgres::socketDir() const {
    return m_state->socketDir;
}

bool EmbeddedPostgres::reusedRunningServer() const {
    return m_state->reused;
}

bool EmbeddedPostgres::isRunning() const {
    return m_state && m_state->running;
}

void EmbeddedPostgres::stop() {
    if (!m_state || !m_state->running) {
        return;
    }
    m_state->running = false;
    if (auto stopped = pgCtlStop(m_state->context); !stopped) {
        std::cerr << "usher: " << stopped.error() << "\n";
        return;
    }
    if (m_state->temporarySocketDir) {
        std::error_code ignored;
        fs::remove(m_state->socketDir, ignored);
    }
}

} // namespace usher::server::app
