#include "common/protocol/time_json.h"
#include "server/api/http_io.h"
#include "server/api/routes.h"

namespace usher::server::api {

using net::http::status;
using net::http::verb;

namespace {

services::Outcome<services::EventQuery> eventQuery(const ApiRequest& request) {
    services::EventQuery query;
    json::DecodeErrors errors;
    for (const char* name : {"q", "city", "category"}) {
        std::optional<std::string> value = request.queryValue(name);
        if (value && value->size() > protocol::kMaxNameLength) {
            errors.push_back(
                {name, "must be at most " + std::to_string(protocol::kMaxNameLength) + " characters"});
        }
    }
    query.text = request.queryValue("q");
    query.city = request.queryValue("city");
    query.category = request.queryValue("category");
    query.cursor = request.queryValue("cursor");
    for (auto [name, target] : {std::pair{"from", &query.from}, std::pair{"to", &query.to}}) {
        if (std::optional<std::string> value = request.queryValue(name)) {
            *target = protocol::parseTimestamp(*value);
            if (!*target) {
                errors.push_back({name, "must be an RFC 3339 date-time, e.g. 2026-05-01T00:00:00Z"});
            }
        }
    }
    if (std::optional<std::string> limit = request.queryValue("limit")) {
        std::optional<std::int64_t> value = parseInteger(*limit);
        if (!value || *value < 1 || *value > services::kMaxEventPageSize) {
            errors.push_back(
                {"limit", "must be an integer from 1 to " + std::to_string(services::kMaxEventPageSize)});
        } else {
            query.limit = static_cast<int>(*value);
        }
    }
    if (!errors.empty()) {
        return unexpected(protocol::validationProblem(std::move(errors)));
    }
    return query;
}

std::string seatmapEtag(const protocol::SeatmapResponse& seatmap) {
    return "\"" + seatmap.eventId + "-" + std::to_string(seatmap.seq) + "\"";
}

} // namespace

void addCatalogRoutes(ApiRouter& router, ApiServices& services) {
    router.add(verb::get, "/api/v1/events", [&services](const ApiRequest& request) {
        auto query = eventQuery(request);
        if (!query) {
            return problemResponse(request.http, query.error());
        }
        return answer(request.http, services.catalog.listEvents(*query));
    });
    router.add(verb::get, "/api/v1/events/{id}", [&services](const ApiRequest& request) {
        return answer(request.http, services.catalog.event(request.param("id")));
    });
    router.add(verb::get, "/api/v1/events/{id}/seatmap", [&services](const ApiRequest& request) {
        auto seatmap = services.catalog.seatmap(request.param("id"));
        if (!seatmap) {
            return problemResponse(request.http, seatmap.error());
        }
        // The seq names the state exactly (the layout of an event never changes), so it is the
        // entity tag: a client polling an unchanged map gets 304 without a body.
        const std::string etag = seatmapEtag(*seatmap);
        auto ifNoneMatch = request.http.find(net::http::field::if_none_match);
        net::HttpResponse response = ifNoneMatch != request.http.end() && ifNoneMatch->value() == etag
                                         ? emptyResponse(request.http, status::not_modified)
                                         : jsonResponse(request.http, status::ok, toJson(*seatmap));
        response.set(net::http::field::etag, etag);
        response.set(net::http::field::cache_control, "no-cache");
        return response;
    });
    router.add(verb::get, "/api/v1/events/{id}/changes", [&services](const ApiRequest& request) {
        std::optional<std::string> sinceText = request.queryValue("since");
        std::optional<std::int64_t> since = sinceText ? parseInteger(*sinceText) : std::nullopt;
        if (!since || *since < 0) {
            return problemResponse(
                request.http,
                protocol::validationProblem({{"since", "must be the last seq you have, 0 or more"}}));
        }
        return answer(request.http, services.catalog.changes(request.param("id"), *since));
    });
}

} // namespace usher::server::api
