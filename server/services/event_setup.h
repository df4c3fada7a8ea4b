#pragma once

#include "common/layout/venue_layout.h"
#include "common/pricing/price_table.h"
#include "common/util/path_error.h"
#include "server/storage/catalog_repository.h"

#include <optional>
#include <string>

namespace usher::server::services {

// What an admin decides when putting an event on sale; the venue's layout and prices come beside it.
struct EventSpec {
    std::string name;
    std::string category; // "concert", "theatre", ...
    std::string description;
    Timestamp startsAt;
    Timestamp saleStartsAt;
    Timestamp saleEndsAt;
    int holdTtlSeconds = 600;
    int maxTicketsPerOrder = 10;
    int maxTicketsPerCustomer = 20; // 0: no limit
    protocol::EventStatus status = protocol::EventStatus::OnSale;
    std::optional<Timestamp> doorsAt{};
};

// Venues, layout versions and events. An event takes a snapshot of the layout and the price table,
// and one inventory row per seat and GA area, so later layout edits never touch it.
class EventSetup {
public:
    explicit EventSetup(storage::CatalogRepository& catalog) : m_catalog(catalog) {}

    void saveVenue(const storage::VenueRecord& venue) { m_catalog.upsertVenue(venue); }
    // Stores the layout as the venue's next version.
    int addLayout(const std::string& venueId, const layout::VenueLayout& layout);
    // Checks that the layout is valid and that every seat and area can be priced with the table's
    // first (default) ticket type; the message says what is wrong otherwise.
    Expected<storage::EventId, std::string> createEvent(const std::string& venueId, int layoutVersion,
                                                        const layout::VenueLayout& layout,
                                                        const PriceTable& prices, const EventSpec& spec);

    // What createEvent stores, checked the same way: the event's record, inventory rows and price
    // range. The error's path names the part at fault ("layout", "prices", "sale_ends_at").
    static Expected<storage::NewEvent, PathError> planEvent(const std::string& venueId, int layoutVersion,
                                                            const layout::VenueLayout& layout,
                                                            const PriceTable& prices, const EventSpec& spec);

private:
    storage::CatalogRepository& m_catalog;
};

} // namespace usher::server::services
