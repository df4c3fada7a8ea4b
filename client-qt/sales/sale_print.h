#pragma once

#include <QPageSize>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

class QPagedPaintDevice;
class QPainter;

namespace usher::sales {

// One ticket as it is printed.
struct PrintedTicket {
    QString place;      // "Stalls · Row A · Seat 12", or the standing area's name
    QString ticketType; // "Concession"
    QString price;      // "85.44 EUR"
    QString code;       // the scanner code, also in the QR code
};

// A sale as it is printed: its tickets and the receipt.
struct PrintedSale {
    QString eventName;
    QString venue;
    QString startsAt; // in the app's locale
    QString orderNumber;
    QString soldAt;
    QString customer;
    QString clerk;
    QString device;
    std::vector<PrintedTicket> tickets;
    QStringList paymentLines; // "Cash 100.00 EUR", "Card terminal 50.00 EUR (T-77)"
    QString total;
    QString change;          // empty without cash
    bool withReceipt = true; // a reprint is the ticket alone
};

// Ticket stock (203 x 82 mm, the common thermal ticket) and a receipt roll page (80 x 160 mm).
QPageSize ticketPageSize();
QPageSize receiptPageSize();

// Where a ticket page's QR code goes (in the page's own coordinates).
QRectF ticketQrArea(const QRectF& page);
void paintTicket(QPainter& painter, const QRectF& page, const PrintedSale& sale, const PrintedTicket& ticket);
void paintReceipt(QPainter& painter, const QRectF& page, const PrintedSale& sale);

// Every ticket, one per page, then the receipt (when asked for), on a PDF writer or a printer. False when the
// device cannot be painted on.
bool printSale(QPagedPaintDevice& device, const PrintedSale& sale);

} // namespace usher::sales
