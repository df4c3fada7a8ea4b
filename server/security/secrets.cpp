#include "server/security/secrets.h"

#include "server/security/sodium_support.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <stdexcept>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace usher::server::security {

namespace {

// A base64 secret of any sensible size is far below this; anything larger is the wrong file.
constexpr std::size_t kMaxSecretFileSize = 64 * 1024;

std::string describe(const std::filesystem::path& file, std::string_view problem) {
    return "secret file " + file.string() + ": " + std::string(problem);
}

std::string errnoText(int error) {
    return std::strerror(error);
}

// Closes on scope exit; the secret's text is wiped from memory when read or written.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    int get() const { return m_fd; }
    int release() {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

struct WipedString {
    std::string text;
    ~WipedString() { sodium_memzero(text.data(), text.size()); }
};

enum class ReadOutcome { Read, Missing, Failed };

ReadOutcome readFile(const std::filesystem::path& file, WipedString& out, std::string& error) {
    // O_NONBLOCK: a FIFO put where the secret belongs must not hang the start.
    const Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) {
        if (errno == ENOENT) {
            return ReadOutcome::Missing;
        }
        error = describe(file, "cannot open: " + errnoText(errno));
        return ReadOutcome::Failed;
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
        error = describe(file, "not a regular file");
        return ReadOutcome::Failed;
    }
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            error = describe(file, "cannot read: " + errnoText(errno));
            sodium_memzero(buffer, sizeof buffer);
            return ReadOutcome::Failed;
        }
        if (n == 0) {
            break;
        }
        out.text.append(buffer, static_cast<std::size_t>(n));
        if (out.text.size() > kMaxSecretFileSize) {
            error = describe(file, "too large for a secret (more than 64 KiB)");
            sodium_memzero(buffer, sizeof buffer);
            return ReadOutcome::Failed;
        }
    }
    sodium_memzero(buffer, sizeof buffer);
    return ReadOutcome::Read;
}

Expected<std::vector<unsigned char>, std::string> parseSecret(const std::filesystem::path& file,
                                                              std::string_view text) {
    const std::string hint = " (make one with `openssl rand -base64 48 > " + file.string() + "`)";
    auto decoded = base64Decode(text);
    if (!decoded) {
        return unexpected(describe(file, "is not base64 text" + hint));
    }
    if (decoded->size() < kMinSecretFileBytes) {
        const std::size_t size = decoded->size();
        sodium_memzero(decoded->data(), decoded->size());
        return unexpected(
            describe(file, "holds " + std::to_string(size) + " bytes; a secret needs at least 32" + hint));
    }
    return std::move(*decoded);
}

bool writeAll(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Moves `from` to `to` unless `to` exists. renameat2(RENAME_NOREPLACE) where the file system has
// it, a hard link otherwise; both fail with EEXIST when another process won the race.
int moveNoReplace(const std::filesystem::path& from, const std::filesystem::path& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
        return 0;
    }
    if (errno != EINVAL && errno != ENOSYS) {
        return errno;
    }
    if (::link(from.c_str(), to.c_str()) != 0) {
        return errno;
    }
    ::unlink(from.c_str());
    return 0;
}

void syncDirectory(const std::filesystem::path& directory) {
    const Fd fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0) {
        ::fsync(fd.get());
    }
}

// Creates the file; answers false with `error` empty when another process created it first.
bool createSecretFile(const std::filesystem::path& file, std::size_t bytes, std::string& error) {
    const std::filesystem::path directory = file.has_parent_path() ? file.parent_path() : ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
        error = describe(file, "directory " + directory.string() + " does not exist");
        return false;
    }
    std::vector<unsigned char> secret = randomBytes(bytes);
    WipedString text{base64Encode(secret) + "\n"};
    sodium_memzero(secret.data(), secret.size());

    const std::filesystem::path temporary =
        directory / ("." + file.filename().string() + ".tmp-" + base64UrlEncode(randomBytes(9)));
    Fd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (fd.get() < 0) {
        error = describe(file, "cannot create " + temporary.string() + ": " + errnoText(errno));
        return false;
    }
    // The umask can only narrow the mode; set it exactly anyway.
    if (::fchmod(fd.get(), 0600) != 0 || !writeAll(fd.get(), text.text) || ::fsync(fd.get()) != 0) {
        error = describe(file, "cannot write " + temporary.string() + ": " + errnoText(errno));
        ::unlink(temporary.c_str());
        return false;
    }
    if (::close(fd.release()) != 0) {
        error = describe(file, "cannot write " + temporary.string() + ": " + errnoText(errno));
        ::unlink(temporary.c_str());
        return false;
    }
    const int moveError = moveNoReplace(temporary, file);
    if (moveError != 0) {
        ::unlink(temporary.c_str());
        if (moveError != EEXIST) {
            error = describe(file, "cannot move the new secret into place: " + errnoText(moveError));
        }
        return false;
    }
    syncDirectory(directory);
    return true;
}

} // namespace

Expected<std::vector<unsigned char>, std::string> loadOrCreateSecretFile(const std::filesystem::path& file,
                                                                         std::size_t bytes) {
    if (bytes < kMinSecretFileBytes) {
        throw std::invalid_argument("loadOrCreateSecretFile: a secret needs at least 32 bytes");
    }
    std::string error;
    // Two passes at most: if another process creates the file between our read and our create,
    // its file wins and is read.
    for (int attempt = 0; attempt < 2; ++attempt) {
        WipedString text;
        switch (readFile(file, text, error)) {
        case ReadOutcome::Read:
            return parseSecret(file, text.text);
        case ReadOutcome::Failed:
            return unexpected(error);
        case ReadOutcome::Missing:
            break;
        }
        if (createSecretFile(file, bytes, error)) {
            continue; // read back what was written: one code path for every secret
        }
        if (!error.empty()) {
            return unexpected(error);
        }
    }
    return unexpected(describe(file, "disappeared while being created"));
}

} // namespace usher::server::security
