#pragma once

#include "common/layout/layout_index.h"
#include "common/layout/venue_layout.h"
#include "common/pricing/price_table.h"
#include "server/services/outcome.h"
#include "server/storage/catalog_repository.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace usher::server::services {

// An event ready for requests: its record with the layout and price table parsed once, and the
// seat index that best available and seat lookups use. Immutable and shared between threads.
struct EventModel {
    storage::EventRecord record;
    layout::VenueLayout layout;
    layout::LayoutIndex index;
    PriceTable prices;

    EventModel(storage::EventRecord event, layout::VenueLayout venueLayout, PriceTable priceTable);

    const layout::GaArea* findGaArea(std::string_view id) const;
    // The price category of a seat index, as the layout names it.
    const std::string& categoryOf(std::uint32_t seatIndex) const;
    // "Stalls B 12": section (or table) name, row label and seat number, for people.
    std::string seatLabel(std::uint32_t seatIndex) const;
    // The ticket type a line gets when the buyer names none: the first the price table has.
    const std::string& defaultTicketType() const;
    std::string wireId() const;
};

// Events by id, parsed on first use. Events are immutable once on sale (a layout change makes a new
// layout version for future events), so entries never go stale.
class EventCatalog {
public:
    explicit EventCatalog(storage::CatalogRepository& repository) : m_repository(repository) {}

    // Nullptr for an unknown event. Throws StorageUnavailable like the repository.
    std::shared_ptr<const EventModel> find(storage::EventId id);
    // By wire id ("42"): 404 not-found for an unknown event and for text that is no event id.
    Outcome<std::shared_ptr<const EventModel>> get(std::string_view wireId);
    // Drops the cached model after an admin changed the event (details, prices, layout, status): the
    // next find reads it again. Other server instances keep theirs until they restart (see
    // docs/operations.md).
    void forget(storage::EventId id);
    // Parses a wire id ("42"); nullopt when it is not one.
    static std::optional<storage::EventId> parseEventId(std::string_view wireId);

private:
    storage::CatalogRepository& m_repository;
    std::mutex m_mutex;
    std::unordered_map<storage::EventId, std::shared_ptr<const EventModel>> m_events;
};

} // namespace usher::server::services
