#include "client-qt/designer/layout_document.h"
#include "common/layout/demo_venues.h"
#include "common/layout/editing.h"
#include "common/layout/layout_json.h"

#include <QtTest>

#include <random>

using namespace usher;
using namespace usher::designer;
using layout::LayoutParts;
using layout::Selection;
using layout::VenueLayout;

namespace {

// Random edits of every kind the designer makes, each through LayoutDocument::edit as the tools do.
class RandomEditor {
public:
    RandomEditor(LayoutDocument& document, std::uint32_t seed) : m_document(document), m_random(seed) {}

    // One edit; returns whether it changed the layout (and so pushed one undo step).
    bool editOnce() {
        const VenueLayout& layout = m_document.layout();
        const Selection selection = randomSelection(layout);
        const LayoutParts parts = layout::partsOf(layout, selection);
        switch (pick(12)) {
        case 0:
            return m_document.edit("Move", parts, [&](VenueLayout& l) {
                layout::translate(l, selection, {offset(), offset()});
            });
        case 1: {
            // A drag: several steps of one gesture merge into one undo step.
            const int gesture = m_document.newGesture();
            bool changed = false;
            const int steps = 1 + pick(5);
            for (int i = 1; i <= steps; ++i) {
                changed = m_document.edit(
                              "Move", parts,
                              [&](VenueLayout& l) {
                                  layout::translate(l, selection, {0.37 * i, -0.21 * i});
                              },
                              gesture) ||
                          changed;
            }
            return changed;
        }
        case 2:
            return m_document.edit("Rotate", parts, [&](VenueLayout& l) {
                layout::rotate(l, selection, layout::centreOf(l, selection), offset() * 20);
            });
        case 3:
            return m_document.edit("Bend rows", parts, [&](VenueLayout& l) {
                const double curvature = offset() / 20;
                layout::forEachSelectedRow(l, selection, [&](layout::Section&, layout::Row& row) {
                    layout::bendRow(row, curvature);
                });
            });
        case 4:
            return m_document.edit("Seat spacing", parts, [&](VenueLayout& l) {
                const double pitch = 0.5 + pick(30) / 100.0;
                layout::forEachSelectedRow(l, selection, [&](layout::Section&, layout::Row& row) {
                    layout::setSeatPitch(row, pitch);
                });
            });
        case 5:
            return m_document.edit("Stretch rows", parts, [&](VenueLayout& l) {
                const int delta = pick(7) - 3;
                layout::forEachSelectedRow(l, selection, [&](layout::Section& section, layout::Row& row) {
                    layout::stretchRow(l, section, row, static_cast<int>(row.seats.size()) + delta);
                });
            });
        case 6:
            return m_document.edit("Row spacing", parts, [&](VenueLayout& l) {
                const double spacing = 0.8 + pick(40) / 100.0;
                layout::forEachSelectedSection(
                    l, selection, [&](layout::Section& section) { layout::setRowSpacing(section, spacing); });
            });
        case 7:
            return m_document.edit("Renumber", parts, [&](VenueLayout& l) {
                const layout::SeatNumbering numbering{1 + pick(5), layout::NumberParity(pick(3)),
                                                      layout::NumberDirection(pick(2))};
                layout::forEachSelectedRow(l, selection, [&](layout::Section&, layout::Row& row) {
                    layout::renumberRow(row, selection, numbering);
                });
            });
        case 8:
            return m_document.edit("Category", parts, [&](VenueLayout& l) {
                const auto& categories = l.categories;
                layout::setCategory(l, selection, any(categories).id);
            });
        case 9:
            return m_document.edit("Accessibility", parts, [&](VenueLayout& l) {
                layout::setAttribute(l, selection, layout::SeatAttribute(pick(3)), pick(2) == 0);
                layout::setBlocked(l, selection, pick(3) == 0 ? "camera position" : "");
            });
        case 10:
            return m_document.edit("Delete", LayoutParts::everything(),
                                   [&](VenueLayout& l) { layout::removeSelection(l, selection); });
        default: {
            const VenueLayout clip = layout::copySelection(layout, selection);
            return m_document.edit("Paste", LayoutParts::everything(), [&](VenueLayout& l) {
                layout::paste(l, clip, {offset() + 40, offset()});
            });
        }
        }
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_random); }
    template <typename T>
    const T& any(const std::vector<T>& list) {
        return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(m_random)];
    }
    double offset() { return std::uniform_real_distribution<double>(-3, 3)(m_random); }

    // A few rows of one section, a table, an area or a decoration: what an admin would pick.
    Selection randomSelection(const VenueLayout& layout) {
        Selection selection;
        if (!layout.sections.empty() && pick(4) != 0) {
            const auto& section = any(layout.sections);
            const auto first = static_cast<std::size_t>(pick(static_cast<int>(section.rows.size())));
            const auto count = static_cast<std::size_t>(1 + pick(4));
            for (std::size_t r = first; r < first + count && r < section.rows.size(); ++r) {
                for (const auto& seat : section.rows[r].seats) {
                    if (pick(8) != 0) {
                        selection.seats.insert(seat.id);
                    }
                }
            }
        }
        if (!layout.tables.empty() && pick(3) == 0) {
            selection = layout::selectObject(layout, any(layout.tables).id);
        }
        if (!layout.gaAreas.empty() && pick(4) == 0) {
            selection.areas.insert(any(layout.gaAreas).id);
        }
        if (!layout.decorations.empty() && pick(4) == 0) {
            selection.decorations.insert(layout.decorations.front().id);
        }
        return selection;
    }

    LayoutDocument& m_document;
    std::mt19937 m_random;
};

