// flash-sale: what every client shares: options, accounts, errors; one exchange with the server.
#pragma once

#include "tests/load/flash_sale/connection.h"

namespace usher::tools::flash_sale {

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
inline std::string makeUuid(std::mt19937_64& random) {
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

inline std::string compact(const boost::json::value& value) {
    return boost::json::serialize(value);
}

// Sends one request and books it: status counts, latency, and loud errors for transport failures
// and 5xx. Whether another status is expected is the caller's business.
inline Task<Answer> exchange(Shared& shared, Connection& connection, Stats& stats, Route route,
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

inline void unexpectedAnswer(Shared& shared, Stats& stats, Route route, const RequestSpec& spec,
                             const Answer& answer) {
    if (answer.transportError || answer.status >= 500) {
        return; // already reported
    }
    ++stats.unexpectedAnswers;
    shared.reportError(
        "unexpected HTTP " + std::to_string(answer.status) + " (" + std::string(nameOf(route)) + ")",
        std::string(http::to_string(spec.method)) + " " + spec.target + ": " + bodyExcerpt(answer.body));
}

inline std::optional<protocol::ProblemKind> problemKind(const Answer& answer) {
    const auto problem = readProblem(answer.body);
    if (!problem) {
        return std::nullopt;
    }
    return protocol::problemKindFromUri(problem->type);
}

inline Task<bool> logIn(Shared& shared, Connection& connection, Stats& stats, Account& account) {
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
inline Task<std::optional<Account>> createAccount(Shared& shared, Connection& connection, Stats& stats) {
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

} // namespace usher::tools::flash_sale
