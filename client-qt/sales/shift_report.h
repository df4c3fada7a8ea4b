#pragma once

#include "common/protocol/shifts.h"

#include <QString>

namespace usher::sales {

// "Cash", "Card terminal", "Online card", for people.
QString tenderName(protocol::PaymentMethod method);

// A shift's report as a page (HTML for QTextDocument): the X report of an open shift, the Z report
// of a closed one, with money and times in the app's locale. Shown on screen and printed.
QString shiftReportHtml(const protocol::ShiftReport& report);

// "Shift open since 18:02 (Anna)" for the status bar.
QString shiftStatusText(const protocol::ShiftReport& report);

} // namespace usher::sales
