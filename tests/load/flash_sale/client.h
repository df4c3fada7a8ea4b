// flash-sale: one simulated customer, and the feed follower that keeps the house view current.
#pragma once

#include "tests/load/flash_sale/shared.h"

namespace usher::tools::flash_sale {

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
        if (co_await loggedInAgain(answer)) {
            co_return;
        }
        unexpectedAnswer(m_shared, m_stats, Route::Hold, spec, answer);
        co_await sleepFor(kMinBackoff);
    }

    // A 401 means the access token expired: true once this client has logged in again (the request
    // may then be repeated), false for any other answer or when logging in failed.
    Task<bool> loggedInAgain(const Answer& answer) {
        if (answer.status != 401) {
            co_return false;
        }
        co_return co_await logIn(m_shared, m_connection, m_stats, m_account);
    }

    Task<void> commitHold(const std::string& holdId, const std::vector<std::uint32_t>& seats,
                          const std::vector<std::string>& seatIds) {
        const std::string key = makeUuid(m_random);
        const protocol::CommitRequest commit{.payments = {protocol::TestCardPayment{"tok_visa"}}};
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
            if (co_await loggedInAgain(answer)) {
                continue;
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
            if (co_await loggedInAgain(answer)) {
                continue;
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

} // namespace usher::tools::flash_sale
