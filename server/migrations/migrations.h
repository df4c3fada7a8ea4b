#pragma once

#include <span>
#include <string_view>

namespace usher::server::migrations {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// Every migration in server/migrations/, in version order.
std::span<const Migration> all();

} // namespace usher::server::migrations
