#pragma once

#include "common/util/expected.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace usher::server::security {

// The fewest secret bytes a file may hold (256 bits).
inline constexpr std::size_t kMinSecretFileBytes = 32;

// Reads a secret kept as one line of standard base64 text, the format of
// `openssl rand -base64 48 > jwt.secret`, so operators can provide their own. Whitespace and line
// breaks are ignored. When the file does not exist it is created with `bytes` random bytes, mode
// 0600, written to a temporary file in the same directory and moved into place without replacing
// a file another process created meanwhile (then that file is read). Errors name the file:
// unreadable, not base64, fewer than 32 bytes, missing directory. `bytes` below 32 throws
// std::invalid_argument (a programming error).
Expected<std::vector<unsigned char>, std::string> loadOrCreateSecretFile(const std::filesystem::path& file,
                                                                         std::size_t bytes);

} // namespace usher::server::security
