#pragma once

#include "client-qt/seatmap/seat_map_model.h"

#include <QWidget>

namespace usher::seatmap {

// The key to a seat map: each price category's colour, name and price, then each seat state drawn
// exactly as the map draws it. Follows the model (a new layout, new prices).
class SeatMapLegend : public QWidget {
    Q_OBJECT

public:
    explicit SeatMapLegend(const SeatMapModel& model, QWidget* parent = nullptr);

    QSize sizeHint() const override;
    // The lines it shows, top to bottom, as text (for tests and accessibility).
    QStringList entries() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    const SeatMapModel& m_model;
};

} // namespace usher::seatmap
