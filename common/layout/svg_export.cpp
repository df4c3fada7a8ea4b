#include "common/layout/svg_export.h"

#include "common/layout/geometry.h"
#include "common/layout/seat_location.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace usher::layout {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// Length of the well-formed UTF-8 sequence at the start of `text` that XML 1.0 allows, or 0.
std::size_t validSequenceLength(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code = lead & 0x07u;
    } else {
        return 0;
    }
    if (text.size() < length) {
        return 0;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0u) != 0x80u) {
            return 0;
        }
        code = (code << 6) | (byte(i) & 0x3Fu);
    }
    const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
    const bool nonCharacter = code == 0xFFFE || code == 0xFFFF; // not allowed in XML 1.0
    if (overlong || surrogate || nonCharacter || code > 0x10FFFF) {
        return 0;
    }
    return length;
}

// Escapes for text and attribute values alike. Bytes that XML cannot carry (control characters,
// broken UTF-8) become U+FFFD rather than making the document unreadable; tabs and newlines are
// written as character references so attribute normalisation keeps them.
void appendEscaped(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\t':
                out += "&#9;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                if (byte < 0x20 || byte == 0x7F) {
                    out += kReplacement;
                } else {
                    out += c;
                }
            }
            ++i;
            continue;
        }
        if (const std::size_t length = validSequenceLength(text.substr(i)); length > 0) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += kReplacement;
            ++i;
        }
    }
}

std::string escaped(std::string_view text) {
    std::string out;
    appendEscaped(out, text);
    return out;
}

// Millimetre precision, no exponent, no "-0": the same layout always gives the same bytes.
void appendNumber(std::string& out, double value) {
    if (!std::isfinite(value)) {
        value = 0;
    }
    std::array<char, 64> buffer{};
    auto result =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed, 3);
    std::string_view text(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
    if (result.ec != std::errc{}) {
        text = "0";
    }
    if (text.find('.') != std::string_view::npos) {
        text.remove_suffix(text.size() - 1 - text.find_last_not_of('0'));
        if (text.back() == '.') {
            text.remove_suffix(1);
        }
    }
    if (text == "-0") {
        text = "0";
    }
    out.append(text);
}

std::string number(double value) {
    std::string out;
    appendNumber(out, value);
    return out;
}

double dot(Point a, Point b) {
    return a.x * b.x + a.y * b.y;
}

Point unitOr(Point v, Point fallback) {
    const double length = std::hypot(v.x, v.y);
    if (!(length > 1e-9) || !std::isfinite(length)) {
        return fallback;
    }
    return {v.x / length, v.y / length};
}

struct Bounds {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    void add(Point p, double rx = 0, double ry = 0) {
        if (!isFinite(p)) {
            return;
        }
        minX = std::min(minX, p.x - rx);
        minY = std::min(minY, p.y - ry);
        maxX = std::max(maxX, p.x + rx);
        maxY = std::max(maxY, p.y + ry);
    }
    bool empty() const { return minX > maxX; }
    double width() const { return maxX - minX; }
};

Bounds boundsOf(const std::vector<Point>& points) {
    Bounds b;
    for (Point p : points) {
        b.add(p);
    }
    return b;
}

enum class Anchor { Start, Middle, End };

// Text placed on the plan. Sizes are in metres like everything else; the width is an estimate
// (no font metrics here) used to keep names inside the viewBox.
struct Label {
    std::string text;
    Point at;
    double fontSize = 0;
    Anchor anchor = Anchor::Middle;

    double estimatedWidth() const { return static_cast<double>(text.size()) * fontSize * 0.6; }

    void addTo(Bounds& b) const {
        const double w = estimatedWidth();
        const double shift = anchor == Anchor::Start ? w / 2 : anchor == Anchor::End ? -w / 2 : 0;
        b.add({at.x + shift, at.y}, w / 2, fontSize / 2);
    }
};

