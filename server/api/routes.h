#pragma once

#include "server/api/api_request.h"
#include "server/api/router.h"
#include "server/observability/metrics.h"
#include "server/services/auth_service.h"
#include "server/services/catalog_service.h"
#include "server/services/event_admin.h"
#include "server/services/hold_service.h"
#include "server/services/inventory_admin.h"
#include "server/services/order_service.h"
#include "server/services/shift_service.h"
#include "server/services/user_admin.h"
#include "server/services/venue_admin.h"

#include <functional>
#include <string_view>

namespace usher::server::api {

// What the routes call. The services are thread-safe; the routes run on the worker pool.
struct ApiServices {
    services::AuthService& auth;
    services::CatalogService& catalog;
    services::HoldService& holds;
    services::OrderService& orders;
    services::ShiftService& shifts;
    services::VenueAdmin& venues;
    services::EventAdmin& eventAdmin;
    services::InventoryAdmin& inventoryAdmin;
    services::UserAdmin& userAdmin;
    observability::Metrics& metrics;
    // True once the database answers and the schema is current (GET /health/ready).
    std::function<bool()> ready;
    std::string_view openApiDocument; // served as /api/v1/openapi.yaml
};

using RouteHandler = std::function<net::HttpResponse(const ApiRequest&)>;
using ApiRouter = Router<RouteHandler>;

void addAuthRoutes(ApiRouter& router, ApiServices& services);
void addCatalogRoutes(ApiRouter& router, ApiServices& services);
void addHoldRoutes(ApiRouter& router, ApiServices& services);
void addOrderRoutes(ApiRouter& router, ApiServices& services);
void addShiftRoutes(ApiRouter& router, ApiServices& services);
void addOperationsRoutes(ApiRouter& router, ApiServices& services);
// /api/v1/admin/...: venues and layout versions, events, blocks, allotments and staff accounts.
void addAdminRoutes(ApiRouter& router, ApiServices& services);

// The caller named by "Authorization: Bearer <token>"; 401 without one or with a bad one.
services::Outcome<services::Caller> authenticate(const ApiServices& services, const ApiRequest& request);
// The Idempotency-Key header; 400 when missing, empty, too long or not printable ASCII.
services::Outcome<std::string> idempotencyKey(const ApiRequest& request);

// A whole decimal integer (a query parameter); nullopt for anything else.
std::optional<std::int64_t> parseInteger(std::string_view text);

// Runs `route(caller)` for an authenticated caller, or answers 401.
template <typename F>
net::HttpResponse asCaller(const ApiServices& services, const ApiRequest& request, F&& route);

} // namespace usher::server::api

#include "server/api/http_io.h"

template <typename F>
usher::server::net::HttpResponse usher::server::api::asCaller(const ApiServices& services,
                                                              const ApiRequest& request, F&& route) {
    auto caller = authenticate(services, request);
    if (!caller) {
        return problemResponse(request.http, caller.error());
    }
    return route(*caller);
}
