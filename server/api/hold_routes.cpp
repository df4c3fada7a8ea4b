#include "server/api/http_io.h"
#include "server/api/routes.h"

namespace usher::server::api {

using net::http::status;
using net::http::verb;

namespace {

std::int64_t ticketCount(const protocol::HoldResponse& hold) {
    std::int64_t count = static_cast<std::int64_t>(hold.seats.size());
    for (const protocol::HeldGa& line : hold.ga) {
        count += line.quantity;
    }
    return count;
}

} // namespace

void addHoldRoutes(ApiRouter& router, ApiServices& services) {
    router.add(verb::post, "/api/v1/events/{id}/holds", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            auto body = readBody<protocol::HoldRequest>(request.http);
            if (!body) {
                return problemResponse(request.http, body.error());
            }
            auto hold = services.holds.hold(caller, request.param("id"), *body);
            if (hold) {
                services.metrics.holdsCreated(1, ticketCount(*hold));
            }
            return answer(request.http, hold, status::created);
        });
    });
    router.add(verb::get, "/api/v1/holds/{id}", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return answer(request.http, services.holds.get(caller, request.param("id")));
        });
    });
    router.add(verb::patch, "/api/v1/holds/{id}", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            auto body = readBody<protocol::ExtendHoldRequest>(request.http, true);
            if (!body) {
                return problemResponse(request.http, body.error());
            }
            return answer(request.http, services.holds.extend(caller, request.param("id"), *body));
        });
    });
    router.add(verb::post, "/api/v1/holds/{id}/seats", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            auto body = readBody<protocol::ChangeHoldSeatsRequest>(request.http);
            if (!body) {
                return problemResponse(request.http, body.error());
            }
            return answer(request.http, services.holds.changeSeats(caller, request.param("id"), *body));
        });
    });
    router.add(verb::delete_, "/api/v1/holds/{id}", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            auto released = services.holds.release(caller, request.param("id"));
            if (!released) {
                return problemResponse(request.http, released.error());
            }
            return emptyResponse(request.http, status::no_content);
        });
    });
}

} // namespace usher::server::api
