#pragma once

#include <QImage>
#include <QString>

namespace usher::sales {

// The QR code of `text` (libqrencode, error correction M, byte mode): one pixel per module, black
// on white, with the four-module quiet zone the standard asks for. Null for text that does not fit.
QImage qrCodeImage(const QString& text);

} // namespace usher::sales
