#pragma once

#include <boost/beast/http/verb.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace usher::server::api {

// Maps (method, path) to a handler through templates like "/api/v1/holds/{id}". A {name} segment
// matches one non-empty path segment. The template is also the metrics label of the route, so
// label values stay bounded whatever paths clients send.
template <typename Handler>
class Router {
public:
    struct Match {
        const Handler* handler = nullptr;
        const std::string* route = nullptr; // the template
        std::map<std::string, std::string, std::less<>> params;
    };

    void add(boost::beast::http::verb method, std::string pattern, Handler handler) {
        for (Route& route : m_routes) {
            if (route.pattern == pattern) {
                route.handlers.emplace(method, std::move(handler));
                return;
            }
        }
        Route route{pattern, split(pattern), {}};
        route.handlers.emplace(method, std::move(handler));
        m_routes.push_back(std::move(route));
    }

    // `segments` are the request path's segments, already percent-decoded. A path that matches a
    // template without a handler for the method gives the allowed methods instead.
    std::optional<Match> match(boost::beast::http::verb method, const std::vector<std::string>& segments,
                               std::vector<boost::beast::http::verb>* allowed = nullptr) const {
        for (const Route& route : m_routes) {
            Match result;
            if (!matches(route, segments, result.params)) {
                continue;
            }
            auto handler = route.handlers.find(method);
            if (handler == route.handlers.end()) {
                if (allowed) {
                    for (const auto& entry : route.handlers) {
                        allowed->push_back(entry.first);
                    }
                }
                return std::nullopt;
            }
            result.handler = &handler->second;
            result.route = &route.pattern;
            return result;
        }
        return std::nullopt;
    }

private:
    struct Route {
        std::string pattern;
        std::vector<std::string> segments;
        std::map<boost::beast::http::verb, Handler> handlers;
    };

    static std::vector<std::string> split(std::string_view path) {
        std::vector<std::string> segments;
        std::size_t start = 1;
        while (start <= path.size()) {
            std::size_t end = path.find('/', start);
            if (end == std::string_view::npos) {
                end = path.size();
            }
            segments.emplace_back(path.substr(start, end - start));
            start = end + 1;
        }
        return segments;
    }

    static bool matches(const Route& route, const std::vector<std::string>& segments,
                        std::map<std::string, std::string, std::less<>>& params) {
        if (route.segments.size() != segments.size()) {
            return false;
        }
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const std::string& expected = route.segments[i];
            if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}') {
                if (segments[i].empty()) {
                    return false;
                }
                params.emplace(expected.substr(1, expected.size() - 2), segments[i]);
            } else if (expected != segments[i]) {
                return false;
            }
        }
        return true;
    }

    std::vector<Route> m_routes;
};

} // namespace usher::server::api
