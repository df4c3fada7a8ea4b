#include "server/api/rest_api.h"

#include "server/api/http_io.h"
#include "server/observability/log.h"
#include "server/storage/storage_error.h"

#include <boost/asio/post.hpp>
#include <boost/url/parse.hpp>

#include <chrono>

namespace usher::server::api {

RestApi::RestApi(ApiServices services, boost::asio::any_io_executor workers)
    : m_services(std::move(services)), m_workers(std::move(workers)) {
    addAuthRoutes(m_router, m_services);
    addCatalogRoutes(m_router, m_services);
    addHoldRoutes(m_router, m_services);
    addOrderRoutes(m_router, m_services);
    addShiftRoutes(m_router, m_services);
    addAdminRoutes(m_router, m_services);
    addOperationsRoutes(m_router, m_services);
}

void RestApi::handle(net::HttpRequest request, const net::Peer& peer, net::Reply reply) {
    boost::asio::post(m_workers, [this, request = std::move(request), address = peer.address,
                                  reply = std::move(reply)]() mutable {
        const auto started = std::chrono::steady_clock::now();
        std::string route = "unmatched";
        net::HttpResponse response;
        try {
            response = respond(request, address, route);
        } catch (const storage::StorageUnavailable& error) {
            observability::logWarn("database unavailable", {{"route", route}, {"error", error.what()}});
            protocol::Problem problem = protocol::makeProblem(protocol::ProblemKind::ServiceUnavailable,
                                                              "the database is busy or unreachable");
            problem.retryAfter = 1;
            response = problemResponse(request, problem);
        } catch (const std::exception& error) {
            observability::logError("request failed", {{"route", route}, {"error", error.what()}});
            response = problemResponse(request, protocol::makeProblem(protocol::ProblemKind::Internal));
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        m_services.metrics.observeRequest(route, request.method_string(),
                                          static_cast<int>(response.result_int()), seconds);
        reply(std::move(response));
    });
}

net::HttpResponse RestApi::respond(const net::HttpRequest& request, const std::string& peerAddress,
                                   std::string& route) {
    auto target = boost::urls::parse_origin_form(request.target());
    if (!target) {
        return problemResponse(request,
                               protocol::makeProblem(protocol::ProblemKind::NotFound, "not a valid path"));
    }
    std::vector<std::string> segments;
    for (auto segment : target->segments()) {
        segments.push_back(segment);
    }
    std::vector<net::http::verb> allowed;
    auto match = m_router.match(request.method(), segments, &allowed);
    if (!match) {
        if (allowed.empty()) {
            return problemResponse(
                request, protocol::makeProblem(protocol::ProblemKind::NotFound, "no such resource"));
        }
        net::HttpResponse response =
            problemResponse(request, protocol::makeProblem(protocol::ProblemKind::MethodNotAllowed));
        std::string allow;
        for (net::http::verb verb : allowed) {
            allow += (allow.empty() ? "" : ", ") + std::string(net::http::to_string(verb));
        }
        response.set(net::http::field::allow, allow);
        return response;
    }
    route = *match->route;
    ApiRequest apiRequest{request, peerAddress, std::move(match->params), {}};
    for (auto param : target->params()) {
        apiRequest.query.emplace_back(param.key, param.value);
    }
    return (*match->handler)(apiRequest);
}

} // namespace usher::server::api
