#pragma once

#include "server/net/handlers.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace usher::server::api {

// One REST request as the routes see it: the HTTP message, who sent it, the path parameters the
// route template named and the decoded query string.
struct ApiRequest {
    const net::HttpRequest& http;
    std::string peerAddress;
    std::map<std::string, std::string, std::less<>> params;
    std::vector<std::pair<std::string, std::string>> query;

    const std::string& param(std::string_view name) const { return params.find(name)->second; }
    // The first value of a query parameter; nullopt when absent. An empty value counts as absent.
    std::optional<std::string> queryValue(std::string_view name) const {
        for (const auto& [key, value] : query) {
            if (key == name && !value.empty()) {
                return value;
            }
        }
        return std::nullopt;
    }
};

} // namespace usher::server::api
