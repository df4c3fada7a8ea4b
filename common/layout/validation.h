#pragma once

#include "common/layout/venue_layout.h"
#include "common/util/path_error.h"

#include <vector>

namespace usher::layout {

// Checks a layout for everything that would confuse a clerk or a customer or break a sale: duplicate
// seat ids, duplicate labels within a section or table, companion seats without a wheelchair space,
// seats without a (known) price category, non-finite coordinates, overlapping seats, and the like.
// Returns every problem found, each with a path into the layout document, for example
// `sections[2].rows[5].seats[3]: duplicate seat id "S2-F-3"`. Empty means valid. Past kMaxProblems
// the rest are only counted: a last entry with an empty path says "and N more problems".
// An overlapping seat is reported once, with the first earlier seat it overlaps.
std::vector<PathError> validate(const VenueLayout& layout);

inline constexpr std::size_t kMaxProblems = 500;

} // namespace usher::layout
