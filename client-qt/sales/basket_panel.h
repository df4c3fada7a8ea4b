#pragma once

#include "client-qt/sales/basket.h"

#include <QWidget>

class QAction;
class QGridLayout;
class QLabel;
class QTableWidget;

namespace usher::sales {

// The basket beside the map: one line per seat with its ticket type and price, the total, how long
// the seats stay held, the result of the last sale (change due, order number), and buttons for
// the sale's actions (the main window's actions, so their shortcuts show in the tooltips).
class BasketPanel : public QWidget {
    Q_OBJECT

public:
    explicit BasketPanel(Basket& basket, QWidget* parent = nullptr);

    // A button for `action`, in the order added.
    void addActionButton(QAction* action);
    // The line the keyboard is on; -1 without lines.
    int currentLine() const;
    // Moves to the ticket-type choice of the current line (the first without one).
    void focusLines();
    // The outcome of the last sale, shown until the next one starts; empty hides it.
    void showMessage(const QString& text, bool good);
    QString message() const;
    QString countdownText() const;
    QString totalText() const;

private:
    void rebuild();
    void showCountdown(qint64 secondsLeft);

    Basket& m_basket;
    QLabel* m_countdown;
    QTableWidget* m_table;
    QLabel* m_total;
    QLabel* m_message;
    QGridLayout* m_buttons;
    int m_buttonCount = 0;
};

} // namespace usher::sales
