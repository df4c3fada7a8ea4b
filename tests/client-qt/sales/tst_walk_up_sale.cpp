// A whole walk-up sale in the real counter window against a real usher-server with its demo data:
// open a shift, pick seats (best available, next best, a click on the map), choose ticket types,
// pay cash with change or split between card and cash, see the seats turn sold; survive the server
// going away in the middle of paying without a second order; close the shift with a Z report whose
// figures add up. The tender dialog's arithmetic is checked on its own.

#include "client-qt/app/main_window.h"
#include "client-qt/app/sign_in_dialog.h"
#include "client-qt/core/money_text.h"
#include "client-qt/sales/order_desk.h"
#include "client-qt/sales/shift_report.h"
#include "client-qt/sales/tender_dialog.h"
#include "tests/client-qt/support/counter_window.h"
#include "tests/client-qt/support/running_server.h"
#include "tests/client-qt/support/screenshot.h"
#include "tests/server/support/sql_checks.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace usher;
using usher::testing::RunningServer;

namespace {

constexpr int kWaitMs = 20000;

Money eur(std::int64_t amount) {
    return Money{amount, *Currency::fromCode("EUR")};
}

} // namespace

class TestWalkUpSale : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<RunningServer> m_server;
    std::unique_ptr<app::MainWindow> m_window;
    std::int64_t m_cashTaken = 0;    // by the sales of this test run, for the Z report
    std::int64_t m_cashReturned = 0; // by its refunds
    std::string m_firstOrder;        // the number of the first sale, for the reprint
    QTemporaryDir m_tickets;         // where the tickets' PDFs go

    std::string sql(const std::string& query) {
        return usher::testing::queryOne(m_server->databaseUrl(), query);
    }

    QStringList basketSeats() const {
        QStringList seats;
        for (const auto& line : m_window->basket().lines()) {
            seats << line.seat;
        }
        return seats;
    }

    bool allSold(const QStringList& seats) const {
        return std::all_of(seats.begin(), seats.end(), [&](const QString& id) {
            const auto seat = m_window->seatMap().find(id.toStdString());
            return seat && m_window->seatMap().state(*seat) == seatmap::SeatState::Sold;
        });
    }

    // Pays and waits for the order.
    std::optional<protocol::OrderResponse> payAndWait(std::vector<protocol::Payment> tenders,
                                                      const QString& customer = {}) {
        QSignalSpy sold(m_window.get(), &app::MainWindow::sold);
        if (!m_window->payWith(std::move(tenders), customer)) {
            return std::nullopt;
        }
        if (!sold.wait(kWaitMs * 2)) {
            qWarning() << "no order:" << m_window->basketPanel().message();
            return std::nullopt;
        }
        return sold.front().front().value<protocol::OrderResponse>();
    }

