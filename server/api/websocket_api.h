#pragma once

#include "server/api/routes.h"
#include "server/net/handlers.h"
#include "server/services/change_feed.h"

#include <boost/asio/any_io_executor.hpp>

namespace usher::server::api {

// The staff protocol on /api/v1/ws (common/protocol/ws.h): authenticate, subscribe to events, get a
// snapshot and then coalesced seat changes, and hold, release, commit, refund and look up orders
// with the same services and permissions as the REST API. Requests of one connection run in
// order on the worker pool; pushes come from the change feed.
class WebSocketApi final : public net::WebSocketHandler {
public:
    WebSocketApi(ApiServices& services, services::ChangeFeed& feed, boost::asio::any_io_executor workers);

    std::shared_ptr<net::WebSocketConnection> open(const net::HttpRequest& upgrade,
                                                   std::shared_ptr<net::WebSocketPeer> peer,
                                                   net::HttpResponse& refusal) override;

private:
    ApiServices& m_services;
    services::ChangeFeed& m_feed;
    boost::asio::any_io_executor m_workers;
};

} // namespace usher::server::api
