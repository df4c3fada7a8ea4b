#pragma once

#include "common/layout/geometry.h"
#include "common/layout/numbering.h"
#include "common/layout/snapping.h"
#include "common/layout/venue_layout.h"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace usher::layout {

// What a designer edit applies to. Seats are picked one by one (a whole section is all its seats);
// GA areas, tables and decorations as whole objects. A table whose every seat is selected moves and
// turns with them, centre and all.
struct Selection {
    std::set<std::string> seats;
    std::set<std::string> areas;
    std::set<std::string> tables;
    std::set<std::string> decorations;

    bool empty() const { return seats.empty() && areas.empty() && tables.empty() && decorations.empty(); }
    bool operator==(const Selection&) const = default;
};

Selection selectAll(const VenueLayout& layout);
bool anySelected(const std::vector<Seat>& seats, const Selection& selection);
// The seats of one section or table (by its id), or the area or decoration with that id.
Selection selectObject(const VenueLayout& layout, std::string_view id);
// Drops ids the layout no longer has (after an undo or a delete).
Selection existingPart(const VenueLayout& layout, const Selection& selection);
// The middle of the selection's bounding box: the pivot for turning it.
Point centreOf(const VenueLayout& layout, const Selection& selection);
// The bounding box of the selection's points (seat centres, outlines, table centres).
Box boundsOf(const VenueLayout& layout, const Selection& selection);
// One box per section, table, GA area and decoration with nothing selected in it: what a moving
// selection snaps to.
std::vector<Box> otherObjectBoxes(const VenueLayout& layout, const Selection& selection);
// What a validation problem's path points at ("sections[2].rows[5].seats[3]", "tables[1]",
// "ga_areas[0].capacity", ...): that seat, the row's or section's seats, or the object. Empty when
// the path names no object (a layout property, a category).
Selection selectionAtPath(const VenueLayout& layout, std::string_view path);

// Moves and turns everything selected. Results are rounded to the millimetre like every builder's.
void translate(VenueLayout& layout, const Selection& selection, Point delta);
void rotate(VenueLayout& layout, const Selection& selection, Point pivot, double degrees);

// Calls f(section, row) for every row with at least one selected seat.
void forEachSelectedRow(VenueLayout& layout, const Selection& selection,
                        const std::function<void(Section&, Row&)>& f);
// Calls f(section) for every section with at least one selected seat.
void forEachSelectedSection(VenueLayout& layout, const Selection& selection,
                            const std::function<void(Section&)>& f);

// Whether two versions of a section hold the same rows and seats, apart from where the seats are:
// then a view that shows the section only has to move it.
bool sameApartFromPositions(const Section& a, const Section& b);

// Row shaping. A row's line runs from its first seat to its last; these keep its ends (bend), its
// middle (pitch) or its start (stretch) where they are.
void bendRow(Row& row, double curvature);
void setSeatPitch(Row& row, double pitch);
// Adds seats at the row's end, continuing its spacing and curve, or removes seats from its end.
// New seats copy the last seat's category and get ids unique in the layout.
void stretchRow(VenueLayout& layout, const Section& section, Row& row, int count);
// Rows of a section `spacing` apart, measured from the front row along its normal.
void setRowSpacing(Section& section, double spacing);
// Numbers the row's selected seats in order along it (labels only: ids never change); the others
// keep theirs, so the two halves of a row either side of an aisle can count odd and even.
void renumberRow(Row& row, const Selection& selection, const SeatNumbering& numbering);
// Row labels front to back, or back to front when `reversed`.
void relabelRows(Section& section, const RowLabeling& labeling, bool reversed);

// Seat attributes. setCategory also recolours selected GA areas.
enum class SeatAttribute { Wheelchair, RestrictedView, Aisle };
void setCategory(VenueLayout& layout, const Selection& selection, std::string_view category);
void setAttribute(VenueLayout& layout, const Selection& selection, SeatAttribute attribute, bool on);
// Blocks the selected seats for good with a reason; an empty reason unblocks them.
void setBlocked(VenueLayout& layout, const Selection& selection, const std::string& reason);
// Makes `wheelchair` a wheelchair space and `companion` its companion seat. False (and nothing
// changed) when either seat is unknown or they are the same seat.
bool pairCompanion(VenueLayout& layout, std::string_view wheelchair, std::string_view companion);

// Naming. The id of the one section, table, GA area or decoration the selection lies in, if it is
// exactly one: what "Rename" and "Use as stage" act on.
std::optional<std::string> soleObject(const VenueLayout& layout, const Selection& selection);
// A section's or area's name, a table's label, a decoration's text; empty when there is no such id.
std::string nameOf(const VenueLayout& layout, std::string_view id);
// False (and nothing changed) when there is no object with that id. Ids stay: seat ids are made
// from them and sold seats are matched by id across versions of a layout.
bool rename(VenueLayout& layout, std::string_view id, const std::string& name);
// The polygon decoration `id` (a drawn rectangle or outline) becomes the stage, replacing the old
// stage outline. False (and nothing changed) when `id` is not a polygon decoration.
bool makeStage(VenueLayout& layout, std::string_view id);

// `base` if no section, table or GA area uses it, else base-2, base-3, ...
std::string uniqueAreaId(const VenueLayout& layout, std::string_view base);
std::string uniqueDecorationId(const VenueLayout& layout, std::string_view base);

// Removes what is selected: seats (rows, sections and tables left empty go too, and companion
// links to removed wheelchair spaces are cleared), areas and decorations.
void removeSelection(VenueLayout& layout, const Selection& selection);
// What is selected as a layout of its own (with the layout's categories): the clipboard's content.
VenueLayout copySelection(const VenueLayout& layout, const Selection& selection);
// Adds a copy of `fragment` moved by `offset`, with fresh section, table, area, seat and decoration
// ids, and price categories the layout lacks. Returns the pasted objects as a selection.
Selection paste(VenueLayout& layout, const VenueLayout& fragment, Point offset);

} // namespace usher::layout