VenueLayout theatreWithDecorations() {
    VenueLayout theatre = layout::grandTheatre();
    layout::Decoration exit;
    exit.id = "exit-left";
    exit.kind = layout::DecorationKind::Polygon;
    exit.points = {{-20, 10}, {-18, 10}, {-18, 12}, {-20, 12}};
    exit.text = "EXIT";
    theatre.decorations.push_back(exit);
    return theatre;
}

} // namespace

class TestLayoutDocument : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void randomEditsUndoAndRedoExactly_data() {
        QTest::addColumn<std::uint32_t>("seed");
        for (std::uint32_t seed : {1u, 7u, 42u, 2026u}) {
            QTest::addRow("seed %u", seed) << seed;
        }
    }

    void randomEditsUndoAndRedoExactly() {
        QFETCH(std::uint32_t, seed);
        LayoutDocument document;
        const VenueLayout original = theatreWithDecorations();
        document.reset(original);
        RandomEditor editor(document, seed);
        std::vector<VenueLayout> states{original};
        for (int i = 0; i < 120; ++i) {
            const int stepsBefore = document.undoStack().count();
            const bool changed = editor.editOnce();
            // One edit is at most one undo step, and a step only when something changed.
            QCOMPARE(document.undoStack().count(), stepsBefore + (changed ? 1 : 0));
            if (changed) {
                QVERIFY(!(document.layout() == states.back()));
                states.push_back(document.layout());
            } else {
                QVERIFY(document.layout() == states.back());
            }
        }
        QVERIFY2(states.size() > 60, "most random edits change something");
        const VenueLayout edited = document.layout();
        // Undo step by step: each step gives back exactly the layout before that edit.
        for (auto state = states.rbegin() + 1; state != states.rend(); ++state) {
            document.undoStack().undo();
            QVERIFY(document.layout() == *state);
        }
        QVERIFY(!document.undoStack().canUndo());
        QVERIFY(document.layout() == original);
        QCOMPARE(layout::toJsonText(document.layout()), layout::toJsonText(original));
        while (document.undoStack().canRedo()) {
            document.undoStack().redo();
        }
        QVERIFY(document.layout() == edited);
        QVERIFY(document.isModified());
    }

    void editThatChangesNothingPushesNothing() {
        LayoutDocument document;
        document.reset(theatreWithDecorations());
        QSignalSpy changes(&document, &LayoutDocument::changed);
        const Selection stalls = layout::selectObject(document.layout(), "stalls");
        QVERIFY(!document.edit("Move", layout::partsOf(document.layout(), stalls), [&](VenueLayout& l) {
            layout::translate(l, stalls, {0, 0});
        }));
        QVERIFY(!document.edit("Category", layout::partsOf(document.layout(), Selection{}),
                               [&](VenueLayout& l) { layout::setCategory(l, Selection{}, "premium"); }));
        QCOMPARE(document.undoStack().count(), 0);
        QCOMPARE(changes.count(), 0);
        QVERIFY(!document.isModified());
    }

    void dragIsOneUndoStepFromItsStart() {
        LayoutDocument document;
        const VenueLayout original = theatreWithDecorations();
        document.reset(original);
        const Selection circle = layout::selectObject(document.layout(), "circle");
        const LayoutParts parts = layout::partsOf(document.layout(), circle);
        const int gesture = document.newGesture();
        for (int step = 1; step <= 30; ++step) {
            QVERIFY(document.edit(
                "Move", parts,
                [&](VenueLayout& l) {
                    layout::translate(l, circle, {0.1 * step, 0.05 * step});
                },
                gesture));
        }
        QCOMPARE(document.undoStack().count(), 1);
        // The last step's total, applied once: no rounding added up over 30 steps.
        VenueLayout expected = original;
        layout::translate(expected, circle, {3.0, 1.5});
        QVERIFY(document.layout() == expected);
        document.undoStack().undo();
        QVERIFY(document.layout() == original);
        document.undoStack().redo();
        QVERIFY(document.layout() == expected);
    }

    void dragBackToItsStartLeavesNoStep() {
        LayoutDocument document;
        const VenueLayout original = theatreWithDecorations();
        document.reset(original);
        const Selection exit{{}, {}, {}, {"exit-left"}};
        const LayoutParts parts = layout::partsOf(document.layout(), exit);
        const int gesture = document.newGesture();
        document.edit(
            "Move", parts,
            [&](VenueLayout& l) {
                layout::translate(l, exit, {1, 1});
            },
            gesture);
        document.edit(
            "Move", parts,
            [&](VenueLayout& l) {
                layout::translate(l, exit, {0, 0});
            },
            gesture);
        QCOMPARE(document.undoStack().count(), 0);
        QVERIFY(document.layout() == original);
    }

    void undoDropsSelectedObjectsThatAreGone() {
        LayoutDocument document;
        document.reset(theatreWithDecorations());
        const VenueLayout clip =
            layout::copySelection(document.layout(), layout::selectObject(document.layout(), "exit-left"));
        Selection pasted;
        QVERIFY(document.edit("Paste", LayoutParts::everything(), [&](VenueLayout& l) {
            pasted = layout::paste(l, clip, {5, 0});
        }));
        QCOMPARE(pasted.decorations.size(), 1u);
        document.setSelection(pasted);
        QSignalSpy selectionChanges(&document, &LayoutDocument::selectionChanged);
        document.undoStack().undo();
        QVERIFY(document.selection().empty());
        QCOMPARE(selectionChanges.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLayoutDocument)
#include "tst_layout_document.moc"
