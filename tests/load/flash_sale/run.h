// flash-sale: running coroutines to completion; finding the event.
#pragma once

#include "tests/load/flash_sale/client.h"

namespace usher::tools::flash_sale {

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

inline Task<void> probe(Shared& shared, Stats& stats, Probe& result) {
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

inline Task<void> finalSeatmap(Shared& shared, Stats& stats, std::optional<SeatmapCounts>& out) {
    const auto executor = co_await asio::this_coro::executor;
    Connection connection(executor, shared.target, shared.endpoints);
    const RequestSpec spec = makeRequest(http::verb::get, "/api/v1/events/" + shared.eventId + "/seatmap");
    const Answer answer = co_await exchange(shared, connection, stats, Route::Seatmap, spec);
    if (answer.status == 200) {
        out = readSeatmap(answer.body, nullptr, nullptr, nullptr);
    }
}

} // namespace usher::tools::flash_sale
