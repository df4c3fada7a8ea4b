// Benchmark: the layout designer (client-qt/designer/) on Qt's offscreen platform, with the goals of
// issue 5:
//   open: a 100,000-seat layout into the designer window to its first painted frame (< 1 s);
//   drag: each step of dragging a 2,000-seat section with the select tool in a 20,000-seat layout,
//         the mouse event through the tool, the undo step's merge and the repainted frame (< 33 ms);
//   undo: undoing that drag, with the frame that shows it (< 50 ms).
// Each is repeated and reported as median and worst. Run it from a Release build.

#include "client-qt/designer/designer_window.h"
#include "common/layout/editing.h"
#include "common/layout/synthetic_layout.h"
#include "tests/load/bench_timing.h"

#include <QApplication>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

using namespace usher;
using bench::Clock;
using bench::millisecondsSince;
using bench::summarize;
using bench::Summary;

// What the screen gets: the whole window painted into an image of its size.
void paintFrame(designer::DesignerWindow& window, QImage& frame) {
    QPainter painter(&frame);
    window.render(&painter);
}

void mouse(QWidget* target, QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
    QMouseEvent event(type, at, target->mapToGlobal(at),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

Summary measureOpen(std::size_t seats, int runs) {
    const layout::VenueLayout venue = layout::syntheticLayout(seats);
    std::vector<double> samples;
    for (int run = 0; run < runs; ++run) {
        designer::DesignerWindow window;
        window.resize(1366, 768);
        window.show();
        QApplication::processEvents();
        QImage frame(window.size(), QImage::Format_ARGB32_Premultiplied);
        const auto start = Clock::now();
        window.document().reset(venue);
        window.view().fitToView();
        paintFrame(window, frame);
        samples.push_back(millisecondsSince(start));
    }
    return summarize(samples);
}

struct DragResult {
    Summary step;
    Summary undo;
    std::size_t moved = 0;
};

DragResult measureDrag(int runs, int steps) {
    // 20,000 seats in ten sections of 2,000 (50 rows of 40).
    const layout::VenueLayout venue = layout::syntheticLayout(20000, {40, 50, 4, 0.05});
    designer::DesignerWindow window;
    window.resize(1366, 768);
    window.show();
    window.document().reset(venue);
    window.view().fitToView();
    QApplication::processEvents();
    QImage frame(window.size(), QImage::Format_ARGB32_Premultiplied);
    QWidget* viewport = window.view().viewport();
    const layout::Section& section = window.document().layout().sections.front();
    const layout::Point grip = section.rows[section.rows.size() / 2].seats[20].position;

    DragResult result;
    result.moved = layout::selectObject(window.document().layout(), section.id).seats.size();
    std::vector<double> stepTimes;
    std::vector<double> undoTimes;
    for (int run = 0; run < runs; ++run) {
        const QPointF from = window.view().mapFromScene(seatmap::toScene(grip));
        mouse(viewport, QEvent::MouseButtonPress, from, Qt::LeftButton);
        for (int step = 1; step <= steps; ++step) {
            const QPointF to = from + QPointF(step * 3.0, step * 1.0);
            const auto start = Clock::now();
            mouse(viewport, QEvent::MouseMove, to, Qt::LeftButton);
            paintFrame(window, frame);
            stepTimes.push_back(millisecondsSince(start));
        }
        mouse(viewport, QEvent::MouseButtonRelease, from + QPointF(steps * 3.0, steps * 1.0), Qt::NoButton);
        const auto start = Clock::now();
        window.document().undoStack().undo();
        paintFrame(window, frame);
        undoTimes.push_back(millisecondsSince(start));
    }
    result.step = summarize(stepTimes);
    result.undo = summarize(undoTimes);
    return result;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    CLI::App cli{"Designer benchmark: open a large layout, drag a section, undo the drag"};
    std::size_t seats = 100000;
    int runs = 5;
    int steps = 30;
    cli.add_option("--seats", seats, "seats of the layout opened")->check(CLI::Range(1, 1000000));
    cli.add_option("--runs", runs, "opens and drags measured")->check(CLI::Range(1, 1000));
    cli.add_option("--steps", steps, "mouse moves per drag")->check(CLI::Range(1, 10000));
    CLI11_PARSE(cli, argc, argv);
    int qtArgc = 1;
    QApplication app(qtArgc, argv);

    const Summary open = measureOpen(seats, runs);
    std::printf(
        "open %zu seats in the designer and paint 1366x768: median %.1f ms, worst %.1f ms (goal < 1000 ms)\n",
        seats, open.median, open.worst);
    const DragResult drag = measureDrag(runs, steps);
    std::printf(
        "drag %zu seats in 20,000, each step with its frame: median %.1f ms, worst %.1f ms (goal < 33 ms)\n",
        drag.moved, drag.step.median, drag.step.worst);
    std::printf("undo that drag with its frame: median %.1f ms, worst %.1f ms (goal < 50 ms)\n",
                drag.undo.median, drag.undo.worst);
    return 0;
}