// A font size that lets `text` span about `share` of `width`, within [min, max].
double fittingFontSize(std::string_view text, double width, double share, double min, double max) {
    const double fit = width * share / (std::max<double>(1, static_cast<double>(text.size())) * 0.6);
    return std::clamp(std::isfinite(fit) ? fit : min, min, max);
}

class SvgWriter {
public:
    SvgWriter(const VenueLayout& layout, const SvgOptions& options)
        : m_layout(layout), m_options(options),
          m_seatSize(std::isfinite(layout.seatSize) && layout.seatSize > 0 ? layout.seatSize : 0.5),
          m_radius(m_seatSize * 0.45), m_radiusText(number(m_radius)) {
        for (const PriceCategory& category : layout.categories) {
            m_categoryNames.emplace(category.id, category.name);
        }
    }

    std::string run() {
        const Label stage = stageLabel();
        std::vector<Label> areaLabels;
        for (const GaArea& area : m_layout.gaAreas) {
            areaLabels.push_back(gaLabel(area));
        }
        std::vector<Label> sectionLabels;
        for (const Section& section : m_layout.sections) {
            sectionLabels.push_back(sectionLabel(section));
        }
        Bounds b = seatBounds();
        for (const auto* labels : {&areaLabels, &sectionLabels}) {
            for (const Label& label : *labels) {
                if (!label.text.empty()) {
                    label.addTo(b);
                }
            }
        }
        stage.addTo(b);
        addDecorationBounds(b);

        m_out.reserve(1024 + seatCount(m_layout) * 260);
        writeHeader(b);
        writeStyle();
        writeStage(stage);
        writeDecorations();
        for (std::size_t i = 0; i < m_layout.gaAreas.size(); ++i) {
            writeGaArea(m_layout.gaAreas[i], areaLabels[i]);
        }
        for (std::size_t i = 0; i < m_layout.sections.size(); ++i) {
            writeSection(m_layout.sections[i], sectionLabels[i]);
        }
        for (const Table& table : m_layout.tables) {
            writeTable(table);
        }
        m_out += "</svg>\n";
        return std::move(m_out);
    }

private:
    Bounds seatBounds() const {
        Bounds b;
        b.add(m_layout.focalPoint, m_seatSize, m_seatSize);
        for (Point p : m_layout.stage) {
            b.add(p);
        }
        for (const GaArea& area : m_layout.gaAreas) {
            for (Point p : area.outline) {
                b.add(p);
            }
        }
        for (const Section& section : m_layout.sections) {
            for (const Row& row : section.rows) {
                for (const Seat& seat : row.seats) {
                    b.add(seat.position, m_radius, m_radius);
                }
            }
        }
        for (const Table& table : m_layout.tables) {
            b.add(table.center, table.width / 2, table.height / 2);
            for (const Seat& seat : table.seats) {
                b.add(seat.position, m_radius, m_radius);
            }
        }
        return b;
    }

    void writeHeader(Bounds b) {
        if (b.empty()) {
            b.add({0, 0});
        }
        const double margin = std::isfinite(m_options.margin) && m_options.margin > 0 ? m_options.margin : 0;
        const double width = b.maxX - b.minX + 2 * margin;
        const double height = b.maxY - b.minY + 2 * margin;
        m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        m_out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"";
        m_out += number(b.minX - margin) + " " + number(b.minY - margin) + " " + number(width) + " " +
                 number(height) + "\"";
        if (std::isfinite(m_options.pixelsPerMetre) && m_options.pixelsPerMetre > 0) {
            m_out += " width=\"" + number(std::round(width * m_options.pixelsPerMetre)) + "\" height=\"" +
                     number(std::round(height * m_options.pixelsPerMetre)) + "\"";
        }
        m_out += " data-layout=\"" + escaped(m_layout.id) + "\">\n";
        m_out += "<title>" + escaped(m_layout.name) + "</title>\n";
    }

