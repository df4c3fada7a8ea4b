#pragma once

#include "client-qt/core/api_client.h"

#include <QDialog>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace usher::sales {

// Why money goes back; the clerk must pick one (it goes to the audit log with the note).
enum class RefundReason { CustomerRequest, PerformanceChanged, WrongSeats, DuplicateSale, Other };

// After the sale: find an order by its number or the customer's name or email, see its tickets,
// refund all or some of them (with a reason; the seats go back on sale at once), or reprint a
// ticket with a new code (the old one is void at the door).
class OrderDesk : public QDialog {
    Q_OBJECT

public:
    // `shiftId` is the clerk's open shift (refunds of box-office payments need it); `reprint`
    // prints a reissued ticket of `order`.
    using Reprint = std::function<void(const protocol::OrderResponse& order, const protocol::Ticket& ticket)>;
    OrderDesk(core::ApiClient& api, QString shiftId, Reprint printReissued, QWidget* parent = nullptr);

    // The steps, as the buttons run them (public for the tests).
    void search(const QString& text);
    void openOrder(const QString& orderId);
    // Refunds the chosen tickets (all still valid ones when none are chosen).
    void refund(const QStringList& ticketIds, RefundReason reason, const QString& note);
    void reprint(const QString& ticketId);

    const std::vector<protocol::OrderSummary>& results() const { return m_results; }
    const std::optional<protocol::OrderResponse>& order() const { return m_order; }
    QStringList chosenTickets() const;
    QString status() const;
    QLineEdit* searchField() const { return m_search; }

    static QString reasonText(RefundReason reason);

Q_SIGNALS:
    void searched();
    void orderShown();
    void refunded(const protocol::RefundResponse& refund);
    void reprinted(const protocol::Ticket& ticket);
    void failed(const QString& message);

private:
    void showResults();
    // The last search again, so the list shows what a refund changed.
    void refreshResults();
    void showOrder();
    void say(const QString& text, bool good);

    core::ApiClient& m_api;
    QString m_shiftId;
    Reprint m_reprint;
    QString m_lastSearch;
    std::vector<protocol::OrderSummary> m_results;
    std::optional<protocol::OrderResponse> m_order;
    QLineEdit* m_search;
    QTableWidget* m_found;
    QLabel* m_orderTitle;
    QTableWidget* m_tickets;
    QComboBox* m_reason;
    QLineEdit* m_note;
    QPushButton* m_refund;
    QPushButton* m_reprintButton;
    QLabel* m_status;
};

} // namespace usher::sales
