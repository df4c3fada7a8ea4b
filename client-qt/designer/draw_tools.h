#pragma once

#include "client-qt/designer/designer_tool.h"
#include "common/layout/venue_layout.h"

#include <optional>
#include <vector>

namespace usher::designer {

// Row tool (R): drag out a rectangle; it fills with rows one row step apart and seats one pitch
// apart, as a new section in the current price category, rows A.. front to back.
class RowTool : public DesignerTool {
public:
    using DesignerTool::DesignerTool;
    static constexpr double kRowStep = 0.9;
    static double pitchFor(double seatSize) { return seatSize * 1.04; }

    void press(const ToolEvent& event) override;
    void move(const ToolEvent& event) override;
    void release(const ToolEvent& event) override;
    void cancel() override { m_from.reset(); }
    QPainterPath preview() const override;

private:
    // Rows and seats per row that fit between the two corners.
    std::pair<int, int> fit() const;

    std::optional<layout::Point> m_from;
    layout::Point m_to;
};

// Table tools (T round, Y rectangular): a click places a table with the view's seats per table.
class TableTool : public DesignerTool {
public:
    TableTool(DesignerView& view, layout::TableShape shape) : DesignerTool(view), m_shape(shape) {}

    void press(const ToolEvent& event) override;

private:
    layout::TableShape m_shape;
};

// Points tools: click corners, Enter or a double click finishes, Backspace drops the last one.
// GA area (A): a polygon with a capacity of two people per square metre to start with. Line (L): an
// aisle or a wall, drawn as a decoration.
class PointsTool : public DesignerTool {
public:
    enum class Kind { StandingArea, Line };
    PointsTool(DesignerView& view, Kind kind) : DesignerTool(view), m_kind(kind) {}

    void press(const ToolEvent& event) override;
    void move(const ToolEvent& event) override { m_pointer = event.at; }
    void cancel() override { m_points.clear(); }
    bool key(QKeyEvent* event) override;
    QPainterPath preview() const override;
    void finish();

private:
    Kind m_kind;
    std::vector<layout::Point> m_points;
    layout::Point m_pointer;
};

// Shape tools (S rectangle, E ellipse): drag out the shape, a decoration (a bar, a mixing desk).
class ShapeTool : public DesignerTool {
public:
    ShapeTool(DesignerView& view, layout::DecorationKind kind) : DesignerTool(view), m_kind(kind) {}

    void press(const ToolEvent& event) override { m_from = m_to = event.at; }
    void move(const ToolEvent& event) override { m_to = event.at; }
    void release(const ToolEvent& event) override;
    void cancel() override { m_from.reset(); }
    QPainterPath preview() const override;

private:
    layout::DecorationKind m_kind;
    std::optional<layout::Point> m_from;
    layout::Point m_to;
};

// Text tool (X): a click places a label with the text the admin gives.
class TextTool : public DesignerTool {
public:
    using DesignerTool::DesignerTool;
    void press(const ToolEvent& event) override;
};

// Focal point tool (F): a click puts the focal point (the middle of the stage) there.
class FocalPointTool : public DesignerTool {
public:
    using DesignerTool::DesignerTool;
    void press(const ToolEvent& event) override;
};

// Paint tool (P): seats under the pointer take the current price category as it passes; Shift
// paints the whole section or table under it. One stroke is one undo step.
class PaintTool : public DesignerTool {
public:
    using DesignerTool::DesignerTool;
    void press(const ToolEvent& event) override;
    void move(const ToolEvent& event) override;
    void release(const ToolEvent&) override { m_gesture = 0; }
    void cancel() override { m_gesture = 0; }

private:
    void paintAt(const ToolEvent& event);
    int m_gesture = 0;
    std::vector<std::string> m_painted; // seats of this stroke so far
};

} // namespace usher::designer
