#include "client-qt/core/time_text.h"

#include <QDateTime>

#include <chrono>

namespace usher::core {

QString localTimeText(Timestamp at, QLocale::FormatType format) {
    return QLocale().toString(toDateTime(at).toLocalTime(), format);
}

QDateTime toDateTime(Timestamp at) {
    return QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count());
}

Timestamp toTimestamp(const QDateTime& time) {
    return Timestamp(
        std::chrono::duration_cast<Duration>(std::chrono::milliseconds(time.toMSecsSinceEpoch())));
}

} // namespace usher::core
