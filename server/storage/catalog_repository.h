#pragma once

#include "common/protocol/admin.h"
#include "common/protocol/events.h"
#include "common/util/time.h"

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace usher::server::storage {

using EventId = std::int64_t;

struct VenueRecord {
    std::string id;
    std::string name;
    std::string city;
    std::string timezone = "UTC";
};

// An event as stored: the layout and price table are JSON in common/'s formats, checked when the
// event was created.
struct EventRecord {
    EventId id = 0;
    std::string venueId;
    std::string venueName;
    std::string city;
    std::string venueTimezone = "UTC";
    std::string name;
    std::string category;
    std::string description;
    Timestamp startsAt;
    Timestamp saleStartsAt;
    Timestamp saleEndsAt;
    boost::json::value layout;
    boost::json::value priceTable;
    int holdTtlSeconds = 600;
    int maxTicketsPerOrder = 10;
    int maxTicketsPerCustomer = 20;
    // Administration: whether it sells, when doors open, the revision an edit must name (If-Match)
    // and the venue layout version it was made from (read back by findEvent).
    protocol::EventStatus status = protocol::EventStatus::OnSale;
    std::optional<Timestamp> doorsAt;
    int revision = 1;
    int layoutVersion = 1;
};

struct SeatRow {
    std::string id;
    std::string category;
    std::string blocked{}; // the layout's reason when the seat is never sold; empty otherwise
};
struct GaRow {
    std::string id;
    std::string category;
    int capacity = 0;
};

// Everything needed to put an event on sale: the record (id ignored), the price range for the
// catalog, and one row per seat and GA area of the layout.
struct NewEvent {
    EventRecord event;
    int layoutVersion = 1;
    std::string currency;
    std::int64_t minPrice = 0;
    std::int64_t maxPrice = 0;
    std::vector<SeatRow> seats;
    std::vector<GaRow> gaAreas;
};

struct EventFilter {
    std::optional<std::string> text; // name or venue, case-insensitive substring
    std::optional<std::string> city;
    std::optional<std::string> category;
    std::optional<Timestamp> from;
    std::optional<Timestamp> to;
    // Keyset cursor: events after (startsAt, id).
    std::optional<std::pair<Timestamp, EventId>> after;
    int limit = 20;
};

struct EventListItem {
    protocol::EventSummary summary;
    Timestamp startsAt;
    EventId id = 0;
};

struct SeatmapState {
    std::int64_t seq = 0;
    std::vector<protocol::SeatStateEntry> seats;
    std::vector<protocol::GaAvailability> ga;
};

struct ChangePage {
    bool expired = false; // the log no longer reaches back to `since`
    std::int64_t lastSeq = 0;
    std::vector<protocol::ChangeEntry> changes;
};

class CatalogRepository {
public:
    virtual ~CatalogRepository() = default;

    virtual void upsertVenue(const VenueRecord& venue) = 0;
    // Stores a layout as the venue's next version and returns that version.
    virtual int addLayoutVersion(const std::string& venueId, const boost::json::value& layout) = 0;
    virtual EventId createEvent(const NewEvent& event) = 0;
    virtual std::int64_t eventCount() = 0;

    // `limit + 1` items at most, so the caller can tell whether there is a next page.
    virtual std::vector<EventListItem> listEvents(const EventFilter& filter) = 0;
    virtual std::optional<EventRecord> findEvent(EventId id) = 0;
    // Seats and GA places in total and still for sale (at the database's now).
    virtual protocol::Availability availability(EventId id) = 0;
    // Every seat's effective state (expired holds read as what they were before) and the seq they
    // are as of, from one consistent snapshot. Nullopt for an unknown event.
    virtual std::optional<SeatmapState> seatmap(EventId id) = 0;
    virtual std::optional<ChangePage> changesSince(EventId id, std::int64_t since, int limit) = 0;
    // The seq of the event's latest change (0 before the first); nullopt for an unknown event.
    virtual std::optional<std::int64_t> lastSeq(EventId id) = 0;
};

} // namespace usher::server::storage
