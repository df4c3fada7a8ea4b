#pragma once

#include "common/protocol/admin.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QLineEdit;

namespace usher::admin {

// A venue's name, city and time zone (the zone event times are shown in at the venue), chosen from
// the venues as loaded; only changed fields are sent.
class VenueDialog : public QDialog {
    Q_OBJECT

public:
    VenueDialog(std::vector<protocol::VenueInfo> venues, QWidget* parent = nullptr);

    const protocol::VenueInfo& chosen() const;
    protocol::VenueInput input() const;
    QComboBox& venueField() { return *m_venue; }
    QLineEdit& nameField() { return *m_name; }
    QLineEdit& cityField() { return *m_city; }
    QComboBox& timezoneField() { return *m_timezone; }
    std::optional<QString> problem() const;
    void accept() override;

private:
    void showChosen();

    std::vector<protocol::VenueInfo> m_venues;
    QComboBox* m_venue;
    QLineEdit* m_name;
    QLineEdit* m_city;
    QComboBox* m_timezone;
};

} // namespace usher::admin
