#include "server/app/process.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace usher::server::app {

namespace {

constexpr std::size_t kMaxOutput = 64 * 1024;

std::string errnoText(int error) {
    return std::strerror(error);
}

// posix_spawn's attribute and file-action objects, released on every path.
class SpawnSetup {
public:
    SpawnSetup() {
        posix_spawn_file_actions_init(&m_actions);
        posix_spawnattr_init(&m_attributes);
    }
    ~SpawnSetup() {
        posix_spawn_file_actions_destroy(&m_actions);
        posix_spawnattr_destroy(&m_attributes);
    }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;

    posix_spawn_file_actions_t m_actions;
    posix_spawnattr_t m_attributes;
};

int waitForExit(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return -1;
        }
    }
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
    }
    if (WIFSIGNALED(status)) {
        return 128 + WTERMSIG(status);
    }
    return -1;
}

} // namespace

Expected<ProcessResult, std::string> runProcess(const std::vector<std::string>& argv) {
    if (argv.empty()) {
        return unexpected(std::string("runProcess: no program given"));
    }
    int pipeFds[2];
    if (pipe2(pipeFds, O_CLOEXEC) != 0) {
        return unexpected("cannot create a pipe for " + argv.front() + ": " + errnoText(errno));
    }

    SpawnSetup setup;
    posix_spawn_file_actions_addopen(&setup.m_actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&setup.m_actions, pipeFds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&setup.m_actions, pipeFds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclosefrom_np(&setup.m_actions, STDERR_FILENO + 1);
    posix_spawn_file_actions_addchdir_np(&setup.m_actions, "/");

    // A server process may ignore SIGPIPE or SIGCHLD or block signals; the child must not inherit that.
    sigset_t defaults;
    sigemptyset(&defaults);
    for (const int signal : {SIGPIPE, SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2}) {
        sigaddset(&defaults, signal);
    }
    sigset_t noneBlocked;
    sigemptyset(&noneBlocked);
    posix_spawnattr_setsigdefault(&setup.m_attributes, &defaults);
    posix_spawnattr_setsigmask(&setup.m_attributes, &noneBlocked);
    posix_spawnattr_setflags(&setup.m_attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const std::string& arg : argv) {
        args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);

    pid_t pid = 0;
    const int spawnError =
        posix_spawnp(&pid, argv.front().c_str(), &setup.m_actions, &setup.m_attributes, args.data(), environ);
    close(pipeFds[1]);
    if (spawnError != 0) {
        close(pipeFds[0]);
        return unexpected("cannot run " + argv.front() + ": " + errnoText(spawnError));
    }

    ProcessResult result;
    char buffer[4096];
    for (;;) {
        const ssize_t count = read(pipeFds[0], buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count <= 0) {
            break;
        }
        result.output.append(buffer, static_cast<std::size_t>(count));
        if (result.output.size() > 2 * kMaxOutput) {
            result.output.erase(0, result.output.size() - kMaxOutput);
        }
    }
    close(pipeFds[0]);
    if (result.output.size() > kMaxOutput) {
        result.output.erase(0, result.output.size() - kMaxOutput);
    }
    result.exitCode = waitForExit(pid);
    return result;
}

std::string lastLines(const std::string& text, std::size_t count) {
    std::vector<std::string_view> lines;
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::size_t newline = rest.find('\n');
        std::string_view line = rest.substr(0, newline);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (!line.empty()) {
            lines.push_back(line);
        }
        rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    }
    const std::size_t first = lines.size() > count ? lines.size() - count : 0;
    std::string indented;
    for (std::size_t i = first; i < lines.size(); ++i) {
        indented += "\n    ";
        indented += lines[i];
    }
    return indented;
}

} // namespace usher::server::app
