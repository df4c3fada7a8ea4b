#pragma once

#include <string_view>

// Documents compiled into usher-server (cmake/EmbedText.cmake), so an installed binary needs no data
// files beside it.
namespace usher::server::app {

std::string_view openApiDocument();       // docs/openapi.yaml
std::string_view demoVenueGrandTheatre(); // resources/venues/grand-theatre.json
std::string_view demoVenueCityArena();    // resources/venues/city-arena.json

} // namespace usher::server::app
