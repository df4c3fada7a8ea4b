#pragma once

#include <QDir>
#include <QImage>
#include <QString>
#include <QWidget>

namespace usher::testing {

// With USHER_SCREENSHOT_DIR set (scripts/screenshots makes docs/screenshots/ so), saves `image`
// there as `name`. True when saved or not asked for.
inline bool saveScreenshot(const QImage& image, const QString& name) {
    if (!qEnvironmentVariableIsSet("USHER_SCREENSHOT_DIR")) {
        return true;
    }
    return image.save(QDir(qEnvironmentVariable("USHER_SCREENSHOT_DIR")).filePath(name));
}

// What `widget` shows, as above.
inline bool saveScreenshot(QWidget& widget, const QString& name) {
    if (!qEnvironmentVariableIsSet("USHER_SCREENSHOT_DIR")) {
        return true;
    }
    return saveScreenshot(widget.grab().toImage(), name);
}

} // namespace usher::testing
