#include "server/services/event_setup.h"

#include "common/layout/layout_json.h"
#include "common/layout/seat_location.h"
#include "common/layout/validation.h"
#include "common/pricing/price_table_json.h"

#include <set>

namespace usher::server::services {

int EventSetup::addLayout(const std::string& venueId, const layout::VenueLayout& layout) {
    return m_catalog.addLayoutVersion(venueId, layout::toJson(layout));
}

Expected<storage::EventId, std::string> EventSetup::createEvent(const std::string& venueId, int layoutVersion,
                                                                const layout::VenueLayout& layout,
                                                                const PriceTable& prices,
                                                                const EventSpec& spec) {
    auto planned = planEvent(venueId, layoutVersion, layout, prices, spec);
    if (!planned) {
        return unexpected(planned.error().message);
    }
    return m_catalog.createEvent(planned.value());
}

Expected<storage::NewEvent, PathError> EventSetup::planEvent(const std::string& venueId, int layoutVersion,
                                                             const layout::VenueLayout& layout,
                                                             const PriceTable& prices,
                                                             const EventSpec& spec) {
    if (auto errors = layout::validate(layout); !errors.empty()) {
        return unexpected(PathError{"layout", "the layout is not valid: " + errors.front().toString()});
    }
    if (prices.ticketTypes().empty()) {
        return unexpected(PathError{"prices", "the price table has no ticket type"});
    }
    if (spec.saleEndsAt <= spec.saleStartsAt) {
        return unexpected(PathError{"sale_ends_at", "the sale must end after it starts"});
    }
    const std::string& defaultType = prices.ticketTypes().front().id;
    std::set<std::string> unpriced;
    storage::NewEvent event;
    event.layoutVersion = layoutVersion;
    layout::forEachSeat(layout, [&](const layout::Seat& seat, const layout::SeatLocation&) {
        if (!prices.price(seat.category, defaultType)) {
            unpriced.insert(seat.category);
        }
        event.seats.push_back({seat.id, seat.category, seat.blocked});
    });
    for (const layout::GaArea& area : layout.gaAreas) {
        if (!prices.price(area.category, defaultType)) {
            unpriced.insert(area.category);
        }
        event.gaAreas.push_back({area.id, area.category, static_cast<int>(area.capacity)});
    }
    if (!unpriced.empty()) {
        return unexpected(
            PathError{"prices", "no " + defaultType + " price for category \"" + *unpriced.begin() + "\""});
    }
    const std::optional<PriceRange> range = prices.priceRange();
    if (!range) {
        return unexpected(PathError{"prices", "the price table has no price"});
    }
    storage::EventRecord& record = event.event;
    record.venueId = venueId;
    record.name = spec.name;
    record.category = spec.category;
    record.description = spec.description;
    record.startsAt = spec.startsAt;
    record.saleStartsAt = spec.saleStartsAt;
    record.saleEndsAt = spec.saleEndsAt;
    record.layout = layout::toJson(layout);
    record.priceTable = toJson(prices);
    record.holdTtlSeconds = spec.holdTtlSeconds;
    record.maxTicketsPerOrder = spec.maxTicketsPerOrder;
    record.maxTicketsPerCustomer = spec.maxTicketsPerCustomer;
    record.status = spec.status;
    record.doorsAt = spec.doorsAt;
    record.layoutVersion = layoutVersion;
    event.currency = std::string(prices.currency().code());
    event.minPrice = range->min.amount;
    event.maxPrice = range->max.amount;
    return event;
}

} // namespace usher::server::services
