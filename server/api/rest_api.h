#pragma once

#include "server/api/routes.h"
#include "server/net/handlers.h"

#include <boost/asio/any_io_executor.hpp>

namespace usher::server::api {

// The REST API behind the network layer: routes each request, runs it on the worker pool (the
// services block on the database; network threads must not), maps storage outages to 503 and
// anything unexpected to a logged 500, and records per-route metrics.
class RestApi final : public net::HttpHandler {
public:
    RestApi(ApiServices services, boost::asio::any_io_executor workers);
    RestApi(const RestApi&) = delete;
    RestApi& operator=(const RestApi&) = delete;

    void handle(net::HttpRequest request, const net::Peer& peer, net::Reply reply) override;

private:
    // `route` receives the matched template, the metrics label.
    net::HttpResponse respond(const net::HttpRequest& request, const std::string& peerAddress,
                              std::string& route);

    ApiServices m_services;
    boost::asio::any_io_executor m_workers;
    ApiRouter m_router;
};

} // namespace usher::server::api
