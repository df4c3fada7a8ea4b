#pragma once

#include <string>
#include <string_view>

namespace usher {

// ASCII letters lowered, every other byte as it is: for case-insensitive keys (emails, UUIDs,
// header values) where locale rules must not apply.
std::string asciiLowercase(std::string_view text);

// The 36-character textual form of a UUID (8-4-4-4-12 hex digits, either case). Ids that are not
// shaped like one are answered as unknown before any query.
bool isUuid(std::string_view text);

// Without ASCII spaces and tabs at either end: for names and search text people type.
std::string_view trim(std::string_view text);

} // namespace usher
