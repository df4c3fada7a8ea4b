#pragma once

#include "common/layout/venue_layout.h"
#include "common/pricing/price_table.h"
#include "common/protocol/admin.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace usher::admin {

// An event's details as an admin fills them in: title, description, category, venue and layout
// version, start and doors times, sale window, hold time, ticket limits, and a price for every
// price category of the layout and every ticket type. It only edits; the window sends the result.
class EventForm : public QDialog {
    Q_OBJECT

public:
    // `venues`: the venues with a published layout; `layouts` asks for a version's layout (to list
    // its price categories) and answers through the callback.
    using LayoutLoader = std::function<void(const QString& venue, int version,
                                            std::function<void(std::optional<layout::VenueLayout>)>)>;
    EventForm(std::vector<protocol::VenueInfo> venues, LayoutLoader layouts, QWidget* parent = nullptr);

    // Fills the form with an existing event (editing); the venue cannot change then.
    void load(const protocol::EventAdminView& event);
    // What the form says, checked: nullopt and the reason in `error` when it is not complete.
    std::optional<protocol::EventInput> input(QString* error = nullptr) const;

    // For the tests and the window: the widgets by role.
    QLineEdit& nameField() { return *m_name; }
    QComboBox& venueField() { return *m_venue; }
    QLineEdit& ticketTypesField() { return *m_ticketTypes; }
    QTableWidget& pricesTable() { return *m_prices; }
    QDateTimeEdit& startsField() { return *m_starts; }
    // True once the chosen layout's categories are in the price table.
    bool categoriesLoaded() const { return m_categoriesLoaded; }

private:
    void loadCategories();
    void rebuildPrices();
    std::optional<PriceTable> prices(QString* error) const;

    std::vector<protocol::VenueInfo> m_venues;
    LayoutLoader m_layouts;
    std::vector<layout::PriceCategory> m_categories;
    PriceTable m_loadedPrices; // of the event being edited, to prefill the table
    bool m_categoriesLoaded = false;
    QLineEdit* m_name;
    QComboBox* m_category;
    QPlainTextEdit* m_description;
    QComboBox* m_venue;
    QSpinBox* m_layoutVersion;
    QDateTimeEdit* m_starts;
    QDateTimeEdit* m_doors;
    QDateTimeEdit* m_saleStarts;
    QDateTimeEdit* m_saleEnds;
    QSpinBox* m_holdMinutes;
    QSpinBox* m_perOrder;
    QSpinBox* m_perCustomer;
    QComboBox* m_currency;
    QLineEdit* m_ticketTypes;
    QTableWidget* m_prices;
    QLabel* m_problem;
};

} // namespace usher::admin
