#include "server/api/websocket_api.h"

#include "server/api/http_io.h"
#include "server/api/websocket_session.h"

namespace usher::server::api {

WebSocketApi::WebSocketApi(ApiServices& services, services::ChangeFeed& feed,
                           boost::asio::any_io_executor workers)
    : m_services(services), m_feed(feed), m_workers(std::move(workers)) {}

std::shared_ptr<net::WebSocketConnection> WebSocketApi::open(const net::HttpRequest& upgrade,
                                                             std::shared_ptr<net::WebSocketPeer> peer,
                                                             net::HttpResponse& refusal) {
    std::string_view target = upgrade.target();
    if (target.substr(0, target.find('?')) != "/api/v1/ws") {
        return nullptr; // 404
    }
    // The token may come in the upgrade request or, from browsers that cannot set headers on a
    // WebSocket, in a first "auth" message.
    std::optional<services::Caller> caller;
    if (upgrade.find(net::http::field::authorization) != upgrade.end()) {
        ApiRequest request{upgrade, peer->peer().address, {}, {}};
        auto authenticated = authenticate(m_services, request);
        if (!authenticated) {
            refusal = problemResponse(upgrade, authenticated.error());
            return nullptr;
        }
        caller = *authenticated;
    }
    m_services.metrics.webSocketOpened();
    return std::make_shared<WebSocketSession>(m_services, m_feed, m_workers, peer, caller);
}

} // namespace usher::server::api
