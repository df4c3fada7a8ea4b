// flash-sale: the flash-sale benchmark of issue 3. Many customers, each on its own keep-alive HTTP/1.1
// connection (Boost.Beast, C++20 coroutines on a few threads), hold random 1-4 seats of one event
// through usher-server's public REST API, pay for a share of the holds with the test card and release
// the rest, until the event is sold out. It reports holds/s, commits/s and latency percentiles, and
// with --database-url checks with SQL that no seat was sold twice and every order it saw exists.
//
// How a run goes:
//   1. Probe: find the event (--event, or --event-name through GET /api/v1/events?q=), read its
//      limits (GET /api/v1/events/{id}) and its seat map.
//   2. Set-up, not timed: every client signs up a customer of its own (POST /api/v1/customers, then
//      POST /api/v1/auth/login); spare accounts are made for clients that reach the per-customer
//      limit (see below). A few sign-ups at a time: each costs the server an Argon2id hash.
//   3. The sale, timed: each client repeatedly picks 1-4 seats at random among those the house view
//      shows available and holds them; on 201 it commits with probability --commit-share, otherwise
//      it releases the hold at once (DELETE /api/v1/holds/{id}). Releasing rather than letting holds
//      expire is a choice: buyers who give up are better modelled by a release than by seats stuck
//      for the hold TTL, and the sale can finish in one run. Every hold is decided before the client
//      holds again, so nothing is left held when the run ends.
//      The load generator plays one storefront serving all these shoppers: one view of the house
//      (HouseView) that starts from the seat map, learns from every answer the clients get, and is
//      kept current by a feed follower polling the change log (GET
//      /api/v1/events/{id}/changes?since=SEQ, every --feed-interval s), as a storefront following
//      the live feed would. A seat a client is asking for is not offered to another one meanwhile.
//      The follower also sees the end: a seat map with nothing available and nothing held.
//   4. Report, and the SQL check.
//
// Per-customer limits: events cap the seats one customer may hold plus own (409
// ticket-limit-exceeded). A client tracks its account's seats and moves to a fresh account before a
// hold would pass the event's max_tickets_per_customer, and also when the server answers
// ticket-limit-exceeded. Fresh accounts come from the pool made during set-up (--spare-accounts,
// sized from the limit by default) and, when that is empty, from a sign-up during the sale (counted
// and reported: it takes the server an Argon2id hash).
//
// Exit status: 0 when the run saw no 5xx, no transport error and no unexpected answer and the SQL
// check (when asked for) passed; 1 otherwise; 2 for bad arguments or a failed probe.

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

namespace usher::tools {
namespace {

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

// ---------------------------------------------------------------------------------------------
// The server's address.

struct Target {
    std::string host;
    std::string port;
    std::string basePath; // without a trailing slash; prefixed to every request target
};

std::optional<Target> parseUrl(std::string_view url) {
    constexpr std::string_view kScheme = "http://";
    if (!url.starts_with(kScheme)) {
        return std::nullopt;
    }
    url.remove_prefix(kScheme.size());
    const std::size_t slash = url.find('/');
    std::string_view authority = url.substr(0, slash);
    std::string_view path = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
    while (!path.empty() && path.back() == '/') {
        path.remove_suffix(1);
    }
    Target target;
    target.basePath = std::string(path);
    if (authority.starts_with('[')) { // [::1]:8080
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        target.host = std::string(authority.substr(1, close - 1));
        authority.remove_prefix(close + 1);
        if (authority.starts_with(':')) {
            target.port = std::string(authority.substr(1));
        } else if (!authority.empty()) {
            return std::nullopt;
        }
    } else {
        const std::size_t colon = authority.rfind(':');
        target.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) {
            target.port = std::string(authority.substr(colon + 1));
        }
    }
    if (target.port.empty()) {
        target.port = "80";
    }
    if (target.host.empty()) {
        return std::nullopt;
    }
    return target;
}

std::string urlEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0F];
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Reading the server's answers. Leniently: the benchmark needs a few fields and must not break when
// the server adds others.

std::optional<boost::json::value> parseBody(std::string_view body) {
    error_code ec;
    boost::json::value value = boost::json::parse(body, ec);
    if (ec) {
        return std::nullopt;
    }
    return value;
}

const boost::json::value* member(const boost::json::value& value, std::string_view key) {
    const auto* object = value.if_object();
    if (object == nullptr) {
        return nullptr;
    }
    return object->if_contains(key);
}

// Ids are strings on the wire; a number is accepted too.
std::optional<std::string> idMember(const boost::json::value& value, std::string_view key) {
    const auto* field = member(value, key);
    if (field == nullptr) {
        return std::nullopt;
    }
    if (const auto* text = field->if_string()) {
        return std::string(*text);
    }
    if (field->is_int64() || field->is_uint64()) {
        return boost::json::serialize(*field);
    }
    return std::nullopt;
}

std::optional<std::int64_t> intMember(const boost::json::value& value, std::string_view key) {
    const auto* field = member(value, key);
    if (field == nullptr) {
        return std::nullopt;
    }
    if (const auto* number = field->if_int64()) {
        return *number;
    }
    if (const auto* number = field->if_uint64()) {
        return static_cast<std::int64_t>(*number);
    }
    return std::nullopt;
}

const boost::json::array* arrayMember(const boost::json::value& value, std::string_view key) {
    const auto* field = member(value, key);
    return field == nullptr ? nullptr : field->if_array();
}

// A problem+json answer; unknown members are skipped by the protocol's decoder.
std::optional<protocol::Problem> readProblem(std::string_view body) {
    auto value = parseBody(body);
    if (!value) {
        return std::nullopt;
    }
    auto problem = json::decodeValue<protocol::Problem>(*value);
    if (!problem) {
        return std::nullopt;
    }
    return std::move(*problem);
}

std::string bodyExcerpt(std::string_view body) {
    constexpr std::size_t kMax = 300;
    std::string text(body.substr(0, kMax));
    if (body.size() > kMax) {
        text += "...";
    }
    return text;
}

// ---------------------------------------------------------------------------------------------
// Measurements.

enum class Route : std::size_t {
    SignUp,
    Login,
    Events,
    Event,
    Seatmap,
    Changes,
    Hold,
    Commit,
    Release,
    Count
};
constexpr std::array<std::string_view, static_cast<std::size_t>(Route::Count)> kRouteNames{
    "signup", "login", "events", "event", "seatmap", "changes", "hold", "commit", "release"};

std::string_view nameOf(Route route) {
    return kRouteNames[static_cast<std::size_t>(route)];
}

struct CommittedOrder {
    std::string orderId;
    std::vector<std::string> seats;
};

struct Stats {
    std::uint64_t holdsAttempted = 0;
    std::uint64_t holdsSucceeded = 0;
    std::uint64_t holdsConflicted = 0; // 409 seats-unavailable
    std::uint64_t holdsOverLimit = 0;  // 409 ticket-limit-exceeded
    std::uint64_t holdsThrottled = 0;  // 429 / 503, retried later
    std::uint64_t seatsRequested = 0;
    std::uint64_t seatsHeld = 0;
    std::uint64_t commitsAttempted = 0;
    std::uint64_t commitsSucceeded = 0;
    std::uint64_t commitRetries = 0;
    std::uint64_t seatsSold = 0;
    std::uint64_t holdsExpired = 0; // 410 on commit or release
    std::uint64_t releases = 0;
    std::uint64_t seatsReleased = 0;
    std::uint64_t seatmapRefreshes = 0;
    std::uint64_t changeSyncs = 0;
    std::uint64_t setupSignUps = 0;
    std::uint64_t saleSignUps = 0;
    std::uint64_t accountSwitches = 0;
    std::uint64_t reconnects = 0;
    std::uint64_t transportErrors = 0;
    std::uint64_t serverErrors = 0;      // 5xx
    std::uint64_t unexpectedAnswers = 0; // any other status the benchmark does not expect
    std::array<std::vector<std::int64_t>, static_cast<std::size_t>(Route::Count)> latencyMicros;
    std::array<std::map<unsigned, std::uint64_t>, static_cast<std::size_t>(Route::Count)> statuses;
    std::vector<CommittedOrder> orders;

    std::vector<std::int64_t>& latency(Route route) { return latencyMicros[static_cast<std::size_t>(route)]; }

