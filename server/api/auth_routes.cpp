#include "server/api/http_io.h"
#include "server/api/routes.h"

namespace usher::server::api {

using net::http::status;
using net::http::verb;

void addAuthRoutes(ApiRouter& router, ApiServices& services) {
    router.add(verb::post, "/api/v1/auth/login", [&services](const ApiRequest& request) {
        auto body = readBody<protocol::LoginRequest>(request.http);
        if (!body) {
            return problemResponse(request.http, body.error());
        }
        return answer(request.http, services.auth.login(*body, request.peerAddress));
    });
    router.add(verb::post, "/api/v1/auth/refresh", [&services](const ApiRequest& request) {
        auto body = readBody<protocol::RefreshRequest>(request.http);
        if (!body) {
            return problemResponse(request.http, body.error());
        }
        return answer(request.http, services.auth.refresh(*body));
    });
    router.add(verb::post, "/api/v1/customers", [&services](const ApiRequest& request) {
        auto body = readBody<protocol::CreateCustomerRequest>(request.http);
        if (!body) {
            return problemResponse(request.http, body.error());
        }
        return answer(request.http, services.auth.signUp(*body), status::created);
    });
}

} // namespace usher::server::api
