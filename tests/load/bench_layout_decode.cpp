// Benchmark: decode + validate a large venue layout, the work the server does when an admin uploads a
// layout and the app does when it opens one. Goal (issue 2): under 150 ms for 100,000 seats.
// Run it from a Release build; a Debug build measures the debug checks instead.

#include "common/layout/layout_json.h"
#include "common/layout/seat_location.h"
#include "common/layout/synthetic_layout.h"
#include "common/layout/validation.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace usher::tools {
namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Stats {
    double median = 0;
    double min = 0;
    double max = 0;
};

Stats statsOf(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    const std::size_t n = samples.size();
    const double median = n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    return {median, samples.front(), samples.back()};
}

void printStats(const char* name, const Stats& stats) {
    std::printf("%-9s median %8.2f ms   min %8.2f ms   max %8.2f ms\n", name, stats.median, stats.min,
                stats.max);
}

int run(int argc, char** argv) {
    CLI::App app{"Times layoutFromJson + validate on a synthetic layout"};
    std::size_t seats = 100'000;
    int runs = 15;
    app.add_option("--seats", seats, "Seats in the synthetic layout")
        ->capture_default_str()
        ->check(CLI::Range(1, 10'000'000));
    app.add_option("--runs", runs, "Timed runs")->capture_default_str()->check(CLI::Range(1, 1000));
    CLI11_PARSE(app, argc, argv);

    // The file format as written to disk: the pretty form, one seat per line.
    const std::string text = layout::toJsonText(layout::syntheticLayout(seats));

    std::vector<double> decodeMs;
    std::vector<double> validateMs;
    std::vector<double> totalMs;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        auto decoded = layout::layoutFromJson(text);
        const double decodeTime = millisecondsSince(start);
        if (!decoded) {
            std::cerr << "decode failed: " << decoded.error().front().toString() << "\n";
            return 1;
        }
        const auto validateStart = Clock::now();
        const auto problems = layout::validate(*decoded);
        const double validateTime = millisecondsSince(validateStart);
        const double totalTime = millisecondsSince(start);
        // A fast answer to the wrong question is no result: the layout must decode to N valid seats.
        if (!problems.empty() || layout::seatCount(*decoded) != seats) {
            std::cerr << "unexpected result: " << problems.size() << " problems, "
                      << layout::seatCount(*decoded) << " seats\n";
            return 1;
        }
        decodeMs.push_back(decodeTime);
        validateMs.push_back(validateTime);
        totalMs.push_back(totalTime);
    }

    const Stats decode = statsOf(decodeMs);
    const Stats validation = statsOf(validateMs);
    const Stats total = statsOf(totalMs);
    std::printf("layout decode + validate: %zu seats, JSON %.2f MB (%zu bytes), %d runs\n", seats,
                static_cast<double>(text.size()) / 1e6, text.size(), runs);
    printStats("decode", decode);
    printStats("validate", validation);
    printStats("total", total);
    std::printf("RESULT bench=layout_decode seats=%zu json_bytes=%zu runs=%d decode_median_ms=%.2f "
                "validate_median_ms=%.2f total_median_ms=%.2f total_min_ms=%.2f total_max_ms=%.2f\n",
                seats, text.size(), runs, decode.median, validation.median, total.median, total.min,
                total.max);
    return 0;
}

} // namespace
} // namespace usher::tools

int main(int argc, char** argv) {
    return usher::tools::run(argc, argv);
}
