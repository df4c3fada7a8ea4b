#include "client-qt/designer/layout_properties_dialog.h"

#include "common/layout/seat_location.h"
#include "common/layout/validation.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace usher::designer {
namespace {

enum Column { IdColumn, NameColumn, ColourColumn };

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

} // namespace

LayoutProperties LayoutProperties::of(const layout::VenueLayout& venue) {
    return {venue.id, venue.name, venue.seatSize, venue.categories};
}

void LayoutProperties::applyTo(layout::VenueLayout& venue) const {
    venue.id = id;
    venue.name = name;
    venue.seatSize = seatSize;
    venue.categories = categories;
}

std::optional<QString> refusal(const layout::VenueLayout& venue, const LayoutProperties& properties) {
    // The rules for these fields are the layout's own: validate a layout made of them only.
    layout::VenueLayout alone;
    properties.applyTo(alone);
    for (const PathError& problem : layout::validate(alone)) {
        const std::string& path = problem.path;
        if (path == "id" || path == "name" || path == "seat_size" || path.rfind("categories", 0) == 0) {
            return text(path + ": " + problem.message); // as the problems panel words it
        }
    }
    std::map<std::string, int> users;
    layout::forEachSeat(venue,
                        [&](const layout::Seat& seat, layout::SeatLocation) { ++users[seat.category]; });
    for (const layout::GaArea& area : venue.gaAreas) {
        ++users[area.category];
    }
    for (const layout::PriceCategory& category : venue.categories) {
        const bool kept = std::any_of(properties.categories.begin(), properties.categories.end(),
                                      [&](const layout::PriceCategory& c) { return c.id == category.id; });
        if (!kept && users[category.id] > 0) {
            return LayoutPropertiesDialog::tr(
                       "The price category %1 is still used by %n seats or areas: paint them with another "
                       "category first.",
                       nullptr, users[category.id])
                .arg(text(category.name));
        }
    }
    return std::nullopt;
}

LayoutPropertiesDialog::LayoutPropertiesDialog(const layout::VenueLayout& venue, QWidget* parent)
    : QDialog(parent), m_venue(venue), m_name(new QLineEdit(text(venue.name), this)),
      m_id(new QLineEdit(text(venue.id), this)), m_seatSize(new QDoubleSpinBox(this)),
      m_categories(new QTableWidget(0, 3, this)) {
    setWindowTitle(tr("Layout properties"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    m_id->setToolTip(tr("Letters, digits and dashes; the venue's layouts on the server keep their own id."));
    form->addRow(tr("&Id:"), m_id);
    m_seatSize->setRange(0.2, 2.0);
    m_seatSize->setDecimals(2);
    m_seatSize->setSingleStep(0.05);
    m_seatSize->setSuffix(tr(" m"));
    m_seatSize->setValue(venue.seatSize > 0 ? venue.seatSize : 0.5);
    form->addRow(tr("&Seat size:"), m_seatSize);

    m_categories->setHorizontalHeaderLabels({tr("Id"), tr("Name"), tr("Colour")});
    m_categories->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_categories->setAccessibleName(tr("Price categories"));
    for (const layout::PriceCategory& category : venue.categories) {
        addRow(category);
    }
    // A double click on a colour opens the colour picker.
    connect(m_categories, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
        if (column != ColourColumn) {
            return;
        }
        const QColor picked = QColorDialog::getColor(QColor(m_categories->item(row, column)->text()), this);
        if (picked.isValid()) {
            m_categories->item(row, column)->setText(picked.name());
            m_categories->item(row, column)->setBackground(picked);
        }
    });
    auto* add = new QPushButton(tr("&Add category"), this);
    auto* remove = new QPushButton(tr("&Remove category"), this);
    connect(add, &QPushButton::clicked, this, &LayoutPropertiesDialog::addCategory);
    connect(remove, &QPushButton::clicked, this, &LayoutPropertiesDialog::removeCategory);
    auto* categoryButtons = new QHBoxLayout;
    categoryButtons->addWidget(add);
    categoryButtons->addWidget(remove);
    categoryButtons->addStretch();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &LayoutPropertiesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LayoutPropertiesDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_categories, 1);
    layout->addLayout(categoryButtons);
    layout->addWidget(buttons);
    resize(520, 420);
}

void LayoutPropertiesDialog::addRow(const layout::PriceCategory& category) {
    const int row = m_categories->rowCount();
    m_categories->insertRow(row);
    m_categories->setItem(row, IdColumn, new QTableWidgetItem(text(category.id)));
    m_categories->setItem(row, NameColumn, new QTableWidgetItem(text(category.name)));
    auto* colour = new QTableWidgetItem(text(category.color));
    colour->setBackground(QColor(text(category.color)));
    m_categories->setItem(row, ColourColumn, colour);
}

void LayoutPropertiesDialog::addCategory() {
    const int number = m_categories->rowCount() + 1;
    addRow({"category-" + std::to_string(number), tr("Category %1").arg(number).toStdString(), "#8e24aa"});
    m_categories->setCurrentCell(m_categories->rowCount() - 1, NameColumn);
    m_categories->editItem(m_categories->currentItem());
}

void LayoutPropertiesDialog::removeCategory() {
    if (m_categories->currentRow() >= 0) {
        m_categories->removeRow(m_categories->currentRow());
    }
}

LayoutProperties LayoutPropertiesDialog::properties() const {
    LayoutProperties properties{m_id->text().trimmed().toStdString(),
                                m_name->text().trimmed().toStdString(),
                                m_seatSize->value(),
                                {}};
    for (int row = 0; row < m_categories->rowCount(); ++row) {
        const auto cell = [&](int column) {
            return m_categories->item(row, column)->text().trimmed().toStdString();
        };
        properties.categories.push_back({cell(IdColumn), cell(NameColumn), cell(ColourColumn)});
    }
    return properties;
}

void LayoutPropertiesDialog::accept() {
    if (const auto reason = refusal(m_venue, properties())) {
        QMessageBox::warning(this, windowTitle(), *reason);
        return;
    }
    QDialog::accept();
}

} // namespace usher::designer