    void merge(Stats& other) {
        holdsAttempted += other.holdsAttempted;
        holdsSucceeded += other.holdsSucceeded;
        holdsConflicted += other.holdsConflicted;
        holdsOverLimit += other.holdsOverLimit;
        holdsThrottled += other.holdsThrottled;
        seatsRequested += other.seatsRequested;
        seatsHeld += other.seatsHeld;
        commitsAttempted += other.commitsAttempted;
        commitsSucceeded += other.commitsSucceeded;
        commitRetries += other.commitRetries;
        seatsSold += other.seatsSold;
        holdsExpired += other.holdsExpired;
        releases += other.releases;
        seatsReleased += other.seatsReleased;
        seatmapRefreshes += other.seatmapRefreshes;
        changeSyncs += other.changeSyncs;
        setupSignUps += other.setupSignUps;
        saleSignUps += other.saleSignUps;
        accountSwitches += other.accountSwitches;
        reconnects += other.reconnects;
        transportErrors += other.transportErrors;
        serverErrors += other.serverErrors;
        unexpectedAnswers += other.unexpectedAnswers;
        for (std::size_t r = 0; r < latencyMicros.size(); ++r) {
            latencyMicros[r].insert(latencyMicros[r].end(), other.latencyMicros[r].begin(),
                                    other.latencyMicros[r].end());
            for (const auto& [status, count] : other.statuses[r]) {
                statuses[r][status] += count;
            }
        }
        for (auto& order : other.orders) {
            orders.push_back(std::move(order));
        }
        other.orders.clear();
    }
};

struct LatencySummary {
    std::size_t count = 0;
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    double max = 0;
    double mean = 0;
};

// Nearest-rank percentiles in milliseconds.
LatencySummary summarize(std::vector<std::int64_t> micros) {
    LatencySummary summary;
    summary.count = micros.size();
    if (micros.empty()) {
        return summary;
    }
    std::sort(micros.begin(), micros.end());
    const auto at = [&](double p) {
        const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(micros.size())));
        return static_cast<double>(micros[std::clamp<std::size_t>(rank, 1, micros.size()) - 1]) / 1000.0;
    };
    summary.p50 = at(0.50);
    summary.p95 = at(0.95);
    summary.p99 = at(0.99);
    summary.max = static_cast<double>(micros.back()) / 1000.0;
    double total = 0;
    for (const std::int64_t value : micros) {
        total += static_cast<double>(value);
    }
    summary.mean = total / static_cast<double>(micros.size()) / 1000.0;
    return summary;
}

// ---------------------------------------------------------------------------------------------
// The house: every seat id once, and one client's belief about which seats are available.

struct SeatIndex {
    std::vector<std::string> ids;
    std::unordered_map<std::string, std::uint32_t> byId;

    std::optional<std::uint32_t> find(std::string_view id) const {
        const auto it = byId.find(std::string(id));
        if (it == byId.end()) {
            return std::nullopt;
        }
        return it->second;
    }
};

// What a client believes about a seat. Unknown: not available as far as it knows (in its own
// request, or named by a 409) without the server having said what it is.
enum class SeatState : std::uint8_t { Available, Held, Sold, Other, Unknown };

SeatState seatStateFromWire(std::string_view state) {
    if (state == "available") {
        return SeatState::Available;
    }
    if (state == "held") {
        return SeatState::Held;
    }
    if (state == "sold") {
        return SeatState::Sold;
    }
    return SeatState::Other; // blocked, allotted
}

// One client's view of the house: each seat's last known state, and the available ones in a list
// to pick from at random in O(1).
class SeatView {
public:
    void reset(std::size_t seatCount) {
        m_available.clear();
        m_slot.assign(seatCount, kNone);
        m_state.assign(seatCount, SeatState::Unknown);
        m_held = 0;
    }
    std::size_t availableCount() const { return m_available.size(); }
    // Seats the server last reported held (by anyone).
    std::size_t heldCount() const { return m_held; }

    void set(std::uint32_t seat, SeatState state) {
        const SeatState old = m_state[seat];
        m_state[seat] = state;
        if (old == SeatState::Held) {
            --m_held;
        }
        if (state == SeatState::Held) {
            ++m_held;
        }
        if (state == SeatState::Available) {
            if (m_slot[seat] == kNone) {
                m_slot[seat] = static_cast<std::uint32_t>(m_available.size());
                m_available.push_back(seat);
            }
        } else if (const std::uint32_t slot = m_slot[seat]; slot != kNone) {
            const std::uint32_t last = m_available.back();
            m_available[slot] = last;
            m_slot[last] = slot;
            m_available.pop_back();
            m_slot[seat] = kNone;
        }
    }
    // Takes `count` random available seats out of the view (they become Unknown) and returns them.
    std::vector<std::uint32_t> take(std::size_t count, std::mt19937_64& random) {
        std::vector<std::uint32_t> seats;
        while (seats.size() < count && !m_available.empty()) {
            std::uniform_int_distribution<std::size_t> pick(0, m_available.size() - 1);
            const std::uint32_t seat = m_available[pick(random)];
            set(seat, SeatState::Unknown);
            seats.push_back(seat);
        }
        return seats;
    }

private:
    static constexpr std::uint32_t kNone = UINT32_MAX;
    std::vector<std::uint32_t> m_available;
    std::vector<std::uint32_t> m_slot; // position in m_available, or kNone
    std::vector<SeatState> m_state;
    std::size_t m_held = 0;
};

// The storefront's live view of the house, shared by every client (the load generator plays one
// storefront serving many shoppers): it starts from the seat map, learns from every answer its
// clients get (201 holds, the `unavailable_seats` of 409s, commits and releases) and follows the
// change log (GET /changes?since=SEQ, see FeedFollower) for everything else. A seat a client is
// asking for is taken out of it, so two shoppers of this storefront are not offered the same seat at
// once; conflicts then come from the view lagging the server. Thread-safe.
class HouseView {
public:
    void reset(std::size_t seatCount) {
        std::lock_guard lock(m_mutex);
        m_view.reset(seatCount);
    }
    std::size_t availableCount() {
        std::lock_guard lock(m_mutex);
        return m_view.availableCount();
    }
    void set(const std::vector<std::uint32_t>& seats, SeatState state) {
        std::lock_guard lock(m_mutex);
        for (const std::uint32_t seat : seats) {
            m_view.set(seat, state);
        }
    }
    std::vector<std::uint32_t> take(std::size_t count, std::mt19937_64& random) {
        std::lock_guard lock(m_mutex);
        return m_view.take(count, random);
    }
    // Runs `change(SeatView&)` under the lock, for a seat map or a page of changes.
    template <typename Change>
    auto update(Change&& change) {
        std::lock_guard lock(m_mutex);
        return change(m_view);
    }

private:
    std::mutex m_mutex;
    SeatView m_view;
};

struct SeatmapCounts {
    std::int64_t seq = 0;
    std::size_t seats = 0;
    std::size_t available = 0;
    std::size_t held = 0;
    std::size_t sold = 0;
    std::size_t other = 0; // blocked, allotted
    std::size_t unknownIds = 0;
};

// Reads GET /seatmap's `seq` and `seats`; sets every seat's state in `view` (when given) and appends
// every seat id in order to `ids` (when given).
std::optional<SeatmapCounts> readSeatmap(std::string_view body, const SeatIndex* index, SeatView* view,
                                         std::vector<std::string>* ids) {
    boost::json::monotonic_resource arena;
    error_code ec;
    const boost::json::value value = boost::json::parse(body, ec, &arena);
    if (ec) {
        return std::nullopt;
    }
    const auto* seats = arrayMember(value, "seats");
    if (seats == nullptr) {
        return std::nullopt;
    }
    SeatmapCounts counts;
    counts.seq = intMember(value, "seq").value_or(0);
    counts.seats = seats->size();
    for (const auto& seat : *seats) {
        const auto* idField = member(seat, "id");
        const auto* stateField = member(seat, "state");
        if (idField == nullptr || !idField->is_string() || stateField == nullptr ||
            !stateField->is_string()) {
            return std::nullopt;
        }
        const std::string_view id = idField->get_string();
        const SeatState state = seatStateFromWire(stateField->get_string());
        switch (state) {
        case SeatState::Available:
            ++counts.available;
            break;
        case SeatState::Held:
            ++counts.held;
            break;
        case SeatState::Sold:
            ++counts.sold;
            break;
        case SeatState::Other:
        case SeatState::Unknown:
            ++counts.other;
            break;
        }
        if (ids != nullptr) {
            ids->emplace_back(id);
        }
        if (index != nullptr && view != nullptr) {
            if (const auto seatIndex = index->find(id)) {
                view->set(*seatIndex, state);
            } else {
                ++counts.unknownIds;
            }
        }
    }
    return counts;
}

// ---------------------------------------------------------------------------------------------
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

RequestSpec makeRequest(http::verb method, std::string target, std::string body = {}) {
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

Task<void> sleepFor(double seconds) {
    const auto executor = co_await asio::this_coro::executor;
    asio::steady_timer timer(executor);
    timer.expires_after(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds)));
    co_await timer.async_wait(kNoThrow);
}

double backoff(const Answer& answer) {
    return std::clamp(answer.retryAfter.value_or(kMinBackoff), kMinBackoff, kMaxBackoff);
}

// ---------------------------------------------------------------------------------------------
// What every client shares.

