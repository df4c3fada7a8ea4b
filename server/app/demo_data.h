#pragma once

#include "server/services/auth_service.h"
#include "server/services/event_setup.h"

#include <string>
#include <string_view>
#include <vector>

namespace usher::server::app {

struct DemoAccount {
    std::string email;
    std::string name;
    protocol::Role role;
    std::string password;
};

// The demo accounts: admin@, clerk@ and customer@demo.usher, all with `password`.
std::vector<DemoAccount> demoAccounts(const std::string& password);

// Loads the demo venues (the layouts in resources/venues, carried in the binary) into four venues in
// four cities, 14 events over the three months after `now` in several categories, and creates or
// resets the demo accounts. Run once, into a database without events.
void loadDemoData(services::EventSetup& setup, services::AuthService& auth,
                  const std::vector<DemoAccount>& accounts, Timestamp now);

} // namespace usher::server::app
