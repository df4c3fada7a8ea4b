#include "server/net/responses.h"

#include <boost/json/serialize.hpp>

#include <stdexcept>
#include <string>

namespace usher::server::net {

HttpResponse problemResponse(const protocol::Problem& problem, unsigned version) {
    HttpResponse response{static_cast<http::status>(problem.status), version};
    response.set(http::field::server, kServerHeader);
    response.set(http::field::content_type, protocol::kProblemContentType);
    if (problem.retryAfter) {
        response.set(http::field::retry_after, std::to_string(*problem.retryAfter));
    }
    response.body() = boost::json::serialize(protocol::toJson(problem));
    response.prepare_payload();
    return response;
}

namespace {

// For statuses with no Usher problem kind, RFC 9457's about:blank: the title is the status phrase.
protocol::Problem plainProblem(int status, std::string title, std::string detail) {
    protocol::Problem problem;
    problem.status = status;
    problem.title = std::move(title);
    problem.detail = std::move(detail);
    return problem;
}

} // namespace

protocol::Problem malformedRequestProblem(std::string_view reason) {
    return plainProblem(400, "Bad Request", "malformed HTTP request: " + std::string(reason));
}

protocol::Problem headerTooLargeProblem(std::size_t limit) {
    return plainProblem(431, "Request Header Fields Too Large",
                        "the request line and headers exceed " + std::to_string(limit) + " bytes");
}

protocol::Problem bodyTooLargeProblem(std::size_t limit) {
    return protocol::makeProblem(protocol::ProblemKind::PayloadTooLarge,
                                 "the request body exceeds " + std::to_string(limit) + " bytes");
}

protocol::Problem overloadedProblem() {
    auto problem = protocol::makeProblem(protocol::ProblemKind::ServiceUnavailable,
                                         "the server has too many open connections");
    problem.retryAfter = 1;
    return problem;
}

protocol::Problem badWebSocketHandshakeProblem(int status, std::string_view reason) {
    return plainProblem(status, status == 426 ? "Upgrade Required" : "Bad Request",
                        "bad WebSocket handshake: " + std::string(reason));
}

protocol::Problem notFoundProblem() {
    return protocol::makeProblem(protocol::ProblemKind::NotFound);
}

void finishResponse(HttpResponse& response) {
    response.set(http::field::server, kServerHeader);
    if (response.has_content_length() || response.chunked()) {
        return;
    }
    try {
        response.prepare_payload();
    } catch (const std::invalid_argument&) {
        response.body().clear();
        response.prepare_payload();
    }
}

} // namespace usher::server::net