struct Account {
    std::string email;
    std::string password;
    std::string token;
    std::int64_t owned = 0; // seats of this account in active holds and orders, as far as we know
};

class AccountPool {
public:
    void put(Account account) {
        std::lock_guard lock(m_mutex);
        m_accounts.push_back(std::move(account));
    }
    std::optional<Account> take() {
        std::lock_guard lock(m_mutex);
        if (m_accounts.empty()) {
            return std::nullopt;
        }
        Account account = std::move(m_accounts.front());
        m_accounts.pop_front();
        return account;
    }
    std::size_t size() {
        std::lock_guard lock(m_mutex);
        return m_accounts.size();
    }

private:
    std::mutex m_mutex;
    std::deque<Account> m_accounts;
};

struct Shared {
    Options options;
    Target target;
    tcp::resolver::results_type endpoints;
    std::string eventId;
    std::string eventName;
    std::int64_t maxPerCustomer = 0; // 0: no limit known
    std::int64_t maxPerOrder = 0;
    SeatIndex index;
    AccountPool spares;
    std::optional<Account> sharedAccount; // --email
    std::string emailTag;
    std::atomic<std::uint64_t> emailCounter{0};
    std::atomic<bool> stop{false};
    HouseView house;
    std::atomic<bool> soldOut{false};   // the follower saw nothing available and nothing held
    std::atomic<int> clientsRunning{0}; // the follower stops when the last client has
    std::atomic<std::uint64_t> errors{0};
    Clock::time_point deadline = Clock::time_point::max();
    std::mutex errorMutex;
    std::map<std::string, std::uint64_t> errorKinds;

    bool stopping() const { return stop.load(std::memory_order_relaxed) || Clock::now() >= deadline; }

    std::string nextEmail() {
        return "flash-" + emailTag + "-" + std::to_string(emailCounter.fetch_add(1) + 1) + "@load.usher.test";
    }

    // Errors are loud: the first ones are printed as they happen, all are counted by kind.
    void reportError(const std::string& kind, const std::string& detail) {
        const std::uint64_t number = errors.fetch_add(1) + 1;
        {
            std::lock_guard lock(errorMutex);
            ++errorKinds[kind];
            if (number <= kErrorsPrinted) {
                std::cerr << "flash-sale: ERROR " << kind << ": " << detail << "\n";
            } else if (number == kErrorsPrinted + 1) {
                std::cerr << "flash-sale: ERROR more errors follow; only counted from here on\n";
            }
        }
        if (number >= options.maxErrors && !stop.exchange(true)) {
            std::cerr << "flash-sale: ERROR " << number << " errors: stopping the run\n";
        }
    }
};

// A random version-4 UUID, for idempotency keys.
std::string makeUuid(std::mt19937_64& random) {
    std::uint64_t high = random();
    std::uint64_t low = random();
    high = (high & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;
    low = (low & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
    char text[37];
    std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx",
                  static_cast<unsigned long long>(high >> 32),
                  static_cast<unsigned long long>((high >> 16) & 0xFFFF),
                  static_cast<unsigned long long>(high & 0xFFFF), static_cast<unsigned long long>(low >> 48),
                  static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFull));
    return text;
}

std::string compact(const boost::json::value& value) {
    return boost::json::serialize(value);
}

// Sends one request and books it: status counts, latency, and loud errors for transport failures
// and 5xx. Whether another status is expected is the caller's business.
Task<Answer> exchange(Shared& shared, Connection& connection, Stats& stats, Route route,
                      const RequestSpec& spec) {
    Answer answer = co_await connection.send(spec);
    const auto r = static_cast<std::size_t>(route);
    if (answer.transportError) {
        ++stats.transportErrors;
        ++stats.statuses[r][0];
        shared.reportError("transport error (" + std::string(nameOf(route)) + ")",
                           std::string(http::to_string(spec.method)) + " " + spec.target + ": " +
                               answer.transportError.message());
        co_return answer;
    }
    ++stats.statuses[r][answer.status];
    stats.latencyMicros[r].push_back(answer.micros);
    if (answer.status >= 500) {
        ++stats.serverErrors;
        shared.reportError("HTTP " + std::to_string(answer.status) + " (" + std::string(nameOf(route)) + ")",
                           std::string(http::to_string(spec.method)) + " " + spec.target + ": " +
                               bodyExcerpt(answer.body));
    }
    co_return answer;
}

void unexpectedAnswer(Shared& shared, Stats& stats, Route route, const RequestSpec& spec,
                      const Answer& answer) {
    if (answer.transportError || answer.status >= 500) {
        return; // already reported
    }
    ++stats.unexpectedAnswers;
    shared.reportError(
        "unexpected HTTP " + std::to_string(answer.status) + " (" + std::string(nameOf(route)) + ")",
        std::string(http::to_string(spec.method)) + " " + spec.target + ": " + bodyExcerpt(answer.body));
}

std::optional<protocol::ProblemKind> problemKind(const Answer& answer) {
    const auto problem = readProblem(answer.body);
    if (!problem) {
        return std::nullopt;
    }
    return protocol::problemKindFromUri(problem->type);
}

Task<bool> logIn(Shared& shared, Connection& connection, Stats& stats, Account& account) {
    const RequestSpec spec =
        makeRequest(http::verb::post, "/api/v1/auth/login",
                    compact(protocol::toJson(protocol::LoginRequest{account.email, account.password})));
    for (int attempt = 0; attempt < 20 && !shared.stop.load(); ++attempt) {
        const Answer answer = co_await exchange(shared, connection, stats, Route::Login, spec);
        if (answer.status == 200) {
            const auto body = parseBody(answer.body);
            const auto* token = body ? member(*body, "access_token") : nullptr;
            if (token == nullptr || !token->is_string()) {
                unexpectedAnswer(shared, stats, Route::Login, spec, answer);
                co_return false;
            }
            account.token = std::string(token->get_string());
            co_return true;
        }
        if (answer.status == 429 || answer.status == 503) {
            co_await sleepFor(backoff(answer));
            continue;
        }
        unexpectedAnswer(shared, stats, Route::Login, spec, answer);
        co_return false;
    }
    co_return false;
}

// Signs up a new customer and logs it in.
Task<std::optional<Account>> createAccount(Shared& shared, Connection& connection, Stats& stats) {
    Account account;
    account.password = shared.options.password;
    bool created = false;
    for (int attempt = 0; attempt < 20 && !created && !shared.stop.load(); ++attempt) {
        account.email = shared.nextEmail();
        const RequestSpec spec = makeRequest(http::verb::post, "/api/v1/customers",
                                             compact(protocol::toJson(protocol::CreateCustomerRequest{
                                                 account.email, account.password, "Flash Sale Customer"})));
        const Answer answer = co_await exchange(shared, connection, stats, Route::SignUp, spec);
        if (answer.status == 201) {
            created = true;
        } else if (answer.status == 409) {
            continue; // the address is taken (a previous run): try the next one
        } else if (answer.status == 429 || answer.status == 503) {
            co_await sleepFor(backoff(answer));
        } else {
            unexpectedAnswer(shared, stats, Route::SignUp, spec, answer);
            co_return std::nullopt;
        }
    }
    if (!created) {
        co_return std::nullopt;
    }
    const bool loggedIn = co_await logIn(shared, connection, stats, account);
    if (!loggedIn) {
        co_return std::nullopt;
    }
    co_return account;
}

// ---------------------------------------------------------------------------------------------
// One simulated customer.

class Client {
public:
    Client(Shared& shared, asio::any_io_executor executor, std::uint64_t seed)
        : m_shared(shared), m_connection(std::move(executor), shared.target, shared.endpoints),
          m_random(seed), m_maxSeats(shared.options.maxSeats) {}

    Stats& stats() { return m_stats; }
    bool soldOut() const { return m_soldOut; }
    bool ready() const { return m_ready; }
    Clock::time_point finishedAt() const { return m_finishedAt; }

    // Not timed: an account.
    Task<void> setUp() {
        if (m_shared.sharedAccount) {
            m_account = *m_shared.sharedAccount;
        } else {
            auto account = co_await createAccount(m_shared, m_connection, m_stats);
            if (!account) {
                co_return;
            }
            ++m_stats.setupSignUps;
            m_account = std::move(*account);
        }
        m_ready = true;
    }

    Task<void> run() {
        m_stats.reconnects = 0;
        const std::uint64_t connectsBefore = m_connection.reconnects();
        while (m_ready && !m_shared.stopping()) {
            if (m_shared.soldOut.load()) {
                m_soldOut = true;
                break;
            }
            if (m_shared.house.availableCount() == 0) {
                // Others hold the rest, or it is sold out: the feed follower will tell.
                co_await sleepFor(m_shared.options.feedInterval);
                continue;
            }
            co_await holdSome();
        }
        m_finishedAt = Clock::now();
        m_stats.reconnects = m_connection.reconnects() - connectsBefore;
        --m_shared.clientsRunning;
    }

private:
    RequestSpec authorized(http::verb method, std::string target, std::string body = {}) const {
        RequestSpec spec = makeRequest(method, std::move(target), std::move(body));
        spec.token = &m_account.token;
        return spec;
    }

