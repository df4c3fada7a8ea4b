#pragma once

#include "common/util/time.h"

#include <functional>

namespace usher::server::services {

// Services read time through this so tests can move it; production passes systemNow.
using Clock = std::function<Timestamp()>;

inline Timestamp systemNow() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

} // namespace usher::server::services
