#pragma once

#include "common/protocol/ws.h"
#include "server/api/routes.h"
#include "server/net/handlers.h"
#include "server/services/change_feed.h"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/strand.hpp>

#include <map>
#include <mutex>
#include <optional>

namespace usher::server::api {

// One staff WebSocket. Messages are decoded on the network thread and run, in arrival order, on a
// strand of the worker pool; the change feed pushes from its own thread. Every send goes through
// the peer's ordered, bounded queue.
class WebSocketSession final : public net::WebSocketConnection,
                               public services::FeedSubscriber,
                               public std::enable_shared_from_this<WebSocketSession> {
public:
    WebSocketSession(ApiServices& services, services::ChangeFeed& feed, boost::asio::any_io_executor workers,
                     std::weak_ptr<net::WebSocketPeer> peer, std::optional<services::Caller> caller);

    void onMessage(std::string text) override;
    void onClose() override;
    void onChanges(storage::EventId event, const std::vector<protocol::ChangeEntry>& entries) override;

private:
    // Per subscribed event: the seq the client has, and what the feed delivered before the
    // snapshot was sent (applied after it).
    struct Subscription {
        std::string wireId;
        bool ready = false;
        std::int64_t seq = 0;
        std::vector<protocol::ChangeEntry> early;
    };

    void handle(const protocol::ClientMessage& message);
    void subscribe(const std::optional<std::string>& id, const protocol::SubscribeMessage& message);
    void unsubscribe(const protocol::UnsubscribeMessage& message);
    // Brings the client from `from` to the present: the missed changes, or a snapshot when the log
    // does not reach back that far (or `from` is empty).
    void catchUp(storage::EventId event, const std::string& wireId, std::optional<std::int64_t> from);
    // The change-log entries after `from`, all pages; nullopt when the log no longer has them.
    std::optional<std::vector<protocol::ChangeEntry>> missedChanges(const std::string& wireId,
                                                                    std::int64_t from);
    // Sends the entries after the subscription's seq as one coalesced "seats" message. Caller
    // holds m_mutex.
    void pushLocked(Subscription& subscription, const std::vector<protocol::ChangeEntry>& entries);

    void send(const protocol::ServerMessage& message);
    void reply(const std::optional<std::string>& id, boost::json::value result);
    void error(const std::optional<std::string>& id, const protocol::Problem& problem);
    template <typename T>
    void answer(const std::optional<std::string>& id, const services::Outcome<T>& outcome);

    ApiServices& m_services;
    services::ChangeFeed& m_feed;
    boost::asio::strand<boost::asio::any_io_executor> m_strand;
    std::weak_ptr<net::WebSocketPeer> m_peer;

    std::mutex m_mutex;
    std::optional<services::Caller> m_caller;
    std::map<storage::EventId, Subscription> m_subscriptions;
    bool m_closed = false;
};

} // namespace usher::server::api