    // A fresh account: a spare from set-up, else a sign-up now.
    Task<bool> switchAccount() {
        ++m_stats.accountSwitches;
        if (auto spare = m_shared.spares.take()) {
            m_account = std::move(*spare);
            co_return true;
        }
        auto account = co_await createAccount(m_shared, m_connection, m_stats);
        if (!account) {
            co_return false;
        }
        ++m_stats.saleSignUps;
        m_account = std::move(*account);
        co_return true;
    }

    void mark(const std::vector<std::uint32_t>& seats, SeatState state) { m_shared.house.set(seats, state); }
    void giveBack(const std::vector<std::uint32_t>& seats) { mark(seats, SeatState::Available); }

    Task<void> holdSome() {
        const auto most =
            std::min<std::size_t>(static_cast<std::size_t>(m_maxSeats), m_shared.house.availableCount());
        if (most == 0) {
            co_return;
        }
        std::uniform_int_distribution<std::size_t> size(1, most);
        const std::size_t wanted = size(m_random);
        // Move on before the server would refuse the hold; shared accounts are counted by the server
        // across clients, so only its answer tells.
        if (!m_shared.sharedAccount && m_shared.maxPerCustomer > 0 &&
            m_account.owned + static_cast<std::int64_t>(wanted) > m_shared.maxPerCustomer) {
            const bool switched = co_await switchAccount();
            if (!switched) {
                co_await sleepFor(kMinBackoff);
                co_return;
            }
        }
        const std::vector<std::uint32_t> seats = m_shared.house.take(wanted, m_random);
        if (seats.empty()) {
            co_return; // another client took the last ones
        }
        protocol::SeatSelection selection;
        for (const std::uint32_t seat : seats) {
            selection.seats.push_back(m_shared.index.ids[seat]);
        }
        const RequestSpec spec = authorized(http::verb::post, "/api/v1/events/" + m_shared.eventId + "/holds",
                                            compact(protocol::toJson(protocol::HoldRequest{selection})));
        ++m_stats.holdsAttempted;
        m_stats.seatsRequested += seats.size();
        const Answer answer = co_await exchange(m_shared, m_connection, m_stats, Route::Hold, spec);

        if (answer.status == 201) {
            const auto body = parseBody(answer.body);
            const auto holdId = body ? idMember(*body, "hold_id") : std::nullopt;
            if (!holdId) {
                unexpectedAnswer(m_shared, m_stats, Route::Hold, spec, answer);
                co_return;
            }
            ++m_stats.holdsSucceeded;
            mark(seats, SeatState::Held);
            m_stats.seatsHeld += seats.size();
            m_account.owned += static_cast<std::int64_t>(seats.size());
            std::bernoulli_distribution commit(m_shared.options.commitShare);
            if (commit(m_random)) {
                co_await commitHold(*holdId, seats, selection.seats);
            } else {
                co_await releaseHold(*holdId, seats);
            }
            co_return;
        }
        if (answer.status == 409) {
            const auto problem = readProblem(answer.body);
            const auto kind = problem ? protocol::problemKindFromUri(problem->type) : std::nullopt;
            if (kind == protocol::ProblemKind::SeatsUnavailable) {
                ++m_stats.holdsConflicted;
                const std::unordered_set<std::string> gone(problem->unavailableSeats.begin(),
                                                           problem->unavailableSeats.end());
                // The seats named are someone else's now; the others go back into the view. With no
                // list at all, none of them is tried again by this client.
                if (!gone.empty()) {
                    std::vector<std::uint32_t> free;
                    for (const std::uint32_t seat : seats) {
                        if (gone.count(m_shared.index.ids[seat]) == 0) {
                            free.push_back(seat);
                        }
                    }
                    mark(free, SeatState::Available);
                }
                co_return;
            }
            if (kind == protocol::ProblemKind::TicketLimitExceeded) {
                ++m_stats.holdsOverLimit;
                giveBack(seats);
                if (m_account.owned == 0 && !m_shared.sharedAccount) {
                    // A fresh account over the limit: the per-order limit is smaller than this hold.
                    if (seats.size() <= 1) {
                        unexpectedAnswer(m_shared, m_stats, Route::Hold, spec, answer);
                        m_ready = false;
                    } else {
                        m_maxSeats = static_cast<int>(seats.size()) - 1;
                    }
                    co_return;
                }
                const bool switched = co_await switchAccount();
                if (!switched) {
                    co_await sleepFor(kMinBackoff);
                }
                co_return;
            }
            giveBack(seats);
            unexpectedAnswer(m_shared, m_stats, Route::Hold, spec, answer);
            co_await sleepFor(kMinBackoff);
            co_return;
        }
        if (answer.transportError) {
            co_return; // the hold may or may not exist: leave these seats alone
        }
        giveBack(seats);
        if (answer.status == 429 || answer.status == 503) {
            ++m_stats.holdsThrottled;
            co_await sleepFor(backoff(answer));
            co_return;
        }
        if (answer.status == 401) {
            const bool loggedIn = co_await logIn(m_shared, m_connection, m_stats, m_account);
            if (loggedIn) {
                co_return; // the token had expired
            }
        }
        unexpectedAnswer(m_shared, m_stats, Route::Hold, spec, answer);
        co_await sleepFor(kMinBackoff);
    }

    Task<void> commitHold(const std::string& holdId, const std::vector<std::uint32_t>& seats,
                          const std::vector<std::string>& seatIds) {
        const std::string key = makeUuid(m_random);
        protocol::CommitRequest commit{protocol::TestCardPayment{"tok_visa"}, {}};
        RequestSpec spec = authorized(http::verb::post, "/api/v1/holds/" + holdId + "/commit",
                                      compact(protocol::toJson(commit)));
        spec.idempotencyKey = &key;
        ++m_stats.commitsAttempted;
        for (int attempt = 0; attempt < 50; ++attempt) {
            if (attempt > 0) {
                ++m_stats.commitRetries;
            }
            const Answer answer = co_await exchange(m_shared, m_connection, m_stats, Route::Commit, spec);
            if (answer.status == 201) {
                const auto body = parseBody(answer.body);
                const auto orderId = body ? idMember(*body, "order_id") : std::nullopt;
                if (!orderId) {
                    unexpectedAnswer(m_shared, m_stats, Route::Commit, spec, answer);
                    co_return;
                }
                ++m_stats.commitsSucceeded;
                mark(seats, SeatState::Sold);
                m_stats.seatsSold += seats.size();
                m_stats.orders.push_back({*orderId, seatIds});
                co_return;
            }
            if (answer.transportError) {
                mark(seats, SeatState::Unknown); // unknown outcome: the seats stay out of the view
                co_return;
            }
            const auto kind = problemKind(answer);
            // In flight (409 with Retry-After), throttled, or a gateway timeout: the same key again.
            if (kind == protocol::ProblemKind::RequestInFlight || answer.status == 429 ||
                answer.status == 503 || answer.status == 504) {
                co_await sleepFor(backoff(answer));
                continue;
            }
            if (answer.status == 401) {
                const bool loggedIn = co_await logIn(m_shared, m_connection, m_stats, m_account);
                if (loggedIn) {
                    continue; // the token had expired
                }
            }
            if (answer.status == 410) {
                ++m_stats.holdsExpired;
                m_account.owned -= static_cast<std::int64_t>(seats.size());
                giveBack(seats);
                co_return;
            }
            // A declined test card or anything else: report it and give the seats back.
            unexpectedAnswer(m_shared, m_stats, Route::Commit, spec, answer);
            co_await releaseHold(holdId, seats);
            co_return;
        }
        unexpectedAnswer(m_shared, m_stats, Route::Commit, spec,
                         Answer{{}, 0, "commit retried 50 times", {}, 0});
    }

    Task<void> releaseHold(const std::string& holdId, const std::vector<std::uint32_t>& seats) {
        const RequestSpec spec = authorized(http::verb::delete_, "/api/v1/holds/" + holdId);
        for (int attempt = 0; attempt < 20; ++attempt) {
            const Answer answer = co_await exchange(m_shared, m_connection, m_stats, Route::Release, spec);
            if (answer.status == 200 || answer.status == 204 || answer.status == 410) {
                if (answer.status == 410) {
                    ++m_stats.holdsExpired;
                } else {
                    ++m_stats.releases;
                    m_stats.seatsReleased += seats.size();
                }
                m_account.owned -= static_cast<std::int64_t>(seats.size());
                giveBack(seats);
                co_return;
            }
            if (answer.transportError) {
                mark(seats, SeatState::Unknown);
                co_return;
            }
            if (answer.status == 429 || answer.status == 503) {
                co_await sleepFor(backoff(answer));
                continue;
            }
            if (answer.status == 401) {
                const bool loggedIn = co_await logIn(m_shared, m_connection, m_stats, m_account);
                if (loggedIn) {
                    continue; // the token had expired
                }
            }
            unexpectedAnswer(m_shared, m_stats, Route::Release, spec, answer);
            mark(seats, SeatState::Unknown);
            co_return;
        }
    }

