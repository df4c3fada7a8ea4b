#include "client-qt/designer/layout_document.h"

#include "client-qt/designer/layout_edit_command.h"

namespace usher::designer {

LayoutDocument::LayoutDocument(QObject* parent) : QObject(parent) {}

void LayoutDocument::reset(layout::VenueLayout layout) {
    m_undo.clear();
    m_layout = std::move(layout);
    m_selection = {};
    m_undo.setClean();
    Q_EMIT changed(layout::LayoutParts::everything());
    Q_EMIT selectionChanged();
    Q_EMIT replaced();
}

bool LayoutDocument::edit(const QString& text, const layout::LayoutParts& parts,
                          const std::function<void(layout::VenueLayout&)>& change, int gesture) {
    const LayoutEditCommand* ongoing = nullptr;
    if (gesture != 0 && m_undo.index() == m_undo.count() && m_undo.count() > 0) {
        const auto* top = dynamic_cast<const LayoutEditCommand*>(m_undo.command(m_undo.count() - 1));
        if (top != nullptr && top->gesture() == gesture) {
            ongoing = top;
        }
    }
    // A gesture's later steps start again from where its first one did, over the same parts.
    const layout::LayoutParts& touched = ongoing != nullptr ? ongoing->parts() : parts;
    if (ongoing != nullptr) {
        ongoing->before().applyTo(m_layout);
    }
    layout::LayoutPatch before =
        ongoing != nullptr ? ongoing->before() : layout::LayoutPatch(m_layout, touched);
    change(m_layout);
    layout::LayoutPatch after(m_layout, touched);
    if (ongoing == nullptr && after == before) {
        return false;
    }
    // push() runs redo(), which puts `after` in place (already there) and announces the change.
    m_undo.push(new LayoutEditCommand(*this, text, touched, std::move(before), std::move(after), gesture));
    return true;
}

void LayoutDocument::setSelection(layout::Selection selection) {
    if (selection == m_selection) {
        return;
    }
    m_selection = std::move(selection);
    Q_EMIT selectionChanged();
}

void LayoutDocument::applyPatch(const layout::LayoutPatch& patch) {
    patch.applyTo(m_layout);
    Q_EMIT changed(patch.parts());
    layout::Selection kept = layout::existingPart(m_layout, m_selection);
    if (!(kept == m_selection)) {
        m_selection = std::move(kept);
        Q_EMIT selectionChanged();
    }
}

} // namespace usher::designer
