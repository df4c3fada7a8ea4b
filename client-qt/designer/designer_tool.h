#pragma once

#include "common/layout/venue_layout.h"

#include <QCoreApplication>
#include <QPainterPath>
#include <QString>
#include <Qt>

class QKeyEvent;

namespace usher::designer {

class DesignerView;
class LayoutDocument;

// The translation context of the tools' undo step names and prompts.
struct DesignerText {
    Q_DECLARE_TR_FUNCTIONS(DesignerText)
};

// A pointer event on the plan, in layout metres.
struct ToolEvent {
    layout::Point at;
    Qt::KeyboardModifiers modifiers;
};

// One designer tool: it turns pointer input on the plan into edits of the document. Tools never
// touch graphics items; what they draw while the pointer is down is a preview path the view paints.
class DesignerTool {
public:
    explicit DesignerTool(DesignerView& view);
    virtual ~DesignerTool() = default;
    DesignerTool(const DesignerTool&) = delete;
    DesignerTool& operator=(const DesignerTool&) = delete;

    virtual void press(const ToolEvent& event) = 0;
    virtual void move(const ToolEvent&) {}
    virtual void release(const ToolEvent&) {}
    // Escape, or another tool was picked: drop what is in progress.
    virtual void cancel() {}
    // Keys for the tool (Enter to finish a polygon); true when used.
    virtual bool key(QKeyEvent*) { return false; }
    // In plan metres, painted over the map while the tool works (a rubber band, a row preview).
    virtual QPainterPath preview() const { return {}; }
    virtual Qt::CursorShape cursor() const { return Qt::CrossCursor; }

protected:
    DesignerView& view() const { return m_view; }
    LayoutDocument& document() const;

private:
    DesignerView& m_view;
};

} // namespace usher::designer
