#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace usher::layout {

enum class NumberParity { All, Odd, Even };
enum class NumberDirection { LeftToRight, RightToLeft };

// How seats in a row are numbered. Many theatres number one side of the house odd and the other
// even, or count from the centre aisle outwards (right to left on one side).
struct SeatNumbering {
    int start = 1; // first number; bumped to the next odd/even number when it has the wrong parity
    NumberParity parity = NumberParity::All;
    NumberDirection direction = NumberDirection::LeftToRight;
};

// The numbers of `count` seats, listed in geometric order from the left end of the row.
std::vector<std::string> seatNumbers(const SeatNumbering& numbering, int count);

// How rows are labelled: A..Z, then AA, AB, ... (like spreadsheet columns). Letters in `skip` are
// left out, so with skip "IO" the row after H is J.
struct RowLabeling {
    int first = 0; // index of the first label: 0 is "A"
    std::string skip;
};

// The label at `index` (0-based) of the sequence; empty when every letter is skipped.
std::string rowLabel(int index, std::string_view skip = {});

std::vector<std::string> rowLabels(const RowLabeling& labeling, int count);

} // namespace usher::layout
