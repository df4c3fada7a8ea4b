#pragma once

#include "common/layout/venue_layout.h"
#include "common/protocol/admin.h"

#include <QColor>
#include <QDialog>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace usher::admin {

// Blocking the selected seats: a reason (house seats, production, press... or typed), the colour
// they take on the map, and optionally when they go back on sale by themselves.
class BlockDialog : public QDialog {
    Q_OBJECT

public:
    BlockDialog(int seats, QWidget* parent = nullptr);

    // The block without its seats (the window adds the selection).
    protocol::BlockRequest request() const;
    QComboBox& reasonField() { return *m_reason; }
    QCheckBox& releaseField() { return *m_release; }
    QDateTimeEdit& releaseTimeField() { return *m_releaseAt; }
    void setColour(const QColor& colour);
    std::optional<QString> problem() const;
    void accept() override;

private:
    QComboBox* m_reason;
    QPushButton* m_colourButton;
    QColor m_colour;
    QCheckBox* m_release;
    QDateTimeEdit* m_releaseAt;
};

// Allotting the selected seats and standing places of each area to a box-office device (which may
// sell them offline) or to a sales channel (a partner), with a note.
class AllotDialog : public QDialog {
    Q_OBJECT

public:
    AllotDialog(int seats, const std::vector<layout::GaArea>& areas, QWidget* parent = nullptr);

    // The allotment without its seats (the window adds the selection).
    protocol::AllotmentRequest request() const;
    QRadioButton& deviceChoice() { return *m_toDevice; }
    QRadioButton& channelChoice() { return *m_toChannel; }
    QLineEdit& deviceField() { return *m_device; }
    QLineEdit& channelField() { return *m_channel; }
    QSpinBox& placesField(std::size_t area) { return *m_places.at(area); }
    std::optional<QString> problem() const;
    void accept() override;

private:
    int m_seats;
    std::vector<std::string> m_areaIds;
    QRadioButton* m_toDevice;
    QRadioButton* m_toChannel;
    QLineEdit* m_device;
    QLineEdit* m_channel;
    std::vector<QSpinBox*> m_places;
    QLineEdit* m_note;
};

} // namespace usher::admin
