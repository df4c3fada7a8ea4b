#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

class QAction;

namespace usher::seatmap {

// F1: every shortcut of a window's menus, and the keys of its map, on one sheet.
class ShortcutSheet : public QDialog {
    Q_OBJECT

public:
    using Entry = QPair<QString, QString>; // keys, what they do
    ShortcutSheet(const QList<QAction*>& actions, const QList<Entry>& mapKeys, QWidget* parent = nullptr);

    // The sales map's own keys (SeatMapView).
    static QList<Entry> seatMapKeys();

    // The sheet's rows as "keys: what they do" (for tests and screen readers).
    QStringList rows() const { return m_rows; }

private:
    QStringList m_rows;
};

} // namespace usher::seatmap
