// flash-sale: measurements per route.
#pragma once

#include "tests/load/flash_sale/wire.h"

namespace usher::tools::flash_sale {

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

inline std::string_view nameOf(Route route) {
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
inline LatencySummary summarize(std::vector<std::int64_t> micros) {
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

} // namespace usher::tools::flash_sale
