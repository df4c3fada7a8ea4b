// The Edit, Seats and Layout menus' actions on the selection and the layout's properties.

#include "client-qt/designer/designer_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QStatusBar>

#include <algorithm>

namespace usher::designer {

void DesignerWindow::editSelected(
    const QString& text, const std::function<void(layout::VenueLayout&, const layout::Selection&)>& change) {
    const layout::Selection selection = m_document.selection();
    if (selection.empty()) {
        statusBar()->showMessage(tr("Select seats or objects first."), 5000);
        return;
    }
    m_document.edit(text, layout::partsOf(m_document.layout(), selection),
                    [&](layout::VenueLayout& venue) { change(venue, selection); });
}

void DesignerWindow::applyCategory(const std::string& category) {
    editSelected(tr("Paint category"), [&](layout::VenueLayout& venue, const layout::Selection& selection) {
        layout::setCategory(venue, selection, category);
    });
}

void DesignerWindow::setSeatAttribute(layout::SeatAttribute attribute, bool on) {
    // Clearing a wheelchair space unlinks its companions anywhere in the layout.
    const layout::Selection selection = m_document.selection();
    const layout::LayoutParts parts = attribute == layout::SeatAttribute::Wheelchair && !on
                                          ? layout::LayoutParts::everything()
                                          : layout::partsOf(m_document.layout(), selection);
    m_document.edit(tr("Seat flags"), parts, [&](layout::VenueLayout& venue) {
        layout::setAttribute(venue, selection, attribute, on);
    });
}

void DesignerWindow::block(const QString& reason) {
    editSelected(reason.isEmpty() ? tr("Unblock seats") : tr("Block seats"),
                 [&](layout::VenueLayout& venue, const layout::Selection& selection) {
                     layout::setBlocked(venue, selection, reason.toStdString());
                 });
}

bool DesignerWindow::pairCompanion() {
    // Two selected seats: the one that is already a wheelchair space (else the first in seat
    // order) becomes the space, the other its companion.
    const layout::Selection& selection = m_document.selection();
    if (selection.seats.size() != 2) {
        statusBar()->showMessage(tr("Select a wheelchair space and the seat beside it."), 5000);
        return false;
    }
    std::vector<std::string> pair(selection.seats.begin(), selection.seats.end());
    const auto first = m_seats.find(pair[1]);
    const auto second = m_seats.find(pair[0]);
    if (first && second && m_seats.index().seat(*first).has(layout::kWheelchair)) {
        std::swap(pair[0], pair[1]);
    } else if (first && second && *first < *second &&
               !m_seats.index().seat(*second).has(layout::kWheelchair)) {
        std::swap(pair[0], pair[1]);
    }
    return m_document.edit(
        tr("Pair companion seat"), layout::LayoutParts::everything(),
        [&](layout::VenueLayout& venue) { layout::pairCompanion(venue, pair[0], pair[1]); });
}

void DesignerWindow::renumber(const layout::SeatNumbering& numbering) {
    editSelected(tr("Renumber seats"), [&](layout::VenueLayout& venue, const layout::Selection& selection) {
        layout::forEachSelectedRow(venue, selection, [&](layout::Section&, layout::Row& row) {
            layout::renumberRow(row, selection, numbering);
        });
    });
}

void DesignerWindow::relabelRows(const layout::RowLabeling& labeling, bool reversed) {
    editSelected(tr("Row labels"), [&](layout::VenueLayout& venue, const layout::Selection& selection) {
        layout::forEachSelectedSection(venue, selection, [&](layout::Section& section) {
            layout::relabelRows(section, labeling, reversed);
        });
    });
}

void DesignerWindow::copy() {
    if (!m_document.selection().empty()) {
        m_clipboard = layout::copySelection(m_document.layout(), m_document.selection());
        m_pasteCount = 0;
    }
}

void DesignerWindow::cut() {
    copy();
    removeSelected();
}

void DesignerWindow::paste() {
    if (m_clipboard.sections.empty() && m_clipboard.tables.empty() && m_clipboard.gaAreas.empty() &&
        m_clipboard.decorations.empty()) {
        return;
    }
    // Each paste lands beside the last one, so copies never hide under each other or overlap.
    const layout::Box box = layout::boundsOf(m_clipboard, layout::selectAll(m_clipboard));
    const double step = (box.max.x - box.min.x + 1 + m_clipboard.seatSize) * ++m_pasteCount;
    layout::Selection pasted;
    m_document.edit(tr("Paste"), layout::LayoutParts::everything(), [&](layout::VenueLayout& venue) {
        pasted = layout::paste(venue, m_clipboard, {step, 0});
    });
    m_document.setSelection(pasted);
}

void DesignerWindow::duplicate() {
    copy();
    paste();
}

void DesignerWindow::removeSelected() {
    const layout::Selection selection = m_document.selection();
    if (selection.empty()) {
        return;
    }
    m_document.edit(tr("Delete"), layout::LayoutParts::everything(),
                    [&](layout::VenueLayout& venue) { layout::removeSelection(venue, selection); });
    m_document.setSelection({});
}

void DesignerWindow::selectAll() {
    m_document.setSelection(layout::selectAll(m_document.layout()));
}

void DesignerWindow::askRenumber() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Renumber seats"));
    auto* form = new QFormLayout(&dialog);
    auto* start = new QSpinBox(&dialog);
    start->setRange(0, 9999);
    start->setValue(1);
    auto* parity = new QComboBox(&dialog);
    parity->addItems({tr("Every number"), tr("Odd numbers"), tr("Even numbers")});
    auto* direction = new QComboBox(&dialog);
    direction->addItems({tr("Left to right"), tr("Right to left")});
    form->addRow(tr("First number:"), start);
    form->addRow(tr("Numbers:"), parity);
    form->addRow(tr("Direction (seen from the stage plan):"), direction);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() == QDialog::Accepted) {
        renumber({start->value(), layout::NumberParity(parity->currentIndex()),
                  layout::NumberDirection(direction->currentIndex())});
    }
}

