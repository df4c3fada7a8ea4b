#pragma once

#include "common/json/decoder.h"
#include "common/money/money.h"
#include "common/util/time.h"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace usher::protocol {

// {"seats": ["A-1", "A-2"]}: 1..50 distinct seat ids, all or nothing.
struct SeatSelection {
    std::vector<std::string> seats;

    bool operator==(const SeatSelection&) const = default;
};

struct GaQuantity {
    std::string area;
    int quantity = 0;

    bool operator==(const GaQuantity&) const = default;
};

// {"ga": [{"area": "floor", "quantity": 2}]}: distinct areas, 1..50 places in total.
struct GaSelection {
    std::vector<GaQuantity> areas;

    bool operator==(const GaSelection&) const = default;
};

// {"best_available": {"quantity": 4, "categories": ["cat-a"], "accessible": 1}}: the server picks
// `quantity` seats, only from `categories` when given (empty: any), `accessible` of them wheelchair
// spaces (0..quantity).
struct BestAvailable {
    int quantity = 0;
    std::vector<std::string> categories;
    int accessible = 0;

    bool operator==(const BestAvailable&) const = default;
};

// Body of POST /api/v1/events/{id}/holds: exactly one of "seats", "ga" or "best_available".
struct HoldRequest {
    std::variant<SeatSelection, GaSelection, BestAvailable> selection;

    bool operator==(const HoldRequest&) const = default;
};

// Body of PATCH /api/v1/holds/{id}: {"extend_by_seconds": 300} or {}. The seconds are added to the
// current expires_at; absent means the event's hold TTL. The server caps how often and how far a
// hold is extended (409 hold-extend-limit); an expired hold cannot be extended (410). The answer
// is the HoldResponse with the new expires_at.
struct ExtendHoldRequest {
    std::optional<int> extendBySeconds;

    bool operator==(const ExtendHoldRequest&) const = default;
};
inline constexpr int kMaxExtendSeconds = 3600;

// Body of POST /api/v1/holds/{id}/seats: seats added to and removed from a hold, and its standing
// places per area set, in one step, all or nothing, keeping its id and expiry. This is how a counter's basket
// grows and shrinks as the clerk picks seats: every seat chosen is held at once, and the sale is still one
// hold.
struct ChangeHoldSeatsRequest {
    std::vector<std::string> add{};
    std::vector<std::string> remove{};
    // General admission: the hold's new quantity per named area (0 takes the area out).
    std::vector<GaQuantity> ga{};

    bool operator==(const ChangeHoldSeatsRequest&) const = default;
};

struct HeldSeat {
    std::string id;
    std::optional<std::string> label; // for people, e.g. "Stalls B 12"
    std::string category;             // price category id
    Money price;

    bool operator==(const HeldSeat&) const = default;
};

struct HeldGa {
    std::string area;
    int quantity = 0;
    Money price; // per place

    bool operator==(const HeldGa&) const = default;
};

// 201 answer to a hold, and GET/PATCH /api/v1/holds/{id}. The server always writes "seats" and "ga";
// decoding reads a missing one as empty.
struct HoldResponse {
    std::string holdId;
    std::string eventId;
    Timestamp expiresAt;
    std::vector<HeldSeat> seats;
    std::vector<HeldGa> ga;
    Money total;

    bool operator==(const HoldResponse&) const = default;
};

boost::json::value toJson(const HoldRequest& request);
boost::json::value toJson(const GaQuantity& line);
boost::json::value toJson(const BestAvailable& request);
boost::json::value toJson(const ExtendHoldRequest& request);
boost::json::value toJson(const ChangeHoldSeatsRequest& request);
boost::json::value toJson(const HeldSeat& seat);
boost::json::value toJson(const HeldGa& line);
boost::json::value toJson(const HoldResponse& response);

void decode(json::Decoder& d, const boost::json::value& v, HoldRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, GaQuantity& out);
void decode(json::Decoder& d, const boost::json::value& v, BestAvailable& out);
void decode(json::Decoder& d, const boost::json::value& v, ExtendHoldRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, ChangeHoldSeatsRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, HeldSeat& out);
void decode(json::Decoder& d, const boost::json::value& v, HeldGa& out);
void decode(json::Decoder& d, const boost::json::value& v, HoldResponse& out);

// The hold fields inside a larger object (the WebSocket "hold" message carries them beside
// "type", "id" and "event_id").
void readFields(json::Decoder& d, json::ObjectReader& fields, HoldRequest& out);
void writeFields(const HoldRequest& request, boost::json::object& out);

} // namespace usher::protocol
