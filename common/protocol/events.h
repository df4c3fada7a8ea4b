#pragma once

#include "common/inventory/seat_inventory.h"
#include "common/json/decoder.h"
#include "common/money/money.h"
#include "common/pricing/price_table_json.h"
#include "common/protocol/codec.h"
#include "common/util/time.h"

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace usher::protocol {

struct Availability {
    std::int64_t total = 0;
    std::int64_t available = 0; // never more than total

    bool operator==(const Availability&) const = default;
};

// One entry of GET /api/v1/events.
struct EventSummary {
    std::string id;
    std::string name;
    std::string venue; // the venue's name
    std::string city;
    std::string category;
    Timestamp startsAt; // "starts_at"
    Availability availability;
    PriceRange priceRange; // "price_range": the cheapest and dearest price on sale

    bool operator==(const EventSummary&) const = default;
};

// A page of a cursor-paginated list: "next_cursor" is always present, null on the last page.
struct EventPage {
    std::vector<EventSummary> data;
    std::optional<std::string> nextCursor;

    bool operator==(const EventPage&) const = default;
};

struct VenueSummary {
    std::string id;
    std::string name;
    std::string city;
    std::string timezone; // IANA name, e.g. "Europe/Vienna"

    bool operator==(const VenueSummary&) const = default;
};

// {"id": "floor", "name": "Standing", "category": "ga", "capacity": 2500}: a GA area on sale.
struct GaAreaInfo {
    std::string id;
    std::string name;
    std::string category;
    std::int64_t capacity = 0;

    bool operator==(const GaAreaInfo&) const = default;
};

// GET /api/v1/events/{id}: what a buyer or a clerk needs before choosing seats. The seat map comes
// separately (it is large and changes all the time).
struct EventDetail {
    std::string id;
    std::string name;
    std::string description;
    std::string category;
    Timestamp startsAt;     // "starts_at"
    Timestamp saleStartsAt; // "sale_starts_at"
    Timestamp saleEndsAt;   // "sale_ends_at"
    VenueSummary venue;
    std::int64_t holdTtlSeconds = 0;        // "hold_ttl_seconds"
    std::int64_t maxTicketsPerOrder = 0;    // "max_tickets_per_order"
    std::int64_t maxTicketsPerCustomer = 0; // "max_tickets_per_customer"; 0: no limit
    Availability availability;
    PriceRange priceRange; // "price_range"
    PriceTable prices;     // price categories x ticket types
    std::vector<GaAreaInfo> ga;

    bool operator==(const EventDetail&) const = default;
};

// {"seat": "A-1", "state": "sold"}: a seat's new state in a change list.
struct SeatChange {
    std::string seat;
    SeatStatus state = SeatStatus::Available; // the inventory's states and wire names

    bool operator==(const SeatChange&) const = default;
};

// {"id": "A-1", "state": "held"}: a seat's state in a seat map or snapshot.
struct SeatStateEntry {
    std::string id;
    SeatStatus state = SeatStatus::Available; // the inventory's states and wire names

    bool operator==(const SeatStateEntry&) const = default;
};

// {"area": "floor", "available": 120}: places a GA area can still sell.
struct GaAvailability {
    std::string area;
    std::int64_t available = 0;

    bool operator==(const GaAvailability&) const = default;
};

// One entry of the change log: {"seq", "seat", "state"} or {"seq", "ga_area", "available"}.
struct ChangeEntry {
    std::int64_t seq = 0;
    std::variant<SeatChange, GaAvailability> change;

    bool operator==(const ChangeEntry&) const = default;
};

// GET /api/v1/events/{id}/changes?since=N: the log entries after `since` up to and including
// `seq`, in order. A client applies them and asks next with since=seq. When the log no longer
// reaches back to `since` the answer is 410 changes-expired and the client refetches the seat map.
struct ChangesResponse {
    std::string eventId;
    std::int64_t since = 0;
    std::int64_t seq = 0;
    std::vector<ChangeEntry> changes;

    bool operator==(const ChangesResponse&) const = default;
};

// GET /api/v1/events/{id}/seatmap: the state of every seat and GA area as of `seq`. The layout's
// schema belongs to common/layout; here it is carried as it is.
struct SeatmapResponse {
    std::string eventId;
    std::int64_t seq = 0;
    boost::json::value layout;
    std::vector<SeatStateEntry> seats;
    std::vector<GaAvailability> ga;

    bool operator==(const SeatmapResponse&) const = default;
};

boost::json::value toJson(const Availability& availability);
boost::json::value toJson(const EventSummary& event);
boost::json::value toJson(const EventPage& page);
boost::json::value toJson(const VenueSummary& venue);
boost::json::value toJson(const GaAreaInfo& area);
boost::json::value toJson(const EventDetail& event);
boost::json::value toJson(const SeatChange& change);
boost::json::value toJson(const SeatStateEntry& seat);
boost::json::value toJson(const GaAvailability& area);
boost::json::value toJson(const ChangeEntry& entry);
boost::json::value toJson(const ChangesResponse& response);
boost::json::value toJson(const SeatmapResponse& response);

void decode(json::Decoder& d, const boost::json::value& v, Availability& out);
void decode(json::Decoder& d, const boost::json::value& v, EventSummary& out);
void decode(json::Decoder& d, const boost::json::value& v, EventPage& out);
void decode(json::Decoder& d, const boost::json::value& v, VenueSummary& out);
void decode(json::Decoder& d, const boost::json::value& v, GaAreaInfo& out);
void decode(json::Decoder& d, const boost::json::value& v, EventDetail& out);
void decode(json::Decoder& d, const boost::json::value& v, SeatChange& out);
void decode(json::Decoder& d, const boost::json::value& v, SeatStateEntry& out);
void decode(json::Decoder& d, const boost::json::value& v, GaAvailability& out);
void decode(json::Decoder& d, const boost::json::value& v, ChangeEntry& out);
void decode(json::Decoder& d, const boost::json::value& v, ChangesResponse& out);
void decode(json::Decoder& d, const boost::json::value& v, SeatmapResponse& out);

// Sequence numbers: 0 before the first change, then +1 per change, never reused.
struct Seq {
    std::int64_t& out;
};
void decode(json::Decoder& d, const boost::json::value& v, Seq seq);
// Reports at "since" when it is past "seq"; shared by the REST and WebSocket change lists.
void checkSeqRange(json::Decoder& d, std::int64_t since, std::int64_t seq);

} // namespace usher::protocol
