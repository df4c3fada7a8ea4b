#pragma once

#include "common/protocol/events.h"
#include "server/services/event_catalog.h"
#include "server/services/outcome.h"
#include "server/storage/catalog_repository.h"

#include <optional>
#include <string>

namespace usher::server::services {

// GET /api/v1/events: the filters as the API parsed them from the query string.
struct EventQuery {
    std::optional<std::string> text;
    std::optional<std::string> city;
    std::optional<std::string> category;
    std::optional<Timestamp> from;
    std::optional<Timestamp> to;
    std::optional<std::string> cursor; // opaque to clients: next_cursor of the previous page
    int limit = 20;
};

inline constexpr int kMaxEventPageSize = 100;
// One /changes answer carries at most this many entries; the client asks again from its new seq.
inline constexpr int kMaxChangesPerPage = 5000;

// The read side: the catalog, event details, seat maps and the change log. Event and seat ids are
// wire ids; an id that is not one answers 404 like an unknown one.
class CatalogService {
public:
    CatalogService(storage::CatalogRepository& repository, EventCatalog& events)
        : m_repository(repository), m_events(events) {}

    Outcome<protocol::EventPage> listEvents(const EventQuery& query);
    Outcome<protocol::EventDetail> event(std::string_view eventId);
    Outcome<protocol::SeatmapResponse> seatmap(std::string_view eventId);
    // 410 changes-expired when the log no longer reaches back to `since` (or `since` is ahead of
    // the event: a client restored from elsewhere); the client then refetches the seat map.
    Outcome<protocol::ChangesResponse> changes(std::string_view eventId, std::int64_t since);

    static std::string encodeCursor(Timestamp startsAt, storage::EventId id);
    static std::optional<std::pair<Timestamp, storage::EventId>> decodeCursor(std::string_view cursor);

private:
    storage::CatalogRepository& m_repository;
    EventCatalog& m_events;
};

} // namespace usher::server::services