    Shared& m_shared;
    Connection m_connection;
    std::mt19937_64 m_random;
    Account m_account;
    Stats m_stats;
    int m_maxSeats;
    bool m_ready = false;
    bool m_soldOut = false;
    Clock::time_point m_finishedAt = Clock::now();
};

// Keeps the house view current for the storefront's clients: polls the change log every
// --feed-interval seconds, and fetches the seat map when the log no longer reaches back (410) or
// when nothing looks available, which is also how it sees the sale end: nothing available and
// nothing held by anyone.
class FeedFollower {
public:
    FeedFollower(Shared& shared, asio::any_io_executor executor)
        : m_shared(shared), m_connection(std::move(executor), shared.target, shared.endpoints) {}

    Stats& stats() { return m_stats; }

    // The first seat map; false when it could not be read.
    Task<bool> load() {
        m_shared.house.reset(m_shared.index.ids.size());
        const auto counts = co_await refreshSeatmap();
        co_return counts.has_value();
    }

    Task<void> run() {
        auto lastSeatmap = Clock::now();
        while (!m_shared.stopping() && !m_shared.soldOut.load() && m_shared.clientsRunning.load() > 0) {
            co_await sleepFor(m_shared.options.feedInterval);
            const bool synced = co_await syncChanges();
            if (synced && m_shared.house.availableCount() > 0) {
                continue;
            }
            // At most one seat map per kSeatmapPoll: they are big.
            if (Clock::now() - lastSeatmap < std::chrono::duration<double>(kSeatmapPoll)) {
                continue;
            }
            lastSeatmap = Clock::now();
            const auto counts = co_await refreshSeatmap();
            if (counts && counts->available == 0 && counts->held == 0) {
                m_shared.soldOut = true;
            }
        }
    }

private:
    Task<std::optional<SeatmapCounts>> refreshSeatmap() {
        const RequestSpec spec =
            makeRequest(http::verb::get, "/api/v1/events/" + m_shared.eventId + "/seatmap");
        const Answer answer = co_await exchange(m_shared, m_connection, m_stats, Route::Seatmap, spec);
        ++m_stats.seatmapRefreshes;
        if (answer.status != 200) {
            unexpectedAnswer(m_shared, m_stats, Route::Seatmap, spec, answer);
            co_return std::nullopt;
        }
        auto counts = m_shared.house.update(
            [&](SeatView& view) { return readSeatmap(answer.body, &m_shared.index, &view, nullptr); });
        if (!counts) {
            unexpectedAnswer(m_shared, m_stats, Route::Seatmap, spec, answer);
            co_return counts;
        }
        m_seq = counts->seq;
        co_return counts;
    }

    // What was held, sold and released since the last look (GET /changes?since=seq).
    Task<bool> syncChanges() {
        const RequestSpec spec = makeRequest(http::verb::get, "/api/v1/events/" + m_shared.eventId +
                                                                  "/changes?since=" + std::to_string(m_seq));
        const Answer answer = co_await exchange(m_shared, m_connection, m_stats, Route::Changes, spec);
        ++m_stats.changeSyncs;
        if (answer.status == 410) {
            const auto counts = co_await refreshSeatmap(); // the log no longer reaches back
            co_return counts.has_value();
        }
        const auto body = answer.status == 200 ? parseBody(answer.body) : std::nullopt;
        const auto* changes = body ? arrayMember(*body, "changes") : nullptr;
        const auto seq = body ? intMember(*body, "seq") : std::nullopt;
        if (changes == nullptr || !seq) {
            unexpectedAnswer(m_shared, m_stats, Route::Changes, spec, answer);
            co_return false;
        }
        m_shared.house.update([&](SeatView& view) {
            for (const auto& change : *changes) {
                const auto* seat = member(change, "seat");
                const auto* state = member(change, "state");
                if (seat == nullptr || !seat->is_string() || state == nullptr || !state->is_string()) {
                    continue; // a GA counter change
                }
                if (const auto index = m_shared.index.find(seat->get_string())) {
                    view.set(*index, seatStateFromWire(state->get_string()));
                }
            }
        });
        m_seq = *seq;
        co_return true;
    }

    Shared& m_shared;
    Connection m_connection;
    Stats m_stats;
    std::int64_t m_seq = 0; // the change log position the house view is as of
};

// ---------------------------------------------------------------------------------------------
// Running coroutines to completion on a few threads.

template <typename MakeTasks>
void runToCompletion(asio::io_context& io, int threads, Shared& shared, MakeTasks makeTasks) {
    io.restart();
    makeTasks([&](Task<void> task) {
        asio::co_spawn(io, std::move(task), [&shared](std::exception_ptr failure) {
            if (!failure) {
                return;
            }
            try {
                std::rethrow_exception(failure);
            } catch (const std::exception& exception) {
                shared.reportError("client failed", exception.what());
            }
        });
    });
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) {
        pool.emplace_back([&io] { io.run(); });
    }
    io.run();
    for (auto& thread : pool) {
        thread.join();
    }
}

// The probe: the event, its limits and its seat map, with one connection.
struct Probe {
    bool ok = false;
    std::string message;
    SeatmapCounts initial;
};

Task<void> probe(Shared& shared, Stats& stats, Probe& result) {
    const auto executor = co_await asio::this_coro::executor;
    Connection connection(executor, shared.target, shared.endpoints);
    // The events to choose from: the one asked for, or every match of the search (event and venue
    // names), the one with most seats left first.
    struct Candidate {
        std::string id;
        std::int64_t available = 0;
    };
    std::vector<Candidate> candidates;
    if (!shared.eventId.empty()) {
        candidates.push_back({shared.eventId, 0});
    } else {
        std::optional<std::string> cursor;
        for (int page = 0; page < 50; ++page) {
            std::string target = "/api/v1/events?q=" + urlEncode(shared.options.eventName);
            if (cursor) {
                target += "&cursor=" + urlEncode(*cursor);
            }
            const RequestSpec spec = makeRequest(http::verb::get, target);
            const Answer answer = co_await exchange(shared, connection, stats, Route::Events, spec);
            const auto body = answer.status == 200 ? parseBody(answer.body) : std::nullopt;
            const auto* data = body ? arrayMember(*body, "data") : nullptr;
            if (data == nullptr) {
                result.message = "GET " + target + " answered " + std::to_string(answer.status) + " " +
                                 bodyExcerpt(answer.body);
                co_return;
            }
            for (const auto& event : *data) {
                const auto* availability = member(event, "availability");
                if (const auto id = idMember(event, "id")) {
                    candidates.push_back({*id, availability != nullptr
                                                   ? intMember(*availability, "available").value_or(0)
                                                   : 0});
                }
            }
            const auto* next = member(*body, "next_cursor");
            if (next == nullptr || !next->is_string()) {
                break;
            }
            cursor = std::string(next->get_string());
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate& a, const Candidate& b) { return a.available > b.available; });
        if (candidates.empty()) {
            result.message = "no event matches \"" + shared.options.eventName + "\"";
            co_return;
        }
    }
    // The first candidate on sale now, with its limits.
    const auto now =
        std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    shared.eventId.clear();
    for (const Candidate& candidate : candidates) {
        const RequestSpec spec = makeRequest(http::verb::get, "/api/v1/events/" + candidate.id);
        const Answer answer = co_await exchange(shared, connection, stats, Route::Event, spec);
        const auto body = answer.status == 200 ? parseBody(answer.body) : std::nullopt;
        if (!body) {
            result.message = "GET /api/v1/events/" + candidate.id + " answered " +
                             std::to_string(answer.status) + " " + bodyExcerpt(answer.body);
            co_return;
        }
        const auto* name = member(*body, "name");
        const std::string eventName =
            name != nullptr && name->is_string() ? std::string(name->get_string()) : "";
        const auto* startsText = member(*body, "sale_starts_at");
        const auto* endsText = member(*body, "sale_ends_at");
        const auto starts = startsText != nullptr && startsText->is_string()
                                ? protocol::parseTimestamp(startsText->get_string())
                                : std::nullopt;
        const auto ends = endsText != nullptr && endsText->is_string()
                              ? protocol::parseTimestamp(endsText->get_string())
                              : std::nullopt;
        if ((starts && now < *starts) || (ends && now >= *ends)) {
            std::cout << "flash-sale: event " << candidate.id << " \"" << eventName
                      << "\" is not on sale now\n";
            if (candidates.size() > 1) {
                continue;
            }
        }
        shared.eventId = candidate.id;
        shared.eventName = eventName;
        shared.maxPerCustomer = intMember(*body, "max_tickets_per_customer").value_or(0);
        shared.maxPerOrder = intMember(*body, "max_tickets_per_order").value_or(0);
        break;
    }
    if (shared.eventId.empty()) {
        result.message = "no event matching \"" + shared.options.eventName + "\" is on sale";
        co_return;
    }
    {
        const RequestSpec spec =
            makeRequest(http::verb::get, "/api/v1/events/" + shared.eventId + "/seatmap");
        const Answer answer = co_await exchange(shared, connection, stats, Route::Seatmap, spec);
        std::vector<std::string> ids;
        const auto counts =
            answer.status == 200 ? readSeatmap(answer.body, nullptr, nullptr, &ids) : std::nullopt;
        if (!counts) {
            result.message = "GET /api/v1/events/" + shared.eventId + "/seatmap answered " +
                             std::to_string(answer.status) + " " + bodyExcerpt(answer.body);
            co_return;
        }
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (!shared.index.byId.emplace(ids[i], static_cast<std::uint32_t>(i)).second) {
                result.message = "the seat map lists seat \"" + ids[i] + "\" twice";
                co_return;
            }
        }
        shared.index.ids = std::move(ids);
        result.initial = *counts;
    }
    if (shared.sharedAccount) {
        const bool loggedIn = co_await logIn(shared, connection, stats, *shared.sharedAccount);
        if (!loggedIn) {
            result.message = "cannot log in as " + shared.sharedAccount->email;
            co_return;
        }
    }
    result.ok = true;
}

