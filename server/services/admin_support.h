#pragma once

#include "server/services/caller.h"
#include "server/services/outcome.h"

#include <optional>
#include <string>
#include <string_view>

namespace usher::server::services {

// Administration is the admin role's: clerks sell, customers buy.
inline std::optional<Unexpected<protocol::Problem>> refuseUnlessAdmin(const Caller& caller) {
    if (caller.role != protocol::Role::Admin) {
        return fail(protocol::ProblemKind::Forbidden, "administration is for admins");
    }
    return std::nullopt;
}

inline Unexpected<protocol::Problem> badInput(std::string path, std::string message) {
    return unexpected(protocol::validationProblem({{std::move(path), std::move(message)}}));
}

// Entity tags of the admin API: "r<revision>" for venues and events, "v<version>" for a venue's
// layout. Strong tags: the revision names the content exactly.
inline std::string entityTag(char kind, int number) {
    return "\"" + std::string(1, kind) + std::to_string(number) + "\"";
}

// The revision an edit was based on, from its If-Match header: `*` means "whatever is there now"
// (the app's "overwrite" after a conflict), which is `current`. 428 without the header; 412 for a
// tag that is not the current one.
inline Outcome<int> expectedRevision(const std::optional<std::string>& ifMatch, char kind, int current) {
    if (!ifMatch) {
        return fail(protocol::ProblemKind::PreconditionRequired,
                    "send If-Match with the ETag you loaded (or * to overwrite)");
    }
    if (*ifMatch == "*" || *ifMatch == entityTag(kind, current)) {
        return current;
    }
    return fail(protocol::ProblemKind::PreconditionFailed,
                "someone else changed it since you loaded it; reload, or overwrite with If-Match: *");
}

} // namespace usher::server::services
