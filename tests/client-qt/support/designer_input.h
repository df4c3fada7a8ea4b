#pragma once

#include "client-qt/designer/designer_window.h"

#include <QMouseEvent>
#include <QtTest>

#include <cmath>
#include <vector>

namespace usher::testing {

// Synthetic mouse and keyboard input on the designer, in plan metres, as an admin gives it. A
// gesture that would leave the visible plan first scrolls the view to it.
class DesignerInput {
public:
    explicit DesignerInput(designer::DesignerWindow& window) : m_window(window), m_view(window.view()) {}

    // Pixels per metre from here on, for drags that must measure exactly (dragBy).
    void zoom(double pixelsPerMetre) {
        m_view.resetTransform();
        m_view.QGraphicsView::scale(pixelsPerMetre / seatmap::kUnitsPerMetre,
                                    pixelsPerMetre / seatmap::kUnitsPerMetre);
    }
    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::keyClick(&m_window, static_cast<Qt::Key>(key), modifiers);
    }
    void tool(Qt::Key key) { QTest::keyClick(&m_window, key); }

    void click(layout::Point p, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        show(p, p);
        QTest::mouseClick(m_view.viewport(), Qt::LeftButton, modifiers, at(p));
    }
    void drag(layout::Point from, layout::Point to, Qt::KeyboardModifiers modifiers = Qt::NoModifier,
              int steps = 5) {
        show(from, to);
        dragPixels(at(from), at(to), modifiers, steps);
    }
    // A drag by an exact number of pixels, so the tools see the intended distance.
    void dragBy(layout::Point from, layout::Point by, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        show(from, from + by);
        const double pixelsPerMetre = m_view.transform().m11() * seatmap::kUnitsPerMetre;
        const QPoint start = at(from);
        dragPixels(start,
                   start + QPoint(static_cast<int>(std::lround(by.x * pixelsPerMetre)),
                                  static_cast<int>(std::lround(by.y * pixelsPerMetre))),
                   modifiers, 4);
    }
    // A rubber band from empty floor with the select tool; with Shift it adds to the selection.
    void band(layout::Point a, layout::Point b, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        tool(Qt::Key_V);
        drag(a, b, modifiers);
    }
    // Ctrl-clicks with the select tool: exactly these seats selected.
    void pick(const std::vector<layout::Point>& seats) {
        tool(Qt::Key_V);
        m_window.document().setSelection({}); // as a click on empty floor does
        for (layout::Point seat : seats) {
            click(seat, Qt::ControlModifier);
        }
    }

private:
    QPoint at(layout::Point p) const { return m_view.mapFromScene(seatmap::toScene(p)); }

    void show(layout::Point a, layout::Point b) {
        const QRect visible = m_view.viewport()->rect();
        if (!visible.contains(at(a)) || !visible.contains(at(b))) {
            m_view.centerOn(seatmap::toScene((a + b) * 0.5));
        }
    }

    void dragPixels(QPoint start, QPoint end, Qt::KeyboardModifiers modifiers, int steps) {
        QTest::mousePress(m_view.viewport(), Qt::LeftButton, modifiers, start);
        for (int i = 1; i <= steps; ++i) {
            const QPoint p = start + (end - start) * i / steps;
            QMouseEvent move(QEvent::MouseMove, p, m_view.viewport()->mapToGlobal(p), Qt::NoButton,
                             Qt::LeftButton, modifiers);
            QApplication::sendEvent(m_view.viewport(), &move);
        }
        QTest::mouseRelease(m_view.viewport(), Qt::LeftButton, modifiers, end);
    }

    designer::DesignerWindow& m_window;
    designer::DesignerView& m_view;
};

} // namespace usher::testing
