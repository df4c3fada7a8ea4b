#pragma once

#include "common/json/decoder.h"
#include "common/money/money.h"

#include <boost/json/value.hpp>

namespace usher {

// Money on the wire: {"amount": 2500, "currency": "EUR"}, amount in minor units.
boost::json::value toJson(const Money& money);
void decode(json::Decoder& d, const boost::json::value& v, Money& out);

} // namespace usher
