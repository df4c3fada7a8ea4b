// Benchmark: "4 seats, best available" on a 100,000-seat house that is 90% sold, the search a clerk
// or a customer triggers on every best-available click. Goal: median under 1 ms.
// Run it from a Release build; a Debug build measures the debug checks instead.

#include "common/booking/best_available.h"
#include "common/layout/builders.h"
#include "common/layout/layout_index.h"
#include "common/layout/seat_location.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <numbers>
#include <random>
#include <string>
#include <vector>

namespace usher::tools {
namespace {

using Clock = std::chrono::steady_clock;

double microsecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

// An arena bowl: `sections` wedges fanned around the stage, each `rows` curved rows of `seats`.
layout::VenueLayout arena(int sections, int rows, int seats) {
    layout::VenueLayout venue;
    venue.id = "bench-arena";
    venue.name = "Benchmark arena";
    venue.seatSize = 0.5;
    venue.focalPoint = {0, 0};
    venue.categories = {{"a", "A", "#aa0000"}, {"b", "B", "#00aa00"}, {"c", "C", "#0000aa"}};
    const double pitch = 0.52;
    const double rowLength = (seats - 1) * pitch;
    // Wedges side by side on a circle wide enough for their first rows plus a 2 m aisle.
    const double radius = sections * (rowLength + 2) / (2 * std::numbers::pi);
    const std::array counts{seats};
    for (int s = 0; s < sections; ++s) {
        const double angle = 2 * std::numbers::pi * s / sections;
        const layout::Point out{std::sin(angle), -std::cos(angle)}; // away from the stage
        const layout::Point along{out.y, -out.x};                   // left to right as seen from the stage
        const layout::Point mid{out.x * radius, out.y * radius};
        const layout::BlockShape shape{{{mid.x - along.x * rowLength / 2, mid.y - along.y * rowLength / 2},
                                        {mid.x + along.x * rowLength / 2, mid.y + along.y * rowLength / 2},
                                        0.02},
                                       rows,
                                       {out.x * 0.9, out.y * 0.9},
                                       0};
        const std::string id = "S" + std::to_string(s + 1);
        const char* category = s % 3 == 0 ? "a" : (s % 3 == 1 ? "b" : "c");
        venue.sections.push_back(
            {id, "Section " + std::to_string(s + 1), layout::makeBlock(id, shape, counts, {}, {}, category)});
        // A wheelchair platform at the back of every section, with companion seats.
        auto& back = venue.sections.back().rows.back().seats;
        for (std::size_t k = 10; k + 1 < back.size(); k += 40) {
            back[k].wheelchair = true;
            back[k + 1].companionOf = back[k].id;
        }
    }
    return venue;
}

// Sold the way a house sells: parties of one to eight taking contiguous blocks, leaving gaps of one,
// two, three or more seats between them, until `soldFraction` of the house is gone.
std::vector<std::uint8_t> soldPattern(std::size_t seats, double soldFraction, std::mt19937& random) {
    std::vector<std::uint8_t> available(seats, 1);
    // Mean free gap of about 2.3 seats (many singles and pairs, some groups of 4-6).
    std::discrete_distribution<int> gap({0, 40, 30, 10, 8, 7, 5});
    const double meanGap = (40 * 1 + 30 * 2 + 10 * 3 + 8 * 4 + 7 * 5 + 5 * 6) / 100.0;
    const double meanSoldRun = std::max(1.0, meanGap * soldFraction / (1 - soldFraction));
    std::geometric_distribution<int> soldRun(1.0 / meanSoldRun); // plus one: at least one seat
    std::size_t i = 0;
    while (i < seats) {
        for (int k = soldRun(random) + 1; k > 0 && i < seats; --k) {
            available[i++] = 0;
        }
        i += static_cast<std::size_t>(gap(random));
    }
    return available;
}

// Live traffic: while the offered seats sell, a party of the same size elsewhere gives its seats back
// (a refund, an expired hold), so the house stays as full and the answer changes every time.
void releaseParty(const layout::LayoutIndex& index, std::vector<std::uint8_t>& available, std::uint32_t size,
                  std::mt19937& random) {
    std::uniform_int_distribution<std::uint32_t> pick(0, static_cast<std::uint32_t>(index.seatCount() - 1));
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::uint32_t first = pick(random);
        const std::uint32_t run = index.seat(first).run;
        bool sold = true;
        for (std::uint32_t k = 0; k < size && sold; ++k) {
            sold = first + k < index.seatCount() && index.seat(first + k).run == run &&
                   available[first + k] == 0;
        }
        if (sold) {
            std::fill_n(available.begin() + first, size, std::uint8_t{1});
            return;
        }
    }
}

double percentile(const std::vector<double>& sorted, double p) {
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size()))) - 1;
    return sorted[std::min(rank, sorted.size() - 1)];
}

