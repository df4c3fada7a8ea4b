#pragma once

#include "common/layout/venue_layout.h"

#include <QDialog>
#include <QString>

#include <optional>
#include <string>
#include <vector>

class QDoubleSpinBox;
class QLineEdit;
class QTableWidget;

namespace usher::designer {

// What the layout properties dialog edits: the layout's name, id, seat size and price categories.
struct LayoutProperties {
    std::string id;
    std::string name;
    double seatSize = 0;
    std::vector<layout::PriceCategory> categories;

    static LayoutProperties of(const layout::VenueLayout& venue);
    void applyTo(layout::VenueLayout& venue) const;
};

// Why `properties` cannot replace the layout's, in words for the admin, or nothing when they can: a
// category seats or areas still use cannot go, ids must be unique and colours "#rrggbb".
std::optional<QString> refusal(const layout::VenueLayout& venue, const LayoutProperties& properties);

// Name, id and seat size above a table of price categories (id, name, colour) with Add and Remove.
// OK is refused with the reason while the entries could not be applied.
class LayoutPropertiesDialog : public QDialog {
    Q_OBJECT

public:
    LayoutPropertiesDialog(const layout::VenueLayout& venue, QWidget* parent = nullptr);

    LayoutProperties properties() const;
    QLineEdit& nameField() { return *m_name; }
    QTableWidget& categoryTable() { return *m_categories; }
    void addCategory();
    void removeCategory();
    void accept() override;

private:
    void addRow(const layout::PriceCategory& category);

    const layout::VenueLayout& m_venue;
    QLineEdit* m_name;
    QLineEdit* m_id;
    QDoubleSpinBox* m_seatSize;
    QTableWidget* m_categories;
};

} // namespace usher::designer
