#include "server/api/http_io.h"
#include "server/api/routes.h"

namespace usher::server::api {

using net::http::status;
using net::http::verb;

namespace {

std::optional<std::string> ifMatch(const ApiRequest& request) {
    const auto header = request.http.find(net::http::field::if_match);
    if (header == request.http.end()) {
        return std::nullopt;
    }
    return std::string(header->value());
}

// A JSON answer with the ETag of its content, so the next edit can send it back as If-Match.
template <typename T>
net::HttpResponse tagged(const ApiRequest& request, const services::Outcome<services::Tagged<T>>& outcome,
                         status ok = status::ok) {
    if (!outcome) {
        return problemResponse(request.http, outcome.error());
    }
    net::HttpResponse response = jsonResponse(request.http, ok, toJson(outcome->body));
    response.set(net::http::field::etag, outcome->etag);
    response.set(net::http::field::cache_control, "no-cache");
    return response;
}

// Runs `route(caller, body)` with the request's JSON body decoded as Body.
template <typename Body, typename F>
net::HttpResponse withBody(ApiServices& services, const ApiRequest& request, F&& route) {
    return asCaller(services, request, [&](const services::Caller& caller) {
        auto body = readBody<Body>(request.http);
        if (!body) {
            return problemResponse(request.http, body.error());
        }
        return route(caller, *body);
    });
}

void addVenueRoutes(ApiRouter& router, ApiServices& services) {
    router.add(verb::get, "/api/v1/admin/venues", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return answer(request.http, services.venues.list(caller));
        });
    });
    router.add(verb::post, "/api/v1/admin/venues", [&services](const ApiRequest& request) {
        return withBody<protocol::VenueInput>(
            services, request, [&](const services::Caller& caller, const auto& body) {
                return tagged(request, services.venues.create(caller, body), status::created);
            });
    });
    router.add(verb::get, "/api/v1/admin/venues/{id}", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return tagged(request, services.venues.venue(caller, request.param("id")));
        });
    });
    router.add(verb::patch, "/api/v1/admin/venues/{id}", [&services](const ApiRequest& request) {
        return withBody<protocol::VenueInput>(
            services, request, [&](const services::Caller& caller, const auto& body) {
                return tagged(request,
                              services.venues.update(caller, request.param("id"), ifMatch(request), body));
            });
    });
    router.add(verb::get, "/api/v1/admin/venues/{id}/layout", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return tagged(request, services.venues.layout(caller, request.param("id")));
        });
    });
    router.add(verb::get, "/api/v1/admin/venues/{id}/layouts/{version}",
               [&services](const ApiRequest& request) {
                   return asCaller(services, request, [&](const services::Caller& caller) {
                       const std::optional<std::int64_t> version = parseInteger(request.param("version"));
                       if (!version || *version < 1 || *version > 1'000'000) {
                           return problemResponse(request.http,
                                                  protocol::makeProblem(protocol::ProblemKind::NotFound,
                                                                        "no such layout version"));
                       }
                       return tagged(request, services.venues.layout(caller, request.param("id"),
                                                                     static_cast<int>(*version)));
                   });
               });
    router.add(verb::post, "/api/v1/admin/venues/{id}/layouts", [&services](const ApiRequest& request) {
        return withBody<protocol::PublishLayoutRequest>(
            services, request, [&](const services::Caller& caller, const auto& body) {
                return tagged(request,
                              services.venues.publish(caller, request.param("id"), ifMatch(request), body),
                              status::created);
            });
    });
}

