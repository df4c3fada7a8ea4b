#include "client-qt/sales/order_desk.h"

#include "client-qt/core/money_text.h"
#include "client-qt/core/time_text.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace usher::sales {

namespace {

constexpr std::array kReasons{RefundReason::CustomerRequest, RefundReason::PerformanceChanged,
                              RefundReason::WrongSeats, RefundReason::DuplicateSale, RefundReason::Other};

QString orderStatusText(protocol::OrderStatus status) {
    switch (status) {
    case protocol::OrderStatus::Paid:
        return OrderDesk::tr("paid");
    case protocol::OrderStatus::PartiallyRefunded:
        return OrderDesk::tr("partly refunded");
    case protocol::OrderStatus::Refunded:
        return OrderDesk::tr("refunded");
    }
    return {};
}

QString ticketStatusText(protocol::TicketStatus status) {
    switch (status) {
    case protocol::TicketStatus::Valid:
        return OrderDesk::tr("valid");
    case protocol::TicketStatus::CheckedIn:
        return OrderDesk::tr("checked in");
    case protocol::TicketStatus::Refunded:
        return OrderDesk::tr("refunded");
    }
    return {};
}

QTableWidget* table(const QStringList& headings) {
    auto* widget = new QTableWidget(0, static_cast<int>(headings.size()));
    widget->setHorizontalHeaderLabels(headings);
    widget->verticalHeader()->hide();
    widget->horizontalHeader()->setStretchLastSection(true);
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return widget;
}

} // namespace

QString OrderDesk::reasonText(RefundReason reason) {
    switch (reason) {
    case RefundReason::CustomerRequest:
        return tr("Customer request");
    case RefundReason::PerformanceChanged:
        return tr("Performance changed or cancelled");
    case RefundReason::WrongSeats:
        return tr("Wrong seats or ticket type sold");
    case RefundReason::DuplicateSale:
        return tr("Sold twice by mistake");
    case RefundReason::Other:
        return tr("Other (say why in the note)");
    }
    return {};
}

OrderDesk::OrderDesk(core::ApiClient& api, QString shiftId, Reprint printReissued, QWidget* parent)
    : QDialog(parent), m_api(api), m_shiftId(std::move(shiftId)), m_reprint(std::move(printReissued)),
      m_search(new QLineEdit),
      m_found(table({tr("Order"), tr("Performance"), tr("Customer"), tr("Total"), tr("Status"), tr("Sold")})),
      m_orderTitle(new QLabel),
      m_tickets(table({tr("Place"), tr("Ticket type"), tr("Price"), tr("Status"), tr("Code")})),
      m_reason(new QComboBox), m_note(new QLineEdit), m_refund(new QPushButton(tr("&Refund"))),
      m_reprintButton(new QPushButton(tr("Re&print ticket"))), m_status(new QLabel) {
    setWindowTitle(tr("Orders"));
    m_refund->setObjectName(QStringLiteral("refund"));
    m_reprintButton->setObjectName(QStringLiteral("reprint"));
    auto* layout = new QVBoxLayout(this);
    m_search->setPlaceholderText(tr("Order number, customer name or email, then Enter"));
    m_search->setAccessibleName(tr("Find an order"));
    layout->addWidget(m_search);
    layout->addWidget(m_found, 2);
    layout->addWidget(m_orderTitle);
    m_tickets->setSelectionMode(QAbstractItemView::MultiSelection);
    m_tickets->setAccessibleName(tr("Tickets of the order"));
    layout->addWidget(m_tickets, 3);

    auto* refundForm = new QFormLayout;
    m_reason->addItem(tr("Choose a reason..."));
    for (const RefundReason reason : kReasons) {
        m_reason->addItem(reasonText(reason), static_cast<int>(reason));
    }
    refundForm->addRow(tr("Refund &reason:"), m_reason);
    refundForm->addRow(tr("&Note:"), m_note);
    layout->addLayout(refundForm);
    auto* actions = new QHBoxLayout;
    m_refund->setToolTip(tr("Refund the selected tickets, or all valid ones when none is selected"));
    actions->addWidget(m_refund);
    actions->addWidget(m_reprintButton);
    actions->addStretch(1);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
    actions->addWidget(close);
    layout->addLayout(actions);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });
    connect(m_found, &QTableWidget::cellActivated, this, [this](int row, int) {
        openOrder(QString::fromStdString(m_results.at(static_cast<std::size_t>(row)).orderId));
    });
    connect(m_refund, &QPushButton::clicked, this, [this] {
        if (m_reason->currentIndex() <= 0) {
            say(tr("Choose the reason for the refund."), false);
            m_reason->setFocus();
            return;
        }
        refund(chosenTickets(), static_cast<RefundReason>(m_reason->currentData().toInt()), m_note->text());
    });
    connect(m_reprintButton, &QPushButton::clicked, this, [this] {
        const QStringList chosen = chosenTickets();
        if (chosen.size() != 1) {
            say(tr("Select the one ticket to reprint."), false);
            return;
        }
        reprint(chosen.front());
    });
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(820, 620);
    showOrder();
}

