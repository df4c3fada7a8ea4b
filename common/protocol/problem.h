#pragma once

#include "common/json/decoder.h"

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace usher::protocol {

inline constexpr std::string_view kProblemContentType = "application/problem+json";

// Every error the API reports. Clients switch on the type URI, never on title or detail, so a kind
// may be added but its URI never changes.
enum class ProblemKind {
    Validation,            // 400, with `errors`
    MalformedJson,         // 400
    IdempotencyKeyMissing, // 400
    Unauthorized,          // 401: no or bad token
    InvalidCredentials,    // 401: login refused
    PaymentDeclined,       // 402: the hold stays intact
    Forbidden,             // 403
    NotFound,              // 404: also for other customers' holds and orders
    MethodNotAllowed,      // 405
    SeatsUnavailable,      // 409, with `unavailable_seats` / `unavailable_ga`
    EmailTaken,            // 409
    RequestInFlight,       // 409, with `retry_after`: same idempotency key still being processed
    HoldExtendLimit,       // 409
    NotOnSale,             // 409: outside the event's sale window
    TicketLimitExceeded,   // 409: per-order or per-customer limit
    NotRefundable,         // 409: ticket already refunded or checked in
    ShiftNotOpen,          // 409: a box-office tender without the caller's open shift
    ShiftAlreadyOpen,      // 409: the device has an open shift already
    TicketNotValid,        // 409: reissue of a refunded or checked-in ticket
    AlreadyExists,         // 409: a venue (or other named resource) with that id exists
    LayoutChangeRefused,   // 409, with `unavailable_seats`: sold, held or allotted seats the new layout lacks
    PreconditionFailed,    // 412: If-Match names an older revision; reload or overwrite
    PreconditionRequired,  // 428: an edit without If-Match
    HoldExpired,           // 410
    ChangesExpired,        // 410: `since` is older than the change log keeps; refetch the seat map
    PayloadTooLarge,       // 413
    UnsupportedMediaType,  // 415
    IdempotencyKeyReused,  // 422: same key, different body
    RateLimited,           // 429, with `retry_after`
    Internal,              // 500
    ServiceUnavailable,    // 503, with `retry_after`
    PaymentTimeout,        // 504: retry with the same idempotency key
};

// "https://usher.dev/problems/seats-unavailable" and so on.
std::string_view problemTypeUri(ProblemKind kind);
std::string_view problemTitle(ProblemKind kind);
int problemStatus(ProblemKind kind);
std::optional<ProblemKind> problemKindFromUri(std::string_view uri);

// A GA area that could not supply the quantity asked for.
struct GaShortfall {
    std::string area;
    std::int64_t available = 0;

    bool operator==(const GaShortfall&) const = default;
};

// RFC 9457 problem details. The extension members are omitted from the JSON when empty, so a
// client reads an absent list as an empty one.
struct Problem {
    std::string type = "about:blank";
    std::string title;
    int status = 500;
    std::optional<std::string> detail;
    std::optional<std::string> instance;
    std::vector<std::string> unavailableSeats; // "unavailable_seats"
    std::vector<GaShortfall> unavailableGa;    // "unavailable_ga"
    std::optional<std::int64_t> retryAfter;    // "retry_after", seconds; mirrors the Retry-After header
    json::DecodeErrors errors;                 // "errors": [{"path","message"}]

    bool operator==(const Problem&) const = default;
};

Problem makeProblem(ProblemKind kind, std::optional<std::string> detail = std::nullopt);
// The 400 answer to a request that failed decoding or validation; every error keeps its path.
Problem validationProblem(json::DecodeErrors errors);

boost::json::value toJson(const Problem& problem);
boost::json::value toJson(const GaShortfall& shortfall);
// RFC 9457 says clients must ignore extension members they do not know, so unlike every other
// message, unknown top-level members of a problem are skipped, not reported.
void decode(json::Decoder& d, const boost::json::value& v, Problem& out);
void decode(json::Decoder& d, const boost::json::value& v, GaShortfall& out);

} // namespace usher::protocol