void DesignerWindow::askRowLabels() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Row labels"));
    auto* form = new QFormLayout(&dialog);
    auto* first = new QLineEdit(QStringLiteral("A"), &dialog);
    auto* skip = new QLineEdit(QStringLiteral("I"), &dialog);
    auto* reversed = new QCheckBox(tr("Back to front"), &dialog);
    form->addRow(tr("First row:"), first);
    form->addRow(tr("Skip letters:"), skip);
    form->addRow(QString(), reversed);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const std::string skipped = skip->text().toUpper().toStdString();
    const std::string wanted = first->text().trimmed().toUpper().toStdString();
    int index = 0;
    while (index < 18278 && layout::rowLabel(index, skipped) != wanted) {
        ++index;
    }
    if (index == 18278) {
        QMessageBox::warning(this, tr("Row labels"),
                             tr("\"%1\" is not a row label (letters A to ZZZ).").arg(first->text()));
        return;
    }
    relabelRows({index, skipped}, reversed->isChecked());
}

void DesignerWindow::askBlock() {
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Block seats"), tr("Why are these seats never sold?"),
                              QLineEdit::Normal, tr("Broken seat"), &ok);
    if (ok && !reason.trimmed().isEmpty()) {
        block(reason.trimmed());
    }
}

bool DesignerWindow::setProperties(const LayoutProperties& properties, QString* error) {
    if (const auto reason = refusal(m_document.layout(), properties)) {
        if (error != nullptr) {
            *error = *reason;
        }
        return false;
    }
    layout::LayoutParts parts;
    parts.properties = true;
    m_document.edit(tr("Layout properties"), parts,
                    [&](layout::VenueLayout& venue) { properties.applyTo(venue); });
    return true;
}

void DesignerWindow::askProperties() {
    LayoutPropertiesDialog dialog(m_document.layout(), this);
    if (dialog.exec() == QDialog::Accepted) {
        setProperties(dialog.properties());
    }
}

bool DesignerWindow::renameSelected(const QString& name) {
    const layout::Selection selection = m_document.selection();
    const auto object = layout::soleObject(m_document.layout(), selection);
    if (!object) {
        return false;
    }
    m_document.edit(tr("Rename"), layout::partsOf(m_document.layout(), selection),
                    [&](layout::VenueLayout& venue) { layout::rename(venue, *object, name.toStdString()); });
    return true;
}

void DesignerWindow::askRename() {
    const auto object = layout::soleObject(m_document.layout(), m_document.selection());
    if (!object) {
        statusBar()->showMessage(tr("Select one section, table, area or shape to rename."), 5000);
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename"), tr("Name:"), QLineEdit::Normal,
                              QString::fromStdString(layout::nameOf(m_document.layout(), *object)), &ok);
    if (ok) {
        renameSelected(name.trimmed());
    }
}

bool DesignerWindow::useSelectionAsStage() {
    const auto object = layout::soleObject(m_document.layout(), m_document.selection());
    const auto& shapes = m_document.layout().decorations;
    if (!object || std::none_of(shapes.begin(), shapes.end(), [&](const layout::Decoration& shape) {
            return shape.id == *object && shape.kind == layout::DecorationKind::Polygon;
        })) {
        return false;
    }
    layout::LayoutParts parts;
    parts.properties = true;
    parts.decorations.all = true;
    m_document.edit(tr("Use shape as stage"), parts,
                    [&](layout::VenueLayout& venue) { layout::makeStage(venue, *object); });
    return true;
}

void DesignerWindow::setAreaCapacity(int capacity) {
    const layout::Selection selection = m_document.selection();
    m_document.edit(tr("Standing area capacity"), layout::partsOf(m_document.layout(), selection),
                    [&](layout::VenueLayout& venue) {
                        for (layout::GaArea& area : venue.gaAreas) {
                            if (selection.areas.count(area.id) != 0) {
                                area.capacity = capacity;
                            }
                        }
                    });
}

void DesignerWindow::askCapacity() {
    const layout::Selection& selection = m_document.selection();
    const auto& areas = m_document.layout().gaAreas;
    const auto first = std::find_if(areas.begin(), areas.end(), [&](const layout::GaArea& area) {
        return selection.areas.count(area.id) != 0;
    });
    if (first == areas.end()) {
        statusBar()->showMessage(tr("Select a standing area first."), 5000);
        return;
    }
    bool ok = false;
    const int capacity =
        QInputDialog::getInt(this, tr("Standing area capacity"), tr("People allowed in the area:"),
                             static_cast<int>(first->capacity), 1, 1'000'000, 1, &ok);
    if (ok) {
        setAreaCapacity(capacity);
    }
}

} // namespace usher::designer