void OrderDesk::say(const QString& text, bool good) {
    m_status->setText(text);
    m_status->setStyleSheet(good ? QStringLiteral("color: #1b5e20;") : QStringLiteral("color: #b71c1c;"));
    m_status->setAccessibleName(text);
    if (!good) {
        Q_EMIT failed(text);
    }
}

QString OrderDesk::status() const {
    return m_status->text();
}

void OrderDesk::search(const QString& text) {
    if (text.trimmed().isEmpty()) {
        say(tr("Type an order number, or part of the customer's name or email."), false);
        return;
    }
    m_lastSearch = text.trimmed();
    m_api.searchOrders(m_lastSearch, [this](Expected<protocol::OrderSearchResult, core::ApiError> found) {
        if (!found) {
            say(found.error().message, false);
            return;
        }
        m_results = std::move(found->data);
        showResults();
        say(m_results.empty() ? tr("No order found.") : tr("Orders found: %1").arg(m_results.size()), true);
        if (m_results.size() == 1) {
            openOrder(QString::fromStdString(m_results.front().orderId));
        }
        Q_EMIT searched();
    });
}

void OrderDesk::refreshResults() {
    m_api.searchOrders(m_lastSearch, [this](Expected<protocol::OrderSearchResult, core::ApiError> found) {
        if (found) {
            m_results = std::move(found->data);
            showResults();
        }
    });
}

void OrderDesk::showResults() {
    m_found->setRowCount(static_cast<int>(m_results.size()));
    for (std::size_t i = 0; i < m_results.size(); ++i) {
        const protocol::OrderSummary& summary = m_results[i];
        const int row = static_cast<int>(i);
        const QString customer =
            QString::fromStdString(summary.customerName.value_or(summary.customerEmail.value_or("")));
        const QStringList cells{QString::fromStdString(summary.number),
                                QString::fromStdString(summary.eventName),
                                customer,
                                core::moneyText(summary.total),
                                orderStatusText(summary.status),
                                core::localTimeText(summary.createdAt)};
        for (int column = 0; column < cells.size(); ++column) {
            m_found->setItem(row, column, new QTableWidgetItem(cells[column]));
        }
    }
    m_found->resizeColumnsToContents();
}

void OrderDesk::openOrder(const QString& orderId) {
    m_api.order(orderId, [this](Expected<protocol::OrderResponse, core::ApiError> order) {
        if (!order) {
            say(order.error().message, false);
            return;
        }
        m_order = std::move(*order);
        showOrder();
        Q_EMIT orderShown();
    });
}

