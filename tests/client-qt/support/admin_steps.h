#pragma once

#include "client-qt/admin/admin_api.h"

#include <QtTest>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace usher::testing {

// Runs one of a window's asynchronous steps, which calls done(ok) once the server answered, and
// waits for it; false when it failed or never answered.
inline bool step(const std::function<void(std::function<void(bool)>)>& run, int waitMs = 20000) {
    // Shared, so that an answer after the wait gave up writes to live memory.
    auto ok = std::make_shared<std::optional<bool>>();
    run([ok](bool result) { *ok = result; });
    (void)QTest::qWaitFor([&] { return ok->has_value(); }, waitMs);
    return ok->value_or(false);
}

// Every venue as the admin API lists it; empty when the call failed.
inline std::vector<protocol::VenueInfo> venuesOf(admin::AdminApi& api, int waitMs = 20000) {
    auto venues = std::make_shared<std::optional<std::vector<protocol::VenueInfo>>>();
    api.venues([venues](Expected<protocol::VenueList, core::ApiError> answer) {
        *venues = answer ? answer->venues : std::vector<protocol::VenueInfo>{};
    });
    (void)QTest::qWaitFor([&] { return venues->has_value(); }, waitMs);
    return venues->value_or(std::vector<protocol::VenueInfo>{});
}

} // namespace usher::testing
