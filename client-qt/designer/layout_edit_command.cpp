#include "client-qt/designer/layout_edit_command.h"

#include "client-qt/designer/layout_document.h"

namespace usher::designer {
namespace {

// Every gesture's steps share one command id; mergeWith tells gestures apart.
constexpr int kGestureCommandId = 1;

} // namespace

LayoutEditCommand::LayoutEditCommand(LayoutDocument& document, const QString& text, layout::LayoutParts parts,
                                     layout::LayoutPatch before, layout::LayoutPatch after, int gesture)
    : QUndoCommand(text), m_document(document), m_parts(std::move(parts)), m_before(std::move(before)),
      m_after(std::move(after)), m_gesture(gesture) {}

void LayoutEditCommand::undo() {
    m_document.applyPatch(m_before);
}

void LayoutEditCommand::redo() {
    m_document.applyPatch(m_after);
}

int LayoutEditCommand::id() const {
    return m_gesture != 0 ? kGestureCommandId : -1;
}

bool LayoutEditCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const LayoutEditCommand*>(other);
    if (next->m_gesture != m_gesture) {
        return false;
    }
    m_after = next->m_after;
    // A drag back to where it began is no step at all: the stack drops an obsolete command.
    setObsolete(m_after == m_before);
    return true;
}

} // namespace usher::designer
