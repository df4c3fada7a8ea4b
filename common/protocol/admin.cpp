#include "common/protocol/admin.h"

#include "common/layout/venue_layout.h"
#include "common/protocol/codec.h"
#include "common/protocol/time_json.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace usher::protocol {
namespace {

namespace bj = boost::json;

// Blocks and allotments may take a whole section: far more than one sale's tickets.
constexpr std::size_t kMaxSeatsPerAdminRequest = 20'000;
constexpr std::int64_t kMaxAllottedPlaces = 1'000'000;
constexpr std::size_t kMaxReason = 200;

template <typename T>
void put(bj::object& out, std::string_view key, const std::optional<T>& value) {
    if (value) {
        out[key] = *value;
    }
}

void putTime(bj::object& out, std::string_view key, const std::optional<Timestamp>& value) {
    if (value) {
        out[key] = formatTimestamp(*value);
    }
}

bj::array strings(const std::vector<std::string>& values) {
    bj::array out;
    for (const std::string& value : values) {
        out.emplace_back(value);
    }
    return out;
}

bj::array gaJson(const std::vector<GaQuantity>& lines) {
    bj::array out;
    for (const GaQuantity& line : lines) {
        out.push_back(bj::object{{"area", line.area}, {"quantity", line.quantity}});
    }
    return out;
}

auto optionalTime(std::optional<Timestamp>& out) {
    return with([&out](json::Decoder& d, const bj::value& v) { decode(d, v, Rfc3339{out.emplace()}); });
}

auto optionalInRange(std::optional<std::int64_t>& out, std::int64_t min, std::int64_t max) {
    return with([&out, min, max](json::Decoder& d, const bj::value& v) {
        decode(d, v, json::inRange(out.emplace(), min, max));
    });
}

auto optionalObject(std::optional<bj::value>& out) {
    return with([&out](json::Decoder& d, const bj::value& v) { decode(d, v, RawObject{out.emplace()}); });
}

auto colour(std::string& out) {
    return with([&out](json::Decoder& d, const bj::value& v) {
        decode(d, v, Line{out, 1, 32});
        if (d.ok() && !layout::isHexColor(out)) {
            d.fail("must be a colour like \"#1f77b4\"");
        }
    });
}

auto allottedGa(std::vector<GaQuantity>& out) {
    return with([&out](json::Decoder& d, const bj::value& v) {
        const auto* array = arrayOf(d, v, 0, 100);
        if (array == nullptr) {
            return;
        }
        out.resize(array->size());
        for (std::size_t i = 0; i < array->size(); ++i) {
            auto scope = d.at(i);
            json::ObjectReader fields(d, (*array)[i]);
            fields.required("area", id(out[i].area));
            std::int64_t quantity = 0;
            fields.required("quantity", json::inRange(quantity, std::int64_t{1}, kMaxAllottedPlaces));
            out[i].quantity = static_cast<int>(quantity);
        }
    });
}

} // namespace

std::string_view toString(EventStatus status) {
    return nameOf(kEventStatusNames, status);
}

// --- Venues and layouts ------------------------------------------------------------------------------

bj::value toJson(const VenueInput& v) {
    bj::object out;
    put(out, "id", v.id);
    put(out, "name", v.name);
    put(out, "city", v.city);
    put(out, "timezone", v.timezone);
    return out;
}

void decode(json::Decoder& d, const bj::value& v, VenueInput& out) {
    json::ObjectReader fields(d, v);
    fields.optional("id", optionalId(out.id));
    fields.optional("name", OptionalLine{out.name, 1, kMaxNameLength});
    fields.optional("city", OptionalLine{out.city, 1, kMaxNameLength});
    fields.optional("timezone", OptionalLine{out.timezone, 1, 64});
}

bj::value toJson(const VenueInfo& v) {
    bj::object out{
        {"id", v.id}, {"name", v.name}, {"city", v.city}, {"timezone", v.timezone}, {"revision", v.revision}};
    put(out, "layout_version", v.layoutVersion);
    return out;
}

void decode(json::Decoder& d, const bj::value& v, VenueInfo& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("name", Line{out.name, 1, kMaxNameLength});
    fields.required("city", Line{out.city, 1, kMaxNameLength});
    fields.required("timezone", Line{out.timezone, 1, 64});
    fields.required("revision", out.revision);
    fields.optional("layout_version", out.layoutVersion);
}

