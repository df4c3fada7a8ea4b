#pragma once

#include "common/json/decoder.h"
#include "common/protocol/problem.h"
#include "server/net/handlers.h"
#include "server/services/outcome.h"

#include <boost/json/value.hpp>

namespace usher::server::api {

// JSON in, JSON out, problem+json for errors: the few shapes every route answers with.
net::HttpResponse jsonResponse(const net::HttpRequest& request, net::http::status status,
                               const boost::json::value& body);
net::HttpResponse problemResponse(const net::HttpRequest& request, const protocol::Problem& problem);
net::HttpResponse emptyResponse(const net::HttpRequest& request, net::http::status status);

// The body as JSON: 415 unless it is declared application/json, 400 malformed-json for bad syntax
// or nesting deeper than Boost.JSON's default 32 levels. An empty body reads as {} when
// `emptyIsObject` (PATCH with nothing to change), else it is malformed.
services::Outcome<boost::json::value> readJsonBody(const net::HttpRequest& request,
                                                   bool emptyIsObject = false);

// The body decoded into a protocol message; 400 validation with every error's path.
template <typename T>
services::Outcome<T> readBody(const net::HttpRequest& request, bool emptyIsObject = false) {
    auto value = readJsonBody(request, emptyIsObject);
    if (!value) {
        return unexpected(value.error());
    }
    auto decoded = json::decodeValue<T>(*value);
    if (!decoded) {
        return unexpected(protocol::validationProblem(decoded.error()));
    }
    return std::move(decoded.value());
}

// Answers an outcome: the value as JSON with `status`, or its problem.
template <typename T>
net::HttpResponse answer(const net::HttpRequest& request, const services::Outcome<T>& outcome,
                         net::http::status status = net::http::status::ok) {
    if (!outcome) {
        return problemResponse(request, outcome.error());
    }
    return jsonResponse(request, status, toJson(*outcome));
}

} // namespace usher::server::api
