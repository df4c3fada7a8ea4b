#pragma once

// Timing helpers shared by the benchmarks: wall time in milliseconds and a median/worst summary.

#include <algorithm>
#include <chrono>
#include <vector>

namespace usher::bench {

using Clock = std::chrono::steady_clock;

inline double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Summary {
    double median = 0;
    double worst = 0;
};

inline Summary summarize(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples.back()};
}

} // namespace usher::bench
