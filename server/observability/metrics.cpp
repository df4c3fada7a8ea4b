#include "server/observability/metrics.h"

#include "common/version.h"

#include <prometheus/text_serializer.h>
#include <sstream>

namespace usher::server::observability {
namespace {

prometheus::Counter& counter(prometheus::Registry& registry, const std::string& name,
                             const std::string& help) {
    return prometheus::BuildCounter().Name(name).Help(help).Register(registry).Add({});
}

prometheus::Gauge& gauge(prometheus::Registry& registry, const std::string& name, const std::string& help) {
    return prometheus::BuildGauge().Name(name).Help(help).Register(registry).Add({});
}

void add(prometheus::Counter& counter, std::int64_t amount) {
    if (amount > 0) {
        counter.Increment(static_cast<double>(amount));
    }
}

// From a cache hit to a slow upstream call; the API's requests answer in milliseconds.
const prometheus::Histogram::BucketBoundaries& durationBuckets() {
    static const prometheus::Histogram::BucketBoundaries buckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                                 0.1,   0.25,   0.5,   1.0,  2.5,   5.0};
    return buckets;
}

} // namespace

Metrics::Metrics(std::string_view version)
    : m_registry(std::make_shared<prometheus::Registry>()),
      m_requests(prometheus::BuildCounter()
                     .Name("usher_http_requests_total")
                     .Help("HTTP requests answered, by route template, method and status")
                     .Register(*m_registry)),
      m_requestDuration(
          prometheus::BuildHistogram()
              .Name("usher_http_request_duration_seconds")
              .Help("Time from a complete request to its response, by route template and method")
              .Register(*m_registry)),
      m_holds(counter(*m_registry, "usher_holds_total", "Holds created")),
      m_seatsHeld(counter(*m_registry, "usher_seats_held_total", "Seats and GA places put on hold")),
      m_holdsExpired(counter(*m_registry, "usher_holds_expired_total",
                             "Holds that expired unpaid (marked by the sweeper)")),
      m_orders(counter(*m_registry, "usher_orders_total", "Orders committed")),
      m_ticketsSold(counter(*m_registry, "usher_tickets_sold_total", "Tickets sold")),
      m_refunds(counter(*m_registry, "usher_refunds_total", "Refunds issued")),
      m_webSockets(gauge(*m_registry, "usher_websocket_sessions", "Open WebSocket sessions")),
      m_poolConnections(gauge(*m_registry, "usher_db_pool_connections", "Database connections in the pool")),
      m_poolInUse(gauge(*m_registry, "usher_db_pool_in_use", "Database connections lent out")) {
    prometheus::BuildGauge()
        .Name("usher_build_info")
        .Help("Always 1; the labels describe the running build")
        .Register(*m_registry)
        .Add({{"version", version.empty() ? std::string(usher::kVersion) : std::string(version)}})
        .Set(1);
}

void Metrics::observeRequest(std::string_view route, std::string_view method, int status, double seconds) {
    std::string key;
    key.reserve(route.size() + method.size() + 1);
    key.append(method).append(" ").append(route);

    prometheus::Counter* requests = nullptr;
    prometheus::Histogram* duration = nullptr;
    {
        std::lock_guard lock(m_routesMutex);
        auto it = m_routes.find(key);
        if (it == m_routes.end()) {
            it = m_routes.emplace(std::move(key), RouteMetrics{}).first;
        }
        RouteMetrics& metrics = it->second;
        if (metrics.duration == nullptr) {
            metrics.duration = &m_requestDuration.Add(
                {{"route", std::string(route)}, {"method", std::string(method)}}, durationBuckets());
        }
        auto& counterSlot = metrics.byStatus[status];
        if (counterSlot == nullptr) {
            counterSlot = &m_requests.Add({{"route", std::string(route)},
                                           {"method", std::string(method)},
                                           {"status", std::to_string(status)}});
        }
        requests = counterSlot;
        duration = metrics.duration;
    }
    requests->Increment();
    duration->Observe(seconds);
}

void Metrics::holdsCreated(std::int64_t holds, std::int64_t seats) {
    add(m_holds, holds);
    add(m_seatsHeld, seats);
}

void Metrics::holdsExpired(std::int64_t holds) {
    add(m_holdsExpired, holds);
}

void Metrics::ordersCommitted(std::int64_t orders, std::int64_t tickets) {
    add(m_orders, orders);
    add(m_ticketsSold, tickets);
}

void Metrics::refundsIssued(std::int64_t refunds) {
    add(m_refunds, refunds);
}

void Metrics::webSocketOpened() {
    m_webSockets.Increment();
}

void Metrics::webSocketClosed() {
    m_webSockets.Decrement();
}

void Metrics::setPoolUse(int inUse, int size) {
    m_poolInUse.Set(inUse);
    m_poolConnections.Set(size);
}

std::string Metrics::render() const {
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, m_registry->Collect());
    return out.str();
}

} // namespace usher::server::observability
