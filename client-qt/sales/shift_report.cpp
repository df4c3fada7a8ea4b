#include "client-qt/sales/shift_report.h"

#include "client-qt/core/money_text.h"
#include "client-qt/core/time_text.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <chrono>

namespace usher::sales {

namespace {

// The translation context of the report's words.
struct ShiftReportText {
    Q_DECLARE_TR_FUNCTIONS(ShiftReportText)
};

QString cell(const QString& text, bool right = false) {
    return (right ? QStringLiteral("<td align=\"right\">") : QStringLiteral("<td>")) + text.toHtmlEscaped() +
           QStringLiteral("</td>");
}

QString optionalMoney(const std::optional<Money>& money) {
    return money ? core::moneyText(*money) : QStringLiteral("-");
}

} // namespace

QString tenderName(protocol::PaymentMethod method) {
    switch (method) {
    case protocol::PaymentMethod::Cash:
        return ShiftReportText::tr("Cash");
    case protocol::PaymentMethod::CardPresent:
        return ShiftReportText::tr("Card terminal");
    case protocol::PaymentMethod::TestCard:
        return ShiftReportText::tr("Online card");
    }
    return {};
}

QString shiftReportHtml(const protocol::ShiftReport& report) {
    const bool closed = report.status == protocol::ShiftStatus::Closed;
    QString html = QStringLiteral("<h2>%1</h2>")
                       .arg(closed ? ShiftReportText::tr("Z report (shift closed)")
                                   : ShiftReportText::tr("X report (shift still open)"));
    html += QStringLiteral("<p>") + ShiftReportText::tr("Device: %1<br>Clerk: %2<br>Opened: %3")
                                        .arg(QString::fromStdString(report.device).toHtmlEscaped(),
                                             QString::fromStdString(report.clerkName).toHtmlEscaped(),
                                             core::localTimeText(report.openedAt));
    if (report.closedAt) {
        html += QStringLiteral("<br>") +
                ShiftReportText::tr("Closed: %1").arg(core::localTimeText(*report.closedAt));
    }
    html += QStringLiteral("<br>") +
            ShiftReportText::tr("Orders: %1, refunds: %2").arg(report.orders).arg(report.refunds) +
            QStringLiteral("<br>") +
            ShiftReportText::tr("Opening float: %1").arg(core::moneyText(report.openingFloat)) +
            QStringLiteral("</p>");

    html += QStringLiteral("<h3>%1</h3><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr>")
                .arg(ShiftReportText::tr("Tenders"));
    for (const QString& heading :
         {ShiftReportText::tr("Tender"), ShiftReportText::tr("Sales"), ShiftReportText::tr("Refunds"),
          ShiftReportText::tr("Expected"), ShiftReportText::tr("Counted"), ShiftReportText::tr("Variance")}) {
        html += QStringLiteral("<th>") + heading + QStringLiteral("</th>");
    }
    html += QStringLiteral("</tr>");
    for (const protocol::TenderTotals& tender : report.tenders) {
        html += QStringLiteral("<tr>") + cell(tenderName(tender.method)) +
                cell(core::moneyText(tender.sales), true) + cell(core::moneyText(tender.refunds), true) +
                cell(core::moneyText(tender.expected), true) + cell(optionalMoney(tender.counted), true) +
                cell(optionalMoney(tender.variance), true) + QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr>")
                .arg(ShiftReportText::tr("Ticket types"));
    for (const QString& heading :
         {ShiftReportText::tr("Ticket type"), ShiftReportText::tr("Sold"), ShiftReportText::tr("Amount"),
          ShiftReportText::tr("Refunded"), ShiftReportText::tr("Amount")}) {
        html += QStringLiteral("<th>") + heading + QStringLiteral("</th>");
    }
    html += QStringLiteral("</tr>");
    for (const protocol::TicketTypeTotals& type : report.ticketTypes) {
        html += QStringLiteral("<tr>") + cell(QString::fromStdString(type.ticketType)) +
                cell(QString::number(type.sold), true) + cell(core::moneyText(type.soldAmount), true) +
                cell(QString::number(type.refunded), true) +
                cell(core::moneyText(type.refundedAmount), true) + QStringLiteral("</tr>");
    }
    if (report.ticketTypes.empty()) {
        html += QStringLiteral("<tr><td colspan=\"5\">") + ShiftReportText::tr("No tickets sold yet.") +
                QStringLiteral("</td></tr>");
    }
    html += QStringLiteral("</table>");
    return html;
}

QString shiftStatusText(const protocol::ShiftReport& report) {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(report.openedAt.time_since_epoch()).count();
    const QString since =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().time(), QLocale::ShortFormat);
    return ShiftReportText::tr("Shift open since %1 (%2)")
        .arg(since, QString::fromStdString(report.clerkName));
}

} // namespace usher::sales
