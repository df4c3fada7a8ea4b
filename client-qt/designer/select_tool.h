#pragma once

#include "client-qt/designer/designer_tool.h"
#include "common/layout/editing.h"
#include "common/layout/layout_patch.h"

#include <optional>

namespace usher::designer {

// Select, move and turn (shortcut V). A click picks the section, table, area or decoration under
// the pointer (Shift adds it, Ctrl toggles the one seat under it); dragging on empty floor selects
// the seats and objects inside the band. Dragging the selection moves it, snapped to the grid and
// to the edges and centre lines of other objects (Ctrl: no snapping); with Alt held it turns about
// its centre in 5 degree steps (Shift: 1 degree). A whole drag is one undo step.
class SelectTool : public DesignerTool {
public:
    using DesignerTool::DesignerTool;

    void press(const ToolEvent& event) override;
    void move(const ToolEvent& event) override;
    void release(const ToolEvent& event) override;
    void cancel() override;
    QPainterPath preview() const override;
    Qt::CursorShape cursor() const override { return Qt::ArrowCursor; }

private:
    enum class Mode { None, Band, Move, Turn };
    bool isSelectedAt(layout::Point at) const;

    Mode m_mode = Mode::None;
    layout::Point m_from;
    layout::Point m_to;
    layout::Selection m_moving;
    layout::LayoutParts m_parts;
    layout::Box m_startBox;
    std::vector<layout::Box> m_others;
    layout::Point m_pivot;
    int m_gesture = 0;
};

} // namespace usher::designer
