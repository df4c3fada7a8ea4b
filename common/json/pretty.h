#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace usher::json {

// Serializes with two-space indentation, but keeps any object or array that holds only scalars on
// one line: a 1,000-seat layout stays readable and diffs one seat per line.
std::string prettyPrint(const boost::json::value& value);

} // namespace usher::json