bj::value toJson(const VenueList& v) {
    bj::array venues;
    for (const VenueInfo& venue : v.venues) {
        venues.push_back(toJson(venue));
    }
    return bj::object{{"data", std::move(venues)}};
}

void decode(json::Decoder& d, const bj::value& v, VenueList& out) {
    json::ObjectReader fields(d, v);
    fields.required("data", out.venues);
}

bj::value toJson(const LayoutVersion& v) {
    return bj::object{{"venue_id", v.venueId}, {"version", v.version}, {"layout", v.layout}};
}

void decode(json::Decoder& d, const bj::value& v, LayoutVersion& out) {
    json::ObjectReader fields(d, v);
    fields.required("venue_id", id(out.venueId));
    fields.required("version", out.version);
    fields.required("layout", RawObject{out.layout});
}

bj::value toJson(const PublishLayoutRequest& v) {
    return bj::object{{"layout", v.layout}};
}

void decode(json::Decoder& d, const bj::value& v, PublishLayoutRequest& out) {
    json::ObjectReader fields(d, v);
    fields.required("layout", RawObject{out.layout});
}

// --- Events ------------------------------------------------------------------------------------------

bj::value toJson(const EventInput& v) {
    bj::object out;
    put(out, "name", v.name);
    put(out, "description", v.description);
    put(out, "category", v.category);
    put(out, "venue_id", v.venueId);
    put(out, "layout_version", v.layoutVersion);
    putTime(out, "starts_at", v.startsAt);
    putTime(out, "doors_at", v.doorsAt);
    putTime(out, "sale_starts_at", v.saleStartsAt);
    putTime(out, "sale_ends_at", v.saleEndsAt);
    put(out, "hold_ttl_seconds", v.holdTtlSeconds);
    put(out, "max_tickets_per_order", v.maxPerOrder);
    put(out, "max_tickets_per_customer", v.maxPerCustomer);
    put(out, "prices", v.prices);
    return out;
}

void decode(json::Decoder& d, const bj::value& v, EventInput& out) {
    json::ObjectReader fields(d, v);
    fields.optional("name", OptionalLine{out.name, 1, kMaxNameLength});
    fields.optional("description", with([&](json::Decoder& dd, const bj::value& value) {
                        // Several paragraphs are fine here: a description is not a one-line name.
                        const auto* text = value.if_string();
                        if (text == nullptr || text->size() > 5000) {
                            dd.fail("must be a text of at most 5000 characters");
                            return;
                        }
                        out.description = std::string(*text);
                    }));
    fields.optional("category", OptionalLine{out.category, 1, 64});
    fields.optional("venue_id", optionalId(out.venueId));
    fields.optional("layout_version", optionalInRange(out.layoutVersion, 1, 1'000'000));
    fields.optional("starts_at", optionalTime(out.startsAt));
    fields.optional("doors_at", optionalTime(out.doorsAt));
    fields.optional("sale_starts_at", optionalTime(out.saleStartsAt));
    fields.optional("sale_ends_at", optionalTime(out.saleEndsAt));
    fields.optional("hold_ttl_seconds", optionalInRange(out.holdTtlSeconds, 30, 3600));
    fields.optional("max_tickets_per_order", optionalInRange(out.maxPerOrder, 1, 50));
    fields.optional("max_tickets_per_customer", optionalInRange(out.maxPerCustomer, 0, 1000));
    fields.optional("prices", optionalObject(out.prices));
}

bj::value toJson(const EventAdminView& v) {
    bj::object out{{"id", v.id},
                   {"status", toString(v.status)},
                   {"revision", v.revision},
                   {"venue_id", v.venueId},
                   {"layout_version", v.layoutVersion},
                   {"name", v.name},
                   {"description", v.description},
                   {"category", v.category},
                   {"starts_at", formatTimestamp(v.startsAt)},
                   {"sale_starts_at", formatTimestamp(v.saleStartsAt)},
                   {"sale_ends_at", formatTimestamp(v.saleEndsAt)},
                   {"hold_ttl_seconds", v.holdTtlSeconds},
                   {"max_tickets_per_order", v.maxPerOrder},
                   {"max_tickets_per_customer", v.maxPerCustomer},
                   {"prices", v.prices}};
    putTime(out, "doors_at", v.doorsAt);
    return out;
}

