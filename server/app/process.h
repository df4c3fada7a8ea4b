#pragma once

#include "common/util/expected.h"

#include <cstddef>
#include <string>
#include <vector>

namespace usher::server::app {

struct ProcessResult {
    int exitCode = 0;   // the exit status, or 128 + the signal number that ended the process
    std::string output; // stdout and stderr interleaved, the last 64 KiB
};

// Runs argv[0] (an absolute path, or a name looked up in PATH) with the given arguments; no shell is
// involved, so arguments need no quoting. stdin is /dev/null, no other descriptor of this process is
// inherited (a server started from here must not keep our sockets or pipes open), signal handling
// starts from the defaults, and the working directory is "/" so that a program run as another user
// does not trip over a working directory it cannot read. The error is set only when the program
// could not be started at all.
Expected<ProcessResult, std::string> runProcess(const std::vector<std::string>& argv);

// The last `count` lines of `text`, each indented, for error messages.
std::string lastLines(const std::string& text, std::size_t count);

} // namespace usher::server::app