void addEventAdminRoutes(ApiRouter& router, ApiServices& services) {
    router.add(verb::get, "/api/v1/admin/events", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return answer(request.http, services.eventAdmin.list(caller));
        });
    });
    router.add(verb::post, "/api/v1/admin/events", [&services](const ApiRequest& request) {
        return withBody<protocol::EventInput>(
            services, request, [&](const services::Caller& caller, const auto& body) {
                return tagged(request, services.eventAdmin.create(caller, body), status::created);
            });
    });
    router.add(verb::get, "/api/v1/admin/events/{id}", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return tagged(request, services.eventAdmin.event(caller, request.param("id")));
        });
    });
    router.add(verb::patch, "/api/v1/admin/events/{id}", [&services](const ApiRequest& request) {
        return withBody<protocol::EventInput>(
            services, request, [&](const services::Caller& caller, const auto& body) {
                return tagged(
                    request, services.eventAdmin.update(caller, request.param("id"), ifMatch(request), body));
            });
    });
    router.add(verb::post, "/api/v1/admin/events/{id}/status", [&services](const ApiRequest& request) {
        return withBody<protocol::EventStatusRequest>(
            services, request, [&](const services::Caller& caller, const auto& body) {
                return tagged(request, services.eventAdmin.setStatus(caller, request.param("id"),
                                                                     ifMatch(request), body));
            });
    });
}

void addInventoryAdminRoutes(ApiRouter& router, ApiServices& services) {
    router.add(verb::get, "/api/v1/admin/events/{id}/blocks", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return answer(request.http, services.inventoryAdmin.blocks(caller, request.param("id")));
        });
    });
    router.add(verb::post, "/api/v1/admin/events/{id}/blocks", [&services](const ApiRequest& request) {
        return withBody<protocol::BlockRequest>(
            services, request, [&](const services::Caller& caller, const auto& body) {
                return answer(request.http, services.inventoryAdmin.block(caller, request.param("id"), body),
                              status::created);
            });
    });
    router.add(verb::delete_, "/api/v1/admin/events/{id}/blocks/{block}",
               [&services](const ApiRequest& request) {
                   return asCaller(services, request, [&](const services::Caller& caller) {
                       return answer(request.http, services.inventoryAdmin.releaseBlock(
                                                       caller, request.param("id"), request.param("block")));
                   });
               });
    router.add(verb::get, "/api/v1/admin/events/{id}/allotments", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return answer(request.http, services.inventoryAdmin.allotments(caller, request.param("id")));
        });
    });
    router.add(verb::post, "/api/v1/admin/events/{id}/allotments", [&services](const ApiRequest& request) {
        return withBody<protocol::AllotmentRequest>(
            services, request, [&](const services::Caller& caller, const auto& body) {
                return answer(request.http, services.inventoryAdmin.allot(caller, request.param("id"), body),
                              status::created);
            });
    });
    router.add(verb::delete_, "/api/v1/admin/events/{id}/allotments/{allotment}",
               [&services](const ApiRequest& request) {
                   return asCaller(services, request, [&](const services::Caller& caller) {
                       return answer(request.http,
                                     services.inventoryAdmin.releaseAllotment(caller, request.param("id"),
                                                                              request.param("allotment")));
                   });
               });
}

void addUserAdminRoutes(ApiRouter& router, ApiServices& services) {
    router.add(verb::get, "/api/v1/admin/users", [&services](const ApiRequest& request) {
        return asCaller(services, request, [&](const services::Caller& caller) {
            return answer(request.http, services.userAdmin.list(caller));
        });
    });
    router.add(verb::post, "/api/v1/admin/users", [&services](const ApiRequest& request) {
        return withBody<protocol::StaffInput>(
            services, request, [&](const services::Caller& caller, const auto& body) {
                return answer(request.http, services.userAdmin.create(caller, body), status::created);
            });
    });
    router.add(verb::patch, "/api/v1/admin/users/{id}", [&services](const ApiRequest& request) {
        return withBody<protocol::StaffInput>(
            services, request, [&](const services::Caller& caller, const auto& body) {
                return answer(request.http, services.userAdmin.update(caller, request.param("id"), body));
            });
    });
}

} // namespace

void addAdminRoutes(ApiRouter& router, ApiServices& services) {
    addVenueRoutes(router, services);
    addEventAdminRoutes(router, services);
    addInventoryAdminRoutes(router, services);
    addUserAdminRoutes(router, services);
}

} // namespace usher::server::api
