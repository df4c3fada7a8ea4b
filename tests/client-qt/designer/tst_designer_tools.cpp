#include "client-qt/designer/designer_window.h"
#include "client-qt/designer/draw_tools.h"
#include "common/layout/geometry.h"
#include "common/layout/layout_json.h"
#include "common/layout/seat_location.h"
#include "common/layout/validation.h"
#include "tests/client-qt/support/designer_input.h"
#include "tests/client-qt/support/screenshot.h"

#include <QListWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace usher;
using namespace usher::designer;

namespace {

std::vector<layout::Point> positionsOf(const layout::Row& row) {
    std::vector<layout::Point> points;
    for (const auto& seat : row.seats) {
        points.push_back(seat.position);
    }
    return points;
}

} // namespace

class TestDesignerTools : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<DesignerWindow> m_window;
    std::unique_ptr<testing::DesignerInput> m_admin;

    const layout::VenueLayout& venue() { return m_window->document().layout(); }
    int steps() { return m_window->document().undoStack().count(); }

    // 4 rows of 10 seats with the row tool, starting at (0, 5).
    void drawBlock() {
        m_admin->key(Qt::Key_R);
        const double pitch = RowTool::pitchFor(venue().seatSize);
        m_admin->drag({0, 5}, {pitch * 9 + 0.05, 5 + RowTool::kRowStep * 3 + 0.05});
    }

