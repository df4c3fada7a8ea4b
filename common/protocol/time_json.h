#pragma once

#include "common/json/decoder.h"
#include "common/util/time.h"

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace usher::protocol {

// Instants on the wire are RFC 3339 date-times. Usher writes them in UTC with "Z", with a fraction
// only when there is one (3 digits for whole milliseconds, otherwise 6), e.g.
// "2025-03-01T19:30:00Z" or "2025-03-01T19:30:00.250Z". Years must be 0000..9999.
std::string formatTimestamp(Timestamp t);

// Strict RFC 3339: "T" between date and time, seconds required, and an offset of "Z" or ±hh:mm,
// normalised to UTC. Digits past microseconds are truncated. Rejected: dates that do not exist,
// leap seconds (":60": PostgreSQL cannot store them either), missing offsets (local time is
// ambiguous) and anything around the date-time.
std::optional<Timestamp> parseTimestamp(std::string_view text);

// Decode target for an RFC 3339 field.
struct Rfc3339 {
    Timestamp& out;
};
void decode(json::Decoder& d, const boost::json::value& v, Rfc3339 target);

} // namespace usher::protocol
