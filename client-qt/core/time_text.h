#pragma once

#include "common/util/time.h"

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace usher::core {

// An instant in the computer's time zone, in the app's locale ("07/12/2026 18:02").
QString localTimeText(Timestamp at, QLocale::FormatType format = QLocale::ShortFormat);

// Between the protocol's instants and Qt's (to the millisecond).
QDateTime toDateTime(Timestamp at);
Timestamp toTimestamp(const QDateTime& time);

} // namespace usher::core
