#include "server/api/http_io.h"
#include "server/api/routes.h"

namespace usher::server::api {

using net::http::status;
using net::http::verb;

void addShiftRoutes(ApiRouter& router, ApiServices& services) {
    router.add(verb::post, "/api/v1/shifts", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            auto body = readBody<protocol::OpenShiftRequest>(request.http);
            if (!body) {
                return problemResponse(request.http, body.error());
            }
            return answer(request.http, services.shifts.open(caller, *body), status::created);
        });
    });
    // Before /shifts/{id}: "current" is not a shift id.
    router.add(verb::get, "/api/v1/shifts/current", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            const std::optional<std::string> device = request.queryValue("device");
            if (!device) {
                return problemResponse(
                    request.http, protocol::validationProblem({{"device", "the device's name is required"}}));
            }
            return answer(request.http, services.shifts.current(caller, *device));
        });
    });
    router.add(verb::get, "/api/v1/shifts/{id}", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return answer(request.http, services.shifts.report(caller, request.param("id")));
        });
    });
    router.add(verb::post, "/api/v1/shifts/{id}/close", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            auto body = readBody<protocol::CloseShiftRequest>(request.http);
            if (!body) {
                return problemResponse(request.http, body.error());
            }
            return answer(request.http, services.shifts.close(caller, request.param("id"), *body));
        });
    });
}

} // namespace usher::server::api
