#include "server/api/http_io.h"

#include "server/net/responses.h"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>

namespace usher::server::api {

namespace {

bool isJsonContentType(std::string_view value) {
    // "application/json", optionally with parameters ("; charset=utf-8"), any letter case.
    constexpr std::string_view kJson = "application/json";
    if (value.size() < kJson.size()) {
        return false;
    }
    for (std::size_t i = 0; i < kJson.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(value[i])) != kJson[i]) {
            return false;
        }
    }
    const std::string_view rest = value.substr(kJson.size());
    return rest.empty() || rest.front() == ';' || rest.front() == ' ';
}

} // namespace

net::HttpResponse jsonResponse(const net::HttpRequest& request, net::http::status status,
                               const boost::json::value& body) {
    net::HttpResponse response{status, request.version()};
    response.set(net::http::field::content_type, "application/json");
    response.body() = boost::json::serialize(body);
    response.prepare_payload();
    return response;
}

net::HttpResponse problemResponse(const net::HttpRequest& request, const protocol::Problem& problem) {
    net::HttpResponse response = net::problemResponse(problem, request.version());
    if (problem.status == 401) {
        response.set(net::http::field::www_authenticate, "Bearer");
    }
    return response;
}

net::HttpResponse emptyResponse(const net::HttpRequest& request, net::http::status status) {
    net::HttpResponse response{status, request.version()};
    response.prepare_payload();
    return response;
}

services::Outcome<boost::json::value> readJsonBody(const net::HttpRequest& request, bool emptyIsObject) {
    const std::string& body = request.body();
    if (body.empty() && emptyIsObject) {
        return boost::json::value(boost::json::object());
    }
    auto contentType = request.find(net::http::field::content_type);
    if (contentType == request.end() || !isJsonContentType(contentType->value())) {
        return services::fail(protocol::ProblemKind::UnsupportedMediaType,
                              "send the body as application/json");
    }
    auto value = json::parseJson(body);
    if (!value) {
        return services::fail(protocol::ProblemKind::MalformedJson, value.error().front().message);
    }
    return std::move(value.value());
}

} // namespace usher::server::api