Task<void> finalSeatmap(Shared& shared, Stats& stats, std::optional<SeatmapCounts>& out) {
    const auto executor = co_await asio::this_coro::executor;
    Connection connection(executor, shared.target, shared.endpoints);
    const RequestSpec spec = makeRequest(http::verb::get, "/api/v1/events/" + shared.eventId + "/seatmap");
    const Answer answer = co_await exchange(shared, connection, stats, Route::Seatmap, spec);
    if (answer.status == 200) {
        out = readSeatmap(answer.body, nullptr, nullptr, nullptr);
    }
}

// ---------------------------------------------------------------------------------------------
// The SQL check, on the server's own tables (server/migrations/0001_core.sql).

struct SqlCheck {
    bool ran = false;
    bool ok = false;
    std::string error;
    std::int64_t seatsSoldTwice = 0;     // seats with more than one live ticket
    std::int64_t soldSeats = 0;          // event_seats in state 'sold'
    std::int64_t liveSeatTickets = 0;    // tickets for seats, not refunded
    std::int64_t soldWithoutTicket = 0;  // sold seats without a live ticket of the order that sold them
    std::int64_t ordersSeen = 0;         // 201 commits the clients saw
    std::int64_t ordersFound = 0;        // ... that exist in orders for this event
    std::int64_t orderSeatsSeen = 0;     // seats in those orders, as the clients held them
    std::int64_t orderSeatsTicketed = 0; // ... with a live ticket of that order
};

