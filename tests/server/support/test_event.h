#pragma once

#include "common/layout/venue_layout.h"
#include "common/pricing/price_table.h"
#include "server/storage/catalog_repository.h"
#include "server/storage/user_repository.h"

#include <string>

namespace usher::testing {

// A small event on sale now, for tests that sell tickets:
//   seats S-A-1 .. S-A-5  category "premium"   adult 50.00 EUR, child 25.00 EUR
//   seats S-B-1 .. S-B-5  category "standard"  adult 30.00 EUR, child 15.00 EUR
//   GA area "floor"       category "standing"  adult 20.00 EUR (no child price), 10 places
// "adult" is the default (first) ticket type.
struct SmallEvent {
    server::storage::EventId id = 0;
    layout::VenueLayout layout;
    PriceTable prices;
};

layout::VenueLayout smallHallLayout();
PriceTable smallHallPrices();
// Stores the venue "small-hall", its layout and the event through the catalog repository.
SmallEvent createSmallEvent(server::storage::CatalogRepository& catalog);

// Inserts a user straight into the database (the password hash is a placeholder).
server::storage::UserId createTestUser(const std::string& url, const std::string& email,
                                       const std::string& role);

} // namespace usher::testing
