#include "client-qt/admin/venue_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimeZone>

namespace usher::admin {

VenueDialog::VenueDialog(std::vector<protocol::VenueInfo> venues, QWidget* parent)
    : QDialog(parent), m_venues(std::move(venues)), m_venue(new QComboBox(this)), m_name(new QLineEdit(this)),
      m_city(new QLineEdit(this)), m_timezone(new QComboBox(this)) {
    setWindowTitle(tr("Edit venue"));
    for (const protocol::VenueInfo& venue : m_venues) {
        m_venue->addItem(QString::fromStdString(venue.name), QString::fromStdString(venue.id));
    }
    m_timezone->setEditable(true);
    for (const QByteArray& zone : QTimeZone::availableTimeZoneIds()) {
        m_timezone->addItem(QString::fromLatin1(zone));
    }
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Venue:"), m_venue);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&City:"), m_city);
    form->addRow(tr("&Time zone:"), m_timezone);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &VenueDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &VenueDialog::reject);
    form->addRow(buttons);
    connect(m_venue, &QComboBox::currentIndexChanged, this, &VenueDialog::showChosen);
    showChosen();
}

const protocol::VenueInfo& VenueDialog::chosen() const {
    return m_venues.at(static_cast<std::size_t>(std::max(0, m_venue->currentIndex())));
}

void VenueDialog::showChosen() {
    if (m_venues.empty()) {
        return;
    }
    m_name->setText(QString::fromStdString(chosen().name));
    m_city->setText(QString::fromStdString(chosen().city));
    m_timezone->setCurrentText(QString::fromStdString(chosen().timezone));
}

protocol::VenueInput VenueDialog::input() const {
    protocol::VenueInput input;
    const protocol::VenueInfo& venue = chosen();
    const auto changed = [](const QString& now, const std::string& was) -> std::optional<std::string> {
        const std::string value = now.trimmed().toStdString();
        return value != was ? std::optional(value) : std::nullopt;
    };
    input.name = changed(m_name->text(), venue.name);
    input.city = changed(m_city->text(), venue.city);
    input.timezone = changed(m_timezone->currentText(), venue.timezone);
    return input;
}

std::optional<QString> VenueDialog::problem() const {
    if (m_venues.empty()) {
        return tr("There is no venue yet: publish a layout from the designer to create one.");
    }
    if (m_name->text().trimmed().isEmpty()) {
        return tr("Give the venue a name.");
    }
    if (!QTimeZone(m_timezone->currentText().trimmed().toLatin1()).isValid()) {
        return tr("\"%1\" is not a time zone (for example Europe/Vienna).").arg(m_timezone->currentText());
    }
    return std::nullopt;
}

void VenueDialog::accept() {
    if (const auto reason = problem()) {
        QMessageBox::warning(this, windowTitle(), *reason);
        return;
    }
    QDialog::accept();
}

} // namespace usher::admin
