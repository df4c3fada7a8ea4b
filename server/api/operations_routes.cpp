#include "server/api/http_io.h"
#include "server/api/routes.h"

namespace usher::server::api {

using net::http::status;
using net::http::verb;

namespace {

net::HttpResponse textResponse(const net::HttpRequest& request, status code, std::string_view contentType,
                               std::string body) {
    net::HttpResponse response{code, request.version()};
    response.set(net::http::field::content_type, contentType);
    response.set(net::http::field::cache_control, "no-store");
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

} // namespace

void addOperationsRoutes(ApiRouter& router, ApiServices& services) {
    // Liveness: the process answers. Readiness: it can also serve (database up, schema current);
    // a load balancer sends traffic only to ready instances.
    router.add(verb::get, "/health/live", [](const ApiRequest& request) {
        return jsonResponse(request.http, status::ok, boost::json::object{{"status", "live"}});
    });
    router.add(verb::get, "/health/ready", [&services](const ApiRequest& request) {
        if (!services.ready()) {
            protocol::Problem problem =
                protocol::makeProblem(protocol::ProblemKind::ServiceUnavailable,
                                      "the database is not reachable or not migrated yet");
            problem.retryAfter = 1;
            return problemResponse(request.http, problem);
        }
        return jsonResponse(request.http, status::ok, boost::json::object{{"status", "ready"}});
    });
    router.add(verb::get, "/metrics", [&services](const ApiRequest& request) {
        return textResponse(request.http, status::ok, observability::Metrics::kContentType,
                            services.metrics.render());
    });
    router.add(verb::get, "/api/v1/openapi.yaml", [&services](const ApiRequest& request) {
        return textResponse(request.http, status::ok, "application/yaml",
                            std::string(services.openApiDocument));
    });
}

} // namespace usher::server::api
