#include "client-qt/seatmap/shortcut_sheet.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTableWidget>
#include <QVBoxLayout>

namespace usher::seatmap {

QList<ShortcutSheet::Entry> ShortcutSheet::seatMapKeys() {
    return {{tr("Arrow keys"), tr("Move between seats on the map")},
            {tr("Space"), tr("Select or deselect the seat under the cursor")},
            {tr("Shift+Click"), tr("Select the seats of a row from the last clicked seat")},
            {QStringLiteral("+ / -"), tr("Zoom the map in or out")},
            {QStringLiteral("0"), tr("Show the whole house")},
            {tr("Esc"), tr("Clear the selection")}};
}

ShortcutSheet::ShortcutSheet(const QList<QAction*>& actions, const QList<Entry>& mapKeys, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Keyboard shortcuts"));
    QList<QPair<QString, QString>> entries;
    for (QAction* action : actions) {
        if (!action->shortcut().isEmpty()) {
            entries.append({action->shortcut().toString(QKeySequence::NativeText),
                            action->text().remove(QLatin1Char('&'))});
        }
    }
    entries.append(mapKeys);

    auto* table = new QTableWidget(static_cast<int>(entries.size()), 2, this);
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    for (int row = 0; row < entries.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(entries[row].first));
        table->setItem(row, 1, new QTableWidgetItem(entries[row].second));
        m_rows << entries[row].first + QStringLiteral(": ") + entries[row].second;
    }
    table->resizeColumnToContents(0);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(520, 420);
}

} // namespace usher::seatmap