// A PostgreSQL text[] literal.
std::string textArray(const std::vector<std::string>& items) {
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += '"';
        for (const char c : items[i]) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

SqlCheck checkWithSql(const std::string& url, const std::string& eventId,
                      const std::vector<CommittedOrder>& orders) {
    SqlCheck check;
    check.ran = true;
    try {
        pqxx::connection connection(url);
        pqxx::read_transaction tx(connection);
        const auto one = [&](const std::string& query, const auto&... params) {
            return tx.exec_params1(query, params...)[0].template as<std::int64_t>();
        };
        const pqxx::result event = tx.exec_params("SELECT id FROM events WHERE id::text = $1", eventId);
        if (event.empty()) {
            check.error = "event " + eventId + " is not in the events table of this database";
            return check;
        }
        const auto key = event[0][0].as<std::int64_t>();
        check.seatsSoldTwice =
            one("SELECT count(*) FROM (SELECT seat_id FROM tickets WHERE event_id = $1 AND "
                "seat_id IS NOT NULL AND status <> 'refunded' GROUP BY seat_id "
                "HAVING count(*) > 1) AS twice",
                key);
        check.soldSeats = one("SELECT count(*) FROM event_seats WHERE event_id = $1 AND state = 'sold'", key);
        check.liveSeatTickets =
            one("SELECT count(*) FROM tickets WHERE event_id = $1 AND seat_id IS NOT NULL "
                "AND status <> 'refunded'",
                key);
        check.soldWithoutTicket = one(
            "SELECT count(*) FROM event_seats s WHERE s.event_id = $1 AND s.state = 'sold' AND NOT EXISTS "
            "(SELECT 1 FROM tickets t WHERE t.event_id = s.event_id AND t.seat_id = s.seat_id "
            "AND t.status <> 'refunded' AND t.order_id = s.order_id)",
            key);
        std::vector<std::string> orderIds;
        std::vector<std::string> pairOrders;
        std::vector<std::string> pairSeats;
        for (const auto& order : orders) {
            orderIds.push_back(order.orderId);
            for (const auto& seat : order.seats) {
                pairOrders.push_back(order.orderId);
                pairSeats.push_back(seat);
            }
        }
        check.ordersSeen = static_cast<std::int64_t>(orderIds.size());
        check.orderSeatsSeen = static_cast<std::int64_t>(pairSeats.size());
        check.ordersFound = one("SELECT count(*) FROM orders WHERE event_id = $1 AND "
                                "lower(id::text) IN (SELECT lower(x) FROM unnest($2::text[]) AS x)",
                                key, textArray(orderIds));
        check.orderSeatsTicketed = one(
            "SELECT count(*) FROM unnest($2::text[], $3::text[]) AS seen(order_id, seat_id) "
            "JOIN tickets t ON lower(t.order_id::text) = lower(seen.order_id) AND t.seat_id = seen.seat_id "
            "WHERE t.event_id = $1 AND t.status <> 'refunded'",
            key, textArray(pairOrders), textArray(pairSeats));
        check.ok = check.seatsSoldTwice == 0 && check.soldSeats == check.liveSeatTickets &&
                   check.soldWithoutTicket == 0 && check.ordersFound == check.ordersSeen &&
                   check.orderSeatsTicketed == check.orderSeatsSeen;
    } catch (const std::exception& exception) {
        check.error = exception.what();
    }
    return check;
}

// ---------------------------------------------------------------------------------------------
// The report.

std::string fixed(double value, int decimals = 1) {
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(decimals);
    out << value;
    return out.str();
}

boost::json::object toJson(const LatencySummary& s) {
    return {{"count", s.count}, {"p50_ms", s.p50}, {"p95_ms", s.p95},
            {"p99_ms", s.p99},  {"max_ms", s.max}, {"mean_ms", s.mean}};
}

boost::json::object toJson(const SeatmapCounts& c) {
    return {{"seats", c.seats},
            {"available", c.available},
            {"held", c.held},
            {"sold", c.sold},
            {"other", c.other}};
}

int runBenchmark(Shared& shared) {
    const Options& options = shared.options;
    asio::io_context io;
    Stats probeStats;

    // 1. Probe.
    Probe probed;
    runToCompletion(io, 1, shared, [&](auto spawn) { spawn(probe(shared, probeStats, probed)); });
    if (!probed.ok) {
        std::cerr << "flash-sale: " << probed.message << "\n";
        return 2;
    }
    std::cout << "flash-sale: event " << shared.eventId << " \"" << shared.eventName
              << "\": " << probed.initial.seats << " seats, " << probed.initial.available << " available, "
              << probed.initial.held << " held, " << probed.initial.sold << " sold; limits per order "
              << shared.maxPerOrder << ", per customer " << shared.maxPerCustomer << " (0: none)\n";
    if (probed.initial.available == 0) {
        std::cerr << "flash-sale: nothing to sell: the event has no available seat\n";
        return 2;
    }

    // 2. Set-up: accounts and seat maps, a few at a time.
    std::size_t spareCount = 0;
    if (options.spareAccounts >= 0) {
        spareCount = static_cast<std::size_t>(options.spareAccounts);
    } else if (!shared.sharedAccount && shared.maxPerCustomer > 0) {
        // An account buys about limit - largest hold / 2 - 1 seats before its next hold would not fit
        // (measured); a shortfall is made up by sign-ups during the sale.
        const double perAccount =
            std::max(1.0, static_cast<double>(shared.maxPerCustomer) - options.maxSeats / 2.0 - 1.0);
        const auto needed =
            static_cast<std::size_t>(std::ceil(static_cast<double>(probed.initial.available) / perAccount));
        const auto clients = static_cast<std::size_t>(options.clients);
        spareCount = std::min(needed > clients ? needed - clients : 0,
                              static_cast<std::size_t>(options.maxSpareAccounts));
    }
    std::mt19937_64 seeds(options.seed);
    std::vector<std::unique_ptr<Client>> clients;
    for (int c = 0; c < options.clients; ++c) {
        clients.push_back(std::make_unique<Client>(shared, io.get_executor(), seeds()));
    }
    std::vector<Stats> setupStats(static_cast<std::size_t>(options.setupConcurrency));
    std::cout << "flash-sale: setting up " << clients.size() << " clients"
              << (shared.sharedAccount ? " sharing " + shared.sharedAccount->email
                                       : std::string(" (one sign-up each)"))
              << " and " << spareCount << " spare accounts, " << options.setupConcurrency << " at a time\n"
              << std::flush;
    const auto setupStart = Clock::now();
    FeedFollower follower(shared, io.get_executor());
    bool houseLoaded = false;
    runToCompletion(io, 1, shared, [&](auto spawn) {
        spawn([](FeedFollower& f, bool& loaded) -> Task<void> {
            const bool ok = co_await f.load();
            loaded = ok;
        }(follower, houseLoaded));
    });
    if (!houseLoaded) {
        std::cerr << "flash-sale: could not read the seat map\n";
        return 1;
    }
    std::atomic<std::size_t> nextJob{0};
    const std::size_t jobs = clients.size() + spareCount;
    runToCompletion(io, options.threads, shared, [&](auto spawn) {
        for (auto& workerStats : setupStats) {
            spawn([](Shared& s, std::vector<std::unique_ptr<Client>>& all, std::atomic<std::size_t>& next,
                     std::size_t total, Stats& st) -> Task<void> {
                const auto executor = co_await asio::this_coro::executor;
                Connection connection(executor, s.target, s.endpoints);
                for (std::size_t job = next++; job < total && !s.stop.load(); job = next++) {
                    if (job < all.size()) {
                        co_await all[job]->setUp();
                        continue;
                    }
                    auto account = co_await createAccount(s, connection, st);
                    if (account) {
                        ++st.setupSignUps;
                        s.spares.put(std::move(*account));
                    }
                }
            }(shared, clients, nextJob, jobs, workerStats));
        }
    });
    const double setupSeconds = std::chrono::duration<double>(Clock::now() - setupStart).count();
    const auto readyClients = static_cast<std::size_t>(
        std::count_if(clients.begin(), clients.end(), [](const auto& client) { return client->ready(); }));
    std::cout << "flash-sale: set-up took " << fixed(setupSeconds) << " s; " << readyClients << " of "
              << clients.size() << " clients ready, " << shared.spares.size() << " spare accounts\n"
              << std::flush;
    if (readyClients == 0 || shared.stop.load()) {
        std::cerr << "flash-sale: set-up failed\n";
        return 1;
    }

    // 3. The sale.
    const auto saleStart = Clock::now();
    shared.deadline = saleStart + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(options.durationSeconds));
    shared.clientsRunning = static_cast<int>(clients.size());
    runToCompletion(io, options.threads, shared, [&](auto spawn) {
        for (auto& client : clients) {
            spawn(client->run());
        }
        spawn(follower.run());
    });
    auto saleEnd = saleStart;
    for (const auto& client : clients) {
        saleEnd = std::max(saleEnd, client->finishedAt());
    }
    const double seconds = std::max(1e-9, std::chrono::duration<double>(saleEnd - saleStart).count());
    const bool deadlineReached = Clock::now() >= shared.deadline;

    // 4. Results.
    std::optional<SeatmapCounts> final;
    runToCompletion(io, 1, shared, [&](auto spawn) { spawn(finalSeatmap(shared, probeStats, final)); });
    const bool soldOut = final && final->available == 0 && final->held == 0;

    Stats total;
    total.merge(probeStats);
    for (auto& worker : setupStats) {
        total.merge(worker);
    }
    for (auto& client : clients) {
        total.merge(client->stats());
    }
    total.merge(follower.stats());
    const auto hold = summarize(total.latency(Route::Hold));
    const auto commit = summarize(total.latency(Route::Commit));
    const auto release = summarize(total.latency(Route::Release));
    const auto signUp = summarize(total.latency(Route::SignUp));
    const auto rate = [&](std::uint64_t count) { return static_cast<double>(count) / seconds; };

    SqlCheck sql;
    if (!options.databaseUrl.empty()) {
        sql = checkWithSql(options.databaseUrl, shared.eventId, total.orders);
    }
    const std::uint64_t errorCount = shared.errors.load();
    const bool failed = errorCount > 0 || (sql.ran && !sql.ok);

    std::cout << "flash-sale: sale ran " << fixed(seconds, 2) << " s with " << readyClients << " clients, "
              << options.threads << " threads, commit share " << fixed(options.commitShare, 2) << "; "
              << (soldOut ? "sold out" : (deadlineReached ? "stopped at --duration" : "NOT sold out"))
              << "\n";
    if (final) {
        std::cout << "  final seat map: " << final->available << " available, " << final->held << " held, "
                  << final->sold << " sold, " << final->other << " blocked or allotted\n";
    }
    std::cout << "  holds: " << total.holdsAttempted << " attempted, " << total.holdsSucceeded
              << " succeeded (" << total.seatsHeld << " seats), " << total.holdsConflicted
              << " conflicted (409), " << total.holdsOverLimit << " over the customer limit (409), "
              << total.holdsThrottled << " throttled (429/503)\n"
              << "  commits: " << total.commitsSucceeded << " of " << total.commitsAttempted << " ("
              << total.seatsSold << " seats sold, " << total.commitRetries
              << " retries); releases: " << total.releases << " (" << total.seatsReleased
              << " seats); expired holds: " << total.holdsExpired << "\n"
              << "  rates: " << fixed(rate(total.seatsHeld)) << " seats held/s, "
              << fixed(rate(total.holdsAttempted)) << " hold requests/s, "
              << fixed(rate(total.holdsSucceeded)) << " holds/s, " << fixed(rate(total.commitsSucceeded))
              << " commits/s, " << fixed(rate(total.seatsSold)) << " seats sold/s\n";
    const auto printLatency = [](std::string_view name, const LatencySummary& s) {
        std::cout << "  " << name << " latency (ms, " << s.count << "): p50 " << fixed(s.p50, 2) << ", p95 "
                  << fixed(s.p95, 2) << ", p99 " << fixed(s.p99, 2) << ", max " << fixed(s.max, 2)
                  << ", mean " << fixed(s.mean, 2) << "\n";
    };
    printLatency("hold", hold);
    printLatency("commit", commit);
    printLatency("release", release);
    std::cout << "  accounts: " << total.setupSignUps << " signed up in set-up, " << total.saleSignUps
              << " during the sale, " << total.accountSwitches << " switches; sign-up p50 "
              << fixed(signUp.p50, 1) << " ms; seat maps " << total.seatmapRefreshes << ", change syncs "
              << total.changeSyncs << "; reconnects " << total.reconnects << "\n";
    std::cout << "  statuses:";
    for (std::size_t r = 0; r < total.statuses.size(); ++r) {
        if (total.statuses[r].empty()) {
            continue;
        }
        std::cout << " " << kRouteNames[r];
        for (const auto& [status, count] : total.statuses[r]) {
            std::cout << " " << (status == 0 ? std::string("transport") : std::to_string(status)) << "="
                      << count;
        }
        std::cout << ";";
    }
    std::cout << "\n";
    if (errorCount > 0) {
        std::cout << "  ERRORS: " << errorCount << " (5xx " << total.serverErrors << ", transport "
                  << total.transportErrors << ", unexpected answers " << total.unexpectedAnswers << ")\n";
        for (const auto& [kind, count] : shared.errorKinds) {
            std::cout << "    " << count << " x " << kind << "\n";
        }
    } else {
        std::cout << "  errors: none\n";
    }
    if (sql.ran) {
        if (!sql.error.empty()) {
            std::cout << "  SQL CHECK FAILED TO RUN: " << sql.error << "\n";
        } else {
            std::cout << "  SQL check " << (sql.ok ? "passed" : "FAILED") << ": " << sql.seatsSoldTwice
                      << " seats sold twice; " << sql.soldSeats << " seats sold, " << sql.liveSeatTickets
                      << " live seat tickets, " << sql.soldWithoutTicket
                      << " sold seats without their order's ticket; " << sql.ordersFound << " of "
                      << sql.ordersSeen << " orders seen are in orders, " << sql.orderSeatsTicketed << " of "
                      << sql.orderSeatsSeen << " of their seats ticketed\n";
        }
    }
    const std::string sqlState = !sql.ran ? "skipped" : (sql.ok ? "ok" : "failed");
    std::cout << "flash-sale result seats_held_per_s=" << fixed(rate(total.seatsHeld))
              << " hold_requests_per_s=" << fixed(rate(total.holdsAttempted))
              << " holds_per_s=" << fixed(rate(total.holdsSucceeded))
              << " commits_per_s=" << fixed(rate(total.commitsSucceeded))
              << " seats_sold_per_s=" << fixed(rate(total.seatsSold)) << " hold_p50_ms=" << fixed(hold.p50, 2)
              << " hold_p95_ms=" << fixed(hold.p95, 2) << " hold_p99_ms=" << fixed(hold.p99, 2)
              << " commit_p50_ms=" << fixed(commit.p50, 2) << " commit_p95_ms=" << fixed(commit.p95, 2)
              << " commit_p99_ms=" << fixed(commit.p99, 2) << " seconds=" << fixed(seconds, 2)
              << " sold_out=" << (soldOut ? 1 : 0) << " errors=" << errorCount << " sql_check=" << sqlState
              << " seats_sold_twice="
              << (sql.ran && sql.error.empty() ? std::to_string(sql.seatsSoldTwice) : "na") << "\n";

    if (!options.jsonPath.empty()) {
        boost::json::object statuses;
        for (std::size_t r = 0; r < total.statuses.size(); ++r) {
            boost::json::object byStatus;
            for (const auto& [status, count] : total.statuses[r]) {
                byStatus[status == 0 ? std::string("transport") : std::to_string(status)] = count;
            }
            statuses[kRouteNames[r]] = std::move(byStatus);
        }
        boost::json::object errors;
        for (const auto& [kind, count] : shared.errorKinds) {
            errors[kind] = count;
        }
        boost::json::object report{
            {"url", options.url},
            {"event_id", shared.eventId},
            {"event_name", shared.eventName},
            {"clients", readyClients},
            {"threads", options.threads},
            {"commit_share", options.commitShare},
            {"max_tickets_per_customer", shared.maxPerCustomer},
            {"setup_seconds", setupSeconds},
            {"seconds", seconds},
            {"sold_out", soldOut},
            {"deadline_reached", deadlineReached},
            {"initial_seatmap", toJson(probed.initial)},
            {"final_seatmap", final ? boost::json::value(toJson(*final)) : boost::json::value(nullptr)},
            {"holds",
             {{"attempted", total.holdsAttempted},
              {"succeeded", total.holdsSucceeded},
              {"conflicted", total.holdsConflicted},
              {"over_limit", total.holdsOverLimit},
              {"throttled", total.holdsThrottled},
              {"seats_requested", total.seatsRequested},
              {"seats_held", total.seatsHeld},
              {"expired", total.holdsExpired}}},
            {"commits",
             {{"attempted", total.commitsAttempted},
              {"succeeded", total.commitsSucceeded},
              {"retries", total.commitRetries},
              {"seats_sold", total.seatsSold}}},
            {"releases", {{"count", total.releases}, {"seats", total.seatsReleased}}},
            {"rates",
             {{"seats_held_per_s", rate(total.seatsHeld)},
              {"hold_requests_per_s", rate(total.holdsAttempted)},
              {"holds_per_s", rate(total.holdsSucceeded)},
              {"commits_per_s", rate(total.commitsSucceeded)},
              {"seats_sold_per_s", rate(total.seatsSold)}}},
            {"latency",
             {{"hold", toJson(hold)},
              {"commit", toJson(commit)},
              {"release", toJson(release)},
              {"signup", toJson(signUp)}}},
            {"accounts",
             {{"setup_signups", total.setupSignUps},
              {"sale_signups", total.saleSignUps},
              {"switches", total.accountSwitches}}},
            {"statuses", std::move(statuses)},
            {"errors",
             {{"total", errorCount},
              {"server_5xx", total.serverErrors},
              {"transport", total.transportErrors},
              {"unexpected", total.unexpectedAnswers},
              {"by_kind", std::move(errors)}}},
        };
        if (sql.ran) {
            report["sql_check"] = {{"ok", sql.ok},
                                   {"error", sql.error},
                                   {"seats_sold_twice", sql.seatsSoldTwice},
                                   {"sold_seats", sql.soldSeats},
                                   {"live_seat_tickets", sql.liveSeatTickets},
                                   {"sold_without_ticket", sql.soldWithoutTicket},
                                   {"orders_seen", sql.ordersSeen},
                                   {"orders_found", sql.ordersFound},
                                   {"order_seats_seen", sql.orderSeatsSeen},
                                   {"order_seats_ticketed", sql.orderSeatsTicketed}};
        }
        std::ofstream out(options.jsonPath, std::ios::trunc);
        out << json::prettyPrint(report) << "\n";
        if (!out.flush()) {
            std::cerr << "flash-sale: cannot write " << options.jsonPath << "\n";
            return 1;
        }
    }
    return failed ? 1 : 0;
}

} // namespace
} // namespace usher::tools

