#pragma once

#include "client-qt/designer/designer_tool.h"
#include "client-qt/designer/layout_document.h"
#include "client-qt/seatmap/seat_map_view.h"
#include "common/layout/snapping.h"

#include <QImage>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace usher::designer {

// The designer's plan: the layout drawn by the shared seat map (seats, sections, tables, standing
// areas, the stage), with decorations, the focal point, the selection and the tool's preview drawn
// over it, and a background image to trace under it. Zoom and pan work as in the sales map (wheel,
// middle button, + - 0); the left button and the keys belong to the current tool.
class DesignerView : public seatmap::SeatMapView {
    Q_OBJECT

public:
    DesignerView(LayoutDocument& document, seatmap::SeatMapModel& seats, QWidget* parent = nullptr);

    LayoutDocument& document() const { return m_document; }
    void setTool(DesignerTool* tool); // not owned; nullptr for none
    DesignerTool* tool() const { return m_tool; }

    // The section, table, GA area or decoration at a point of the plan (seats count for their
    // section or table), topmost first.
    std::optional<std::string> objectAt(layout::Point at) const;
    std::optional<std::string> seatAt(layout::Point at) const;
    std::vector<std::string> seatsIn(layout::Point a, layout::Point b) const;
    // Pointer tolerance: a few pixels, in metres at the current zoom.
    double pickRadius() const;

    layout::SnapSettings& snapping() { return m_snap; }
    // What the placing tools use: seats per new table, and how to ask for a label's text (a
    // dialog in the app; tests answer directly). An empty answer places nothing.
    int tableSeats() const { return m_tableSeats; }
    void setTableSeats(int seats) { m_tableSeats = std::max(1, seats); }
    std::function<QString()> askText;
    std::string currentCategory() const { return m_category; }
    void setCurrentCategory(std::string category) { m_category = std::move(category); }

    // Something to trace over: drawn under the plan, scaled so `metresWide` spans its width.
    void setBackground(QImage image, layout::Point topLeft, double metresWide);
    void setBackgroundOpacity(double opacity);
    bool hasBackground() const { return !m_background.isNull(); }
    // Where the image lies on the plan (scene units), as the background tool moves and scales it.
    QRectF backgroundRect() const { return m_backgroundRect; }
    void setBackgroundRect(const QRectF& rect);
    // A locked background cannot be moved or scaled: tracing over it does not shift it by mistake.
    bool backgroundLocked() const { return m_backgroundLocked; }
    void setBackgroundLocked(bool locked) { m_backgroundLocked = locked; }
    double backgroundOpacity() const { return m_backgroundOpacity; }

    // The tool's preview changed.
    void updatePreview();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    void showLayout(const layout::LayoutParts& parts);
    void showSelection();
    ToolEvent toolEvent(const QMouseEvent* event) const;

    LayoutDocument& m_document;
    seatmap::SeatMapModel& m_seats;
    DesignerTool* m_tool = nullptr;
    layout::SnapSettings m_snap;
    int m_tableSeats = 8;
    std::string m_category;
    QImage m_background;
    QRectF m_backgroundRect; // scene units
    double m_backgroundOpacity = 0.5;
    bool m_backgroundLocked = false;
    bool m_toolPressed = false;
};

} // namespace usher::designer