    // Built only from numbers, sanitised class tokens and colours checked to be #rgb or #rrggbb, so
    // nothing from the layout can break out of a rule.
    void writeStyle() {
        const double s = m_seatSize;
        m_out += "<style>\n";
        m_out += "text{font-family:sans-serif;dominant-baseline:central}\n";
        m_out += ".stage{fill:#e0e0e0;stroke:#616161;stroke-width:" + number(s * 0.1) + "}\n";
        m_out += ".stage-label{fill:#424242;font-weight:bold}\n";
        m_out += ".ga{fill-opacity:0.3;stroke:#616161;stroke-width:" + number(s * 0.1) + "}\n";
        m_out += ".ga-label{fill:#212121}\n";
        m_out += ".table-top{fill:#fafafa;stroke:#757575;stroke-width:" + number(s * 0.08) + "}\n";
        m_out += ".table-label{fill:#424242}\n";
        m_out += ".section-name{fill:#212121}\n";
        m_out += ".row-label{fill:#757575}\n";
        m_out += ".seat{fill:#cfd8dc;stroke:#37474f;stroke-width:" + number(s * 0.06) + "}\n";
        // One rule per price category; seats and GA areas share them.
        for (const PriceCategory& category : m_layout.categories) {
            m_out += ".cat-" + svgToken(category.id) +
                     "{fill:" + (isHexColor(category.color) ? category.color : std::string("#9e9e9e")) +
                     "}\n";
        }
        // Two classes outrank the category rule, so a sold seat is grey whatever its price.
        m_out += ".seat.state-held{fill:#bdbdbd}\n";
        m_out += ".seat.state-sold{fill:#757575}\n";
        m_out += ".seat.state-blocked{fill:#eeeeee;stroke-dasharray:" + number(s * 0.12) + " " +
                 number(s * 0.08) + "}\n";
        m_out +=
            ".seat.state-allotted{fill-opacity:0.25;stroke:#212121;stroke-width:" + number(s * 0.16) + "}\n";
        m_out += ".seat.restricted{stroke:#e65100}\n";
        m_out += ".seat.wheelchair{stroke:#0d47a1;stroke-width:" + number(s * 0.2) + "}\n";
        m_out += ".seat.companion{stroke:#0d47a1;stroke-width:" + number(s * 0.1) +
                 ";stroke-dasharray:" + number(s * 0.1) + " " + number(s * 0.06) + "}\n";
        m_out += "</style>\n";
    }

    // Size and anchor are attributes, not CSS: some renderers (Qt SVG among them) drop a class's
    // font rules once an element has text attributes of its own.
    void writeText(std::string_view cssClass, Point at, std::string_view text, double fontSize,
                   Anchor anchor = Anchor::Middle) {
        m_out += "<text class=\"";
        m_out += cssClass;
        m_out += "\" x=\"";
        appendNumber(m_out, at.x);
        m_out += "\" y=\"";
        appendNumber(m_out, at.y);
        m_out += "\"";
        m_out += anchor == Anchor::Start ? " text-anchor=\"start\""
                 : anchor == Anchor::End ? " text-anchor=\"end\""
                                         : " text-anchor=\"middle\"";
        m_out += " font-size=\"";
        appendNumber(m_out, fontSize);
        m_out += "\"";
        m_out += ">";
        appendEscaped(m_out, text);
        m_out += "</text>\n";
    }

    void writeLabel(std::string_view cssClass, const Label& label) {
        if (!label.text.empty()) {
            writeText(cssClass, label.at, label.text, label.fontSize, label.anchor);
        }
    }

