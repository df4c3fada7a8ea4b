#include "common/layout/builders.h"

#include <cmath>

namespace usher::layout {
namespace {

std::vector<Seat> numberedSeats(std::string_view idPrefix, std::string_view label,
                                std::span<const Point> positions, const SeatNumbering& numbering,
                                std::string_view category) {
    const auto numbers = seatNumbers(numbering, static_cast<int>(positions.size()));
    std::vector<Seat> seats;
    seats.reserve(positions.size());
    for (std::size_t i = 0; i < positions.size(); ++i) {
        Seat seat;
        seat.id = makeSeatId(idPrefix, label, numbers[i]);
        seat.number = numbers[i];
        seat.position = toMillimetres(positions[i]);
        seat.category = category;
        seats.push_back(std::move(seat));
    }
    return seats;
}

Table makeTable(std::string id, std::string label, TableShape shape, Point center, double width,
                double height, std::span<const Point> positions, std::string_view category) {
    Table table;
    table.seats = numberedSeats(id, "", positions, {}, category);
    table.id = std::move(id);
    table.label = std::move(label);
    table.shape = shape;
    table.center = center;
    table.width = width;
    table.height = height;
    return table;
}

} // namespace

std::string makeSeatId(std::string_view prefix, std::string_view rowLabel, std::string_view number) {
    std::string id;
    id.reserve(prefix.size() + rowLabel.size() + number.size() + 2);
    id.append(prefix).append("-");
    if (!rowLabel.empty()) {
        id.append(rowLabel).append("-");
    }
    id.append(number);
    return id;
}

Row makeRow(std::string_view idPrefix, std::string label, std::span<const Point> positions,
            const SeatNumbering& numbering, std::string_view category) {
    Row row;
    row.seats = numberedSeats(idPrefix, label, positions, numbering, category);
    row.label = std::move(label);
    return row;
}

std::vector<Row> makeBlock(std::string_view idPrefix, const BlockShape& shape,
                           std::span<const int> seatsPerRow, const RowLabeling& labeling,
                           const SeatNumbering& numbering, std::string_view category) {
    std::vector<Row> rows;
    if (seatsPerRow.empty()) {
        return rows;
    }
    const auto lines = blockRows(shape);
    const auto labels = rowLabels(labeling, shape.rows);
    rows.reserve(lines.size());
    for (std::size_t r = 0; r < lines.size(); ++r) {
        const int count = seatsPerRow[std::min(r, seatsPerRow.size() - 1)];
        const auto positions = placeAlong(lines[r], count);
        rows.push_back(makeRow(idPrefix, labels[r], positions, numbering, category));
    }
    return rows;
}

Table makeRoundTable(std::string id, std::string label, Point center, double diameter, int seats,
                     std::string_view category) {
    const auto positions = roundTableSeats(center, diameter, seats);
    return makeTable(std::move(id), std::move(label), TableShape::Round, center, diameter, diameter,
                     positions, category);
}

Table makeRectangleTable(std::string id, std::string label, Point center, double width, double height,
                         int perLongSide, int perShortSide, std::string_view category) {
    const auto positions = rectangleTableSeats(center, width, height, perLongSide, perShortSide);
    return makeTable(std::move(id), std::move(label), TableShape::Rectangle, center, width, height, positions,
                     category);
}

} // namespace usher::layout
