#pragma once

#include "common/json/decoder.h"
#include "common/layout/venue_layout.h"

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace usher::layout {

// The layout file format: a JSON document tagged {"format": "usher.venue-layout", "format_version": 1}.
// Decoding is strict: unknown fields, missing required fields, wrong types and out-of-range numbers
// are errors with their path. Decoding checks the shape; validate() checks the meaning.
inline constexpr std::string_view kLayoutFormat = "usher.venue-layout";

boost::json::value toJson(const VenueLayout& layout);
// Human-friendly text: one seat per line, so a layout diff in git reads like a list of seat changes.
std::string toJsonText(const VenueLayout& layout);

Expected<VenueLayout, json::DecodeErrors> layoutFromJson(std::string_view text);
Expected<VenueLayout, json::DecodeErrors> layoutFromJsonValue(const boost::json::value& value);

void decode(json::Decoder& d, const boost::json::value& v, VenueLayout& out);

} // namespace usher::layout
