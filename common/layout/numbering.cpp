#include "common/layout/numbering.h"

#include <algorithm>

namespace usher::layout {

std::vector<std::string> seatNumbers(const SeatNumbering& numbering, int count) {
    std::vector<std::string> numbers;
    if (count <= 0) {
        return numbers;
    }
    int first = numbering.start;
    int step = 1;
    if (numbering.parity != NumberParity::All) {
        step = 2;
        const bool wantOdd = numbering.parity == NumberParity::Odd;
        const bool isOdd = (first % 2) != 0;
        if (wantOdd != isOdd) {
            ++first;
        }
    }
    numbers.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        numbers.push_back(std::to_string(first + i * step));
    }
    if (numbering.direction == NumberDirection::RightToLeft) {
        std::reverse(numbers.begin(), numbers.end());
    }
    return numbers;
}

std::string rowLabel(int index, std::string_view skip) {
    std::string alphabet;
    for (char c = 'A'; c <= 'Z'; ++c) {
        if (skip.find(c) == std::string_view::npos) {
            alphabet += c;
        }
    }
    if (alphabet.empty() || index < 0) {
        return {};
    }
    // Bijective base-N numbering: A..Z, AA..AZ, BA.. with no zero digit.
    const auto base = static_cast<int>(alphabet.size());
    std::string label;
    int n = index + 1;
    while (n > 0) {
        const int digit = (n - 1) % base;
        label += alphabet[static_cast<std::size_t>(digit)];
        n = (n - 1) / base;
    }
    std::reverse(label.begin(), label.end());
    return label;
}

std::vector<std::string> rowLabels(const RowLabeling& labeling, int count) {
    std::vector<std::string> labels;
    for (int i = 0; i < count; ++i) {
        labels.push_back(rowLabel(labeling.first + i, labeling.skip));
    }
    return labels;
}

} // namespace usher::layout
