#pragma once

#include "common/protocol/problem.h"
#include "common/util/expected.h"

namespace usher::server::services {

// Every use case answers with its result or the problem the client sees, so the REST routes and
// the WebSocket protocol report the same error in the same words.
template <typename T>
using Outcome = Expected<T, protocol::Problem>;

inline Unexpected<protocol::Problem> fail(protocol::ProblemKind kind,
                                          std::optional<std::string> detail = {}) {
    return unexpected(protocol::makeProblem(kind, std::move(detail)));
}

} // namespace usher::server::services
