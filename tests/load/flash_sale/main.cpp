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

#include "tests/load/flash_sale/sql_check.h"

namespace usher::tools::flash_sale {
namespace {

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
                      << sql.orderSeatsSeen << " of their seats ticketed; " << sql.orphanRows
                      << " rows without their parent\n";
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
                                   {"order_seats_ticketed", sql.orderSeatsTicketed},
                                   {"orphan_rows", sql.orphanRows}};
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
} // namespace usher::tools::flash_sale

int main(int argc, char** argv) {
    using namespace usher::tools::flash_sale;
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
