#include "client-qt/core/time_text.h"

#include <QDateTime>

#include <chrono>

namespace usher::core {

QString localTimeText(Timestamp at, QLocale::FormatType format) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), format);
}

} // namespace usher::core
