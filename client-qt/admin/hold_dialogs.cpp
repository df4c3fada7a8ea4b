#include "client-qt/admin/hold_dialogs.h"

#include "client-qt/core/time_text.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

namespace usher::admin {
namespace {

QDialogButtonBox* okCancel(QDialog* dialog) {
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

} // namespace

BlockDialog::BlockDialog(int seats, QWidget* parent)
    : QDialog(parent), m_reason(new QComboBox(this)), m_colourButton(new QPushButton(this)),
      m_release(new QCheckBox(tr("Back on sale by themselves at:"), this)),
      m_releaseAt(new QDateTimeEdit(this)) {
    setWindowTitle(tr("Block seats"));
    m_reason->setEditable(true);
    m_reason->addItems({tr("House seats"), tr("Production"), tr("Press"), tr("Broken seat")});
    setColour(QColor(170, 34, 0));
    connect(m_colourButton, &QPushButton::clicked, this, [this] {
        const QColor picked = QColorDialog::getColor(m_colour, this, tr("Colour on the map"));
        if (picked.isValid()) {
            setColour(picked);
        }
    });
    m_releaseAt->setCalendarPopup(true);
    m_releaseAt->setDateTime(QDateTime::currentDateTime().addDays(1));
    m_releaseAt->setEnabled(false);
    connect(m_release, &QCheckBox::toggled, m_releaseAt, &QDateTimeEdit::setEnabled);
    auto* form = new QFormLayout(this);
    form->addRow(
        new QLabel(tr("Block %n selected seat(s) so that nobody can buy them.", nullptr, seats), this));
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Colour on the map:"), m_colourButton);
    form->addRow(m_release, m_releaseAt);
    form->addRow(okCancel(this));
}

void BlockDialog::setColour(const QColor& colour) {
    m_colour = colour;
    m_colourButton->setText(colour.name());
    m_colourButton->setStyleSheet(QStringLiteral("background-color: %1; color: %2")
                                      .arg(colour.name(), colour.lightnessF() < 0.55f
                                                              ? QStringLiteral("white")
                                                              : QStringLiteral("black")));
}

protocol::BlockRequest BlockDialog::request() const {
    protocol::BlockRequest request;
    request.reason = m_reason->currentText().trimmed().toStdString();
    request.color = m_colour.name().toStdString();
    if (m_release->isChecked()) {
        request.releaseAt = core::toTimestamp(m_releaseAt->dateTime());
    }
    return request;
}

std::optional<QString> BlockDialog::problem() const {
    if (m_reason->currentText().trimmed().isEmpty()) {
        return tr("Say why the seats are blocked: the box office sees the reason.");
    }
    if (m_release->isChecked() && m_releaseAt->dateTime() <= QDateTime::currentDateTime()) {
        return tr("The release time has passed: choose a later one, or none.");
    }
    return std::nullopt;
}

void BlockDialog::accept() {
    if (const auto reason = problem()) {
        QMessageBox::warning(this, windowTitle(), *reason);
        return;
    }
    QDialog::accept();
}

AllotDialog::AllotDialog(int seats, const std::vector<layout::GaArea>& areas, QWidget* parent)
    : QDialog(parent), m_seats(seats), m_toDevice(new QRadioButton(tr("A box-office &device:"), this)),
      m_toChannel(new QRadioButton(tr("A sales &channel:"), this)), m_device(new QLineEdit(this)),
      m_channel(new QLineEdit(this)), m_note(new QLineEdit(this)) {
    setWindowTitle(tr("Allot seats"));
    m_toDevice->setChecked(true);
    m_device->setPlaceholderText(tr("the device's name, as set up at the counter"));
    m_channel->setPlaceholderText(tr("for example partner:agency"));
    m_channel->setEnabled(false);
    connect(m_toDevice, &QRadioButton::toggled, m_device, &QLineEdit::setEnabled);
    connect(m_toChannel, &QRadioButton::toggled, m_channel, &QLineEdit::setEnabled);
    auto* form = new QFormLayout(this);
    form->addRow(
        new QLabel(tr("Give %n selected seat(s) and these standing places to:", nullptr, seats), this));
    form->addRow(m_toDevice, m_device);
    form->addRow(m_toChannel, m_channel);
    for (const layout::GaArea& area : areas) {
        auto* places = new QSpinBox(this);
        places->setRange(0, static_cast<int>(area.capacity));
        places->setAccessibleName(QString::fromStdString(area.name));
        form->addRow(tr("Standing places in %1:").arg(QString::fromStdString(area.name)), places);
        m_areaIds.push_back(area.id);
        m_places.push_back(places);
    }
    form->addRow(tr("&Note:"), m_note);
    form->addRow(okCancel(this));
}

protocol::AllotmentRequest AllotDialog::request() const {
    protocol::AllotmentRequest request;
    if (m_toDevice->isChecked()) {
        request.channel = "box_office";
        request.device = m_device->text().trimmed().toStdString();
    } else {
        request.channel = m_channel->text().trimmed().toStdString();
    }
    for (std::size_t i = 0; i < m_places.size(); ++i) {
        if (m_places[i]->value() > 0) {
            request.ga.push_back({m_areaIds[i], m_places[i]->value()});
        }
    }
    request.note = m_note->text().trimmed().toStdString();
    return request;
}

std::optional<QString> AllotDialog::problem() const {
    const protocol::AllotmentRequest wanted = request();
    if (m_seats == 0 && wanted.ga.empty()) {
        return tr("Select seats on the map or give a number of standing places.");
    }
    if (m_toDevice->isChecked() ? wanted.device->empty() : wanted.channel.empty()) {
        return tr("Say which device or channel may sell them.");
    }
    return std::nullopt;
}

void AllotDialog::accept() {
    if (const auto reason = problem()) {
        QMessageBox::warning(this, windowTitle(), *reason);
        return;
    }
    QDialog::accept();
}

} // namespace usher::admin