int run(int argc, char** argv) {
    CLI::App app{"Times best-available seat searches on a large, mostly sold house"};
    int iterations = 2000;
    int quantity = 4;
    double soldPercent = 90;
    unsigned seed = 42;
    app.add_option("--iterations", iterations, "Timed searches")
        ->capture_default_str()
        ->check(CLI::Range(1, 1'000'000));
    app.add_option("--quantity", quantity, "Seats per search")
        ->capture_default_str()
        ->check(CLI::Range(1, 50));
    app.add_option("--sold", soldPercent, "Percent of the house sold")
        ->capture_default_str()
        ->check(CLI::Range(50, 99));
    app.add_option("--seed", seed, "Random seed")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    const auto buildStart = Clock::now();
    const layout::VenueLayout venue = arena(20, 50, 100);
    const double layoutMs = microsecondsSince(buildStart) / 1000;
    const auto indexStart = Clock::now();
    const layout::LayoutIndex index(venue);
    const double indexMs = microsecondsSince(indexStart) / 1000;

    std::mt19937 random(seed);
    std::vector<std::uint8_t> available = soldPattern(index.seatCount(), soldPercent / 100, random);
    const auto freeSeats = static_cast<std::size_t>(std::count(available.begin(), available.end(), 1));

    booking::BestAvailableScratch scratch;
    const booking::BestAvailableRequest request{quantity, {}, 0};
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(iterations));
    std::array<int, 4> steps{}; // Together, TogetherWithOrphan, SplitRows, not found
    for (int i = 0; i < iterations; ++i) {
        const auto start = Clock::now();
        const auto result = booking::findBestAvailable(index, available, request, scratch);
        samples.push_back(microsecondsSince(start));
        if (!result) {
            if (result.error() != booking::BestAvailableError::NotEnoughSeats) {
                std::cerr << "unexpected error: " << booking::toString(result.error()) << "\n";
                return 1;
            }
            ++steps[3];
            continue;
        }
        // A fast answer to the wrong question is no result: right count, all of them free.
        if (result->seats.size() != static_cast<std::size_t>(quantity)) {
            std::cerr << "wrong seat count: " << result->seats.size() << "\n";
            return 1;
        }
        ++steps[static_cast<std::size_t>(result->step)];
        for (const std::uint32_t seat : result->seats) {
            if (available[seat] == 0) {
                std::cerr << "offered a taken seat: " << index.seat(seat).id << "\n";
                return 1;
            }
            available[seat] = 0;
        }
        releaseParty(index, available, static_cast<std::uint32_t>(quantity), random);
    }

    std::vector<double> sorted = samples;
    std::sort(sorted.begin(), sorted.end());
    double mean = 0;
    for (const double sample : samples) {
        mean += sample;
    }
    mean /= static_cast<double>(samples.size());
    const double median = percentile(sorted, 0.5);
    const double p99 = percentile(sorted, 0.99);

    const double soldPct =
        100.0 * static_cast<double>(index.seatCount() - freeSeats) / static_cast<double>(index.seatCount());
    std::printf("best available: %zu seats in %zu sections, %.1f%% sold (%zu free), %d seats per search, "
                "%d searches\n",
                index.seatCount(), venue.sections.size(), soldPct, freeSeats, quantity, iterations);
    std::printf("build     layout %.1f ms, index %.1f ms\n", layoutMs, indexMs);
    std::printf("search    median %.1f us   p99 %.1f us   mean %.1f us   min %.1f us   max %.1f us\n", median,
                p99, mean, sorted.front(), sorted.back());
    std::printf("steps     together %d   together_with_orphan %d   split_rows %d   not_found %d\n", steps[0],
                steps[1], steps[2], steps[3]);
    std::printf(
        "RESULT bench=best_available seats=%zu sold_pct=%.1f quantity=%d iterations=%d median_us=%.1f "
        "p99_us=%.1f mean_us=%.1f together=%d together_with_orphan=%d split_rows=%d not_found=%d\n",
        index.seatCount(), soldPct, quantity, iterations, median, p99, mean, steps[0], steps[1], steps[2],
        steps[3]);
    return 0;
}

} // namespace
} // namespace usher::tools

int main(int argc, char** argv) {
    return usher::tools::run(argc, argv);
}
