#pragma once

#include "common/json/decoder.h"
#include "common/pricing/price_table.h"

#include <boost/json/value.hpp>

namespace usher {

// {"id": "adult", "name": "Adult"}
boost::json::value toJson(const TicketType& type);
void decode(json::Decoder& d, const boost::json::value& v, TicketType& out);

// {"currency": "EUR", "ticket_types": [TicketType...], "prices": [{"category": "A",
// "ticket_type": "adult", "price": Money}]}. Decoding is strict: besides the usual type and field
// checks it rejects a duplicate ticket type, a price for an unknown ticket type, a duplicate
// (category, ticket type), a price in another currency than the table's and a negative price.
boost::json::value toJson(const PriceTable& table);
// {"min": Money, "max": Money}; decoding checks one currency and min <= max.
boost::json::value toJson(const PriceRange& range);
void decode(json::Decoder& d, const boost::json::value& v, PriceRange& out);
void decode(json::Decoder& d, const boost::json::value& v, PriceTable& out);

} // namespace usher
