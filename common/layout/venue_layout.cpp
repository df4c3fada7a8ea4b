#include "common/layout/venue_layout.h"

#include <algorithm>
#include <cctype>

namespace usher::layout {

bool isHexColor(std::string_view color) {
    return color.size() == 7 && color[0] == '#' && std::all_of(color.begin() + 1, color.end(), [](char c) {
               return std::isxdigit(static_cast<unsigned char>(c)) != 0;
           });
}

} // namespace usher::layout
