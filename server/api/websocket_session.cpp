#include "server/api/websocket_session.h"

#include "server/observability/log.h"
#include "server/services/clock.h"
#include "server/services/event_catalog.h"
#include "server/storage/storage_error.h"

#include <boost/asio/post.hpp>
#include <boost/json/serialize.hpp>

#include <numeric>
#include <utility>

namespace usher::server::api {

using protocol::ProblemKind;

WebSocketSession::WebSocketSession(ApiServices& services, services::ChangeFeed& feed,
                                   boost::asio::any_io_executor workers,
                                   std::weak_ptr<net::WebSocketPeer> peer,
                                   std::optional<services::Caller> caller)
    : m_services(services), m_feed(feed), m_strand(boost::asio::make_strand(std::move(workers))),
      m_peer(std::move(peer)), m_caller(caller) {}

void WebSocketSession::onMessage(std::string text) {
    auto parsed = json::parseJson(text);
    if (!parsed) {
        error(std::nullopt,
              protocol::makeProblem(ProblemKind::MalformedJson, parsed.error().front().message));
        return;
    }
    auto message = protocol::decodeClientMessageValue(*parsed);
    if (!message) {
        error(message.error().id, protocol::validationProblem(message.error().errors));
        return;
    }
    boost::asio::post(m_strand, [self = shared_from_this(), message = std::move(message.value())] {
        try {
            self->handle(message);
        } catch (const storage::StorageUnavailable&) {
            protocol::Problem problem =
                protocol::makeProblem(ProblemKind::ServiceUnavailable, "the database is busy or unreachable");
            problem.retryAfter = 1;
            self->error(message.id, problem);
        } catch (const std::exception& e) {
            observability::logError("websocket request failed", {{"error", e.what()}});
            self->error(message.id, protocol::makeProblem(ProblemKind::Internal));
        }
    });
}

void WebSocketSession::onClose() {
    std::map<storage::EventId, Subscription> subscriptions;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        subscriptions.swap(m_subscriptions);
    }
    for (const auto& entry : subscriptions) {
        m_feed.unsubscribe(entry.first, this);
    }
    m_services.metrics.webSocketClosed();
}

void WebSocketSession::handle(const protocol::ClientMessage& message) {
    const std::optional<std::string>& id = message.id;
    if (const auto* auth = std::get_if<protocol::AuthMessage>(&message.payload)) {
        auto caller = m_services.auth.authenticate(auth->token);
        if (!caller) {
            error(id, caller.error());
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_caller = *caller;
        }
        reply(id, toJson(protocol::UserInfo{std::to_string(caller->id), caller->role}));
        return;
    }
    if (std::holds_alternative<protocol::PingMessage>(message.payload)) {
        send(protocol::PongMessage{id});
        return;
    }
    std::optional<services::Caller> caller;
    {
        std::lock_guard lock(m_mutex);
        caller = m_caller;
    }
    if (!caller) {
        error(id,
              protocol::makeProblem(ProblemKind::Unauthorized, "send {\"type\":\"auth\",\"token\"} first"));
        return;
    }
    if (services::systemNow() >= caller->validUntil) {
        // Subscriptions keep running (seat maps are public); requests need a fresh token.
        error(id, protocol::makeProblem(ProblemKind::Unauthorized,
                                        "the access token has expired: send {\"type\":\"auth\",\"token\"} "
                                        "with a fresh one"));
        return;
    }
    std::visit(
        [&](const auto& payload) {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, protocol::SubscribeMessage>) {
                subscribe(id, payload);
            } else if constexpr (std::is_same_v<T, protocol::UnsubscribeMessage>) {
                unsubscribe(payload);
                reply(id, boost::json::object{{"event_id", payload.eventId}});
            } else if constexpr (std::is_same_v<T, protocol::HoldMessage>) {
                auto hold = m_services.holds.hold(*caller, payload.eventId, payload.request);
                if (hold) {
                    m_services.metrics.holdsCreated(
                        1, static_cast<std::int64_t>(hold->seats.size()) +
                               std::accumulate(
                                   hold->ga.begin(), hold->ga.end(), std::int64_t{0},
                                   [](std::int64_t n, const protocol::HeldGa& g) { return n + g.quantity; }));
                }
                answer(id, hold);
            } else if constexpr (std::is_same_v<T, protocol::ReleaseMessage>) {
                auto released = m_services.holds.release(*caller, payload.holdId);
                if (!released) {
                    error(id, released.error());
                } else {
                    reply(id, boost::json::object{{"hold_id", payload.holdId}});
                }
            } else if constexpr (std::is_same_v<T, protocol::CommitMessage>) {
                auto committed = m_services.orders.commit(*caller, payload.holdId, payload.idempotencyKey,
                                                          payload.request);
                if (!committed) {
                    error(id, committed.error());
                    return;
                }
                if (!committed->replayed) {
                    m_services.metrics.ordersCommitted(
                        1, static_cast<std::int64_t>(committed->order.tickets.size()));
                }
                reply(id, toJson(committed->order));
            } else if constexpr (std::is_same_v<T, protocol::RefundMessage>) {
                auto refund = m_services.orders.refund(*caller, payload.orderId, payload.idempotencyKey,
                                                       payload.request);
                if (refund) {
                    m_services.metrics.refundsIssued(1);
                }
                answer(id, refund);
            } else if constexpr (std::is_same_v<T, protocol::GetOrderMessage>) {
                answer(id, m_services.orders.order(*caller, payload.orderId));
            }
        },
        message.payload);
}

