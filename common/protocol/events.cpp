#include "common/protocol/events.h"

#include "common/money/money_json.h"
#include "common/protocol/time_json.h"

#include <boost/json/object.hpp>

#include <limits>

namespace usher::protocol {

namespace {

constexpr std::int64_t kMaxCount = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t kMaxCursorLength = 512;

} // namespace

void decode(json::Decoder& d, const boost::json::value& v, Seq seq) {
    decode(d, v, json::inRange(seq.out, 0, kMaxCount));
}

void checkSeqRange(json::Decoder& d, std::int64_t since, std::int64_t seq) {
    if (since > seq) {
        auto scope = d.at("since");
        d.fail("must not be greater than seq (" + std::to_string(seq) + ")");
    }
}

boost::json::value toJson(const Availability& availability) {
    return boost::json::object{{"total", availability.total}, {"available", availability.available}};
}

void decode(json::Decoder& d, const boost::json::value& v, Availability& out) {
    json::ObjectReader fields(d, v);
    const std::size_t before = d.errorCount();
    fields.required("total", json::inRange(out.total, 0, kMaxCount));
    fields.required("available", json::inRange(out.available, 0, kMaxCount));
    if (d.errorCount() == before && out.available > out.total) {
        auto scope = d.at("available");
        d.fail("must not exceed total (" + std::to_string(out.total) + ")");
    }
}

boost::json::value toJson(const EventSummary& event) {
    return boost::json::object{{"id", event.id},
                               {"name", event.name},
                               {"venue", event.venue},
                               {"city", event.city},
                               {"category", event.category},
                               {"starts_at", formatTimestamp(event.startsAt)},
                               {"availability", toJson(event.availability)},
                               {"price_range", toJson(event.priceRange)}};
}

void decode(json::Decoder& d, const boost::json::value& v, EventSummary& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("name", Line{out.name, 1, 200});
    fields.required("venue", Line{out.venue, 1, 200});
    fields.required("city", Line{out.city, 1, 200});
    fields.required("category", id(out.category));
    fields.required("starts_at", Rfc3339{out.startsAt});
    fields.required("availability", out.availability);
    fields.required("price_range", out.priceRange);
}

boost::json::value toJson(const EventPage& page) {
    boost::json::object out{{"data", toJsonArray(page.data)}};
    if (page.nextCursor) {
        out["next_cursor"] = *page.nextCursor;
    } else {
        out["next_cursor"] = nullptr;
    }
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, EventPage& out) {
    json::ObjectReader fields(d, v);
    fields.required("data", out.data);
    // Required but nullable: null is how the last page says so.
    fields.required("next_cursor", with([&](json::Decoder& dd, const boost::json::value& value) {
                        if (!value.is_null()) {
                            decode(dd, value, OptionalLine{out.nextCursor, 1, kMaxCursorLength});
                        }
                    }));
}

boost::json::value toJson(const VenueSummary& venue) {
    return boost::json::object{
        {"id", venue.id}, {"name", venue.name}, {"city", venue.city}, {"timezone", venue.timezone}};
}

void decode(json::Decoder& d, const boost::json::value& v, VenueSummary& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("name", Line{out.name, 1, 200});
    fields.required("city", Line{out.city, 1, 200});
    fields.required("timezone", Line{out.timezone, 1, 64});
}

boost::json::value toJson(const GaAreaInfo& area) {
    return boost::json::object{
        {"id", area.id}, {"name", area.name}, {"category", area.category}, {"capacity", area.capacity}};
}

void decode(json::Decoder& d, const boost::json::value& v, GaAreaInfo& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("name", Line{out.name, 1, 200});
    fields.required("category", id(out.category));
    fields.required("capacity", json::inRange(out.capacity, 0, kMaxCount));
}

boost::json::value toJson(const EventDetail& event) {
    return boost::json::object{{"id", event.id},
                               {"name", event.name},
                               {"description", event.description},
                               {"category", event.category},
                               {"starts_at", formatTimestamp(event.startsAt)},
                               {"sale_starts_at", formatTimestamp(event.saleStartsAt)},
                               {"sale_ends_at", formatTimestamp(event.saleEndsAt)},
                               {"venue", toJson(event.venue)},
                               {"hold_ttl_seconds", event.holdTtlSeconds},
                               {"max_tickets_per_order", event.maxTicketsPerOrder},
                               {"max_tickets_per_customer", event.maxTicketsPerCustomer},
                               {"availability", toJson(event.availability)},
                               {"price_range", toJson(event.priceRange)},
                               {"prices", toJson(event.prices)},
                               {"ga", toJsonArray(event.ga)}};
}

void decode(json::Decoder& d, const boost::json::value& v, EventDetail& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("name", Line{out.name, 1, 200});
    fields.required("description", out.description); // free text: paragraphs allowed
    fields.required("category", id(out.category));
    fields.required("starts_at", Rfc3339{out.startsAt});
    fields.required("sale_starts_at", Rfc3339{out.saleStartsAt});
    fields.required("sale_ends_at", Rfc3339{out.saleEndsAt});
    fields.required("venue", out.venue);
    fields.required("hold_ttl_seconds", json::inRange(out.holdTtlSeconds, 1, kMaxCount));
    fields.required("max_tickets_per_order", json::inRange(out.maxTicketsPerOrder, 1, kMaxCount));
    fields.required("max_tickets_per_customer", json::inRange(out.maxTicketsPerCustomer, 0, kMaxCount));
    fields.required("availability", out.availability);
    fields.required("price_range", out.priceRange);
    fields.required("prices", out.prices);
    fields.required("ga", out.ga);
}

boost::json::value toJson(const SeatChange& change) {
    return boost::json::object{{"seat", change.seat}, {"state", toString(change.state)}};
}

void decode(json::Decoder& d, const boost::json::value& v, SeatChange& out) {
    json::ObjectReader fields(d, v);
    fields.required("seat", id(out.seat));
    fields.required("state", json::oneOf(out.state, kSeatStatusNames));
}

boost::json::value toJson(const SeatStateEntry& seat) {
    return boost::json::object{{"id", seat.id}, {"state", toString(seat.state)}};
}

void decode(json::Decoder& d, const boost::json::value& v, SeatStateEntry& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("state", json::oneOf(out.state, kSeatStatusNames));
}

boost::json::value toJson(const GaAvailability& area) {
    return boost::json::object{{"area", area.area}, {"available", area.available}};
}

void decode(json::Decoder& d, const boost::json::value& v, GaAvailability& out) {
    json::ObjectReader fields(d, v);
    fields.required("area", id(out.area));
    fields.required("available", json::inRange(out.available, 0, kMaxCount));
}

boost::json::value toJson(const ChangeEntry& entry) {
    boost::json::object out{{"seq", entry.seq}};
    if (const auto* seat = std::get_if<SeatChange>(&entry.change)) {
        out["seat"] = seat->seat;
        out["state"] = toString(seat->state);
    } else {
        const auto& area = std::get<GaAvailability>(entry.change);
        out["ga_area"] = area.area;
        out["available"] = area.available;
    }
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, ChangeEntry& out) {
    json::ObjectReader fields(d, v);
    fields.required("seq", Seq{out.seq});
    if (!fields.isObject()) {
        return;
    }
    // The other kind's fields stay unread and so are reported as unknown.
    if (fields.has("seat")) {
        SeatChange change;
        fields.required("seat", id(change.seat));
        fields.required("state", json::oneOf(change.state, kSeatStatusNames));
        out.change = std::move(change);
    } else if (fields.has("ga_area")) {
        GaAvailability change;
        fields.required("ga_area", id(change.area));
        fields.required("available", json::inRange(change.available, 0, kMaxCount));
        out.change = std::move(change);
    } else {
        d.fail("expected \"seat\" or \"ga_area\"");
        fields.optional("state", Ignore{});
        fields.optional("available", Ignore{});
    }
}

boost::json::value toJson(const ChangesResponse& response) {
    return boost::json::object{{"event_id", response.eventId},
                               {"since", response.since},
                               {"seq", response.seq},
                               {"changes", toJsonArray(response.changes)}};
}

void decode(json::Decoder& d, const boost::json::value& v, ChangesResponse& out) {
    json::ObjectReader fields(d, v);
    const std::size_t before = d.errorCount();
    fields.required("event_id", id(out.eventId));
    fields.required("since", Seq{out.since});
    fields.required("seq", Seq{out.seq});
    fields.required("changes", out.changes);
    if (d.errorCount() != before) {
        return;
    }
    checkSeqRange(d, out.since, out.seq);
    // A client applies the entries in order, so the order is part of the contract.
    std::int64_t previous = out.since;
    for (std::size_t i = 0; i < out.changes.size(); ++i) {
        const std::int64_t seq = out.changes[i].seq;
        if (seq <= previous || seq > out.seq) {
            auto changesScope = d.at("changes");
            auto indexScope = d.at(i);
            auto seqScope = d.at("seq");
            d.fail("must be greater than " + std::to_string(previous) + " and at most seq (" +
                   std::to_string(out.seq) + ")");
            return;
        }
        previous = seq;
    }
}

boost::json::value toJson(const SeatmapResponse& response) {
    return boost::json::object{{"event_id", response.eventId},
                               {"seq", response.seq},
                               {"layout", response.layout},
                               {"seats", toJsonArray(response.seats)},
                               {"ga", toJsonArray(response.ga)}};
}

void decode(json::Decoder& d, const boost::json::value& v, SeatmapResponse& out) {
    json::ObjectReader fields(d, v);
    fields.required("event_id", id(out.eventId));
    fields.required("seq", Seq{out.seq});
    fields.required("layout", RawObject{out.layout});
    fields.required("seats", out.seats);
    fields.optional("ga", out.ga);
}

} // namespace usher::protocol
