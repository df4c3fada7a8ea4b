#include "server/services/event_catalog.h"

#include "common/layout/layout_json.h"
#include "common/layout/seat_location.h"
#include "common/pricing/price_table_json.h"

#include <charconv>
#include <stdexcept>

namespace usher::server::services {

EventModel::EventModel(storage::EventRecord event, layout::VenueLayout venueLayout, PriceTable priceTable)
    : record(std::move(event)), layout(std::move(venueLayout)), index(layout), prices(std::move(priceTable)) {
}

const layout::GaArea* EventModel::findGaArea(std::string_view id) const {
    for (const layout::GaArea& area : layout.gaAreas) {
        if (area.id == id) {
            return &area;
        }
    }
    return nullptr;
}

const std::string& EventModel::categoryOf(std::uint32_t seatIndex) const {
    return index.categoryIds()[index.seat(seatIndex).category];
}

std::string EventModel::seatLabel(std::uint32_t seatIndex) const {
    const layout::SeatLocation& location = index.seat(seatIndex).location;
    if (location.kind == layout::SeatLocation::Kind::Table) {
        const layout::Table& table = layout.tables[location.container];
        return "Table " + table.label + " seat " + table.seats[location.seat].number;
    }
    const layout::Section& section = layout.sections[location.container];
    const layout::Row& row = section.rows[location.row];
    return section.name + " " + row.label + " " + row.seats[location.seat].number;
}

const std::string& EventModel::defaultTicketType() const {
    return prices.ticketTypes().front().id;
}

std::string EventModel::wireId() const {
    return std::to_string(record.id);
}

void EventCatalog::forget(storage::EventId id) {
    std::lock_guard lock(m_mutex);
    m_events.erase(id);
}

std::shared_ptr<const EventModel> EventCatalog::find(storage::EventId id) {
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_events.find(id); it != m_events.end()) {
            return it->second;
        }
    }
    std::optional<storage::EventRecord> record = m_repository.findEvent(id);
    if (!record) {
        return nullptr;
    }
    // Both documents were validated when the event was created; failing here means the database
    // was edited by hand, which is a broken invariant, not bad input.
    auto venueLayout = layout::layoutFromJsonValue(record->layout);
    if (!venueLayout) {
        throw std::runtime_error("event " + std::to_string(id) + " has an unreadable layout");
    }
    PriceTable priceTable;
    json::Decoder decoder;
    decode(decoder, record->priceTable, priceTable);
    if (!decoder.ok() || priceTable.ticketTypes().empty()) {
        throw std::runtime_error("event " + std::to_string(id) + " has an unreadable price table");
    }
    auto model = std::make_shared<const EventModel>(std::move(*record), std::move(venueLayout.value()),
                                                    std::move(priceTable));
    std::lock_guard lock(m_mutex);
    return m_events.emplace(id, std::move(model)).first->second;
}

Outcome<std::shared_ptr<const EventModel>> EventCatalog::get(std::string_view wireId) {
    std::optional<storage::EventId> id = parseEventId(wireId);
    std::shared_ptr<const EventModel> event = id ? find(*id) : nullptr;
    if (!event) {
        return fail(protocol::ProblemKind::NotFound, "no event with this id");
    }
    return event;
}

std::optional<storage::EventId> EventCatalog::parseEventId(std::string_view wireId) {
    storage::EventId id = 0;
    const char* end = wireId.data() + wireId.size();
    auto [ptr, error] = std::from_chars(wireId.data(), end, id);
    if (wireId.empty() || error != std::errc() || ptr != end || id <= 0 || wireId.front() == '0') {
        return std::nullopt;
    }
    return id;
}

} // namespace usher::server::services
