// flash-sale: what every part of the load generator uses: includes, aliases, limits, options.
#pragma once

#include "common/json/pretty.h"
#include "common/protocol/auth.h"
#include "common/protocol/holds.h"
#include "common/protocol/orders.h"
#include "common/protocol/problem.h"
#include "common/protocol/time_json.h"

// g++ 12 at -O2 and above reports "potential null pointer dereference" inside Asio's scheduler once
// it is inlined here (a false positive); the asan preset builds with -O2 and -Werror.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json.hpp>
#pragma GCC diagnostic pop

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/pqxx>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace usher::tools::flash_sale {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;
// g++ 12 miscompiles some co_await inside conditions (`if (!co_await f())`, `a && co_await f()`):
// the coroutines here always await into a local first.
template <typename T>
using Task = asio::awaitable<T>;

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
// A request that takes longer is a transport error (the server is stuck or gone).
constexpr std::chrono::seconds kRequestTimeout{30};
// The server closes keep-alive connections idle for 60 s; reconnect well before that.
constexpr std::chrono::seconds kMaxIdle{20};
// Seat maps of big houses are megabytes.
constexpr std::uint64_t kMaxResponseBytes = 256ull * 1024 * 1024;
// The feed follower fetches a seat map at most this often (s): they are big.
constexpr double kSeatmapPoll = 0.25;
// Retry-After bounds (s) for 409 in flight, 429 and 503.
constexpr double kMinBackoff = 0.05;
constexpr double kMaxBackoff = 2.0;
// Errors printed one by one; the rest are only counted.
constexpr std::uint64_t kErrorsPrinted = 20;

struct Options {
    std::string url = "http://127.0.0.1:8080";
    std::string eventId;
    std::string eventName;
    int clients = 50;
    double commitShare = 0.5;
    std::string email;
    std::string password = "flash-sale-Passw0rd";
    double durationSeconds = 600;
    std::string jsonPath;
    std::string databaseUrl;
    int threads = 2;
    int maxSeats = 4;
    int setupConcurrency = 8;
    double feedInterval = 0.05; // seconds between two looks at the change log
    int spareAccounts = -1;     // -1: from the per-customer limit
    int maxSpareAccounts = 5000;
    std::uint64_t maxErrors = 1000;
    std::uint64_t seed = 0; // 0: random
};

} // namespace usher::tools::flash_sale