void decode(json::Decoder& d, const bj::value& v, EventAdminView& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("status", json::oneOf(out.status, kEventStatusNames));
    fields.required("revision", out.revision);
    fields.required("venue_id", id(out.venueId));
    fields.required("layout_version", out.layoutVersion);
    fields.required("name", Line{out.name, 1, kMaxNameLength});
    fields.required("description", out.description);
    fields.required("category", Line{out.category, 1, 64});
    fields.required("starts_at", Rfc3339{out.startsAt});
    fields.optional("doors_at", optionalTime(out.doorsAt));
    fields.required("sale_starts_at", Rfc3339{out.saleStartsAt});
    fields.required("sale_ends_at", Rfc3339{out.saleEndsAt});
    fields.required("hold_ttl_seconds", out.holdTtlSeconds);
    fields.required("max_tickets_per_order", out.maxPerOrder);
    fields.required("max_tickets_per_customer", out.maxPerCustomer);
    fields.required("prices", RawObject{out.prices});
}

bj::value toJson(const EventAdminList& v) {
    bj::array events;
    for (const EventAdminView& event : v.events) {
        events.push_back(toJson(event));
    }
    return bj::object{{"data", std::move(events)}};
}

void decode(json::Decoder& d, const bj::value& v, EventAdminList& out) {
    json::ObjectReader fields(d, v);
    fields.required("data", out.events);
}

bj::value toJson(const EventStatusRequest& v) {
    bj::object out{{"status", toString(v.status)}};
    if (!v.reason.empty()) {
        out["reason"] = v.reason;
    }
    return out;
}

void decode(json::Decoder& d, const bj::value& v, EventStatusRequest& out) {
    json::ObjectReader fields(d, v);
    fields.required("status", json::oneOf(out.status, kEventStatusNames));
    fields.optional("reason", Line{out.reason, 1, kMaxReason});
}

bj::value toJson(const EventStatusResponse& v) {
    return bj::object{{"event", toJson(v.event)}, {"refunded_orders", v.refundedOrders}};
}

void decode(json::Decoder& d, const bj::value& v, EventStatusResponse& out) {
    json::ObjectReader fields(d, v);
    fields.required("event", out.event);
    fields.required("refunded_orders", out.refundedOrders);
}

// --- Blocks and allotments ---------------------------------------------------------------------------

bj::value toJson(const BlockRequest& v) {
    bj::object out{{"seats", strings(v.seats)}, {"reason", v.reason}, {"color", v.color}};
    putTime(out, "release_at", v.releaseAt);
    return out;
}

void decode(json::Decoder& d, const bj::value& v, BlockRequest& out) {
    json::ObjectReader fields(d, v);
    fields.required("seats", IdList{out.seats, 1, kMaxSeatsPerAdminRequest, "seat id"});
    fields.required("reason", Line{out.reason, 1, kMaxReason});
    fields.required("color", colour(out.color));
    fields.optional("release_at", optionalTime(out.releaseAt));
}

bj::value toJson(const BlockInfo& v) {
    bj::object out{{"id", v.id},
                   {"event_id", v.eventId},
                   {"seats", strings(v.seats)},
                   {"reason", v.reason},
                   {"color", v.color}};
    putTime(out, "release_at", v.releaseAt);
    putTime(out, "released_at", v.releasedAt);
    return out;
}

void decode(json::Decoder& d, const bj::value& v, BlockInfo& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("event_id", id(out.eventId));
    fields.required("seats", IdList{out.seats, 0, kMaxSeatsPerAdminRequest, "seat id"});
    fields.required("reason", Line{out.reason, 1, kMaxReason});
    fields.required("color", colour(out.color));
    fields.optional("release_at", optionalTime(out.releaseAt));
    fields.optional("released_at", optionalTime(out.releasedAt));
}

bj::value toJson(const BlockList& v) {
    bj::array blocks;
    for (const BlockInfo& block : v.blocks) {
        blocks.push_back(toJson(block));
    }
    return bj::object{{"data", std::move(blocks)}};
}

void decode(json::Decoder& d, const bj::value& v, BlockList& out) {
    json::ObjectReader fields(d, v);
    fields.required("data", out.blocks);
}

