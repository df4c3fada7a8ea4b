#pragma once

// Administration messages (admin role): venues, layout versions, events with their prices and
// status, seat blocks (holds and kills), allotments and staff accounts. Requests are decoded
// strictly; layouts and price tables keep their own formats (common/layout, common/pricing) and are
// carried raw here, checked by the server with their own decoders.

#include "common/json/decoder.h"
#include "common/protocol/auth.h"
#include "common/protocol/holds.h"
#include "common/util/time.h"

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace usher::protocol {

// POST /api/v1/admin/venues (every field) and PATCH /api/v1/admin/venues/{id} (any of name, city,
// timezone).
struct VenueInput {
    std::optional<std::string> id;
    std::optional<std::string> name;
    std::optional<std::string> city;
    std::optional<std::string> timezone;

    bool operator==(const VenueInput&) const = default;
};

struct VenueInfo {
    std::string id;
    std::string name;
    std::string city;
    std::string timezone;
    std::int64_t revision = 1;                 // the ETag's number
    std::optional<std::int64_t> layoutVersion; // "layout_version": the latest published, if any

    bool operator==(const VenueInfo&) const = default;
};

struct VenueList {
    std::vector<VenueInfo> venues;

    bool operator==(const VenueList&) const = default;
};

// GET /api/v1/admin/venues/{id}/layout (the latest version) and the answer to publishing one.
struct LayoutVersion {
    std::string venueId;       // "venue_id"
    std::int64_t version = 0;  // the ETag's number
    boost::json::value layout; // usher.venue-layout

    bool operator==(const LayoutVersion&) const = default;
};

// POST /api/v1/admin/venues/{id}/layouts with If-Match: the next version.
struct PublishLayoutRequest {
    boost::json::value layout;

    bool operator==(const PublishLayoutRequest&) const = default;
};

enum class EventStatus { Draft, OnSale, Cancelled };
inline constexpr NameTable<EventStatus, 3> kEventStatusNames{{
    {"draft", EventStatus::Draft},
    {"on_sale", EventStatus::OnSale},
    {"cancelled", EventStatus::Cancelled},
}};

// POST /api/v1/admin/events (name, category, venue_id, layout_version, starts_at, sale_starts_at,
// sale_ends_at and prices required) and PATCH /api/v1/admin/events/{id} (any field).
struct EventInput {
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<std::string> category;
    std::optional<std::string> venueId;         // "venue_id"
    std::optional<std::int64_t> layoutVersion;  // "layout_version"
    std::optional<Timestamp> startsAt;          // "starts_at"
    std::optional<Timestamp> doorsAt;           // "doors_at"
    std::optional<Timestamp> saleStartsAt;      // "sale_starts_at"
    std::optional<Timestamp> saleEndsAt;        // "sale_ends_at"
    std::optional<std::int64_t> holdTtlSeconds; // "hold_ttl_seconds", 30..3600
    std::optional<std::int64_t> maxPerOrder;    // "max_tickets_per_order", 1..50
    std::optional<std::int64_t> maxPerCustomer; // "max_tickets_per_customer", 0 (no limit)..1000
    std::optional<boost::json::value> prices;   // a price table

    bool operator==(const EventInput&) const = default;
};

struct EventAdminView {
    std::string id;
    EventStatus status = EventStatus::Draft;
    std::int64_t revision = 1;
    std::string venueId;
    std::int64_t layoutVersion = 0;
    std::string name;
    std::string description;
    std::string category;
    Timestamp startsAt;
    std::optional<Timestamp> doorsAt;
    Timestamp saleStartsAt;
    Timestamp saleEndsAt;
    std::int64_t holdTtlSeconds = 0;
    std::int64_t maxPerOrder = 0;
    std::int64_t maxPerCustomer = 0;
    boost::json::value prices;

    bool operator==(const EventAdminView&) const = default;
};

struct EventAdminList {
    std::vector<EventAdminView> events;
    bool operator==(const EventAdminList&) const = default;
};

// POST /api/v1/admin/events/{id}/status
struct EventStatusRequest {
    EventStatus status = EventStatus::OnSale;
    std::string reason; // required when cancelling: it becomes every refund's reason

    bool operator==(const EventStatusRequest&) const = default;
};

struct EventStatusResponse {
    EventAdminView event;
    std::int64_t refundedOrders = 0; // "refunded_orders": by this cancellation

    bool operator==(const EventStatusResponse&) const = default;
};

// POST /api/v1/admin/events/{id}/blocks: available seats off sale for a reason, drawn in a colour.
struct BlockRequest {
    std::vector<std::string> seats;
    std::string reason;
    std::string color;                  // "#rrggbb"
    std::optional<Timestamp> releaseAt; // "release_at": back on sale by themselves then

    bool operator==(const BlockRequest&) const = default;
};

struct BlockInfo {
    std::string id;
    std::string eventId; // "event_id"
    std::vector<std::string> seats;
    std::string reason;
    std::string color;
    std::optional<Timestamp> releaseAt;
    std::optional<Timestamp> releasedAt; // "released_at"

    bool operator==(const BlockInfo&) const = default;
};

// POST /api/v1/admin/events/{id}/allotments: seats and standing places for one channel or device.
struct AllotmentRequest {
    std::string channel;               // "box_office", "partner:..."
    std::optional<std::string> device; // a box-office device's name: it may sell them offline
    std::vector<std::string> seats;
    std::vector<GaQuantity> ga;
    std::string note;

    bool operator==(const AllotmentRequest&) const = default;
};

struct AllotmentInfo {
    std::string id;
    std::string eventId;
    std::string channel;
    std::optional<std::string> device;
    std::vector<std::string> seats;
    std::vector<GaQuantity> ga;
    std::string note;
    std::optional<Timestamp> releasedAt;

    bool operator==(const AllotmentInfo&) const = default;
};

// A list answer for blocks and allotments of one event.
struct BlockList {
    std::vector<BlockInfo> blocks;
    bool operator==(const BlockList&) const = default;
};
struct AllotmentList {
    std::vector<AllotmentInfo> allotments;
    bool operator==(const AllotmentList&) const = default;
};

// Staff and customer accounts: POST /api/v1/admin/users (email, name, role, password) and PATCH
// /api/v1/admin/users/{id} (name, role, disabled, password: a reset).
struct StaffInput {
    std::optional<std::string> email;
    std::optional<std::string> name;
    std::optional<Role> role;
    std::optional<std::string> password;
    std::optional<bool> disabled;

    bool operator==(const StaffInput&) const = default;
};

struct StaffInfo {
    std::string id;
    std::string email;
    std::string name;
    Role role = Role::Clerk;
    bool disabled = false;

    bool operator==(const StaffInfo&) const = default;
};

struct StaffList {
    std::vector<StaffInfo> users;
    bool operator==(const StaffList&) const = default;
};

std::string_view toString(EventStatus status);

boost::json::value toJson(const VenueInput& v);
boost::json::value toJson(const VenueInfo& v);
boost::json::value toJson(const VenueList& v);
boost::json::value toJson(const LayoutVersion& v);
boost::json::value toJson(const PublishLayoutRequest& v);
boost::json::value toJson(const EventInput& v);
boost::json::value toJson(const EventAdminView& v);
boost::json::value toJson(const EventAdminList& v);
boost::json::value toJson(const EventStatusRequest& v);
boost::json::value toJson(const EventStatusResponse& v);
boost::json::value toJson(const BlockRequest& v);
boost::json::value toJson(const BlockInfo& v);
boost::json::value toJson(const BlockList& v);
boost::json::value toJson(const AllotmentRequest& v);
boost::json::value toJson(const AllotmentInfo& v);
boost::json::value toJson(const AllotmentList& v);
boost::json::value toJson(const StaffInput& v);
boost::json::value toJson(const StaffInfo& v);
boost::json::value toJson(const StaffList& v);

void decode(json::Decoder& d, const boost::json::value& v, VenueInput& out);
void decode(json::Decoder& d, const boost::json::value& v, VenueInfo& out);
void decode(json::Decoder& d, const boost::json::value& v, VenueList& out);
void decode(json::Decoder& d, const boost::json::value& v, LayoutVersion& out);
void decode(json::Decoder& d, const boost::json::value& v, PublishLayoutRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, EventInput& out);
void decode(json::Decoder& d, const boost::json::value& v, EventAdminView& out);
void decode(json::Decoder& d, const boost::json::value& v, EventAdminList& out);
void decode(json::Decoder& d, const boost::json::value& v, EventStatusRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, EventStatusResponse& out);
void decode(json::Decoder& d, const boost::json::value& v, BlockRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, BlockInfo& out);
void decode(json::Decoder& d, const boost::json::value& v, BlockList& out);
void decode(json::Decoder& d, const boost::json::value& v, AllotmentRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, AllotmentInfo& out);
void decode(json::Decoder& d, const boost::json::value& v, AllotmentList& out);
void decode(json::Decoder& d, const boost::json::value& v, StaffInput& out);
void decode(json::Decoder& d, const boost::json::value& v, StaffInfo& out);
void decode(json::Decoder& d, const boost::json::value& v, StaffList& out);

} // namespace usher::protocol
