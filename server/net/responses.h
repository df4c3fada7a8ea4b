#pragma once

#include "common/protocol/problem.h"
#include "server/net/handlers.h"

#include <cstddef>
#include <string_view>

// The answers the network layer writes itself, before any handler sees a request.
namespace usher::server::net {

inline constexpr std::string_view kServerHeader = "usher";

// application/problem+json with Server: usher, Content-Length and, for problems with retry_after,
// Retry-After. Connection is left to the caller.
HttpResponse problemResponse(const protocol::Problem& problem, unsigned version = 11);

protocol::Problem malformedRequestProblem(std::string_view reason);                  // 400
protocol::Problem headerTooLargeProblem(std::size_t limit);                          // 431
protocol::Problem bodyTooLargeProblem(std::size_t limit);                            // 413
protocol::Problem overloadedProblem();                                               // 503, retry after 1 s
protocol::Problem badWebSocketHandshakeProblem(int status, std::string_view reason); // 400 or 426
protocol::Problem notFoundProblem(); // the default WebSocket refusal

// Prepares a handler's response for the wire: Server header and, when the handler left it out,
// Content-Length. A body that an empty-body status (1xx, 204, 304) cannot carry is dropped.
void finishResponse(HttpResponse& response);

} // namespace usher::server::net
