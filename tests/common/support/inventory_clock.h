#pragma once

#include "common/util/time.h"

#include <chrono>

namespace usher::testing {

// The clock of the inventory tests: doors at 20:00, holds last ten minutes, one tick is the
// smallest step a timestamp can take.
inline const Timestamp kNow =
    Timestamp(std::chrono::sys_days(std::chrono::June / 1 / 2025) + std::chrono::hours(20));
inline const Timestamp kUntil = kNow + std::chrono::minutes(10);
inline constexpr Duration kTick{1};

} // namespace usher::testing
