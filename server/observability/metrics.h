#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <string>
#include <string_view>

namespace usher::server::observability {

// The server's Prometheus metrics. One instance per process, shared by the layers that report;
// every method is thread-safe. `render()` is the body of GET /metrics.
class Metrics {
public:
    // `version` goes into usher_build_info{version}; by default the project version.
    explicit Metrics(std::string_view version = {});

    Metrics(const Metrics&) = delete;
    Metrics& operator=(const Metrics&) = delete;

    // `route` is the route template ("/api/v1/holds/{id}"), never the raw path: each distinct label
    // value is a new time series, so raw paths would grow the registry without bound.
    // usher_http_requests_total{route,method,status}, usher_http_request_duration_seconds{route,method}
    void observeRequest(std::string_view route, std::string_view method, int status, double seconds);

    void holdsCreated(std::int64_t holds, std::int64_t seats); // usher_holds_total, usher_seats_held_total
    void holdsExpired(std::int64_t holds);                     // usher_holds_expired_total
    void ordersCommitted(std::int64_t orders,
                         std::int64_t tickets); // usher_orders_total, usher_tickets_sold_total
    void refundsIssued(std::int64_t refunds);   // usher_refunds_total

    void webSocketOpened(); // usher_websocket_sessions
    void webSocketClosed();

    void setPoolUse(int inUse, int size); // usher_db_pool_in_use, usher_db_pool_connections

    // Prometheus text exposition format 0.0.4.
    std::string render() const;
    static constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";

    // For layers that want a family of their own.
    prometheus::Registry& registry() { return *m_registry; }

private:
    struct RouteMetrics {
        prometheus::Histogram* duration = nullptr;
        std::map<int, prometheus::Counter*> byStatus;
    };

    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Family<prometheus::Counter>& m_requests;
    prometheus::Family<prometheus::Histogram>& m_requestDuration;
    prometheus::Counter& m_holds;
    prometheus::Counter& m_seatsHeld;
    prometheus::Counter& m_holdsExpired;
    prometheus::Counter& m_orders;
    prometheus::Counter& m_ticketsSold;
    prometheus::Counter& m_refunds;
    prometheus::Gauge& m_webSockets;
    prometheus::Gauge& m_poolConnections;
    prometheus::Gauge& m_poolInUse;

    // Family::Add hashes the labels under the family's lock; this cache keyed by "route method"
    // turns the common case into one map lookup.
    std::mutex m_routesMutex;
    std::map<std::string, RouteMetrics, std::less<>> m_routes;
};

} // namespace usher::server::observability
