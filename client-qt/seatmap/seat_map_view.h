#pragma once

#include "client-qt/seatmap/seat_map_scene.h"

#include <QGraphicsView>

#include <optional>

namespace usher::seatmap {

// The interactive seat map. Mouse: click toggles a seat, shift-click selects the run of its row from
// the last clicked seat, dragging on empty floor draws a rubber band whose seats join the selection,
// the wheel zooms around the pointer, the middle button pans. Keyboard: arrows move the seat cursor
// (along the row, and to the row in front or behind), Space toggles the seat under it, + and -
// zoom, 0 fits the house in the view, Escape clears the selection. The view's accessible name is the
// cursor seat's description, kept current for screen readers.
class SeatMapView : public QGraphicsView {
    Q_OBJECT

public:
    explicit SeatMapView(SeatMapModel& model, QWidget* parent = nullptr);

    SeatMapScene& seatScene() { return m_scene; }
    const SeatMapScene& seatScene() const { return m_scene; }
    // The whole house in view; it stays so when the view is resized, until the clerk zooms or pans.
    void fitToView();
    // Whether a new layout in the model is fitted into the view (the sales map's choice). The
    // designer turns this off: its layout is rebuilt on edits, and the admin's zoom must stay.
    void setFitsNewLayouts(bool fits) { m_fitsNewLayouts = fits; }
    void zoomBy(double factor);
    // Pixels per scene unit at the current zoom.
    double scale() const;
    Detail detail() const;

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void onCursorMoved(std::uint32_t to);
    void updateAccessibleName();

    SeatMapModel& m_model;
    SeatMapScene m_scene;
    std::optional<QPointF> m_bandFrom; // scene point where a rubber band began
    QPoint m_panFrom;                  // middle-button pan in progress when not null
    bool m_fitted = true;              // the whole house in view, kept so when the view is resized
    bool m_fitsNewLayouts = true;
};

} // namespace usher::seatmap
