#pragma once

#include "common/util/expected.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

// Blocking Beast clients for the network tests. Each step runs on a private io_context; the
// tcp_stream deadline turns a server that never answers into a failed step (beast::error::timeout)
// instead of a hung test. It is a guard, not a timing assertion.
namespace usher::testing {

namespace netclient {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

inline constexpr std::chrono::seconds kClientGuard{10};

// Runs one asynchronous step to completion and returns its error code.
template <typename Start>
error_code runStep(asio::io_context& io, beast::tcp_stream& stream, Start start) {
    error_code result = asio::error::would_block;
    stream.expires_after(kClientGuard);
    start([&result](error_code ec, auto&&...) { result = ec; });
    io.restart();
    io.run();
    return result;
}

inline Request makeRequest(http::verb method, std::string target, std::string body = {}) {
    Request request{method, target, 11};
    request.set(http::field::host, "127.0.0.1");
    if (!body.empty()) {
        request.body() = std::move(body);
        request.prepare_payload();
    }
    return request;
}
} // namespace netclient

class HttpTestClient {
public:
    using error_code = netclient::error_code;

    explicit HttpTestClient(netclient::tcp::endpoint server) : m_stream(m_io) {
        m_connectError = netclient::runStep(
            m_io, m_stream, [&](auto done) { m_stream.async_connect(server, std::move(done)); });
    }

    error_code connectError() const { return m_connectError; }

    error_code writeRaw(std::string_view bytes) {
        return netclient::runStep(m_io, m_stream, [&](auto done) {
            boost::asio::async_write(m_stream, boost::asio::buffer(bytes.data(), bytes.size()),
                                     std::move(done));
        });
    }

    error_code write(const netclient::Request& request) {
        return netclient::runStep(m_io, m_stream, [&](auto done) {
            netclient::http::async_write(m_stream, request, std::move(done));
        });
    }

    // `toHead`: the response answers a HEAD request, so it has no body whatever its Content-Length.
    Expected<netclient::Response, error_code> read(bool toHead = false) {
        netclient::http::response_parser<netclient::http::string_body> parser;
        parser.body_limit(boost::none);
        parser.skip(toHead);
        const error_code ec = netclient::runStep(m_io, m_stream, [&](auto done) {
            netclient::http::async_read(m_stream, m_buffer, parser, std::move(done));
        });
        if (ec) {
            return unexpected(ec);
        }
        return parser.release();
    }

    Expected<netclient::Response, error_code> request(const netclient::Request& request) {
        if (const error_code ec = write(request)) {
            return unexpected(ec);
        }
        return read();
    }

    // Reads until the server closes the connection and returns what ended it: eof or a reset when
    // the server closed, timeout when it never did. Any bytes that arrive are dropped.
    error_code waitForClose() {
        char scratch[4096];
        for (;;) {
            const error_code ec = netclient::runStep(m_io, m_stream, [&](auto done) {
                m_stream.async_read_some(boost::asio::buffer(scratch), std::move(done));
            });
            if (ec) {
                return ec;
            }
        }
    }

    void close() {
        error_code ignored;
        m_stream.socket().shutdown(netclient::tcp::socket::shutdown_both, ignored);
        m_stream.close();
    }

private:
    boost::asio::io_context m_io;
    boost::beast::tcp_stream m_stream;
    boost::beast::flat_buffer m_buffer;
    error_code m_connectError;
};

class WebSocketTestClient {
public:
    using error_code = netclient::error_code;

    // Connects and performs the handshake for `target`, with "Authorization: Bearer" when a token is
    // given; handshakeError() tells how it went.
    WebSocketTestClient(netclient::tcp::endpoint server, std::string target,
                        const std::string& bearerToken = {})
        : m_ws(m_io) {
        if (!bearerToken.empty()) {
            m_ws.set_option(netclient::websocket::stream_base::decorator(
                [header = "Bearer " + bearerToken](netclient::websocket::request_type& request) {
                    request.set(netclient::http::field::authorization, header);
                }));
        }
        auto& stream = boost::beast::get_lowest_layer(m_ws);
        m_handshakeError = netclient::runStep(
            m_io, stream, [&](auto done) { stream.async_connect(server, std::move(done)); });
        if (!m_handshakeError) {
            m_handshakeError = netclient::runStep(m_io, stream, [&](auto done) {
                m_ws.async_handshake(m_handshakeResponse, "127.0.0.1", target, std::move(done));
            });
        }
    }

    error_code handshakeError() const { return m_handshakeError; }
    // The server's answer to the upgrade request: 101, or the refusal.
    const netclient::websocket::response_type& handshakeResponse() const { return m_handshakeResponse; }

    error_code send(std::string_view text) {
        auto& stream = boost::beast::get_lowest_layer(m_ws);
        return netclient::runStep(m_io, stream, [&](auto done) {
            m_ws.text(true);
            m_ws.async_write(boost::asio::buffer(text.data(), text.size()), std::move(done));
        });
    }

    Expected<std::string, error_code> read() {
        auto& stream = boost::beast::get_lowest_layer(m_ws);
        boost::beast::flat_buffer buffer;
        const error_code ec =
            netclient::runStep(m_io, stream, [&](auto done) { m_ws.async_read(buffer, std::move(done)); });
        if (ec) {
            return unexpected(ec);
        }
        return boost::beast::buffers_to_string(buffer.data());
    }

    // The close frame the server sent, once read() failed with websocket::error::closed.
    netclient::websocket::close_reason closeReason() const { return m_ws.reason(); }

    error_code close() {
        auto& stream = boost::beast::get_lowest_layer(m_ws);
        return netclient::runStep(m_io, stream, [&](auto done) {
            m_ws.async_close(netclient::websocket::close_code::normal, std::move(done));
        });
    }

private:
    boost::asio::io_context m_io;
    netclient::websocket::stream<boost::beast::tcp_stream> m_ws;
    netclient::websocket::response_type m_handshakeResponse;
    error_code m_handshakeError;
};

} // namespace usher::testing
