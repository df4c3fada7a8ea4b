#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <string>

// Many concurrent API clients in one test process: each client is a C++20 coroutine with its own
// keep-alive connection, so a race test can have thousands of them without a thread each.
namespace usher::testing::async {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

struct Answer {
    int status = 0; // 0: the connection failed
    boost::json::value json;
    std::string body;
};

class Client {
public:
    explicit Client(tcp::endpoint server) : m_server(server) {}

    // Sends one request (reconnecting when the server closed the connection) and reads the answer.
    asio::awaitable<Answer> send(http::verb method, std::string target, std::string body = {},
                                 std::string token = {},
                                 std::vector<std::pair<std::string, std::string>> headers = {}) {
        http::request<http::string_body> request{method, target, 11};
        request.set(http::field::host, "127.0.0.1");
        request.keep_alive(true);
        if (!body.empty()) {
            request.set(http::field::content_type, "application/json");
            request.body() = std::move(body);
        }
        if (!token.empty()) {
            request.set(http::field::authorization, "Bearer " + token);
        }
        for (auto& [name, value] : headers) {
            request.set(name, value);
        }
        request.prepare_payload();
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                if (!m_stream) {
                    m_stream.emplace(co_await asio::this_coro::executor);
                    co_await m_stream->async_connect(m_server, asio::use_awaitable);
                }
                m_stream->expires_after(
                    std::chrono::seconds(60)); // a guard against a hang, not a timing check
                co_await http::async_write(*m_stream, request, asio::use_awaitable);
                http::response<http::string_body> response;
                co_await http::async_read(*m_stream, m_buffer, response, asio::use_awaitable);
                Answer answer;
                answer.status = static_cast<int>(response.result_int());
                answer.body = std::move(response.body());
                if (!answer.body.empty()) {
                    boost::system::error_code ec;
                    answer.json = boost::json::parse(answer.body, ec);
                }
                if (!response.keep_alive()) {
                    m_stream.reset();
                }
                co_return answer;
            } catch (const boost::system::system_error&) {
                m_stream.reset();
                m_buffer.clear();
            }
        }
        co_return Answer{};
    }

private:
    tcp::endpoint m_server;
    std::optional<boost::beast::tcp_stream> m_stream;
    boost::beast::flat_buffer m_buffer;
};

// Starts `clients` coroutines `body(i)` at once on `threads` threads and waits for all of them.
inline void runClients(int clients, const std::function<asio::awaitable<void>(int)>& body, int threads = 2) {
    asio::thread_pool pool(static_cast<std::size_t>(threads));
    for (int i = 0; i < clients; ++i) {
        asio::co_spawn(pool, body(i), asio::detached);
    }
    pool.join();
}

} // namespace usher::testing::async