bj::value toJson(const AllotmentRequest& v) {
    bj::object out{
        {"channel", v.channel}, {"seats", strings(v.seats)}, {"ga", gaJson(v.ga)}, {"note", v.note}};
    put(out, "device", v.device);
    return out;
}

void decode(json::Decoder& d, const bj::value& v, AllotmentRequest& out) {
    json::ObjectReader fields(d, v);
    fields.required("channel", Line{out.channel, 1, 64});
    fields.optional("device", OptionalLine{out.device, 1, kMaxNameLength});
    fields.optional("seats", IdList{out.seats, 0, kMaxSeatsPerAdminRequest, "seat id"});
    fields.optional("ga", allottedGa(out.ga));
    fields.optional("note", Line{out.note, 0, kMaxReason});
    if (fields.isObject() && d.ok() && out.seats.empty() && out.ga.empty()) {
        d.fail("an allotment needs seats or standing places");
    }
}

bj::value toJson(const AllotmentInfo& v) {
    bj::object out{{"id", v.id},           {"event_id", v.eventId},
                   {"channel", v.channel}, {"seats", strings(v.seats)},
                   {"ga", gaJson(v.ga)},   {"note", v.note}};
    put(out, "device", v.device);
    putTime(out, "released_at", v.releasedAt);
    return out;
}

void decode(json::Decoder& d, const bj::value& v, AllotmentInfo& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("event_id", id(out.eventId));
    fields.required("channel", Line{out.channel, 1, 64});
    fields.optional("device", OptionalLine{out.device, 1, kMaxNameLength});
    fields.required("seats", IdList{out.seats, 0, kMaxSeatsPerAdminRequest, "seat id"});
    fields.required("ga", allottedGa(out.ga));
    fields.required("note", Line{out.note, 0, kMaxReason});
    fields.optional("released_at", optionalTime(out.releasedAt));
}

bj::value toJson(const AllotmentList& v) {
    bj::array allotments;
    for (const AllotmentInfo& allotment : v.allotments) {
        allotments.push_back(toJson(allotment));
    }
    return bj::object{{"data", std::move(allotments)}};
}

void decode(json::Decoder& d, const bj::value& v, AllotmentList& out) {
    json::ObjectReader fields(d, v);
    fields.required("data", out.allotments);
}

// --- Users -------------------------------------------------------------------------------------------

bj::value toJson(const StaffInput& v) {
    bj::object out;
    put(out, "email", v.email);
    put(out, "name", v.name);
    if (v.role) {
        out["role"] = toString(*v.role);
    }
    put(out, "password", v.password);
    put(out, "disabled", v.disabled);
    return out;
}

void decode(json::Decoder& d, const bj::value& v, StaffInput& out) {
    json::ObjectReader fields(d, v);
    fields.optional("email", with([&](json::Decoder& dd, const bj::value& value) {
                        decode(dd, value, Email{out.email.emplace()});
                    }));
    fields.optional("name", OptionalLine{out.name, 1, kMaxNameLength});
    fields.optional("role", with([&](json::Decoder& dd, const bj::value& value) {
                        decode(dd, value, json::oneOf(out.role.emplace(), kRoleNames));
                    }));
    fields.optional("password", with([&](json::Decoder& dd, const bj::value& value) {
                        decode(dd, value, Password{out.password.emplace(), kMinPasswordLength});
                    }));
    fields.optional("disabled", out.disabled);
}

bj::value toJson(const StaffInfo& v) {
    return bj::object{{"id", v.id},
                      {"email", v.email},
                      {"name", v.name},
                      {"role", toString(v.role)},
                      {"disabled", v.disabled}};
}

void decode(json::Decoder& d, const bj::value& v, StaffInfo& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("email", Line{out.email, 3, 254});
    fields.required("name", Line{out.name, 1, kMaxNameLength});
    fields.required("role", json::oneOf(out.role, kRoleNames));
    fields.required("disabled", out.disabled);
}

bj::value toJson(const StaffList& v) {
    bj::array users;
    for (const StaffInfo& user : v.users) {
        users.push_back(toJson(user));
    }
    return bj::object{{"data", std::move(users)}};
}

void decode(json::Decoder& d, const bj::value& v, StaffList& out) {
    json::ObjectReader fields(d, v);
    fields.required("data", out.users);
}

} // namespace usher::protocol
