#include "client-qt/designer/background_tool.h"

#include "client-qt/designer/designer_view.h"

#include <cmath>

namespace usher::designer {

void BackgroundTool::press(const ToolEvent& event) {
    if (!view().hasBackground() || view().backgroundLocked()) {
        return;
    }
    m_from = event.at;
    m_startRect = view().backgroundRect();
}

void BackgroundTool::move(const ToolEvent& event) {
    if (!m_from) {
        return;
    }
    const layout::Point drag = event.at - *m_from;
    if (event.modifiers & Qt::ShiftModifier) {
        const double factor = std::pow(2.0, drag.x / 10.0);
        const QPointF about = seatmap::toScene(*m_from);
        view().setBackgroundRect(
            QRectF(about + (m_startRect.topLeft() - about) * factor, m_startRect.size() * factor));
    } else {
        view().setBackgroundRect(m_startRect.translated(seatmap::toScene(drag)));
    }
}

void BackgroundTool::release(const ToolEvent& event) {
    move(event);
    m_from.reset();
}

void BackgroundTool::cancel() {
    if (m_from) {
        view().setBackgroundRect(m_startRect);
    }
    m_from.reset();
}

} // namespace usher::designer