void WebSocketSession::subscribe(const std::optional<std::string>& id,
                                 const protocol::SubscribeMessage& message) {
    std::optional<storage::EventId> event = services::EventCatalog::parseEventId(message.eventId);
    {
        std::lock_guard lock(m_mutex);
        if (event && m_subscriptions.contains(*event)) {
            m_subscriptions.erase(*event); // resubscribing starts over from the client's seq
        }
        if (event) {
            m_subscriptions.emplace(*event, Subscription{message.eventId, false, 0, {}});
        }
    }
    if (!event || !m_feed.subscribe(*event, shared_from_this())) {
        std::lock_guard lock(m_mutex);
        if (event) {
            m_subscriptions.erase(*event);
        }
        error(id, protocol::makeProblem(ProblemKind::NotFound, "no event with this id"));
        return;
    }
    catchUp(*event, message.eventId, message.since);
    std::lock_guard lock(m_mutex);
    auto found = m_subscriptions.find(*event);
    reply(id, boost::json::object{{"event_id", message.eventId},
                                  {"seq", found == m_subscriptions.end() ? 0 : found->second.seq}});
}

void WebSocketSession::unsubscribe(const protocol::UnsubscribeMessage& message) {
    std::optional<storage::EventId> event = services::EventCatalog::parseEventId(message.eventId);
    if (!event) {
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_subscriptions.erase(*event);
    }
    m_feed.unsubscribe(*event, this);
}

std::optional<std::vector<protocol::ChangeEntry>> WebSocketSession::missedChanges(const std::string& wireId,
                                                                                  std::int64_t from) {
    std::vector<protocol::ChangeEntry> missed;
    for (std::int64_t position = from;;) {
        auto page = m_services.catalog.changes(wireId, position);
        if (!page) {
            return std::nullopt; // the log no longer reaches back that far
        }
        missed.insert(missed.end(), page->changes.begin(), page->changes.end());
        if (page->changes.size() < static_cast<std::size_t>(services::kMaxChangesPerPage)) {
            return missed;
        }
        position = page->seq;
    }
}

