#include "server/api/http_io.h"
#include "server/api/routes.h"

namespace usher::server::api {

using net::http::status;
using net::http::verb;

void addOrderRoutes(ApiRouter& router, ApiServices& services) {
    router.add(verb::post, "/api/v1/holds/{id}/commit", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            auto key = idempotencyKey(request);
            if (!key) {
                return problemResponse(request.http, key.error());
            }
            auto body = readBody<protocol::CommitRequest>(request.http);
            if (!body) {
                return problemResponse(request.http, body.error());
            }
            auto committed = services.orders.commit(caller, request.param("id"), *key, *body);
            if (!committed) {
                return problemResponse(request.http, committed.error());
            }
            if (!committed->replayed) {
                services.metrics.ordersCommitted(1,
                                                 static_cast<std::int64_t>(committed->order.tickets.size()));
            }
            return jsonResponse(request.http, status::created, toJson(committed->order));
        });
    });
    router.add(verb::get, "/api/v1/orders", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            std::size_t limit = 20;
            if (std::optional<std::string> given = request.queryValue("limit")) {
                const std::optional<std::int64_t> value = parseInteger(*given);
                // Out of range goes to the service, which names the range.
                limit = value && *value > 0 ? static_cast<std::size_t>(*value) : 0;
            }
            return answer(request.http,
                          services.orders.search(caller, request.queryValue("q").value_or(""), limit));
        });
    });
    router.add(verb::post, "/api/v1/tickets/{id}/reissue", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return answer(request.http, services.orders.reissue(caller, request.param("id")),
                          status::created);
        });
    });
    router.add(verb::get, "/api/v1/orders/{id}", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return answer(request.http, services.orders.order(caller, request.param("id")));
        });
    });
    router.add(verb::post, "/api/v1/orders/{id}/refunds", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            auto key = idempotencyKey(request);
            if (!key) {
                return problemResponse(request.http, key.error());
            }
            auto body = readBody<protocol::RefundRequest>(request.http);
            if (!body) {
                return problemResponse(request.http, body.error());
            }
            auto refund = services.orders.refund(caller, request.param("id"), *key, *body);
            if (refund) {
                services.metrics.refundsIssued(1);
            }
            return answer(request.http, refund, status::created);
        });
    });
}

} // namespace usher::server::api
