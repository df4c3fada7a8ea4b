#pragma once

// The staff WebSocket protocol on /api/v1/ws. Every message is one JSON object with a "type".
// Client requests may carry a client-chosen "id" that the server echoes in the reply, error or pong;
// pushes ("snapshot", "seats") carry none. Request bodies are the REST bodies flattened into the
// message, e.g. {"type":"hold","id":"7","event_id":"e1","seats":["A-1"]}.

#include "common/json/decoder.h"
#include "common/protocol/events.h"
#include "common/protocol/holds.h"
#include "common/protocol/orders.h"
#include "common/protocol/problem.h"
#include "common/util/expected.h"

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace usher::protocol {

// {"type":"auth","token"}: when the upgrade request had no Authorization header.
struct AuthMessage {
    std::string token;

    bool operator==(const AuthMessage&) const = default;
};

// {"type":"subscribe","event_id","since"?}: without `since` the server sends a snapshot; with the
// last seq a reconnecting client saw, it sends the missed changes as one "seats" message, or a
// snapshot when the log no longer reaches back that far.
struct SubscribeMessage {
    std::string eventId;
    std::optional<std::int64_t> since;

    bool operator==(const SubscribeMessage&) const = default;
};

struct UnsubscribeMessage {
    std::string eventId;

    bool operator==(const UnsubscribeMessage&) const = default;
};

// {"type":"hold","event_id", + the HoldRequest fields}; the reply's result is a HoldResponse.
struct HoldMessage {
    std::string eventId;
    HoldRequest request;

    bool operator==(const HoldMessage&) const = default;
};

struct ReleaseMessage {
    std::string holdId;

    bool operator==(const ReleaseMessage&) const = default;
};

// {"type":"commit","hold_id","idempotency_key", + the CommitRequest fields}; result: OrderResponse.
struct CommitMessage {
    std::string holdId;
    std::string idempotencyKey;
    CommitRequest request;

    bool operator==(const CommitMessage&) const = default;
};

// {"type":"refund","order_id","idempotency_key", + the RefundRequest fields}; result: RefundResponse.
struct RefundMessage {
    std::string orderId;
    std::string idempotencyKey;
    RefundRequest request;

    bool operator==(const RefundMessage&) const = default;
};

// {"type":"get_order","order_id"}; result: OrderResponse.
struct GetOrderMessage {
    std::string orderId;

    bool operator==(const GetOrderMessage&) const = default;
};

struct PingMessage {
    bool operator==(const PingMessage&) const = default;
};

// The alternatives are in the order of ClientMessageType.
using ClientPayload =
    std::variant<AuthMessage, SubscribeMessage, UnsubscribeMessage, HoldMessage, ReleaseMessage,
                 CommitMessage, RefundMessage, GetOrderMessage, PingMessage>;

enum class ClientMessageType { Auth, Subscribe, Unsubscribe, Hold, Release, Commit, Refund, GetOrder, Ping };
inline constexpr NameTable<ClientMessageType, 9> kClientMessageTypeNames{{
    {"auth", ClientMessageType::Auth},
    {"subscribe", ClientMessageType::Subscribe},
    {"unsubscribe", ClientMessageType::Unsubscribe},
    {"hold", ClientMessageType::Hold},
    {"release", ClientMessageType::Release},
    {"commit", ClientMessageType::Commit},
    {"refund", ClientMessageType::Refund},
    {"get_order", ClientMessageType::GetOrder},
    {"ping", ClientMessageType::Ping},
}};

struct ClientMessage {
    std::optional<std::string> id;
    ClientPayload payload;

    ClientMessageType type() const { return static_cast<ClientMessageType>(payload.index()); }
    bool operator==(const ClientMessage&) const = default;
};

// A client message that could not be decoded, with the id it carried when that much was readable,
// so the server can still address its "error" reply.
struct RejectedMessage {
    std::optional<std::string> id;
    json::DecodeErrors errors;

    bool operator==(const RejectedMessage&) const = default;
};

Expected<ClientMessage, RejectedMessage> decodeClientMessage(std::string_view text);
// For a message already parsed (the server parses once under its own depth and size limits).
Expected<ClientMessage, RejectedMessage> decodeClientMessageValue(const boost::json::value& value);

// {"type":"reply","id","ok":true,"result"}: `result` is the REST answer of the same operation
// (HoldResponse, OrderResponse, ...); the client knows which from the id it chose.
struct ReplyMessage {
    std::optional<std::string> id; // null when the request had none
    boost::json::value result;

    bool operator==(const ReplyMessage&) const = default;
};

// {"type":"error","id","problem"}: the same problem details the REST API would answer with.
struct ErrorMessage {
    std::optional<std::string> id;
    Problem problem;

    bool operator==(const ErrorMessage&) const = default;
};

// {"type":"snapshot","event_id","seq","seats","ga"}: every seat's state as of `seq`.
struct SnapshotMessage {
    std::string eventId;
    std::int64_t seq = 0;
    std::vector<SeatStateEntry> seats;
    std::vector<GaAvailability> ga;

    bool operator==(const SnapshotMessage&) const = default;
};

// {"type":"seats","event_id","since","seq","changes","ga"?}: the net effect of the changes after
// `since` up to `seq`, coalesced (a seat appears once, with its latest state). A client whose last
// seq is not `since` has missed something and resubscribes with its last seq.
struct SeatsMessage {
    std::string eventId;
    std::int64_t since = 0;
    std::int64_t seq = 0;
    std::vector<SeatChange> changes;
    std::vector<GaAvailability> ga; // omitted when empty

    bool operator==(const SeatsMessage&) const = default;
};

struct PongMessage {
    std::optional<std::string> id;

    bool operator==(const PongMessage&) const = default;
};

using ServerMessage = std::variant<ReplyMessage, ErrorMessage, SnapshotMessage, SeatsMessage, PongMessage>;

enum class ServerMessageType { Reply, Error, Snapshot, Seats, Pong };
inline constexpr NameTable<ServerMessageType, 5> kServerMessageTypeNames{{
    {"reply", ServerMessageType::Reply},
    {"error", ServerMessageType::Error},
    {"snapshot", ServerMessageType::Snapshot},
    {"seats", ServerMessageType::Seats},
    {"pong", ServerMessageType::Pong},
}};

boost::json::value toJson(const ClientMessage& message);
boost::json::value toJson(const ServerMessage& message);

// "type" is read first; an unknown type is one error at "type" naming the types there are, and the
// rest of the message is not judged.
void decode(json::Decoder& d, const boost::json::value& v, ClientMessage& out);
void decode(json::Decoder& d, const boost::json::value& v, ServerMessage& out);

} // namespace usher::protocol
