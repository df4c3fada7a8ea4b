#pragma once

#include "common/layout/venue_layout.h"

#include <functional>
#include <string>
#include <string_view>

namespace usher::layout {

struct SvgOptions {
    // The seat's state for this event: "available", "held", "sold", "blocked", "allotted" (any name
    // works; it becomes the class state-<name>). Unset: a plain seat plan, every seat available but the
    // layout's permanently blocked ones.
    std::function<std::string(const Seat&)> seatState;
    // Space around the layout's bounds, in metres: room for row labels and section names.
    double margin = 2.0;
    // Width and height attributes in pixels per metre; 0 leaves them out so the SVG scales to its
    // container (the viewBox alone is enough for a browser or a printer).
    double pixelsPerMetre = 20.0;
    bool rowLabels = true;
};

// A standalone SVG seat map. User units are metres, the same plan coordinates as the layout.
// Every seat is one <circle id="seat-<token>" data-seat="<id>" class="seat cat-<token> state-<token>">
// with a <title> for tooltips; the server styles it by state and a printer gets a readable plan.
// Everything taken from the layout is escaped; the output is deterministic.
std::string toSvg(const VenueLayout& layout, const SvgOptions& options = {});

// A name made safe for an XML id and a CSS class: ASCII letters, digits and '-' stay, every other
// byte becomes _XX (hex), so distinct names give distinct tokens. "S2-F-3" stays "S2-F-3".
std::string svgToken(std::string_view name);

// The id attribute of a seat's element: "seat-" + svgToken(seatId).
std::string svgSeatElementId(std::string_view seatId);

} // namespace usher::layout