void OrderDesk::showOrder() {
    m_tickets->clearSelection();
    if (!m_order) {
        m_orderTitle->setText(tr("Find an order, then press Enter on it."));
        m_tickets->setRowCount(0);
    } else {
        m_orderTitle->setText(tr("Order %1 · %2 · %3")
                                  .arg(QString::fromStdString(m_order->number),
                                       core::moneyText(m_order->total), orderStatusText(m_order->status)));
        m_tickets->setRowCount(static_cast<int>(m_order->tickets.size()));
        for (std::size_t i = 0; i < m_order->tickets.size(); ++i) {
            const protocol::Ticket& ticket = m_order->tickets[i];
            const QStringList cells{QString::fromStdString(ticket.seat.value_or(ticket.gaArea.value_or(""))),
                                    QString::fromStdString(ticket.ticketType), core::moneyText(ticket.price),
                                    ticketStatusText(ticket.status), QString::fromStdString(ticket.code)};
            for (int column = 0; column < cells.size(); ++column) {
                m_tickets->setItem(static_cast<int>(i), column, new QTableWidgetItem(cells[column]));
            }
        }
        m_tickets->resizeColumnsToContents();
    }
    const bool open = m_order.has_value();
    for (QWidget* widget : std::initializer_list<QWidget*>{m_reason, m_note, m_refund, m_reprintButton}) {
        widget->setEnabled(open);
    }
}

QStringList OrderDesk::chosenTickets() const {
    QStringList ids;
    if (!m_order) {
        return ids;
    }
    for (const QModelIndex& row : m_tickets->selectionModel()->selectedRows()) {
        ids << QString::fromStdString(m_order->tickets.at(static_cast<std::size_t>(row.row())).id);
    }
    return ids;
}

void OrderDesk::refund(const QStringList& ticketIds, RefundReason reason, const QString& note) {
    if (!m_order) {
        return;
    }
    protocol::RefundRequest request;
    QString why = reasonText(reason);
    if (!note.trimmed().isEmpty()) {
        why += QStringLiteral(": ") + note.trimmed();
    }
    request.reason = why.toStdString();
    for (const QString& id : ticketIds) {
        request.tickets.push_back(id.toStdString());
    }
    if (!m_shiftId.isEmpty()) {
        request.shiftId = m_shiftId.toStdString();
    }
    const QString orderId = QString::fromStdString(m_order->orderId);
    // One key per refund the clerk asks for; the ApiClient's answer is final (no automatic retry
    // here: the clerk sees the error and may press again, which is a new, checked request).
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_api.refund(orderId, key, request,
                 [this, orderId](Expected<protocol::RefundResponse, core::ApiError> done) {
                     if (!done) {
                         say(tr("Not refunded: %1").arg(done.error().message), false);
                         return;
                     }
                     QStringList back;
                     for (const protocol::PaymentLine& payment : done->payments) {
                         back << core::moneyText(payment.amount) +
                                     (payment.method == protocol::PaymentMethod::Cash ? tr(" in cash")
                                                                                      : tr(" to the card"));
                     }
                     say(tr("Refunded %1 (%2). The seats are on sale again.")
                             .arg(core::moneyText(done->amount), back.join(QStringLiteral(", "))),
                         true);
                     Q_EMIT refunded(*done);
                     openOrder(orderId);
                 });
}

void OrderDesk::reprint(const QString& ticketId) {
    m_api.reissueTicket(ticketId, [this](Expected<protocol::Ticket, core::ApiError> ticket) {
        if (!ticket) {
            say(tr("Not reprinted: %1").arg(ticket.error().message), false);
            return;
        }
        if (m_order) {
            for (protocol::Ticket& held : m_order->tickets) {
                if (held.id == ticket->id) {
                    held = *ticket;
                }
            }
            if (m_reprint) {
                m_reprint(*m_order, *ticket);
            }
            showOrder();
        }
        say(tr("Reprinted with a new code; the old ticket no longer opens the door."), true);
        Q_EMIT reprinted(*ticket);
    });
}

} // namespace usher::sales
