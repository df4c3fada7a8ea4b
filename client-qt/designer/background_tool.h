#pragma once

#include "client-qt/designer/designer_tool.h"

#include <QRectF>

#include <optional>

namespace usher::designer {

// I: lines the background image up with the plan. Dragging moves it; Shift+drag scales it about
// where the drag began (ten metres of drag to the right double it). A locked background stays put.
// The image is a tracing aid of this session, not part of the layout, so this is not undone.
class BackgroundTool : public DesignerTool {
public:
    using DesignerTool::DesignerTool;

    void press(const ToolEvent& event) override;
    void move(const ToolEvent& event) override;
    void release(const ToolEvent& event) override;
    void cancel() override;
    Qt::CursorShape cursor() const override { return Qt::OpenHandCursor; }

private:
    std::optional<layout::Point> m_from;
    QRectF m_startRect; // the image where the drag began, in scene units
};

} // namespace usher::designer
