#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace usher::app {

// F1: every shortcut of the window's menus, and the seat map's keys, on one sheet.
class ShortcutSheet : public QDialog {
    Q_OBJECT

public:
    ShortcutSheet(const QList<QAction*>& actions, QWidget* parent = nullptr);

    // The sheet's rows as "keys: what they do" (for tests and screen readers).
    QStringList rows() const { return m_rows; }

private:
    QStringList m_rows;
};

} // namespace usher::app
