// flash-sale: one keep-alive HTTP/1.1 connection.
#pragma once

#include "tests/load/flash_sale/house.h"

namespace usher::tools::flash_sale {

// One keep-alive HTTP/1.1 connection.

struct Answer {
    error_code transportError; // set: no answer; `status` is 0
    unsigned status = 0;
    std::string body;
    std::optional<double> retryAfter; // seconds
    std::int64_t micros = 0;          // from the first byte written to the last byte read
};

struct RequestSpec {
    http::verb method = http::verb::get;
    std::string target; // below the base path, e.g. /api/v1/events
    std::string body;   // JSON; empty: none
    const std::string* token = nullptr;
    const std::string* idempotencyKey = nullptr;
};

inline RequestSpec makeRequest(http::verb method, std::string target, std::string body = {}) {
    RequestSpec spec;
    spec.method = method;
    spec.target = std::move(target);
    spec.body = std::move(body);
    return spec;
}

class Connection {
public:
    Connection(asio::any_io_executor executor, const Target& target, tcp::resolver::results_type endpoints)
        : m_stream(std::move(executor)), m_target(target), m_endpoints(std::move(endpoints)) {}

    std::uint64_t reconnects() const { return m_connects > 0 ? m_connects - 1 : 0; }

    Task<Answer> send(const RequestSpec& spec) {
        Answer answer;
        if (m_open && Clock::now() - m_lastUse > kMaxIdle) {
            close();
        }
        if (!m_open) {
            m_stream.expires_after(kRequestTimeout);
            auto [ec, endpoint] = co_await m_stream.async_connect(m_endpoints, kNoThrow);
            (void)endpoint;
            if (ec) {
                answer.transportError = ec;
                close();
                co_return answer;
            }
            m_stream.socket().set_option(tcp::no_delay(true), ec);
            m_open = true;
            ++m_connects;
        }

        http::request<http::string_body> request{spec.method, m_target.basePath + spec.target, 11};
        request.set(http::field::host, m_target.host + ":" + m_target.port);
        request.set(http::field::user_agent, "usher-flash-sale");
        request.set(http::field::accept, "application/json");
        if (spec.token != nullptr) {
            request.set(http::field::authorization, "Bearer " + *spec.token);
        }
        if (spec.idempotencyKey != nullptr) {
            request.set("Idempotency-Key", *spec.idempotencyKey);
        }
        if (!spec.body.empty()) {
            request.set(http::field::content_type, "application/json");
            request.body() = spec.body;
        }
        request.keep_alive(true);
        request.prepare_payload();

        const auto start = Clock::now();
        m_stream.expires_after(kRequestTimeout);
        auto [writeError, written] = co_await http::async_write(m_stream, request, kNoThrow);
        (void)written;
        if (writeError) {
            answer.transportError = writeError;
            close();
            co_return answer;
        }
        http::response_parser<http::string_body> parser;
        parser.body_limit(kMaxResponseBytes);
        auto [readError, read] = co_await http::async_read(m_stream, m_buffer, parser, kNoThrow);
        (void)read;
        answer.micros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
        if (readError) {
            answer.transportError = readError;
            close();
            co_return answer;
        }
        auto& response = parser.get();
        answer.status = response.result_int();
        answer.body = std::move(response.body());
        if (const auto it = response.find(http::field::retry_after); it != response.end()) {
            double seconds = 0;
            const std::string_view text = it->value();
            const auto parsed = std::from_chars(text.data(), text.data() + text.size(), seconds);
            if (parsed.ec == std::errc()) {
                answer.retryAfter = seconds;
            }
        }
        if (!response.keep_alive()) {
            close();
        }
        m_lastUse = Clock::now();
        co_return answer;
    }

    void close() {
        if (m_open) {
            error_code ignored;
            m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        }
        m_stream.close();
        m_buffer.clear();
        m_open = false;
    }

private:
    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    const Target& m_target;
    tcp::resolver::results_type m_endpoints;
    bool m_open = false;
    std::uint64_t m_connects = 0;
    Clock::time_point m_lastUse = Clock::now();
};

inline Task<void> sleepFor(double seconds) {
    const auto executor = co_await asio::this_coro::executor;
    asio::steady_timer timer(executor);
    timer.expires_after(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds)));
    co_await timer.async_wait(kNoThrow);
}

inline double backoff(const Answer& answer) {
    return std::clamp(answer.retryAfter.value_or(kMinBackoff), kMinBackoff, kMaxBackoff);
}

} // namespace usher::tools::flash_sale
