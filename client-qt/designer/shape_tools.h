#pragma once

#include "client-qt/designer/designer_tool.h"
#include "common/layout/editing.h"
#include "common/layout/layout_patch.h"

namespace usher::designer {

// Row shaping: drag on the plan to reshape the selected rows (or, with nothing selected, the rows
// of the section under the pointer). The whole drag is one undo step, computed each time from the
// rows as they were when it began.
//  - Bend (B): dragging down curves the rows around the stage, up the other way.
//  - Stretch (W): dragging right adds seats at each row's end, left removes them.
//  - Spacing (D): dragging right spreads the seats, left packs them; down spreads the rows.
class RowShapeTool : public DesignerTool {
public:
    enum class Shape { Bend, Stretch, Spacing };
    RowShapeTool(DesignerView& view, Shape shape) : DesignerTool(view), m_shape(shape) {}

    void press(const ToolEvent& event) override;
    void move(const ToolEvent& event) override;
    void release(const ToolEvent&) override { m_gesture = 0; }
    void cancel() override { m_gesture = 0; }
    Qt::CursorShape cursor() const override;

private:
    Shape m_shape;
    layout::Selection m_rows;
    layout::LayoutParts m_parts;
    layout::Point m_from;
    int m_gesture = 0;
};

} // namespace usher::designer