private Q_SLOTS:
    void initTestCase() {
        qRegisterMetaType<protocol::OrderResponse>();
        qRegisterMetaType<protocol::RefundResponse>();
        qRegisterMetaType<protocol::Ticket>();
        // Settings in Qt's test location; the tickets' PDFs in a folder of this run.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().setValue(QStringLiteral("printing/folder"), m_tickets.path());
        QString error;
        m_server = RunningServer::create(error);
        QVERIFY2(m_server, qPrintable(error));
        m_window = usher::testing::counterWindow(*m_server, QStringLiteral("Counter W1"), kWaitMs);
        QVERIFY(m_window);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->eventPicker().shown().size() >= 12, kWaitMs);
        QTest::keyClicks(m_window->eventPicker().searchField(), QStringLiteral("grand thea"));
        QTest::keyClick(m_window->eventPicker().searchField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->seatMap().seatCount(), std::size_t{1100}, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->basket().eventId(), m_window->currentEvent(), kWaitMs);
    }
    void cleanupTestCase() {
        m_window.reset();
        m_server.reset();
    }

    void noSaleWithoutAShift() {
        QTRY_COMPARE_WITH_TIMEOUT(m_window->shiftText(), QStringLiteral("No shift open"), kWaitMs);
        m_window->bestAvailable(1, false);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->basket().lines().size(), std::size_t{1}, kWaitMs);
        QVERIFY(!m_window->payWith({protocol::CashPayment{eur(100000)}}));
        m_window->seatMap().clearSelection();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->basket().isEmpty() && m_window->basket().holdId().isEmpty(),
                                 kWaitMs);

        bool opened = false;
        m_window->openShiftWith(eur(15000), [&](bool ok) { opened = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(opened, kWaitMs);
        QVERIFY(m_window->shiftText().startsWith(QStringLiteral("Shift open since")));
        QVERIFY(m_window->shift().has_value());
    }

    void aCashSaleWithChange() {
        // Two best seats, then the next best two: the hold changes in place.
        m_window->bestAvailable(2, false);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->basket().lines().size(), std::size_t{2}, kWaitMs);
        const QString hold = m_window->basket().holdId();
        const QStringList first = basketSeats();
        QVERIFY(!hold.isEmpty());
        m_window->bestAvailable(2, true);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->basket().busy() && basketSeats() != first, kWaitMs);
        QCOMPARE(m_window->basket().lines().size(), std::size_t{2});
        QCOMPARE(m_window->basket().holdId(), hold);
        for (const QString& seat : first) {
            QVERIFY(!basketSeats().contains(seat));
        }
        QVERIFY(m_window->basketPanel().countdownText().startsWith(QStringLiteral("Seats held for")));

        // A third seat picked on the map joins the same hold, shown as the clerk's own.
        auto& map = m_window->seatMap();
        std::uint32_t extra = 0;
        while (map.state(extra) != seatmap::SeatState::Available) {
            ++extra;
        }
        map.toggle(extra);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->basket().lines().size(), std::size_t{3}, kWaitMs);
        QCOMPARE(m_window->basket().holdId(), hold);
        QTRY_COMPARE_WITH_TIMEOUT(map.state(extra), seatmap::SeatState::HeldByMe, kWaitMs);
        QCOMPARE(sql("SELECT count(*) FROM hold_seats WHERE hold_id = '" + hold.toStdString() + "'"),
                 std::string("3"));

        // A concession for the first seat: cheaper, and the total follows.
        const Money before = m_window->basket().total();
        const Money adult = m_window->basket().lines()[0].price;
        m_window->basket().setTicketType(0, QStringLiteral("concession"));
        QCOMPARE(m_window->basket().lines()[0].ticketType, QStringLiteral("concession"));
        QCOMPARE(m_window->basket().total().amount, before.amount - adult.amount + adult.amount * 80 / 100);
        QVERIFY(m_window->basketPanel().totalText().contains(core::moneyText(m_window->basket().total())));

        const Money total = m_window->basket().total();
        const QStringList seats = basketSeats();
        QVERIFY(testing::saveScreenshot(*m_window, QStringLiteral("boxoffice-basket.png")));
        {
            sales::TenderDialog tender(total, m_window.get());
            tender.show();
            QTest::keyClicks(tender.cashField(), QString::number((total.amount + 1750) / 100));
            tender.customerNameField()->setText(QStringLiteral("Ada Lovelace"));
            QVERIFY(testing::saveScreenshot(tender, QStringLiteral("boxoffice-payment.png")));
        }
        const auto order = payAndWait({protocol::CashPayment{Money{total.amount + 1750, total.currency}}},
                                      QStringLiteral("Ada Lovelace"));
        QVERIFY(order.has_value());
        QCOMPARE(order->tickets.size(), std::size_t{3});
        QCOMPARE(order->change, std::optional(Money{1750, total.currency}));
        QCOMPARE(order->total, total);
        QCOMPARE(order->customerName, std::optional<std::string>("Ada Lovelace"));
        QCOMPARE(order->tickets[0].ticketType, std::string("concession"));
        QVERIFY(m_window->basketPanel().message().contains(QString::fromStdString(order->number)));
        QVERIFY(m_window->basketPanel().message().contains(core::moneyText(Money{1750, total.currency})));
        QVERIFY(m_window->basket().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(allSold(seats), kWaitMs);
        QVERIFY(map.selection().empty());
        QVERIFY(testing::saveScreenshot(*m_window, QStringLiteral("boxoffice-sold.png")));

        // No printer is set up here: the tickets and the receipt wait as a PDF, and the clerk is told where.
        const auto& printed = m_window->lastSale();
        QVERIFY(printed.has_value());
        QCOMPARE(printed->orderNumber, QString::fromStdString(order->number));
        QCOMPARE(printed->tickets.size(), std::size_t{3});
        QVERIFY(printed->tickets[0].place.contains(QStringLiteral(" · Row ")));
        QCOMPARE(printed->tickets[0].ticketType, QStringLiteral("Concession"));
        QCOMPARE(printed->tickets[0].code, QString::fromStdString(order->tickets[0].code));
        QCOMPARE(printed->change, core::moneyText(Money{1750, total.currency}));
        QFile pdf(
            QDir(app::MainWindow::ticketFolder()).filePath(printed->orderNumber + QStringLiteral(".pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.readAll().startsWith("%PDF-"));
        QCOMPARE(pdf.fileName(), m_tickets.filePath(printed->orderNumber + QStringLiteral(".pdf")));
        QVERIFY(m_window->basketPanel().message().contains(QStringLiteral("Tickets saved as ") +
                                                           printed->orderNumber));
        m_cashTaken += total.amount;
        m_firstOrder = order->number;
    }

    void aSplitTenderSale() {
        m_window->bestAvailable(2, false);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->basket().lines().size(), std::size_t{2}, kWaitMs);
        const Money total = m_window->basket().total();
        const Money card{total.amount / 2, total.currency};
        const auto order =
            payAndWait({protocol::CardPresentPayment{"TERM-1-0001", card},
                        protocol::CashPayment{Money{total.amount - card.amount + 500, total.currency}}});
        QVERIFY(order.has_value());
        QCOMPARE(order->payments.size(), std::size_t{2});
        QVERIFY(order->payments[0].method == protocol::PaymentMethod::CardPresent);
        QCOMPARE(order->payments[0].amount, card);
        QCOMPARE(order->payments[1].amount.amount, total.amount - card.amount);
        QCOMPARE(order->change, std::optional(Money{500, total.currency}));
        m_cashTaken += total.amount - card.amount;
    }

    void aWholeSaleWithoutTheMouse() {
        // Ctrl+2 takes the best two seats, F12 asks for the money, F2 is exact cash, Enter pays.
        QSignalSpy sold(m_window.get(), &app::MainWindow::sold);
        m_window->raise();
        m_window->activateWindow();
        QVERIFY2(QTest::qWaitForWindowActive(m_window.get()),
                 qPrintable(QStringLiteral("active: %1")
                                .arg(QApplication::activeWindow()
                                         ? QApplication::activeWindow()->metaObject()->className()
                                         : "none")));
        // Keys go where the clerk's focus is, as from a keyboard.
        const auto press = [](int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
            QWidget* focus = QApplication::focusWidget();
            QVERIFY(focus);
            QTest::keyClick(focus, static_cast<Qt::Key>(key), modifiers);
        };
        press(Qt::Key_M, Qt::ControlModifier); // to the map
        QCOMPARE(QApplication::focusWidget(), &m_window->seatMapView());
        press(Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->basket().lines().size(), std::size_t{2}, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->basket().busy(), kWaitMs);
        const Money total = m_window->basket().total();
        bool typed = false;
        // The tender dialog is modal: F12's handler waits in it while this timer types into it.
        QTimer typist;
        typist.setInterval(50);
        connect(&typist, &QTimer::timeout, this, [&] {
            auto* dialog = qobject_cast<sales::TenderDialog*>(QApplication::activeModalWidget());
            if (dialog == nullptr) {
                return;
            }
            typist.stop();
            QTest::keyClick(dialog, Qt::Key_F2);
            typed = dialog->plan().has_value() && dialog->plan()->change == std::optional<std::int64_t>(0);
            QTest::keyClick(dialog->cashField(), Qt::Key_Return);
            if (dialog->isVisible()) {
                dialog->reject(); // Enter did not pay: fail below instead of hanging here
            }
        });
        typist.start();
        press(Qt::Key_F12);
        QVERIFY(typed);
        QVERIFY(sold.wait(kWaitMs * 2));
        const auto order = sold.front().front().value<protocol::OrderResponse>();
        QCOMPARE(order.tickets.size(), std::size_t{2});
        QCOMPARE(order.change, std::optional(Money{0, total.currency}));
        m_cashTaken += total.amount;
    }

    void standingPlacesAndSeatsInOneSale() {
        QVERIFY(!m_window->basket().standingAreas().empty());
        const QString area = QString::fromStdString(m_window->basket().standingAreas().front().id);
        m_window->setStandingPlaces(area, 2);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->basket().standing(area), 2, kWaitMs);
        const QString hold = m_window->basket().holdId();
        m_window->bestAvailable(1, false);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->basket().lines().size(), std::size_t{2}, kWaitMs);
        QCOMPARE(m_window->basket().holdId(), hold);
        m_window->setStandingPlaces(area, 3);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->basket().standing(area), 3, kWaitMs);
        const auto& lines = m_window->basket().lines();
        const auto standing =
            std::find_if(lines.begin(), lines.end(), [](const auto& line) { return line.standing; });
        QVERIFY(standing != lines.end());
        QCOMPARE(standing->quantity, 3);
        const Money total = m_window->basket().total();
        const auto order = payAndWait({protocol::CashPayment{total}});
        QVERIFY(order.has_value());
        QCOMPARE(order->tickets.size(), std::size_t{4});
        QCOMPARE(std::count_if(order->tickets.begin(), order->tickets.end(),
                               [](const protocol::Ticket& ticket) { return ticket.gaArea.has_value(); }),
                 3);
        QCOMPARE(order->total, total);
        m_cashTaken += total.amount;
    }

    void payingSurvivesTheServerGoingAway() {
        m_window->bestAvailable(1, false);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->basket().lines().size(), std::size_t{1}, kWaitMs);
        const std::string hold = m_window->basket().holdId().toStdString();
        const Money total = m_window->basket().total();
        m_server->stop();
        QSignalSpy sold(m_window.get(), &app::MainWindow::sold);
        QVERIFY(m_window->payWith({protocol::CashPayment{total}}));
        QTest::qWait(1500); // a first attempt or two find no server
        QVERIFY(m_window->basket().paying());
        QString error;
        QVERIFY2(m_server->start(error), qPrintable(error));
        QVERIFY(sold.wait(kWaitMs * 3));
        QCOMPARE(sql("SELECT count(*) FROM orders WHERE hold_id = '" + hold + "'"), std::string("1"));
        // Every attempt carried the same key: one record for the commit.
        QCOMPARE(sql("SELECT count(*) FROM idempotency_keys WHERE scope = 'commit:" + hold + "'"),
                 std::string("1"));
        m_cashTaken += total.amount;
    }

    void aRefundReturnsTheSeats() {
        m_window->bestAvailable(2, false);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->basket().lines().size(), std::size_t{2}, kWaitMs);
        const Money total = m_window->basket().total();
        const QStringList seats = basketSeats();
        const auto order = payAndWait({protocol::CashPayment{total}});
        QVERIFY(order.has_value());
        m_cashTaken += total.amount;
        QTRY_VERIFY_WITH_TIMEOUT(allSold(seats), kWaitMs);

        sales::OrderDesk* desk = m_window->showOrders();
        QSignalSpy shown(desk, &sales::OrderDesk::orderShown);
        QTest::keyClicks(desk->searchField(), QString::fromStdString(order->number));
        QTest::keyClick(desk->searchField(), Qt::Key_Return);
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(desk->results().size(), std::size_t{1});
        QCOMPARE(desk->order()->orderId, order->orderId);
        // No refund without a reason.
        auto* refundButton = desk->findChild<QPushButton*>(QStringLiteral("refund"));
        QVERIFY(refundButton);
        refundButton->click();
        QCOMPARE(desk->status(), QStringLiteral("Choose the reason for the refund."));

        QSignalSpy refunded(desk, &sales::OrderDesk::refunded);
        desk->refund({}, sales::RefundReason::CustomerRequest, QStringLiteral("cannot come"));
        QVERIFY(refunded.wait(kWaitMs));
        const auto refund = refunded.front().front().value<protocol::RefundResponse>();
        QCOMPARE(refund.amount, total);
        QCOMPARE(refund.payments.size(), std::size_t{1});
        QVERIFY(refund.payments[0].method == protocol::PaymentMethod::Cash);
        m_cashReturned += total.amount;
        QVERIFY(desk->status().startsWith(QStringLiteral("Refunded ")));
        // The seats are on sale again, on this map too.
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(seats.begin(), seats.end(),
                                             [&](const QString& id) {
                                                 const auto seat = m_window->seatMap().find(id.toStdString());
                                                 return m_window->seatMap().state(*seat) ==
                                                        seatmap::SeatState::Available;
                                             }),
                                 kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(desk->order()->status == protocol::OrderStatus::Refunded, kWaitMs);
        QCOMPARE(sql("SELECT reason FROM refunds WHERE order_id = '" + order->orderId + "'"),
                 std::string("Customer request: cannot come"));
        QVERIFY(testing::saveScreenshot(*desk, QStringLiteral("boxoffice-orders.png")));
        desk->close();
    }

    void aReprintVoidsTheOldCode() {
        sales::OrderDesk* desk = m_window->showOrders();
        QSignalSpy shown(desk, &sales::OrderDesk::orderShown);
        desk->search(QStringLiteral("lovelace"));
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(desk->order()->number, m_firstOrder);
        const protocol::Ticket old = desk->order()->tickets.front();

        QSignalSpy printed(m_window.get(), &app::MainWindow::reprinted);
        desk->reprint(QString::fromStdString(old.id));
        QVERIFY(printed.wait(kWaitMs));
        const auto ticket = printed.front().front().value<protocol::Ticket>();
        QCOMPARE(ticket.id, old.id);
        QVERIFY(ticket.code != old.code);
        QCOMPARE(desk->order()->tickets.front().code, ticket.code);
        QCOMPARE(sql("SELECT count(*) FROM voided_ticket_codes WHERE code = '" + old.code + "'"),
                 std::string("1"));
        QCOMPARE(sql("SELECT count(*) FROM tickets WHERE code = '" + old.code + "'"), std::string("0"));
        QVERIFY(QFile::exists(m_tickets.filePath(QString::fromStdString(m_firstOrder + "-" + ticket.code) +
                                                 QStringLiteral(".pdf"))));
        desk->close();
    }

    void theShiftClosesWithFiguresThatAddUp() {
        std::optional<protocol::ShiftReport> z;
        m_window->closeShiftWith(eur(15000 + m_cashTaken - m_cashReturned - 200), std::nullopt,
                                 [&](Expected<protocol::ShiftReport, core::ApiError> report) {
                                     QVERIFY2(report.hasValue(),
                                              qPrintable(report ? QString() : report.error().message));
                                     z = *report;
                                 });
        QTRY_VERIFY_WITH_TIMEOUT(z.has_value(), kWaitMs);
        QVERIFY(z->status == protocol::ShiftStatus::Closed);
        QCOMPARE(z->orders, 6);
        QCOMPARE(z->refunds, 1);
        const protocol::TenderTotals& cash = z->tenders.at(0);
        QCOMPARE(cash.sales, eur(m_cashTaken));
        QCOMPARE(cash.refunds, eur(m_cashReturned));
        QCOMPARE(cash.expected, eur(15000 + m_cashTaken - m_cashReturned));
        QCOMPARE(cash.variance, std::optional(eur(-200)));
        int sold = 0;
        int refunded = 0;
        for (const auto& type : z->ticketTypes) {
            sold += type.sold;
            refunded += type.refunded;
        }
        QCOMPARE(sold, 3 + 2 + 2 + 4 + 1 + 2);
        QCOMPARE(refunded, 2);
        QCOMPARE(m_window->shiftText(), QStringLiteral("No shift open"));
        QTextBrowser page;
        page.setHtml(sales::shiftReportHtml(*z));
        page.resize(620, 560);
        QVERIFY(testing::saveScreenshot(page, QStringLiteral("boxoffice-z-report.png")));
    }

    void theTenderDialogCountsTheChange() {
        sales::TenderDialog dialog(eur(8250));
        auto* pay = dialog.findChild<QPushButton*>(QString(), Qt::FindChildrenRecursively);
        QVERIFY(pay);
        QVERIFY(!dialog.plan());
        QTest::keyClicks(dialog.cashField(), QStringLiteral("100"));
        QVERIFY(dialog.plan());
        QCOMPARE(dialog.summary(), QStringLiteral("Change due: 17.50 EUR"));
        dialog.exactCash();
        QCOMPARE(dialog.cashField()->text(), QStringLiteral("82.50"));
        QCOMPARE(dialog.summary(), QStringLiteral("Change due: 0.00 EUR"));
        dialog.cashField()->setText(QStringLiteral("80"));
        QVERIFY(!dialog.plan());
        QCOMPARE(dialog.summary(),
                 QStringLiteral("The cash handed over does not cover what is left to pay."));
        // Split: 50 by card, 40 in cash for the 32.50 left.
        dialog.cardAmountField()->setText(QStringLiteral("50"));
        dialog.cardReferenceField()->setText(QStringLiteral("T-77"));
        dialog.cashField()->setText(QStringLiteral("40"));
        QVERIFY(dialog.plan());
        QCOMPARE(dialog.summary(), QStringLiteral("Change due: 7.50 EUR"));
        QCOMPARE(dialog.tenders().size(), std::size_t{2});
        dialog.wholeAmountByCard();
        QCOMPARE(dialog.summary(), QStringLiteral("Paid in full by card."));
        dialog.cardReferenceField()->clear();
        QVERIFY(!dialog.plan());
        QCOMPARE(dialog.summary(), QStringLiteral("Enter the cash handed over, or the card's reference."));
        dialog.cashField()->setText(QStringLiteral("12.3.4"));
        QCOMPARE(dialog.summary(), QStringLiteral("The cash handed over is not an amount."));
    }
};

QTEST_MAIN(TestWalkUpSale)
#include "tst_walk_up_sale.moc"
