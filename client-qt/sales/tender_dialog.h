#pragma once

#include "common/money/money.h"
#include "common/pricing/tenders.h"
#include "common/protocol/orders.h"

#include <QDialog>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;

namespace usher::sales {

// Taking the money for a sale: cash with the amount handed over and the change due, the card
// terminal with its reference, or both (a split: the card's amount, cash for the rest). Checked
// with the server's own rules (planTenders) as the clerk types; Enter pays, F2 is exact cash, F3
// puts the whole amount on the card.
class TenderDialog : public QDialog {
    Q_OBJECT

public:
    explicit TenderDialog(Money total, QWidget* parent = nullptr);

    // The tenders as entered; valid (and the Pay button enabled) only when they add up.
    std::vector<protocol::Payment> tenders() const;
    std::optional<TenderPlan> plan() const { return m_plan; }
    QString customerName() const;
    QString customerEmail() const;
    QString summary() const;

    // For the keyboard and the tests: what the clerk types.
    QLineEdit* cashField() const { return m_cash; }
    QLineEdit* cardAmountField() const { return m_cardAmount; }
    QLineEdit* cardReferenceField() const { return m_cardReference; }
    QLineEdit* customerNameField() const { return m_customerName; }
    QLineEdit* customerEmailField() const { return m_customerEmail; }
    void exactCash();
    void wholeAmountByCard();

private:
    void recheck();
    std::optional<std::vector<protocol::Payment>> readTenders(QString& why) const;

    Money m_total;
    std::optional<TenderPlan> m_plan;
    QLineEdit* m_cash;
    QLineEdit* m_cardAmount;
    QLineEdit* m_cardReference;
    QLineEdit* m_customerName;
    QLineEdit* m_customerEmail;
    QLabel* m_summary;
    QPushButton* m_pay;
};

} // namespace usher::sales
