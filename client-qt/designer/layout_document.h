#pragma once

#include "common/layout/editing.h"
#include "common/layout/layout_patch.h"
#include "common/layout/venue_layout.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <functional>

namespace usher::designer {

// The designer's document: one venue layout (common/layout's model), its undo history and the
// admin's selection. Every change goes through edit() as an undo command that keeps the parts it
// touched before and after; views re-read the layout when changed() is emitted and keep no copy.
class LayoutDocument : public QObject {
    Q_OBJECT

public:
    explicit LayoutDocument(QObject* parent = nullptr);

    const layout::VenueLayout& layout() const { return m_layout; }
    QUndoStack& undoStack() { return m_undo; }

    // A new layout to edit: the history is cleared and the document is unmodified.
    void reset(layout::VenueLayout layout);

    // Runs `change` on the layout as one undo step named `text`; `parts` must cover everything it
    // changes. An edit that changes nothing pushes nothing and returns false. Edits with the same
    // non-zero `gesture` in a row (the steps of one drag) merge into one undo step: each step starts
    // again from the layout as it was before the gesture's first step, so a drag's moves never add
    // up rounding, and a drag that ends where it began leaves no step behind.
    bool edit(const QString& text, const layout::LayoutParts& parts,
              const std::function<void(layout::VenueLayout&)>& change, int gesture = 0);
    // A number for a new gesture (drag), never 0.
    int newGesture() { return ++m_lastGesture; }

    const layout::Selection& selection() const { return m_selection; }
    void setSelection(layout::Selection selection);

    bool isModified() const { return !m_undo.isClean(); }

    // Called by the undo commands after they changed the layout.
    void applyPatch(const layout::LayoutPatch& patch);

Q_SIGNALS:
    // The layout changed (an edit, an undo or redo, a reset): only `parts` of it, so views can
    // refresh just those (a drag of one section in a stadium redraws that section).
    void changed(const layout::LayoutParts& parts);
    void selectionChanged();
    // A new layout replaced the document (reset()), after changed(): views show all of it.
    void replaced();

private:
    layout::VenueLayout m_layout;
    QUndoStack m_undo;
    layout::Selection m_selection;
    int m_lastGesture = 0;
};

} // namespace usher::designer
