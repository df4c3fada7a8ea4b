#include "client-qt/sales/tender_dialog.h"

#include "client-qt/core/money_text.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace usher::sales {

namespace {

// planTenders' complaint in a clerk's words.
QString explain(const json::DecodeError& error, const Money& total) {
    const std::string& path = error.path;
    if (path.ends_with(".tendered")) {
        return TenderDialog::tr("The cash handed over does not cover what is left to pay.");
    }
    if (path.ends_with(".amount")) {
        return TenderDialog::tr("Enter the card's amount for a split payment.");
    }
    if (path.ends_with(".method")) {
        return TenderDialog::tr("Use one cash amount and the card.");
    }
    return TenderDialog::tr("The card amount must not be more than %1, and alone must pay all of it.")
        .arg(core::moneyText(total));
}

} // namespace

TenderDialog::TenderDialog(Money total, QWidget* parent)
    : QDialog(parent), m_total(total), m_cash(new QLineEdit), m_cardAmount(new QLineEdit),
      m_cardReference(new QLineEdit), m_customerName(new QLineEdit), m_customerEmail(new QLineEdit),
      m_summary(new QLabel), m_pay(nullptr) {
    setWindowTitle(tr("Payment"));
    auto* layout = new QVBoxLayout(this);
    auto* due = new QLabel(tr("To pay: %1").arg(core::moneyText(total)));
    QFont big = due->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.6);
    due->setFont(big);
    layout->addWidget(due);

    auto* money = new QFormLayout;
    m_cash->setPlaceholderText(tr("Amount handed over"));
    m_cash->setAccessibleName(tr("Cash handed over"));
    money->addRow(tr("&Cash:"), m_cash);
    m_cardAmount->setPlaceholderText(tr("Whole amount"));
    m_cardAmount->setAccessibleName(tr("Card amount"));
    money->addRow(tr("Card &amount:"), m_cardAmount);
    m_cardReference->setPlaceholderText(tr("Reference on the terminal's slip"));
    m_cardReference->setAccessibleName(tr("Card terminal reference"));
    money->addRow(tr("Card &reference:"), m_cardReference);
    layout->addLayout(money);

    auto* customer = new QGroupBox(tr("Customer (optional, to find the order later)"));
    auto* customerForm = new QFormLayout(customer);
    customerForm->addRow(tr("&Name:"), m_customerName);
    customerForm->addRow(tr("&Email:"), m_customerEmail);
    layout->addWidget(customer);

    big.setPointSizeF(big.pointSizeF() / 1.2);
    m_summary->setFont(big);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto* buttons = new QDialogButtonBox;
    auto* exact = buttons->addButton(tr("Exact cash (F2)"), QDialogButtonBox::ActionRole);
    auto* card = buttons->addButton(tr("All by card (F3)"), QDialogButtonBox::ActionRole);
    m_pay = buttons->addButton(tr("Pay (Enter)"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_pay->setDefault(true);
    layout->addWidget(buttons);
    connect(exact, &QPushButton::clicked, this, &TenderDialog::exactCash);
    connect(card, &QPushButton::clicked, this, &TenderDialog::wholeAmountByCard);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_plan) {
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* exactKey = new QAction(this);
    exactKey->setShortcut(QKeySequence(Qt::Key_F2));
    connect(exactKey, &QAction::triggered, this, &TenderDialog::exactCash);
    auto* cardKey = new QAction(this);
    cardKey->setShortcut(QKeySequence(Qt::Key_F3));
    connect(cardKey, &QAction::triggered, this, &TenderDialog::wholeAmountByCard);
    addActions({exactKey, cardKey});

    for (QLineEdit* field : {m_cash, m_cardAmount, m_cardReference, m_customerName, m_customerEmail}) {
        connect(field, &QLineEdit::textChanged, this, &TenderDialog::recheck);
    }
    m_cash->setFocus();
    recheck();
}

void TenderDialog::exactCash() {
    // What is left after the card's part, handed over exactly.
    const auto card = core::parseMoney(m_cardAmount->text(), m_total.currency);
    const bool split = !m_cardReference->text().trimmed().isEmpty() && card;
    m_cash->setText(core::moneyText(Money{m_total.amount - (split ? card->amount : 0), m_total.currency})
                        .section(QLatin1Char(' '), 0, 0));
    m_cash->setFocus();
}

void TenderDialog::wholeAmountByCard() {
    m_cash->clear();
    m_cardAmount->clear();
    m_cardReference->setFocus();
}

std::optional<std::vector<protocol::Payment>> TenderDialog::readTenders(QString& why) const {
    std::vector<protocol::Payment> tenders;
    const QString reference = m_cardReference->text().trimmed();
    const QString cardAmount = m_cardAmount->text().trimmed();
    const QString cash = m_cash->text().trimmed();
    if (!cardAmount.isEmpty() || !reference.isEmpty()) {
        protocol::CardPresentPayment card{reference.toStdString()};
        if (!cardAmount.isEmpty()) {
            card.amount = core::parseMoney(cardAmount, m_total.currency);
            if (!card.amount || card.amount->amount <= 0) {
                why = tr("The card amount is not an amount.");
                return std::nullopt;
            }
        }
        if (reference.isEmpty()) {
            why = tr("Enter the card terminal's reference.");
            return std::nullopt;
        }
        tenders.emplace_back(std::move(card));
    }
    if (!cash.isEmpty()) {
        const auto tendered = core::parseMoney(cash, m_total.currency);
        if (!tendered) {
            why = tr("The cash handed over is not an amount.");
            return std::nullopt;
        }
        tenders.emplace_back(protocol::CashPayment{*tendered});
    }
    if (tenders.empty()) {
        why = tr("Enter the cash handed over, or the card's reference.");
        return std::nullopt;
    }
    return tenders;
}

std::vector<protocol::Payment> TenderDialog::tenders() const {
    QString why;
    return readTenders(why).value_or(std::vector<protocol::Payment>{});
}

void TenderDialog::recheck() {
    QString why;
    m_plan.reset();
    if (const auto tenders = readTenders(why)) {
        auto planned = planTenders(*tenders, m_total);
        if (planned) {
            m_plan = std::move(*planned);
        } else {
            why = explain(planned.error().front(), m_total);
        }
    }
    if (m_plan) {
        m_summary->setText(
            m_plan->change
                ? tr("Change due: %1").arg(core::moneyText(Money{*m_plan->change, m_total.currency}))
                : tr("Paid in full by card."));
        m_summary->setStyleSheet(QStringLiteral("color: #1b5e20;"));
    } else {
        m_summary->setText(why);
        m_summary->setStyleSheet(QStringLiteral("color: #5c4400;"));
    }
    m_summary->setAccessibleName(m_summary->text());
    m_pay->setEnabled(m_plan.has_value());
}

QString TenderDialog::customerName() const {
    return m_customerName->text().trimmed();
}

QString TenderDialog::customerEmail() const {
    return m_customerEmail->text().trimmed();
}

QString TenderDialog::summary() const {
    return m_summary->text();
}

} // namespace usher::sales
