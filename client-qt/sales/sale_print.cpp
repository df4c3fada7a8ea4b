#include "client-qt/sales/sale_print.h"

#include "client-qt/sales/qr_code.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>

namespace usher::sales {

namespace {

// The translation context of the printed words.
struct SalePrintText {
    Q_DECLARE_TR_FUNCTIONS(SalePrintText)
};

QFont fontOf(const QPainter& painter, double points, bool bold = false) {
    QFont font = painter.font();
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

// Draws `text` at the top of `area` and returns the area below it.
QRectF line(QPainter& painter, const QRectF& area, const QString& text, double points, bool bold = false) {
    painter.setFont(fontOf(painter, points, bold));
    QRectF used;
    painter.drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text, &used);
    return area.adjusted(0, used.height(), 0, 0);
}

// The area below a gap of `millimetres`.
QRectF gap(const QPainter& painter, const QRectF& area, double millimetres) {
    return area.adjusted(0, millimetres * painter.device()->logicalDpiY() / 25.4, 0, 0);
}

} // namespace

QPageSize ticketPageSize() {
    return QPageSize(QSizeF(203, 82), QPageSize::Millimeter, QStringLiteral("Ticket 203x82"));
}

QPageSize receiptPageSize() {
    return QPageSize(QSizeF(80, 160), QPageSize::Millimeter, QStringLiteral("Receipt 80x160"));
}

QRectF ticketQrArea(const QRectF& page) {
    const double side = page.height() * 0.72;
    return {page.right() - side - page.height() * 0.1, page.top() + (page.height() - side) / 2, side, side};
}

void paintTicket(QPainter& painter, const QRectF& page, const PrintedSale& sale,
                 const PrintedTicket& ticket) {
    painter.save();
    painter.fillRect(page, Qt::white);
    painter.setPen(Qt::black);
    const double margin = page.height() * 0.08;
    const QRectF qr = ticketQrArea(page);
    QRectF text(page.left() + margin, page.top() + margin, qr.left() - page.left() - 2 * margin,
                page.height() - 2 * margin);
    text = line(painter, text, sale.eventName, 16, true);
    text = line(painter, text, sale.startsAt + QStringLiteral(" · ") + sale.venue, 10);
    text = gap(painter, text, 6);
    text = line(painter, text, ticket.place, 14, true);
    text = line(painter, text, ticket.ticketType + QStringLiteral(" · ") + ticket.price, 11);
    text = gap(painter, text, 8);
    line(painter, text,
         SalePrintText::tr("Order %1 · Valid for one entry; the code is checked at the door.")
             .arg(sale.orderNumber),
         8);

    // Sharp modules: the image is scaled without smoothing to whole device pixels.
    const QImage code = qrCodeImage(ticket.code);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(qr, code);
    painter.setFont(fontOf(painter, 6));
    painter.drawText(QRectF(qr.left() - margin, qr.bottom(), qr.width() + 2 * margin, margin * 1.5),
                     Qt::AlignHCenter | Qt::AlignTop, ticket.code);
    painter.restore();
}

void paintReceipt(QPainter& painter, const QRectF& page, const PrintedSale& sale) {
    painter.save();
    painter.fillRect(page, Qt::white);
    painter.setPen(Qt::black);
    const double margin = page.width() * 0.06;
    QRectF area = page.adjusted(margin, margin, -margin, -margin);
    area = line(painter, area, SalePrintText::tr("Receipt"), 12, true);
    area = line(painter, area, SalePrintText::tr("Order %1 · %2").arg(sale.orderNumber, sale.soldAt), 7);
    area = line(painter, area, sale.eventName + QStringLiteral(", ") + sale.startsAt, 7);
    area = gap(painter, area, 3);
    for (const PrintedTicket& ticket : sale.tickets) {
        area = line(painter, area, ticket.place + QStringLiteral("  ") + ticket.ticketType, 7);
        painter.setFont(fontOf(painter, 7));
        painter.drawText(area.adjusted(0, -painter.fontMetrics().height(), 0, 0),
                         Qt::AlignRight | Qt::AlignTop, ticket.price);
    }
    area = gap(painter, area, 3);
    area = line(painter, area, SalePrintText::tr("Total: %1").arg(sale.total), 9, true);
    for (const QString& payment : sale.paymentLines) {
        area = line(painter, area, payment, 7);
    }
    if (!sale.change.isEmpty()) {
        area = line(painter, area, SalePrintText::tr("Change: %1").arg(sale.change), 8, true);
    }
    area = gap(painter, area, 3);
    if (!sale.customer.isEmpty()) {
        area = line(painter, area, SalePrintText::tr("Customer: %1").arg(sale.customer), 7);
    }
    line(painter, area, SalePrintText::tr("Served by %1 at %2").arg(sale.clerk, sale.device), 7);
    painter.restore();
}

bool printSale(QPagedPaintDevice& device, const PrintedSale& sale) {
    if (sale.tickets.empty() && !sale.withReceipt) {
        return false;
    }
    device.setPageLayout(QPageLayout(sale.tickets.empty() ? receiptPageSize() : ticketPageSize(),
                                     QPageLayout::Portrait, QMarginsF()));
    QPainter painter;
    if (!painter.begin(&device)) {
        return false;
    }
    const auto pageRect = [&] {
        return QRectF(QPointF(0, 0), QSizeF(painter.device()->width(), painter.device()->height()));
    };
    for (std::size_t i = 0; i < sale.tickets.size(); ++i) {
        paintTicket(painter, pageRect(), sale, sale.tickets[i]);
        if (i + 1 < sale.tickets.size()) {
            device.newPage();
        } else if (sale.withReceipt) {
            // A new page layout takes effect with the next page: the receipt's.
            device.setPageLayout(QPageLayout(receiptPageSize(), QPageLayout::Portrait, QMarginsF()));
            device.newPage();
        }
    }
    if (sale.withReceipt) {
        paintReceipt(painter, pageRect(), sale);
    }
    return painter.end();
}

} // namespace usher::sales
