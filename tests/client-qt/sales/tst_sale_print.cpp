// Printed tickets and receipts: the QR code on a ticket is the ticket's code, module for module, and
// a sale prints as one page per ticket and a receipt, as a real PDF.

#include "client-qt/sales/qr_code.h"
#include "client-qt/sales/sale_print.h"
#include "tests/client-qt/support/screenshot.h"

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace usher::sales;

namespace {

PrintedSale sampleSale() {
    PrintedSale sale;
    sale.eventName = QStringLiteral("La Traviata");
    sale.venue = QStringLiteral("Grand Theatre");
    sale.startsAt = QStringLiteral("Thursday 10 December 2026 19:00");
    sale.orderNumber = QStringLiteral("U-100001");
    sale.soldAt = QStringLiteral("07/12/2026 18:02");
    sale.customer = QStringLiteral("Ada Lovelace");
    sale.clerk = QStringLiteral("clerk@demo.usher");
    sale.device = QStringLiteral("Counter 1");
    sale.tickets = {{QStringLiteral("Stalls · Row A · Seat 12"), QStringLiteral("Adult"),
                     QStringLiteral("106.80 EUR"), QStringLiteral("3G7KQ2M9XW4T8B1N6R5P0Z2C3D")},
                    {QStringLiteral("Stalls · Row A · Seat 13"), QStringLiteral("Concession"),
                     QStringLiteral("85.44 EUR"), QStringLiteral("1H8MZ4Q7VR2W9K3T6N0B5X8C1F")}};
    sale.paymentLines = {QStringLiteral("Cash 192.24 EUR (given 200.00 EUR)")};
    sale.total = QStringLiteral("192.24 EUR");
    sale.change = QStringLiteral("7.76 EUR");
    return sale;
}

bool dark(QRgb pixel) {
    return qGray(pixel) < 128;
}

} // namespace

class TestSalePrint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void qrCodesHaveAQuietZone() {
        const QImage code = qrCodeImage(QStringLiteral("3G7KQ2M9XW4T8B1N6R5P0Z2C3D"));
        QVERIFY(!code.isNull());
        QCOMPARE(code.width(), code.height());
        QCOMPARE(code.width(), 21 + 2 * 4 + 4); // version 2 fits 26 characters at level M
        for (int i = 0; i < code.width(); ++i) {
            for (const QPoint edge : {QPoint(i, 0), QPoint(0, i), QPoint(i, code.height() - 1)}) {
                QVERIFY(!dark(code.pixel(edge)));
            }
        }
        QVERIFY(dark(code.pixel(4, 4))); // the finder pattern's corner
        QVERIFY(qrCodeImage(QString(8000, QLatin1Char('x'))).isNull());
    }

    void theTicketCarriesItsCodeAsQr() {
        const PrintedSale sale = sampleSale();
        const PrintedTicket& ticket = sale.tickets.front();
        QImage page(2030, 820, QImage::Format_RGB32); // 10 pixels per millimetre
        page.setDotsPerMeterX(10000);
        page.setDotsPerMeterY(10000);
        page.fill(Qt::gray);
        {
            QPainter painter(&page);
            paintTicket(painter, page.rect(), sale, ticket);
        }
        const QImage code = qrCodeImage(ticket.code);
        const QRectF area = ticketQrArea(page.rect());
        const double module = area.width() / code.width();
        QVERIFY(module >= 8); // printable: at least 0.8 mm per module
        int compared = 0;
        for (int y = 0; y < code.height(); ++y) {
            for (int x = 0; x < code.width(); ++x) {
                const QPoint centre(static_cast<int>(area.left() + (x + 0.5) * module),
                                    static_cast<int>(area.top() + (y + 0.5) * module));
                QCOMPARE(dark(page.pixel(centre)), dark(code.pixel(x, y)));
                ++compared;
            }
        }
        QCOMPARE(compared, code.width() * code.height());
        // The ticket's text is on the white page left of the code, not over it.
        QVERIFY(!dark(page.pixel(5, 5)));
        QVERIFY(usher::testing::saveScreenshot(page.scaledToWidth(1015, Qt::SmoothTransformation),
                                               QStringLiteral("ticket.png")));
    }

    void theReceiptFitsTheRoll() {
        QImage page(800, 1600, QImage::Format_RGB32); // 80 x 160 mm at 10 pixels per millimetre
        page.setDotsPerMeterX(10000);
        page.setDotsPerMeterY(10000);
        {
            QPainter painter(&page);
            paintReceipt(painter, page.rect(), sampleSale());
        }
        // Text in the upper part, and the last fifth of the roll blank: nothing runs off the page.
        const auto inkIn = [&](int top, int bottom) {
            int ink = 0;
            for (int y = top; y < bottom; ++y) {
                for (int x = 0; x < page.width(); ++x) {
                    ink += dark(page.pixel(x, y)) ? 1 : 0;
                }
            }
            return ink;
        };
        QVERIFY(inkIn(0, 800) > 1000);
        QCOMPARE(inkIn(1280, 1600), 0);
        QVERIFY(usher::testing::saveScreenshot(page.scaledToWidth(400, Qt::SmoothTransformation),
                                               QStringLiteral("receipt.png")));
    }

    void aSalePrintsAsOnePagePerTicketAndAReceipt() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sale.pdf"));
        {
            QPdfWriter pdf(path);
            pdf.setResolution(300);
            QVERIFY(printSale(pdf, sampleSale()));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        const int pages = static_cast<int>(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") +
                                           bytes.count("/Type /Page ") + bytes.count("/Type /Page/"));
        QCOMPARE(pages, 3);
        // Tickets on ticket stock, the receipt on the roll: page sizes in whole points.
        QStringList boxes;
        const QRegularExpression mediaBox(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
        for (auto match = mediaBox.globalMatch(QString::fromLatin1(bytes)); match.hasNext();) {
            const auto box = match.next();
            boxes << QStringLiteral("%1x%2")
                         .arg(qRound(box.captured(1).toDouble()))
                         .arg(qRound(box.captured(2).toDouble()));
        }
        QCOMPARE(boxes, (QStringList{QStringLiteral("575x232"), QStringLiteral("575x232"),
                                     QStringLiteral("227x454")}));
    }
};

QTEST_MAIN(TestSalePrint)

#include "tst_sale_print.moc"
