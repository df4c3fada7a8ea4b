#include "server/services/catalog_service.h"

#include <charconv>

namespace usher::server::services {

namespace {

template <typename T>
std::optional<T> parseNumber(std::string_view text) {
    T value{};
    const char* end = text.data() + text.size();
    auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return value;
}

} // namespace

std::string CatalogService::encodeCursor(Timestamp startsAt, storage::EventId id) {
    return std::to_string(startsAt.time_since_epoch().count()) + "." + std::to_string(id);
}

std::optional<std::pair<Timestamp, storage::EventId>> CatalogService::decodeCursor(std::string_view cursor) {
    const std::size_t dot = cursor.find('.');
    if (dot == std::string_view::npos) {
        return std::nullopt;
    }
    auto micros = parseNumber<std::int64_t>(cursor.substr(0, dot));
    auto id = parseNumber<storage::EventId>(cursor.substr(dot + 1));
    // Only what encodeCursor can have made: an event id and a start between the years 1 and 9999.
    constexpr std::int64_t kFirstMicros = -62'135'596'800'000'000; // 0001-01-01T00:00:00Z
    constexpr std::int64_t kLastMicros = 253'402'300'799'999'999;  // 9999-12-31T23:59:59.999999Z
    if (!micros || !id || *micros < kFirstMicros || *micros > kLastMicros || *id <= 0) {
        return std::nullopt;
    }
    return std::pair{Timestamp(Duration(*micros)), *id};
}

Outcome<protocol::EventPage> CatalogService::listEvents(const EventQuery& query) {
    storage::EventFilter filter;
    filter.text = query.text;
    filter.city = query.city;
    filter.category = query.category;
    filter.from = query.from;
    filter.to = query.to;
    filter.limit = query.limit;
    if (query.cursor) {
        filter.after = decodeCursor(*query.cursor);
        if (!filter.after) {
            protocol::Problem problem = protocol::validationProblem(
                {{"cursor", "is not a cursor this server handed out; start again without one"}});
            return unexpected(std::move(problem));
        }
    }
    std::vector<storage::EventListItem> items = m_repository.listEvents(filter);
    protocol::EventPage page;
    const bool more = items.size() > static_cast<std::size_t>(query.limit);
    if (more) {
        items.resize(static_cast<std::size_t>(query.limit));
        page.nextCursor = encodeCursor(items.back().startsAt, items.back().id);
    }
    page.data.reserve(items.size());
    for (storage::EventListItem& item : items) {
        page.data.push_back(std::move(item.summary));
    }
    return page;
}

Outcome<protocol::EventDetail> CatalogService::event(std::string_view eventId) {
    auto found = m_events.get(eventId);
    if (!found) {
        return unexpected(found.error());
    }
    const EventModel& model = **found;
    const storage::EventRecord& record = model.record;
    protocol::EventDetail detail;
    detail.id = model.wireId();
    detail.name = record.name;
    detail.description = record.description;
    detail.category = record.category;
    detail.startsAt = record.startsAt;
    detail.saleStartsAt = record.saleStartsAt;
    detail.saleEndsAt = record.saleEndsAt;
    detail.venue = {record.venueId, record.venueName, record.city, record.venueTimezone};
    detail.holdTtlSeconds = record.holdTtlSeconds;
    detail.maxTicketsPerOrder = record.maxTicketsPerOrder;
    detail.maxTicketsPerCustomer = record.maxTicketsPerCustomer;
    detail.availability = m_repository.availability(record.id);
    detail.priceRange = model.prices.priceRange().value_or(PriceRange{});
    detail.prices = model.prices;
    for (const layout::GaArea& area : model.layout.gaAreas) {
        detail.ga.push_back({area.id, area.name, area.category, area.capacity});
    }
    return detail;
}

Outcome<protocol::SeatmapResponse> CatalogService::seatmap(std::string_view eventId) {
    auto found = m_events.get(eventId);
    if (!found) {
        return unexpected(found.error());
    }
    std::optional<storage::SeatmapState> state = m_repository.seatmap((*found)->record.id);
    if (!state) {
        return fail(protocol::ProblemKind::NotFound, "no event with this id");
    }
    protocol::SeatmapResponse response;
    response.eventId = (*found)->wireId();
    response.seq = state->seq;
    response.layout = (*found)->record.layout;
    response.seats = std::move(state->seats);
    response.ga = std::move(state->ga);
    return response;
}

Outcome<protocol::ChangesResponse> CatalogService::changes(std::string_view eventId, std::int64_t since) {
    auto found = m_events.get(eventId);
    if (!found) {
        return unexpected(found.error());
    }
    std::optional<storage::ChangePage> page =
        m_repository.changesSince((*found)->record.id, since, kMaxChangesPerPage);
    if (!page) {
        return fail(protocol::ProblemKind::NotFound, "no event with this id");
    }
    if (page->expired || since > page->lastSeq) {
        return fail(protocol::ProblemKind::ChangesExpired, "the change log no longer reaches back to seq " +
                                                               std::to_string(since) +
                                                               "; fetch the seat map again");
    }
    protocol::ChangesResponse response;
    response.eventId = (*found)->wireId();
    response.since = since;
    response.seq = page->changes.empty() ? since : page->changes.back().seq;
    response.changes = std::move(page->changes);
    return response;
}

} // namespace usher::server::services
