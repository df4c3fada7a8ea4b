#include "common/protocol/ws.h"

#include "common/protocol/codec.h"

#include <boost/json/object.hpp>

namespace usher::protocol {

namespace {

template <typename... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// Any JSON value, kept as it is.
struct AnyValue {
    boost::json::value& out;
};
void decode(json::Decoder&, const boost::json::value& v, AnyValue target) {
    target.out = v;
}

template <typename E, std::size_t N>
std::optional<E> readType(json::Decoder& d, const boost::json::object& object, const NameTable<E, N>& names) {
    auto scope = d.at("type");
    const auto* type = object.if_contains("type");
    if (type == nullptr) {
        d.fail("missing required field");
        return std::nullopt;
    }
    const auto* name = type->if_string();
    if (name == nullptr) {
        d.fail("expected a string");
        return std::nullopt;
    }
    if (auto value = valueOf(names, *name)) {
        return value;
    }
    std::string message = "unknown message type";
    if (name->size() <= kMaxIdLength && !hasControlCharacters(*name)) {
        message.append(" \"").append(name->data(), name->size()).append("\"");
    }
    message += "; expected one of";
    for (const auto& entry : names) {
        message.append(&entry == names.data() ? " \"" : ", \"").append(entry.first).append("\"");
    }
    d.fail(std::move(message));
    return std::nullopt;
}

// The client's id, if it is usable, so even a rejected message gets an addressed error.
std::optional<std::string> lenientId(const boost::json::value& value) {
    const auto* object = value.if_object();
    const auto* id = object != nullptr ? object->if_contains("id") : nullptr;
    const auto* text = id != nullptr ? id->if_string() : nullptr;
    if (text == nullptr || text->empty() || text->size() > kMaxIdLength || hasControlCharacters(*text)) {
        return std::nullopt;
    }
    return std::string(*text);
}

Line idempotencyKey(std::string& out) {
    return {out, 1, kMaxIdempotencyKeyLength};
}

void putId(boost::json::object& out, const std::optional<std::string>& id) {
    if (id) {
        out["id"] = *id;
    } else {
        out["id"] = nullptr;
    }
}

void readPayload(json::Decoder& d, json::ObjectReader& fields, ClientMessageType type, ClientPayload& out) {
    switch (type) {
    case ClientMessageType::Auth: {
        AuthMessage message;
        fields.required("token", Line{message.token, 1, kMaxTokenLength});
        out = std::move(message);
        break;
    }
    case ClientMessageType::Subscribe: {
        SubscribeMessage message;
        fields.required("event_id", id(message.eventId));
        fields.optional("since", with([&](json::Decoder& dd, const boost::json::value& value) {
                            std::int64_t since = 0;
                            const std::size_t before = dd.errorCount();
                            decode(dd, value, Seq{since});
                            if (dd.errorCount() == before) {
                                message.since = since;
                            }
                        }));
        out = std::move(message);
        break;
    }
    case ClientMessageType::Unsubscribe: {
        UnsubscribeMessage message;
        fields.required("event_id", id(message.eventId));
        out = std::move(message);
        break;
    }
    case ClientMessageType::Hold: {
        HoldMessage message;
        fields.required("event_id", id(message.eventId));
        readFields(d, fields, message.request);
        out = std::move(message);
        break;
    }
    case ClientMessageType::Release: {
        ReleaseMessage message;
        fields.required("hold_id", id(message.holdId));
        out = std::move(message);
        break;
    }
    case ClientMessageType::Commit: {
        CommitMessage message;
        fields.required("hold_id", id(message.holdId));
        fields.required("idempotency_key", idempotencyKey(message.idempotencyKey));
        readFields(d, fields, message.request);
        out = std::move(message);
        break;
    }
    case ClientMessageType::Refund: {
        RefundMessage message;
        fields.required("order_id", id(message.orderId));
        fields.required("idempotency_key", idempotencyKey(message.idempotencyKey));
        readFields(d, fields, message.request);
        out = std::move(message);
        break;
    }
    case ClientMessageType::GetOrder: {
        GetOrderMessage message;
        fields.required("order_id", id(message.orderId));
        out = std::move(message);
        break;
    }
    case ClientMessageType::Ping:
        out = PingMessage{};
        break;
    }
}

} // namespace

void decode(json::Decoder& d, const boost::json::value& v, ClientMessage& out) {
    const auto* object = v.if_object();
    if (object == nullptr) {
        d.fail("expected an object");
        return;
    }
    const auto type = readType(d, *object, kClientMessageTypeNames);
    if (!type) {
        return;
    }
    json::ObjectReader fields(d, v);
    fields.required("type", Ignore{});
    fields.optional("id", optionalId(out.id));
    readPayload(d, fields, *type, out.payload);
}

Expected<ClientMessage, RejectedMessage> decodeClientMessageValue(const boost::json::value& value) {
    json::Decoder decoder;
    ClientMessage message;
    decode(decoder, value, message);
    if (!decoder.ok()) {
        return unexpected(RejectedMessage{lenientId(value), decoder.takeErrors()});
    }
    return message;
}

Expected<ClientMessage, RejectedMessage> decodeClientMessage(std::string_view text) {
    auto value = json::parseJson(text);
    if (!value) {
        return unexpected(RejectedMessage{std::nullopt, value.error()});
    }
    return decodeClientMessageValue(*value);
}

boost::json::value toJson(const ClientMessage& message) {
    boost::json::object out{
        {"type", nameOf(kClientMessageTypeNames, message.type())},
    };
    if (message.id) {
        out["id"] = *message.id;
    }
    std::visit(Overloaded{
                   [&](const AuthMessage& m) { out["token"] = m.token; },
                   [&](const SubscribeMessage& m) {
                       out["event_id"] = m.eventId;
                       if (m.since) {
                           out["since"] = *m.since;
                       }
                   },
                   [&](const UnsubscribeMessage& m) { out["event_id"] = m.eventId; },
                   [&](const HoldMessage& m) {
                       out["event_id"] = m.eventId;
                       writeFields(m.request, out);
                   },
                   [&](const ReleaseMessage& m) { out["hold_id"] = m.holdId; },
                   [&](const CommitMessage& m) {
                       out["hold_id"] = m.holdId;
                       out["idempotency_key"] = m.idempotencyKey;
                       writeFields(m.request, out);
                   },
                   [&](const RefundMessage& m) {
                       out["order_id"] = m.orderId;
                       out["idempotency_key"] = m.idempotencyKey;
                       writeFields(m.request, out);
                   },
                   [&](const GetOrderMessage& m) { out["order_id"] = m.orderId; },
                   [](const PingMessage&) {},
               },
               message.payload);
    return out;
}

boost::json::value toJson(const ServerMessage& message) {
    boost::json::object out{
        {"type", nameOf(kServerMessageTypeNames, static_cast<ServerMessageType>(message.index()))},
    };
    std::visit(Overloaded{
                   [&](const ReplyMessage& m) {
                       putId(out, m.id);
                       out["ok"] = true;
                       out["result"] = m.result;
                   },
                   [&](const ErrorMessage& m) {
                       putId(out, m.id);
                       out["problem"] = toJson(m.problem);
                   },
                   [&](const SnapshotMessage& m) {
                       out["event_id"] = m.eventId;
                       out["seq"] = m.seq;
                       out["seats"] = toJsonArray(m.seats);
                       out["ga"] = toJsonArray(m.ga);
                   },
                   [&](const SeatsMessage& m) {
                       out["event_id"] = m.eventId;
                       out["since"] = m.since;
                       out["seq"] = m.seq;
                       out["changes"] = toJsonArray(m.changes);
                       if (!m.ga.empty()) {
                           out["ga"] = toJsonArray(m.ga);
                       }
                   },
                   [&](const PongMessage& m) {
                       if (m.id) {
                           out["id"] = *m.id;
                       }
                   },
               },
               message);
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, ServerMessage& out) {
    const auto* object = v.if_object();
    if (object == nullptr) {
        d.fail("expected an object");
        return;
    }
    const auto type = readType(d, *object, kServerMessageTypeNames);
    if (!type) {
        return;
    }
    json::ObjectReader fields(d, v);
    fields.required("type", Ignore{});
    switch (*type) {
    case ServerMessageType::Reply: {
        ReplyMessage message;
        fields.optional("id", optionalId(message.id));
        fields.required("ok", with([](json::Decoder& dd, const boost::json::value& value) {
                            if (const auto* ok = value.if_bool(); ok == nullptr || !*ok) {
                                dd.fail("must be true in a reply");
                            }
                        }));
        fields.required("result", AnyValue{message.result});
        out = std::move(message);
        break;
    }
    case ServerMessageType::Error: {
        ErrorMessage message;
        fields.optional("id", optionalId(message.id));
        fields.required("problem", message.problem);
        out = std::move(message);
        break;
    }
    case ServerMessageType::Snapshot: {
        SnapshotMessage message;
        fields.required("event_id", id(message.eventId));
        fields.required("seq", Seq{message.seq});
        fields.required("seats", message.seats);
        fields.required("ga", message.ga);
        out = std::move(message);
        break;
    }
    case ServerMessageType::Seats: {
        SeatsMessage message;
        const std::size_t before = d.errorCount();
        fields.required("event_id", id(message.eventId));
        fields.required("since", Seq{message.since});
        fields.required("seq", Seq{message.seq});
        fields.required("changes", message.changes);
        fields.optional("ga", message.ga);
        if (d.errorCount() == before) {
            checkSeqRange(d, message.since, message.seq);
        }
        out = std::move(message);
        break;
    }
    case ServerMessageType::Pong: {
        PongMessage message;
        fields.optional("id", optionalId(message.id));
        out = std::move(message);
        break;
    }
    }
}

} // namespace usher::protocol
