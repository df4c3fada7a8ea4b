#pragma once

#include "common/layout/layout_patch.h"

#include <QUndoCommand>

namespace usher::designer {

class LayoutDocument;

// One undo step: the touched parts of the layout before and after the edit. Redo and undo put one
// side back, so undoing gives back exactly the layout that was there, bit for bit.
class LayoutEditCommand : public QUndoCommand {
public:
    LayoutEditCommand(LayoutDocument& document, const QString& text, layout::LayoutParts parts,
                      layout::LayoutPatch before, layout::LayoutPatch after, int gesture);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    int gesture() const { return m_gesture; }
    const layout::LayoutParts& parts() const { return m_parts; }
    const layout::LayoutPatch& before() const { return m_before; }

private:
    LayoutDocument& m_document;
    layout::LayoutParts m_parts;
    layout::LayoutPatch m_before;
    layout::LayoutPatch m_after;
    int m_gesture;
};

} // namespace usher::designer