void WebSocketSession::catchUp(storage::EventId event, const std::string& wireId,
                               std::optional<std::int64_t> from) {
    std::optional<std::vector<protocol::ChangeEntry>> missed =
        from ? missedChanges(wireId, *from) : std::nullopt;
    std::optional<protocol::SnapshotMessage> snapshot;
    if (!missed) {
        auto seatmap = m_services.catalog.seatmap(wireId);
        if (!seatmap) {
            error(std::nullopt, seatmap.error());
            return;
        }
        snapshot = protocol::SnapshotMessage{wireId, seatmap->seq, std::move(seatmap->seats),
                                             std::move(seatmap->ga)};
    }
    std::lock_guard lock(m_mutex);
    auto found = m_subscriptions.find(event);
    if (found == m_subscriptions.end()) {
        return; // unsubscribed meanwhile
    }
    Subscription& subscription = found->second;
    subscription.ready = true;
    if (snapshot) {
        subscription.seq = snapshot->seq;
        send(*snapshot);
    } else {
        subscription.seq = *from;
        if (missed->empty()) {
            // Nothing missed: an empty "seats" message confirms the client is current.
            send(protocol::SeatsMessage{wireId, *from, *from, {}, {}});
        } else {
            pushLocked(subscription, *missed); // one coalesced message
        }
    }
    // What the feed delivered while the snapshot or the missed changes were read.
    const std::vector<protocol::ChangeEntry> early = std::exchange(subscription.early, {});
    pushLocked(subscription, early);
}

void WebSocketSession::onChanges(storage::EventId event, const std::vector<protocol::ChangeEntry>& entries) {
    std::lock_guard lock(m_mutex);
    auto found = m_subscriptions.find(event);
    if (m_closed || found == m_subscriptions.end()) {
        return;
    }
    if (!found->second.ready) {
        found->second.early.insert(found->second.early.end(), entries.begin(), entries.end());
        return;
    }
    pushLocked(found->second, entries);
}

void WebSocketSession::pushLocked(Subscription& subscription,
                                  const std::vector<protocol::ChangeEntry>& entries) {
    protocol::SeatsMessage message{subscription.wireId, subscription.seq, subscription.seq, {}, {}};
    // Coalesce: one entry per seat and per area, with its latest state, in first-seen order.
    std::map<std::string, std::size_t, std::less<>> seatAt;
    std::map<std::string, std::size_t, std::less<>> areaAt;
    for (const protocol::ChangeEntry& entry : entries) {
        if (entry.seq <= message.seq) {
            continue; // in the snapshot or sent before
        }
        message.seq = entry.seq;
        if (const auto* seat = std::get_if<protocol::SeatChange>(&entry.change)) {
            auto [at, added] = seatAt.try_emplace(seat->seat, message.changes.size());
            if (added) {
                message.changes.push_back(*seat);
            } else {
                message.changes[at->second].state = seat->state;
            }
        } else {
            const auto& area = std::get<protocol::GaAvailability>(entry.change);
            auto [at, added] = areaAt.try_emplace(area.area, message.ga.size());
            if (added) {
                message.ga.push_back(area);
            } else {
                message.ga[at->second].available = area.available;
            }
        }
    }
    if (message.seq == subscription.seq) {
        return;
    }
    subscription.seq = message.seq;
    send(message);
}

void WebSocketSession::send(const protocol::ServerMessage& message) {
    if (auto peer = m_peer.lock()) {
        peer->send(boost::json::serialize(protocol::toJson(message)));
    }
}

void WebSocketSession::reply(const std::optional<std::string>& id, boost::json::value result) {
    send(protocol::ReplyMessage{id, std::move(result)});
}

void WebSocketSession::error(const std::optional<std::string>& id, const protocol::Problem& problem) {
    send(protocol::ErrorMessage{id, problem});
}

template <typename T>
void WebSocketSession::answer(const std::optional<std::string>& id, const services::Outcome<T>& outcome) {
    if (!outcome) {
        error(id, outcome.error());
    } else {
        reply(id, toJson(*outcome));
    }
}

} // namespace usher::server::api
