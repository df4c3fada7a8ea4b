#include "client-qt/sales/basket_panel.h"

#include "client-qt/core/money_text.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace usher::sales {

namespace {

constexpr int kButtonColumns = 2;

} // namespace

BasketPanel::BasketPanel(Basket& basket, QWidget* parent)
    : QWidget(parent), m_basket(basket), m_countdown(new QLabel), m_table(new QTableWidget(0, 3)),
      m_total(new QLabel), m_message(new QLabel), m_buttons(new QGridLayout) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* title = new QLabel(tr("Basket"));
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    title->setFont(bold);
    layout->addWidget(title);
    layout->addWidget(m_countdown);

    m_table->setHorizontalHeaderLabels({tr("Seat"), tr("Ticket type"), tr("Price")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAccessibleName(tr("Seats in the basket"));
    layout->addWidget(m_table, 1);

    QFont big = m_total->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.5);
    m_total->setFont(big);
    m_total->setAlignment(Qt::AlignRight);
    layout->addWidget(m_total);
    m_message->setWordWrap(true);
    m_message->setFont(big);
    m_message->hide();
    layout->addWidget(m_message);
    layout->addLayout(m_buttons);

    connect(&m_basket, &Basket::changed, this, &BasketPanel::rebuild);
    connect(&m_basket, &Basket::countdown, this, &BasketPanel::showCountdown);
    rebuild();
}

void BasketPanel::addActionButton(QAction* action) {
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_buttons->addWidget(button, m_buttonCount / kButtonColumns, m_buttonCount % kButtonColumns);
    ++m_buttonCount;
}

void BasketPanel::rebuild() {
    const auto& lines = m_basket.lines();
    const int current = std::max(0, m_table->currentRow());
    m_table->setRowCount(static_cast<int>(lines.size()));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Basket::Line& line = lines[i];
        const int row = static_cast<int>(i);
        m_table->setItem(row, 0,
                         new QTableWidgetItem(line.standing ? tr("%1 × %2").arg(line.label).arg(line.quantity)
                                                            : line.label));
        auto* types = new QComboBox;
        types->setAccessibleName(tr("Ticket type for %1").arg(line.label));
        for (const TicketType& type : m_basket.prices().ticketTypes()) {
            if (m_basket.prices().price(line.category.toStdString(), type.id)) {
                types->addItem(QString::fromStdString(type.name), QString::fromStdString(type.id));
            }
        }
        types->setCurrentIndex(types->findData(line.ticketType));
        types->setEnabled(!m_basket.paying());
        connect(types, &QComboBox::activated, this, [this, i, types](int index) {
            m_basket.setTicketType(i, types->itemData(index).toString());
        });
        m_table->setCellWidget(row, 1, types);
        auto* price = new QTableWidgetItem(core::moneyText(line.price));
        price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, 2, price);
    }
    if (!lines.empty()) {
        m_table->setCurrentCell(std::min(current, static_cast<int>(lines.size()) - 1), 1);
    }
    m_total->setText(lines.empty() ? tr("Total: -") : tr("Total: %1").arg(core::moneyText(m_basket.total())));
    m_total->setAccessibleName(m_total->text());
    if (const auto left = m_basket.secondsLeft()) {
        showCountdown(*left);
    } else {
        m_countdown->setText(m_basket.paying() ? tr("Paying...")
                                               : tr("Pick seats on the map, or press Ctrl+1 to Ctrl+9."));
        m_countdown->setStyleSheet({});
    }
    if (!lines.empty()) {
        m_message->hide(); // a new sale has started
    }
}

void BasketPanel::showCountdown(qint64 secondsLeft) {
    if (m_basket.paying()) {
        m_countdown->setText(tr("Paying..."));
        return;
    }
    m_countdown->setText(
        tr("Seats held for %1:%2").arg(secondsLeft / 60).arg(secondsLeft % 60, 2, 10, QLatin1Char('0')));
    // The last minute is red: the clerk should pay or lose the seats.
    m_countdown->setStyleSheet(secondsLeft < 60 ? QStringLiteral("color: #b71c1c; font-weight: bold;")
                                                : QString());
}

int BasketPanel::currentLine() const {
    return m_basket.lines().empty() ? -1 : m_table->currentRow();
}

void BasketPanel::focusLines() {
    if (m_basket.lines().empty()) {
        return;
    }
    const int row = std::max(0, m_table->currentRow());
    m_table->setCurrentCell(row, 1);
    if (QWidget* types = m_table->cellWidget(row, 1)) {
        types->setFocus();
    }
}

void BasketPanel::showMessage(const QString& text, bool good) {
    m_message->setText(text);
    m_message->setAccessibleName(text);
    m_message->setStyleSheet(good ? QStringLiteral("background: #e8f5e9; color: #1b5e20; padding: 6px;")
                                  : QStringLiteral("background: #fdecea; color: #b71c1c; padding: 6px;"));
    m_message->setVisible(!text.isEmpty());
}

QString BasketPanel::message() const {
    return m_message->isHidden() ? QString() : m_message->text();
}

QString BasketPanel::countdownText() const {
    return m_countdown->text();
}

QString BasketPanel::totalText() const {
    return m_total->text();
}

} // namespace usher::sales
