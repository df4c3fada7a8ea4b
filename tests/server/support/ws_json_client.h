#pragma once

#include "tests/server/support/net_test_client.h"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A staff WebSocket client for the API tests on top of WebSocketTestClient: it speaks JSON and tells
// replies (matched by the client's id) from pushes, which it keeps in arrival order. Every read is
// bounded by the same guard as the other test clients, so a message that never comes fails the
// step, not the run.
namespace usher::testing {

class JsonWebSocketClient {
public:
    using error_code = netclient::error_code;
    using Message = boost::json::object;

    JsonWebSocketClient(netclient::tcp::endpoint server, const std::string& target,
                        const std::string& bearerToken = {})
        : m_socket(server, target, bearerToken) {}

    error_code handshakeError() const { return m_socket.handshakeError(); }
    // The server's answer to the upgrade request: 101, or the refusal with its body.
    const netclient::websocket::response_type& handshakeResponse() const {
        return m_socket.handshakeResponse();
    }

    error_code sendText(std::string_view text) { return m_socket.send(text); }
    error_code send(const Message& message) { return sendText(boost::json::serialize(message)); }

    // The next message in arrival order, queued ones first; nullopt when the read failed (the
    // guard expired or the connection closed) or the message was not a JSON object.
    std::optional<Message> next() {
        if (!m_queued.empty()) {
            Message message = std::move(m_queued.front());
            m_queued.pop_front();
            return message;
        }
        return readOne();
    }

    // Reads (queued messages first) until one satisfies `accept`; the ones passed over are appended
    // to `skipped` when given, and dropped otherwise.
    std::optional<Message> nextMatching(const std::function<bool(const Message&)>& accept,
                                        std::vector<Message>* skipped = nullptr) {
        for (;;) {
            std::optional<Message> message = next();
            if (!message || accept(*message)) {
                return message;
            }
            if (skipped) {
                skipped->push_back(std::move(*message));
            }
        }
    }

    // Sends `message` (which carries an "id") and returns the reply, error or pong with that id.
    // Pushes that arrive first stay queued for next(), in order.
    std::optional<Message> call(const Message& message) {
        const auto* idValue = message.if_contains("id");
        if (idValue == nullptr || !idValue->is_string() || send(message)) {
            return std::nullopt;
        }
        const std::string id(idValue->get_string());
        std::vector<Message> passed;
        std::optional<Message> answer = nextMatching(
            [&](const Message& m) {
                const auto* type = m.if_contains("type");
                const auto* answerId = m.if_contains("id");
                return type && type->is_string() && answerId && answerId->is_string() &&
                       answerId->get_string() == id &&
                       (type->get_string() == "reply" || type->get_string() == "error" ||
                        type->get_string() == "pong");
            },
            &passed);
        // Keep what arrived before the answer ahead of anything queued later.
        m_queued.insert(m_queued.begin(), std::make_move_iterator(passed.begin()),
                        std::make_move_iterator(passed.end()));
        return answer;
    }

    // The close frame the server sent, once a read failed because the server closed.
    netclient::websocket::close_reason closeReason() const { return m_socket.closeReason(); }

    // Messages read while waiting for an answer and not consumed yet.
    const std::deque<Message>& queued() const { return m_queued; }

    error_code close() { return m_socket.close(); }

private:
    std::optional<Message> readOne() {
        auto text = m_socket.read();
        if (!text) {
            return std::nullopt;
        }
        error_code parseError;
        boost::json::value value = boost::json::parse(*text, parseError);
        if (parseError || !value.is_object()) {
            return std::nullopt;
        }
        return std::move(value.get_object());
    }

    WebSocketTestClient m_socket;
    std::deque<Message> m_queued;
};

} // namespace usher::testing