    void appendPoints(const std::vector<Point>& points) {
        m_out += " points=\"";
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (i > 0) {
                m_out += ' ';
            }
            appendNumber(m_out, points[i].x);
            m_out += ',';
            appendNumber(m_out, points[i].y);
        }
        m_out += "\"";
    }

    Label stageLabel() const {
        constexpr std::string_view kText = "STAGE";
        if (m_layout.stage.size() >= 3) {
            const double size = fittingFontSize(kText, boundsOf(m_layout.stage).width(), 0.4,
                                                m_seatSize * 1.5, m_seatSize * 8);
            return {std::string(kText), centroid(m_layout.stage), size};
        }
        // No outline drawn yet: a marker still shows which way the seats face.
        return {std::string(kText), m_layout.focalPoint - Point{0, m_seatSize * 2.5}, m_seatSize * 1.5};
    }

    void addDecorationBounds(Bounds& b) const {
        for (const Decoration& decoration : m_layout.decorations) {
            for (Point p : decoration.points) {
                const bool ellipse = decoration.kind == DecorationKind::Ellipse;
                const double r = ellipse ? std::max(decoration.radii.x, decoration.radii.y) : 0;
                b.add(p, r, r);
            }
            if (decoration.kind == DecorationKind::Label && !decoration.points.empty()) {
                Label{decoration.text, decoration.points[0], decoration.size}.addTo(b);
            }
        }
    }

    // Behind the seats, in the layout's order: walls and aisles first is the designer's business.
    void writeDecorations() {
        if (m_layout.decorations.empty()) {
            return;
        }
        m_out += "<g class=\"decorations\">\n";
        for (const Decoration& decoration : m_layout.decorations) {
            if (decoration.points.empty()) {
                continue;
            }
            const Point centre = decoration.kind == DecorationKind::Polygon ? centroid(decoration.points)
                                                                            : decoration.points[0];
            const std::string colour = isHexColor(decoration.color) ? decoration.color : "#7f8c8d";
            const std::string rotation = decoration.rotation == 0
                                             ? std::string()
                                             : " transform=\"rotate(" + number(decoration.rotation) + " " +
                                                   number(centre.x) + " " + number(centre.y) + ")\"";
            switch (decoration.kind) {
            case DecorationKind::Polygon:
                m_out += "<polygon class=\"decoration\" fill=\"" + colour +
                         "\" fill-opacity=\"0.35\" stroke=\"" + colour + "\" stroke-width=\"" +
                         number(m_seatSize * 0.1) + "\"";
                appendPoints(decoration.points);
                m_out += "/>\n";
                break;
            case DecorationKind::Polyline:
                m_out += "<polyline class=\"decoration\" fill=\"none\" stroke=\"" + colour +
                         "\" stroke-width=\"" + number(m_seatSize * 0.15) + "\"";
                appendPoints(decoration.points);
                m_out += "/>\n";
                break;
            case DecorationKind::Ellipse:
                m_out += "<ellipse class=\"decoration\" fill=\"" + colour +
                         "\" fill-opacity=\"0.35\" stroke=\"" + colour + "\" cx=\"" + number(centre.x) +
                         "\" cy=\"" + number(centre.y) + "\" rx=\"" + number(decoration.radii.x) +
                         "\" ry=\"" + number(decoration.radii.y) + "\"" + rotation + "/>\n";
                break;
            case DecorationKind::Label:
                break;
            }
            if (!decoration.text.empty()) {
                m_out += "<g fill=\"" + colour + "\"" +
                         (decoration.kind == DecorationKind::Label ? rotation : std::string()) + ">";
                writeText("decoration-label", centre, decoration.text, decoration.size);
                m_out += "</g>\n";
            }
        }
        m_out += "</g>\n";
    }

    void writeStage(const Label& label) {
        m_out += "<g class=\"stage-area\">\n";
        if (m_layout.stage.size() >= 3) {
            m_out += "<polygon class=\"stage\"";
            appendPoints(m_layout.stage);
            m_out += "/>\n";
        } else {
            m_out += "<circle class=\"stage\" cx=\"" + number(m_layout.focalPoint.x) + "\" cy=\"" +
                     number(m_layout.focalPoint.y) + "\" r=\"" + number(m_seatSize) + "\"/>\n";
        }
        writeLabel("stage-label", label);
        m_out += "</g>\n";
    }

    std::string_view categoryName(const std::string& id) const {
        const auto it = m_categoryNames.find(id);
        return it == m_categoryNames.end() ? std::string_view(id) : it->second;
    }

    // An area without an outline is still sold; it just has nothing to draw.
    Label gaLabel(const GaArea& area) const {
        if (area.outline.size() < 3) {
            return {};
        }
        std::string text = area.name + " \xC2\xB7 " + std::to_string(area.capacity);
        const double size =
            fittingFontSize(text, boundsOf(area.outline).width(), 0.7, m_seatSize * 1.2, m_seatSize * 6);
        return {std::move(text), centroid(area.outline), size};
    }

    void writeGaArea(const GaArea& area, const Label& label) {
        m_out += "<g class=\"ga-area\" id=\"area-" + svgToken(area.id) + "\" data-area=\"" +
                 escaped(area.id) + "\">\n";
        if (area.outline.size() >= 3) {
            m_out += "<polygon class=\"ga cat-" + svgToken(area.category) + "\"";
            appendPoints(area.outline);
            m_out += "><title>";
            appendEscaped(m_out, area.name);
            m_out += " \xE2\x80\x94 ";
            appendEscaped(m_out, categoryName(area.category));
            m_out +=
                ", general admission, capacity " + std::to_string(area.capacity) + "</title></polygon>\n";
            writeLabel("ga-label", label);
        }
        m_out += "</g>\n";
    }

    void writeSeat(const Seat& seat, std::string_view place) {
        const std::string state = m_options.seatState ? m_options.seatState(seat)
                                  : seat.isBlocked()  ? std::string("blocked")
                                                      : std::string("available");
        m_out += "<circle id=\"seat-";
        m_out += svgToken(seat.id);
        m_out += "\" data-seat=\"";
        appendEscaped(m_out, seat.id);
        m_out += "\" class=\"seat cat-";
        m_out += svgToken(seat.category);
        m_out += " state-";
        m_out += svgToken(state);
        if (seat.wheelchair) {
            m_out += " wheelchair";
        }
        if (seat.isCompanion()) {
            m_out += " companion";
        }
        if (seat.restrictedView) {
            m_out += " restricted";
        }
        if (seat.aisle) {
            m_out += " aisle";
        }
        m_out += "\" cx=\"";
        appendNumber(m_out, seat.position.x);
        m_out += "\" cy=\"";
        appendNumber(m_out, seat.position.y);
        m_out += "\" r=\"";
        m_out += m_radiusText;
        m_out += "\"><title>";
        appendEscaped(m_out, place);
        m_out += ", Seat ";
        appendEscaped(m_out, seat.number);
        m_out += " \xE2\x80\x94 ";
        appendEscaped(m_out, categoryName(seat.category));
        std::string_view separator = " (";
        for (const auto& [flag, note] :
             {std::pair{seat.wheelchair, "wheelchair space"}, std::pair{seat.isCompanion(), "companion seat"},
              std::pair{seat.restrictedView, "restricted view"}}) {
            if (flag) {
                m_out += separator;
                m_out += note;
                separator = ", ";
            }
        }
        if (separator == ", ") {
            m_out += ")";
        }
        m_out += "</title></circle>\n";
    }

    // Row labels sit one seat beyond each end of the row, following the row's own direction there.
    void writeRowLabels(const Row& row) {
        const auto& seats = row.seats;
        if (seats.empty() || row.label.empty()) {
            return;
        }
        const Point first = seats.front().position;
        const Point last = seats.back().position;
        if (!isFinite(first) || !isFinite(last)) {
            return;
        }
        const Point startDirection =
            seats.size() > 1 ? unitOr(seats[1].position - first, {1, 0}) : Point{1, 0};
        const Point endDirection =
            seats.size() > 1 ? unitOr(last - seats[seats.size() - 2].position, {1, 0}) : Point{1, 0};
        const double gap = m_seatSize * 1.2;
        writeText("row-label", first - startDirection * gap, row.label, m_seatSize * 0.7);
        writeText("row-label", last + endDirection * gap, row.label, m_seatSize * 0.7);
    }

    // The name goes behind the back row as seen from the stage, clear of the curve's middle; when
    // that is to the side (a box), the text runs away from the seats instead of across them.
    Label sectionLabel(const Section& section) const {
        const Row* back = nullptr;
        for (const Row& row : section.rows) {
            if (!row.seats.empty()) {
                back = &row;
            }
        }
        if (back == nullptr || section.name.empty()) {
            return {};
        }
        std::vector<Point> points;
        points.reserve(back->seats.size());
        for (const Seat& seat : back->seats) {
            points.push_back(seat.position);
        }
        const Point middle = centroid(points);
        const Point away = unitOr(middle - m_layout.focalPoint, {0, 1});
        double reach = 0;
        for (Point p : points) {
            if (isFinite(p)) {
                reach = std::max(reach, dot(p - middle, away));
            }
        }
        const double size = m_seatSize * 1.6;
        const Anchor anchor = away.x < -0.7 ? Anchor::End : away.x > 0.7 ? Anchor::Start : Anchor::Middle;
        const double clearance = anchor == Anchor::Middle ? m_seatSize + size * 0.5 : m_seatSize * 1.2;
        return {section.name, middle + away * (reach + clearance), size, anchor};
    }

    void writeSection(const Section& section, const Label& label) {
        m_out += "<g class=\"section\" id=\"section-" + svgToken(section.id) + "\" data-section=\"" +
                 escaped(section.id) + "\">\n";
        writeLabel("section-name", label);
        for (const Row& row : section.rows) {
            if (m_options.rowLabels) {
                writeRowLabels(row);
            }
            const std::string place = section.name + ", Row " + row.label;
            for (const Seat& seat : row.seats) {
                writeSeat(seat, place);
            }
        }
        m_out += "</g>\n";
    }

    void writeTable(const Table& table) {
        m_out += "<g class=\"table\" id=\"table-" + svgToken(table.id) + "\" data-table=\"" +
                 escaped(table.id) + "\">\n";
        if (table.shape == TableShape::Round) {
            m_out += "<circle class=\"table-top\" cx=\"" + number(table.center.x) + "\" cy=\"" +
                     number(table.center.y) + "\" r=\"" + number(table.width / 2) + "\"/>\n";
        } else {
            m_out += "<rect class=\"table-top\" x=\"" + number(table.center.x - table.width / 2) + "\" y=\"" +
                     number(table.center.y - table.height / 2) + "\" width=\"" + number(table.width) +
                     "\" height=\"" + number(table.height) + "\"/>\n";
        }
        writeText("table-label", table.center, table.label, m_seatSize * 0.8);
        const std::string place = "Table " + table.label;
        for (const Seat& seat : table.seats) {
            writeSeat(seat, place);
        }
        m_out += "</g>\n";
    }

    const VenueLayout& m_layout;
    const SvgOptions& m_options;
    const double m_seatSize;
    const double m_radius;
    const std::string m_radiusText;
    std::unordered_map<std::string_view, std::string_view> m_categoryNames;
    std::string m_out;
};

} // namespace

std::string svgToken(std::string_view name) {
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string token;
    token.reserve(name.size());
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        const bool keep =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (keep) {
            token += c;
        } else {
            token += '_';
            token += kHex[byte >> 4];
            token += kHex[byte & 0x0Fu];
        }
    }
    return token;
}

std::string svgSeatElementId(std::string_view seatId) {
    return "seat-" + svgToken(seatId);
}

std::string toSvg(const VenueLayout& layout, const SvgOptions& options) {
    return SvgWriter(layout, options).run();
}

} // namespace usher::layout