int main(int argc, char** argv) {
    using namespace usher::tools;
    Options options;
    CLI::App app{
        "flash-sale: many customers hold random 1-4 seats of one event through usher-server's REST API,\n"
        "commit a share of the holds and release the rest until the event is sold out; reports\n"
        "holds/s, commits/s and latency percentiles and checks with SQL that no seat was sold twice."};
    app.add_option("--url", options.url, "The server, http://HOST:PORT")->capture_default_str();
    auto* eventOption = app.add_option("--event", options.eventId, "The event's id");
    app.add_option("--event-name", options.eventName,
                   "Find the event with GET /api/v1/events?q=TEXT (the match with most seats available)")
        ->excludes(eventOption);
    app.add_option("--clients", options.clients, "Concurrent customers, one keep-alive connection each")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    app.add_option("--commit-share", options.commitShare,
                   "Share of successful holds that are paid (the rest are released at once)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    app.add_option("--email", options.email,
                   "Log every client in as this account instead of signing up one customer each (a client "
                   "that reaches the per-customer limit still moves to a fresh sign-up)");
    app.add_option("--password", options.password,
                   "The --email account's password, and the password of sign-ups")
        ->capture_default_str();
    app.add_option("--duration", options.durationSeconds,
                   "Stop the sale after this many seconds if not sold out")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--json", options.jsonPath, "Also write the results to this JSON file");
    app.add_option("--database-url", options.databaseUrl,
                   "The server's PostgreSQL (libpq URL): check afterwards that no seat was sold twice");
    app.add_option("--threads", options.threads, "Threads running the clients")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    app.add_option("--max-seats", options.maxSeats, "Each hold asks for 1..N random seats")
        ->check(CLI::Range(1, 50))
        ->capture_default_str();
    app.add_option("--feed-interval", options.feedInterval,
                   "Seconds between two looks of the storefront's feed follower at GET "
                   "/api/v1/events/{id}/changes?since=SEQ")
        ->check(CLI::Range(0.001, 10.0))
        ->capture_default_str();
    app.add_option("--setup-concurrency", options.setupConcurrency,
                   "Sign-ups and seat maps in flight during set-up")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    app.add_option("--spare-accounts", options.spareAccounts,
                   "Accounts made in set-up for clients that reach the per-customer limit (default: from the "
                   "event's max_tickets_per_customer)");
    app.add_option("--max-spare-accounts", options.maxSpareAccounts,
                   "Upper bound of the default spare accounts")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    app.add_option("--max-errors", options.maxErrors, "Stop the run after this many errors")
        ->capture_default_str();
    app.add_option("--seed", options.seed, "Random seed (0: a random one)");
    CLI11_PARSE(app, argc, argv);

    if (options.eventId.empty() && options.eventName.empty()) {
        std::cerr << "flash-sale: give --event ID or --event-name TEXT\n";
        return 2;
    }
    const auto target = parseUrl(options.url);
    if (!target) {
        std::cerr << "flash-sale: --url: \"" << options.url << "\" is not http://HOST[:PORT][/PATH]\n";
        return 2;
    }
    if (options.seed == 0) {
        options.seed = (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
    }

    Shared shared;
    shared.options = options;
    shared.target = *target;
    shared.eventId = options.eventId;
    {
        std::mt19937_64 random(options.seed);
        char tag[17];
        std::snprintf(tag, sizeof tag, "%016llx", static_cast<unsigned long long>(random()));
        shared.emailTag = tag;
    }
    if (!options.email.empty()) {
        shared.sharedAccount = Account{options.email, options.password, {}, 0};
    }
    try {
        boost::asio::io_context resolverContext;
        tcp::resolver resolver(resolverContext);
        shared.endpoints = resolver.resolve(target->host, target->port);
    } catch (const std::exception& exception) {
        std::cerr << "flash-sale: cannot resolve " << target->host << ":" << target->port << ": "
                  << exception.what() << "\n";
        return 2;
    }
    try {
        return runBenchmark(shared);
    } catch (const std::exception& exception) {
        std::cerr << "flash-sale: " << exception.what() << "\n";
        return 1;
    }
}
