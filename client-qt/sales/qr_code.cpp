#include "client-qt/sales/qr_code.h"

#include <qrencode.h>

#include <memory>

namespace usher::sales {

namespace {

constexpr int kQuietZone = 4;

} // namespace

QImage qrCodeImage(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) {
        return {};
    }
    const int size = code->width + 2 * kQuietZone;
    QImage image(size, size, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            // Bit 0 of each module byte: 1 is dark.
            if ((code->data[y * code->width + x] & 1) != 0) {
                image.setPixel(x + kQuietZone, y + kQuietZone, qRgb(0, 0, 0));
            }
        }
    }
    return image;
}

} // namespace usher::sales
