#pragma once

#include <chrono>

namespace usher {

// Wall-clock instants as PostgreSQL stores them (timestamptz has microsecond precision). Domain
// functions never read a clock: callers pass `now` in, which keeps them pure and testable.
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;
using Duration = std::chrono::microseconds;

} // namespace usher