private Q_SLOTS:
    void init() {
        QStandardPaths::setTestModeEnabled(true);
        m_window = std::make_unique<DesignerWindow>();
        m_window->confirmRestore = nullptr; // drafts are declined unless a test says otherwise
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto& view = m_window->view();
        view.resetTransform();
        view.QGraphicsView::scale(0.3, 0.3); // 30 pixels per metre
        view.centerOn(seatmap::toScene({4, 6}));
        m_admin = std::make_unique<testing::DesignerInput>(*m_window);
    }

    void cleanup() {
        m_window->document().undoStack().setClean(); // no "save changes?" on close
        m_window.reset();
    }

    void rowToolDrawsASectionOfRowsAndSeats() {
        drawBlock();
        QCOMPARE(venue().sections.size(), 1u);
        const auto& section = venue().sections[0];
        QCOMPARE(section.rows.size(), 4u);
        QCOMPARE(section.rows[0].seats.size(), 10u);
        QCOMPARE(section.rows[0].label, std::string("A"));
        QCOMPARE(section.rows[3].seats[9].number, std::string("10"));
        QCOMPARE(section.rows[0].seats[0].category, std::string("standard"));
        QVERIFY(layout::validate(venue()).empty());
        QCOMPARE(m_window->document().selection().seats.size(), 40u);
        QCOMPARE(steps(), 1);
        QVERIFY(m_window->countsText().contains(QStringLiteral("Total capacity: 40")));
        m_admin->key(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(venue().sections.empty());
    }

    void selectToolMovesWithSnappingAsOneStep() {
        drawBlock();
        const layout::Point before = venue().sections[0].rows[0].seats[0].position;
        m_admin->key(Qt::Key_V);
        m_admin->drag({1, 5}, {4.1, 6.02}, Qt::NoModifier, 12);
        const layout::Point after = venue().sections[0].rows[0].seats[0].position;
        // Snapped to the 0.25 m grid: the block's corner lands on (3, 6).
        QCOMPARE(after.x, before.x + 3);
        QCOMPARE(after.y, before.y + 1);
        QCOMPARE(steps(), 2);
        m_admin->key(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(venue().sections[0].rows[0].seats[0].position, before);
    }

    void arrowsNudgeTheSelection() {
        drawBlock();
        const layout::Point before = venue().sections[0].rows[0].seats[0].position;
        m_window->view().setFocus();
        QTest::keyClick(m_window->view().viewport(), Qt::Key_Right);
        QTest::keyClick(&m_window->view(), Qt::Key_Down, Qt::ShiftModifier);
        const layout::Point after = venue().sections[0].rows[0].seats[0].position;
        QCOMPARE(after.y, before.y + 1);
    }

    void bendStretchAndSpacingToolsShapeTheSelectedRows() {
        drawBlock();
        m_admin->key(Qt::Key_B);
        m_admin->drag({2, 6}, {2, 8});
        const auto& row = venue().sections[0].rows[0];
        QVERIFY(std::abs(layout::curvatureThrough(positionsOf(row)) - 0.1) < 0.005);
        QCOMPARE(steps(), 2);

        m_admin->key(Qt::Key_W);
        const double pitch = RowTool::pitchFor(venue().seatSize);
        m_admin->drag({2, 6}, {2 + 2 * pitch, 6});
        for (const auto& r : venue().sections[0].rows) {
            QCOMPARE(r.seats.size(), 12u);
        }
        QVERIFY(layout::validate(venue()).empty());

        // Bending keeps the row's ends, so its seats spread a little along the longer arc.
        const auto gap = [this](std::size_t r) {
            return layout::distance(venue().sections[0].rows[r].seats[0].position,
                                    venue().sections[0].rows[r].seats[1].position);
        };
        const double bentPitch = gap(0);
        const double rowStep = layout::distance(venue().sections[0].rows[0].seats[0].position,
                                                venue().sections[0].rows[1].seats[0].position);
        m_admin->key(Qt::Key_D);
        m_admin->drag({2, 6}, {3, 7});
        QVERIFY2(std::abs(gap(0) - bentPitch - 0.1) < 0.005, qPrintable(QString::number(gap(0))));
        const double newStep = layout::distance(venue().sections[0].rows[0].seats[0].position,
                                                venue().sections[0].rows[1].seats[0].position);
        QVERIFY(newStep > rowStep + 0.1);
        QCOMPARE(steps(), 4);
    }

    void placingToolsAddTablesAreasShapesAndText() {
        m_admin->key(Qt::Key_T);
        m_admin->click({2, 12});
        QCOMPARE(venue().tables.size(), 1u);
        QCOMPARE(venue().tables[0].seats.size(), 8u);
        m_admin->key(Qt::Key_Y);
        m_admin->click({8, 12});
        QCOMPARE(venue().tables[1].shape, layout::TableShape::Rectangle);

        m_admin->key(Qt::Key_A);
        for (layout::Point p :
             {layout::Point{0, 15}, layout::Point{10, 15}, layout::Point{10, 20}, layout::Point{0, 20}}) {
            m_admin->click(p);
        }
        QTest::keyClick(&m_window->view(), Qt::Key_Return);
        QCOMPARE(venue().gaAreas.size(), 1u);
        QVERIFY(std::abs(venue().gaAreas[0].capacity - 100) <= 2); // two per square metre of about 50 m²

        m_admin->key(Qt::Key_S);
        m_admin->drag({-6, 0}, {-2, 2});
        m_admin->key(Qt::Key_E);
        m_admin->drag({-6, 4}, {-2, 6});
        m_admin->key(Qt::Key_L);
        m_admin->click({-6, 8});
        m_admin->click({-2, 8});
        QTest::keyClick(&m_window->view(), Qt::Key_Return);
        m_window->view().askText = [] { return QStringLiteral("BAR"); };
        m_admin->key(Qt::Key_X);
        m_admin->click({-4, 10});
        QCOMPARE(venue().decorations.size(), 4u);
        QCOMPARE(venue().decorations[0].kind, layout::DecorationKind::Polygon);
        QCOMPARE(venue().decorations[1].kind, layout::DecorationKind::Ellipse);
        QCOMPARE(venue().decorations[2].kind, layout::DecorationKind::Polyline);
        QCOMPARE(venue().decorations[3].text, std::string("BAR"));

        m_admin->key(Qt::Key_F);
        m_admin->click({4, -2});
        // A click lands on a pixel: 30 pixels per metre is 3.3 cm.
        QVERIFY(layout::distance(venue().focalPoint, {4, -2}) < 0.05);
        QVERIFY(layout::validate(venue()).empty());
    }

    void paintToolAndSeatFlags() {
        drawBlock();
        m_window->document().edit("Category", layout::LayoutParts::everything(), [](layout::VenueLayout& v) {
            v.categories.push_back({"premium", "Premium", "#aa3355"});
        });
        m_window->setPaintCategory("premium");
        m_admin->key(Qt::Key_P);
        const auto& front = venue().sections[0].rows[0];
        m_admin->drag(front.seats[0].position, front.seats[2].position, Qt::NoModifier, 10);
        QCOMPARE(venue().sections[0].rows[0].seats[0].category, std::string("premium"));
        QCOMPARE(venue().sections[0].rows[0].seats[2].category, std::string("premium"));
        QCOMPARE(venue().sections[0].rows[0].seats[5].category, std::string("standard"));

        const std::string space = venue().sections[0].rows[3].seats[0].id;
        const std::string companion = venue().sections[0].rows[3].seats[1].id;
        m_window->document().setSelection(layout::Selection{{space, companion}, {}, {}, {}});
        QVERIFY(m_window->pairCompanion());
        QVERIFY(venue().sections[0].rows[3].seats[0].wheelchair);
        QCOMPARE(venue().sections[0].rows[3].seats[1].companionOf, space);
        m_window->block(QStringLiteral("Camera position"));
        QCOMPARE(venue().sections[0].rows[3].seats[0].blocked, std::string("Camera position"));
        QVERIFY(m_window->countsText().contains(QStringLiteral("Blocked seats: 2")));
        // Renumbering numbers the selected seats: here the two just paired, then the whole block.
        m_window->renumber({7, layout::NumberParity::All, layout::NumberDirection::LeftToRight});
        QCOMPARE(venue().sections[0].rows[3].seats[1].number, std::string("8"));
        QCOMPARE(venue().sections[0].rows[3].seats[2].number, std::string("3"));
        m_window->document().setSelection(layout::selectObject(venue(), venue().sections[0].id));
        m_window->renumber({101, layout::NumberParity::Even, layout::NumberDirection::RightToLeft});
        QCOMPARE(venue().sections[0].rows[3].seats[9].number, std::string("102"));
        m_window->relabelRows({0, "I"}, true);
        QCOMPARE(venue().sections[0].rows[0].label, std::string("D"));
    }

    void clipboardAndDeleteFromTheKeyboard() {
        drawBlock();
        m_admin->key(Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(venue().sections.size(), 2u);
        QCOMPARE(layout::seatCount(venue()), 80u);
        QVERIFY(layout::validate(venue()).empty());
        m_admin->key(Qt::Key_A, Qt::ControlModifier);
        m_admin->key(Qt::Key_Delete);
        QVERIFY(venue().sections.empty());
        m_admin->key(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(venue().sections.size(), 2u);
        m_admin->key(Qt::Key_Z, Qt::ShiftModifier | Qt::ControlModifier);
        QVERIFY(venue().sections.empty());
    }

    void problemsSelectTheOffendingSeats() {
        drawBlock();
        const std::string category = "gone";
        m_window->applyCategory(category);
        QListWidget& problems = m_window->problemList();
        QTRY_VERIFY(problems.count() >= 40); // the panel follows the edit a moment later
        m_window->document().setSelection({});
        QTest::mouseClick(problems.viewport(), Qt::LeftButton, {},
                          problems.visualItemRect(problems.item(3)).center());
        QCOMPARE(m_window->document().selection().seats.size(), 1u);
    }

    void anUnsavedDraftIsOfferedBackWhenTheLayoutIsOpened() {
        m_admin->key(Qt::Key_N, Qt::ControlModifier);
        drawBlock();
        m_window->saveDraft();
        const layout::VenueLayout drafted = venue();
        QVERIFY(QFile::exists(m_window->draftPath()));

        // The session ends without saving; the next New finds the draft and the admin takes it.
        QString offered;
        m_window->confirmRestore = [&](const QString& name, const QDateTime&) {
            offered = name;
            return true;
        };
        m_window->document().undoStack().setClean();
        m_admin->key(Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(offered, QString::fromStdString(drafted.name));
        QVERIFY(venue() == drafted);
        QVERIFY(m_window->document().isModified());
        m_admin->key(Qt::Key_Z, Qt::ControlModifier); // one step: back to the empty layout
        QVERIFY(venue().sections.empty());

        // Declined, the draft is gone and not offered again.
        m_window->confirmRestore = [](const QString&, const QDateTime&) { return false; };
        m_window->document().undoStack().setClean();
        m_admin->key(Qt::Key_N, Qt::ControlModifier);
        QVERIFY(venue().sections.empty());
        QVERIFY(!QFile::exists(m_window->draftPath()));
    }

    void theBackgroundIsLinedUpThenLocked() {
        QImage plan(400, 200, QImage::Format_RGB32);
        plan.fill(Qt::white);
        m_window->setBackground(plan, 20);
        QVERIFY(m_window->currentTool() != nullptr);
        const QRectF placed = m_window->view().backgroundRect();
        QCOMPARE(placed.width(), 2000.0); // 20 m in centimetres
        m_admin->drag({2, 3}, {4, 4});    // the background tool is picked: the drag moves it
        QCOMPARE(m_window->view().backgroundRect().topLeft(), placed.topLeft() + QPointF(200, 100));
        const QRectF moved = m_window->view().backgroundRect();
        m_admin->drag({0, 0}, {10, 0}, Qt::ShiftModifier); // ten metres to the right: twice as big
        QCOMPARE(m_window->view().backgroundRect().width(), 2 * moved.width());
        QVERIFY(venue().sections.empty()); // the image is not the layout: nothing to undo
        QCOMPARE(steps(), 0);

        m_admin->key(Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(m_window->view().backgroundLocked());
        const QRectF locked = m_window->view().backgroundRect();
        m_admin->key(Qt::Key_I);
        m_admin->drag({2, 3}, {6, 6});
        QCOMPARE(m_window->view().backgroundRect(), locked);
    }

    void saveOpenAndExport() {
        drawBlock();
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("hall.json"));
        QString error;
        QVERIFY2(m_window->saveFile(path, &error), qPrintable(error));
        QVERIFY(!m_window->document().isModified());
        const layout::VenueLayout saved = venue();
        m_window->document().reset({});
        QVERIFY2(m_window->openFile(path, &error), qPrintable(error));
        QVERIFY(venue() == saved);
        QVERIFY(m_window->exportSvg(folder.filePath(QStringLiteral("hall.svg")), &error));
        QFile svg(folder.filePath(QStringLiteral("hall.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QCOMPARE(svg.readAll().count("class=\"seat "), 40);
        QFile bad(folder.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format\": \"something else\"}");
        bad.close();
        QVERIFY(!m_window->openFile(bad.fileName(), &error));
        QVERIFY(error.contains(QStringLiteral("not a layout file")));
        QVERIFY(venue() == saved); // nothing changed
    }

    // The demo theatre opens and draws: seats in their category colours, the selection marked. With
    // USHER_SCREENSHOT_DIR set the window is saved there (docs/screenshots/designer-theatre.png).
    void theatreOpensAndDraws() {
        QString error;
        QVERIFY2(m_window->openFile(QStringLiteral(USHER_SOURCE_DIR "/resources/venues/grand-theatre.json"),
                                    &error),
                 qPrintable(error));
        QVERIFY(layout::seatCount(venue()) > 1000);
        m_window->resize(1280, 800);
        m_window->view().fitToView();
        m_window->document().setSelection(layout::selectObject(venue(), "circle"));
        const QImage shot = m_window->grab().toImage();
        const QColor premium(QString::fromStdString(venue().categories[0].color));
        int premiumPixels = 0;
        for (int y = 0; y < shot.height(); y += 2) {
            for (int x = 0; x < shot.width(); x += 2) {
                premiumPixels += shot.pixelColor(x, y) == premium ? 1 : 0;
            }
        }
        QVERIFY(premiumPixels > 100);
        QVERIFY(m_window->countsText().contains(QStringLiteral("Total capacity: ")));
        QVERIFY(testing::saveScreenshot(shot, QStringLiteral("designer-theatre.png")));
    }

    void everyActionHasAShortcutAndToolsHaveSingleKeys() {
        QSet<QString> keys;
        for (QAction* action : m_window->shortcutActions()) {
            const QString key = action->shortcut().toString();
            QVERIFY2(!key.isEmpty(), qPrintable(action->text()));
            QVERIFY2(!keys.contains(key), qPrintable(key + QStringLiteral(" used twice")));
            keys.insert(key);
        }
        for (const char* tool : {"V", "R", "B", "W", "D", "T", "Y", "A", "S", "E", "L", "X", "F", "P"}) {
            QVERIFY(keys.contains(QString::fromLatin1(tool)));
        }
    }
};

QTEST_MAIN(TestDesignerTools)
#include "tst_designer_tools.moc"
