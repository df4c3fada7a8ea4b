#include "common/layout/layout_json.h"

#include "common/json/pretty.h"

#include <boost/json/object.hpp>

#include <array>
#include <utility>

namespace usher::layout {
namespace {

namespace bj = boost::json;

// Plans are metres; 100 km either way of the origin is far more than any venue needs.
constexpr double kMaxCoordinate = 100'000;

constexpr std::array<std::pair<std::string_view, TableShape>, 2> kTableShapes{
    {{"round", TableShape::Round}, {"rectangle", TableShape::Rectangle}}};

constexpr std::array<std::pair<std::string_view, DecorationKind>, 4> kDecorationKinds{
    {{"label", DecorationKind::Label},
     {"polygon", DecorationKind::Polygon},
     {"polyline", DecorationKind::Polyline},
     {"ellipse", DecorationKind::Ellipse}}};

std::string_view decorationKindName(DecorationKind kind) {
    for (const auto& [name, value] : kDecorationKinds) {
        if (value == kind) {
            return name;
        }
    }
    return "label";
}

bj::value pointJson(Point p) {
    return bj::object{{"x", p.x}, {"y", p.y}};
}

bj::array outlineJson(const std::vector<Point>& outline) {
    bj::array array;
    array.reserve(outline.size());
    for (Point p : outline) {
        array.push_back(pointJson(p));
    }
    return array;
}

bj::value seatJson(const Seat& seat) {
    bj::object object{{"id", seat.id},
                      {"number", seat.number},
                      {"x", seat.position.x},
                      {"y", seat.position.y},
                      {"category", seat.category}};
    // Flags are written only when set: most seats have none.
    if (seat.wheelchair) {
        object["wheelchair"] = true;
    }
    if (seat.isCompanion()) {
        object["companion_of"] = seat.companionOf;
    }
    if (seat.restrictedView) {
        object["restricted_view"] = true;
    }
    if (seat.aisle) {
        object["aisle"] = true;
    }
    if (seat.isBlocked()) {
        object["blocked"] = seat.blocked;
    }
    return object;
}

bj::array seatsJson(const std::vector<Seat>& seats) {
    bj::array array;
    array.reserve(seats.size());
    for (const Seat& seat : seats) {
        array.push_back(seatJson(seat));
    }
    return array;
}

void decodeCoordinate(json::ObjectReader& fields, std::string_view key, double& out) {
    fields.required(key, json::inRange(out, -kMaxCoordinate, kMaxCoordinate));
}

bj::value decorationJson(const Decoration& decoration) {
    bj::object object{{"id", decoration.id},
                      {"kind", decorationKindName(decoration.kind)},
                      {"points", outlineJson(decoration.points)},
                      {"color", decoration.color}};
    if (!decoration.text.empty()) {
        object["text"] = decoration.text;
        object["size"] = decoration.size;
    }
    if (decoration.kind == DecorationKind::Ellipse) {
        object["radii"] = pointJson(decoration.radii);
    }
    if (decoration.rotation != 0) {
        object["rotation"] = decoration.rotation;
    }
    return object;
}

} // namespace

void decode(json::Decoder& d, const bj::value& v, Point& out) {
    json::ObjectReader fields(d, v);
    decodeCoordinate(fields, "x", out.x);
    decodeCoordinate(fields, "y", out.y);
}

void decode(json::Decoder& d, const bj::value& v, PriceCategory& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", json::idText(out.id));
    fields.required("name", json::nameText(out.name));
    fields.required("color", json::Text{out.color, 1, 32});
}

void decode(json::Decoder& d, const bj::value& v, Seat& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", json::idText(out.id));
    fields.required("number", json::Text{out.number, 1, 16});
    decodeCoordinate(fields, "x", out.position.x);
    decodeCoordinate(fields, "y", out.position.y);
    fields.required("category", json::idText(out.category));
    fields.optional("wheelchair", out.wheelchair);
    fields.optional("companion_of", json::idText(out.companionOf));
    fields.optional("restricted_view", out.restrictedView);
    fields.optional("aisle", out.aisle);
    fields.optional("blocked", json::Text{out.blocked, 1, 100});
}

void decode(json::Decoder& d, const bj::value& v, Row& out) {
    json::ObjectReader fields(d, v);
    fields.required("label", json::Text{out.label, 1, 16});
    fields.required("seats", out.seats);
}

void decode(json::Decoder& d, const bj::value& v, Section& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", json::idText(out.id));
    fields.required("name", json::nameText(out.name));
    fields.required("rows", out.rows);
}

void decode(json::Decoder& d, const bj::value& v, GaArea& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", json::idText(out.id));
    fields.required("name", json::nameText(out.name));
    fields.required("category", json::idText(out.category));
    fields.required("capacity", json::inRange<std::int64_t>(out.capacity, 1, 1'000'000));
    fields.optional("outline", out.outline);
}

void decode(json::Decoder& d, const bj::value& v, Table& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", json::idText(out.id));
    fields.required("label", json::Text{out.label, 1, 16});
    fields.required("shape", json::oneOf(out.shape, kTableShapes));
    fields.required("center", out.center);
    fields.required("width", json::inRange(out.width, 0.1, 100.0));
    fields.required("height", json::inRange(out.height, 0.1, 100.0));
    fields.required("seats", out.seats);
}

void decode(json::Decoder& d, const bj::value& v, Decoration& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", json::idText(out.id));
    fields.required("kind", json::oneOf(out.kind, kDecorationKinds));
    fields.required("points", out.points);
    fields.required("color", json::Text{out.color, 1, 32});
    fields.optional("text", json::Text{out.text, 0, 200});
    fields.optional("size", json::inRange(out.size, 0.05, 100.0));
    fields.optional("radii", out.radii);
    fields.optional("rotation", json::inRange(out.rotation, -360.0, 360.0));
}

void decode(json::Decoder& d, const bj::value& v, VenueLayout& out) {
    json::ObjectReader fields(d, v);
    if (!fields.isObject()) {
        return;
    }
    std::string format;
    fields.required("format", format);
    if (fields.has("format") && format != kLayoutFormat) {
        auto scope = d.at("format");
        d.fail("expected \"" + std::string(kLayoutFormat) + "\"");
    }
    std::int64_t version = 0;
    fields.required("format_version", json::inRange<std::int64_t>(version, 1, 1'000));
    if (version > VenueLayout::kFormatVersion) {
        auto scope = d.at("format_version");
        d.fail("format version " + std::to_string(version) + " is newer than this program reads (" +
               std::to_string(VenueLayout::kFormatVersion) + "); upgrade Usher");
        fields.allowUnknownFields();
        return;
    }
    fields.required("id", json::idText(out.id));
    fields.required("name", json::nameText(out.name));
    fields.required("seat_size", json::inRange(out.seatSize, 0.05, 10.0));
    fields.required("focal_point", out.focalPoint);
    fields.optional("stage", out.stage);
    fields.required("categories", out.categories);
    fields.optional("sections", out.sections);
    fields.optional("ga_areas", out.gaAreas);
    fields.optional("tables", out.tables);
    fields.optional("decorations", out.decorations);
}

bj::value toJson(const VenueLayout& layout) {
    bj::array categories;
    for (const PriceCategory& category : layout.categories) {
        categories.push_back(
            bj::object{{"id", category.id}, {"name", category.name}, {"color", category.color}});
    }
    bj::array sections;
    for (const Section& section : layout.sections) {
        bj::array rows;
        rows.reserve(section.rows.size());
        for (const Row& row : section.rows) {
            rows.push_back(bj::object{{"label", row.label}, {"seats", seatsJson(row.seats)}});
        }
        sections.push_back(bj::object{{"id", section.id}, {"name", section.name}, {"rows", std::move(rows)}});
    }
    bj::array gaAreas;
    for (const GaArea& area : layout.gaAreas) {
        gaAreas.push_back(bj::object{{"id", area.id},
                                     {"name", area.name},
                                     {"category", area.category},
                                     {"capacity", area.capacity},
                                     {"outline", outlineJson(area.outline)}});
    }
    bj::array tables;
    for (const Table& table : layout.tables) {
        tables.push_back(bj::object{{"id", table.id},
                                    {"label", table.label},
                                    {"shape", table.shape == TableShape::Round ? "round" : "rectangle"},
                                    {"center", pointJson(table.center)},
                                    {"width", table.width},
                                    {"height", table.height},
                                    {"seats", seatsJson(table.seats)}});
    }
    bj::object document{{"format", kLayoutFormat},
                        {"format_version", VenueLayout::kFormatVersion},
                        {"id", layout.id},
                        {"name", layout.name},
                        {"seat_size", layout.seatSize},
                        {"focal_point", pointJson(layout.focalPoint)},
                        {"stage", outlineJson(layout.stage)},
                        {"categories", std::move(categories)},
                        {"sections", std::move(sections)},
                        {"ga_areas", std::move(gaAreas)},
                        {"tables", std::move(tables)}};
    // Written only when there are some, so layouts without decorations keep their files unchanged.
    if (!layout.decorations.empty()) {
        bj::array decorations;
        for (const Decoration& decoration : layout.decorations) {
            decorations.push_back(decorationJson(decoration));
        }
        document["decorations"] = std::move(decorations);
    }
    return document;
}

std::string toJsonText(const VenueLayout& layout) {
    return json::prettyPrint(toJson(layout));
}

Expected<VenueLayout, json::DecodeErrors> layoutFromJson(std::string_view text) {
    return json::decodeJson<VenueLayout>(text);
}

Expected<VenueLayout, json::DecodeErrors> layoutFromJsonValue(const bj::value& value) {
    return json::decodeValue<VenueLayout>(value);
}

} // namespace usher::layout
