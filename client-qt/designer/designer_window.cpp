#include "client-qt/designer/designer_window.h"

#include "client-qt/designer/background_tool.h"
#include "client-qt/designer/draw_tools.h"
#include "client-qt/designer/select_tool.h"
#include "client-qt/designer/shape_tools.h"
#include "client-qt/seatmap/shortcut_sheet.h"
#include "common/layout/layout_counts.h"
#include "common/layout/validation.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace usher::designer {
namespace {

constexpr int kAutosaveMilliseconds = 30'000;
constexpr int kPanelRefreshMilliseconds = 100;

layout::VenueLayout emptyLayout() {
    layout::VenueLayout venue;
    venue.id = "new-venue";
    venue.name = "New venue";
    venue.categories = {{"standard", "Standard", "#3d7bd9"}};
    return venue;
}

} // namespace

DesignerWindow::DesignerWindow(QWidget* parent)
    : QMainWindow(parent), m_view(new DesignerView(m_document, m_seats, this)),
      m_category(new QComboBox(this)), m_counts(new QLabel(this)), m_problems(new QListWidget(this)),
      m_autosave(new QTimer(this)), m_panelRefresh(new QTimer(this)) {
    setWindowTitle(tr("Usher layout designer") + QStringLiteral("[*]"));
    setCentralWidget(m_view);
    m_view->askText = [this] { return QInputDialog::getText(this, tr("Add text"), tr("Text on the plan:")); };
    buildTools();
    buildMenus();

    auto* panel = new QWidget(this);
    auto* panelLayout = new QVBoxLayout(panel);
    m_counts->setTextFormat(Qt::RichText);
    m_counts->setAccessibleName(tr("Capacity"));
    panelLayout->addWidget(m_counts);
    auto* problemsTitle = new QLabel(tr("Problems (click to select the seats):"), panel);
    panelLayout->addWidget(problemsTitle);
    m_problems->setAccessibleName(tr("Problems"));
    panelLayout->addWidget(m_problems, 1);
    auto* dock = new QDockWidget(tr("Layout"), this);
    dock->setObjectName(QStringLiteral("layoutPanel"));
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    connect(m_problems, &QListWidget::currentRowChanged, this, &DesignerWindow::showProblem);
    connect(m_problems, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { showProblem(m_problems->row(item)); });

    // Counts and problems follow a moment after the last change: validating a stadium on every
    // step of a drag would make the drag stutter.
    m_panelRefresh->setSingleShot(true);
    m_panelRefresh->setInterval(kPanelRefreshMilliseconds);
    connect(m_panelRefresh, &QTimer::timeout, this, &DesignerWindow::refreshPanels);
    refreshCategories();
    refreshPanels();
    connect(&m_document, &LayoutDocument::changed, this, [this](const layout::LayoutParts& parts) {
        if (parts.properties) {
            refreshCategories();
        }
        m_panelRefresh->start();
    });
    connect(&m_document.undoStack(), &QUndoStack::cleanChanged, this,
            [this](bool clean) { setWindowModified(!clean); });
    m_autosave->setInterval(kAutosaveMilliseconds);
    connect(m_autosave, &QTimer::timeout, this, &DesignerWindow::saveDraft);
    m_autosave->start();

    confirmRestore = [this](const QString& name, const QDateTime& saved) {
        return QMessageBox::question(
                   this, tr("Restore draft"),
                   tr("A draft of %1 from %2 has changes that were never saved. Restore them?")
                       .arg(name, QLocale().toString(saved, QLocale::ShortFormat))) == QMessageBox::Yes;
    };
    resolveConflict = [this](const QString& venue) {
        QMessageBox question(QMessageBox::Warning, tr("Publish to server"),
                             tr("Someone else published a newer layout of %1 meanwhile.").arg(venue),
                             QMessageBox::Cancel, this);
        QPushButton* reload =
            question.addButton(tr("Reload theirs (drop my edits)"), QMessageBox::DestructiveRole);
        QPushButton* overwrite = question.addButton(tr("Publish mine over it"), QMessageBox::AcceptRole);
        question.exec();
        return question.clickedButton() == overwrite ? ConflictChoice::Overwrite
               : question.clickedButton() == reload  ? ConflictChoice::Reload
                                                     : ConflictChoice::Cancel;
    };
    m_document.reset(emptyLayout());
    selectTool(QStringLiteral("V"));
    resize(1280, 800);
}

DesignerWindow::~DesignerWindow() {
    m_view->setTool(nullptr);
}

void DesignerWindow::buildTools() {
    auto* toolbar = addToolBar(tr("Tools"));
    toolbar->setObjectName(QStringLiteral("tools"));
    auto* group = new QActionGroup(this);
    // The toolbar shows a short label; menus, tooltips and the shortcut sheet the full name.
    const auto addTool = [&](const QString& key, const QString& label, const QString& name,
                             std::unique_ptr<DesignerTool> tool) {
        QAction* action = toolbar->addAction(name);
        action->setIconText(label);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(key));
        action->setToolTip(QStringLiteral("%1 (%2)").arg(name, key));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, key] { selectTool(key); });
        m_tools[key] = std::move(tool);
        m_toolActions[key] = action;
        m_actions.append(action);
    };
    addTool(QStringLiteral("V"), tr("Select"), tr("Select, move and turn"),
            std::make_unique<SelectTool>(*m_view));
    addTool(QStringLiteral("R"), tr("Rows"), tr("Rows"), std::make_unique<RowTool>(*m_view));
    addTool(QStringLiteral("B"), tr("Bend"), tr("Bend rows"),
            std::make_unique<RowShapeTool>(*m_view, RowShapeTool::Shape::Bend));
    addTool(QStringLiteral("W"), tr("Stretch"), tr("Stretch rows"),
            std::make_unique<RowShapeTool>(*m_view, RowShapeTool::Shape::Stretch));
    addTool(QStringLiteral("D"), tr("Spacing"), tr("Seat and row spacing"),
            std::make_unique<RowShapeTool>(*m_view, RowShapeTool::Shape::Spacing));
    addTool(QStringLiteral("T"), tr("Round table"), tr("Round table"),
            std::make_unique<TableTool>(*m_view, layout::TableShape::Round));
    addTool(QStringLiteral("Y"), tr("Long table"), tr("Rectangular table"),
            std::make_unique<TableTool>(*m_view, layout::TableShape::Rectangle));
    addTool(QStringLiteral("A"), tr("Standing"), tr("Standing area"),
            std::make_unique<PointsTool>(*m_view, PointsTool::Kind::StandingArea));
    addTool(QStringLiteral("S"), tr("Rectangle"), tr("Rectangle"),
            std::make_unique<ShapeTool>(*m_view, layout::DecorationKind::Polygon));
    addTool(QStringLiteral("E"), tr("Ellipse"), tr("Ellipse"),
            std::make_unique<ShapeTool>(*m_view, layout::DecorationKind::Ellipse));
    addTool(QStringLiteral("L"), tr("Line"), tr("Line (aisle, wall)"),
            std::make_unique<PointsTool>(*m_view, PointsTool::Kind::Line));
    addTool(QStringLiteral("X"), tr("Text"), tr("Text"), std::make_unique<TextTool>(*m_view));
    addTool(QStringLiteral("F"), tr("Focal point"), tr("Focal point"),
            std::make_unique<FocalPointTool>(*m_view));
    addTool(QStringLiteral("P"), tr("Paint"), tr("Paint price category"),
            std::make_unique<PaintTool>(*m_view));
    addTool(QStringLiteral("I"), tr("Background"), tr("Line up the background image"),
            std::make_unique<BackgroundTool>(*m_view));

    addToolBarBreak();
    QToolBar* options = addToolBar(tr("Tool options"));
    options->setObjectName(QStringLiteral("toolOptions"));
    toolbar = options;
    toolbar->addWidget(new QLabel(tr("Category:"), this));
    m_category->setAccessibleName(tr("Price category to paint"));
    toolbar->addWidget(m_category);
    connect(m_category, &QComboBox::currentIndexChanged, this,
            [this] { m_view->setCurrentCategory(m_category->currentData().toString().toStdString()); });
    toolbar->addWidget(new QLabel(tr("Seats per table:"), this));
    auto* tableSeats = new QSpinBox(this);
    tableSeats->setRange(1, 24);
    tableSeats->setValue(m_view->tableSeats());
    tableSeats->setAccessibleName(tr("Seats per table"));
    connect(tableSeats, &QSpinBox::valueChanged, this, [this](int seats) { m_view->setTableSeats(seats); });
    toolbar->addWidget(tableSeats);
}

QAction* DesignerWindow::addAction(QMenu* menu, const QString& text, const QKeySequence& key,
                                   std::function<void()> run) {
    QAction* action = menu->addAction(text);
    action->setShortcut(key);
    if (!key.isEmpty()) {
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        m_actions.append(action);
    }
    connect(action, &QAction::triggered, this, std::move(run));
    return action;
}

void DesignerWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    addAction(file, tr("New layout"), QKeySequence::New, [this] {
        m_document.reset(emptyLayout());
        m_path.clear();
        offerDraft();
    });
    addAction(file, tr("Open layout..."), QKeySequence::Open, [this] { openDialog(); });
    addAction(file, tr("Save"), QKeySequence::Save, [this] { saveDialog(false); });
    addAction(file, tr("Save as..."), QKeySequence(QStringLiteral("Ctrl+Shift+S")),
              [this] { saveDialog(true); });
    addAction(file, tr("Export SVG..."), QKeySequence(QStringLiteral("Ctrl+E")), [this] { exportDialog(); });
    file->addSeparator();
    m_serverActions << addAction(file, tr("Open from server..."),
                                 QKeySequence(QStringLiteral("Ctrl+Shift+O")),
                                 [this] { openFromServerDialog(); });
    m_serverActions << addAction(file, tr("Publish to server..."),
                                 QKeySequence(QStringLiteral("Ctrl+Shift+E")), [this] { publishDialog(); });
    for (QAction* action : m_serverActions) {
        action->setEnabled(false);
    }
    file->addSeparator();
    addAction(file, tr("Background image..."), QKeySequence(QStringLiteral("Ctrl+Shift+I")),
              [this] { askBackground(); });
    addAction(file, tr("Background lighter"), QKeySequence(QStringLiteral("Ctrl+Shift+Down")),
              [this] { m_view->setBackgroundOpacity(m_view->backgroundOpacity() - 0.1); });
    addAction(file, tr("Background darker"), QKeySequence(QStringLiteral("Ctrl+Shift+Up")),
              [this] { m_view->setBackgroundOpacity(m_view->backgroundOpacity() + 0.1); });
    m_lockBackground = addAction(file, tr("Lock background"), QKeySequence(QStringLiteral("Ctrl+Shift+K")),
                                 [this] { m_view->setBackgroundLocked(m_lockBackground->isChecked()); });
    m_lockBackground->setCheckable(true);
    file->addSeparator();
    addAction(file, tr("Close designer"), QKeySequence(QStringLiteral("Ctrl+W")), [this] { close(); });

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document.undoStack().createUndoAction(this, tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document.undoStack().createRedoAction(this, tr("Redo"));
    redo->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+Z")));
    edit->addAction(undo);
    edit->addAction(redo);
    m_actions.append(undo);
    m_actions.append(redo);
    edit->addSeparator();
    addAction(edit, tr("Cut"), QKeySequence::Cut, [this] { cut(); });
    addAction(edit, tr("Copy"), QKeySequence::Copy, [this] { copy(); });
    addAction(edit, tr("Paste"), QKeySequence::Paste, [this] { paste(); });
    addAction(edit, tr("Duplicate"), QKeySequence(QStringLiteral("Ctrl+D")), [this] { duplicate(); });
    addAction(edit, tr("Delete"), QKeySequence::Delete, [this] { removeSelected(); });
    addAction(edit, tr("Select all"), QKeySequence::SelectAll, [this] { selectAll(); });
    edit->addSeparator();
    addAction(edit, tr("Snap to grid and objects"), QKeySequence(QStringLiteral("Ctrl+Shift+G")), [this] {
        const bool on = m_view->snapping().grid == 0;
        m_view->snapping().grid = on ? 0.25 : 0;
        m_view->snapping().toObjects = on;
    });

    QMenu* seats = menuBar()->addMenu(tr("&Seats"));
    addAction(seats, tr("Apply category to selection"), QKeySequence(QStringLiteral("Ctrl+K")),
              [this] { applyCategory(m_view->currentCategory()); });
    addAction(seats, tr("Renumber seats..."), QKeySequence(QStringLiteral("Ctrl+Shift+N")),
              [this] { askRenumber(); });
    addAction(seats, tr("Row labels..."), QKeySequence(QStringLiteral("Ctrl+L")), [this] { askRowLabels(); });
    seats->addSeparator();
    addAction(seats, tr("Wheelchair space"), QKeySequence(QStringLiteral("Ctrl+Shift+W")),
              [this] { setSeatAttribute(layout::SeatAttribute::Wheelchair, true); });
    addAction(seats, tr("Pair companion seat with wheelchair space"),
              QKeySequence(QStringLiteral("Ctrl+Shift+C")), [this] { pairCompanion(); });
    addAction(seats, tr("Restricted view"), QKeySequence(QStringLiteral("Ctrl+Shift+R")),
              [this] { setSeatAttribute(layout::SeatAttribute::RestrictedView, true); });
    addAction(seats, tr("Aisle seat"), QKeySequence(QStringLiteral("Ctrl+Shift+A")),
              [this] { setSeatAttribute(layout::SeatAttribute::Aisle, true); });
    addAction(seats, tr("Clear accessibility and view flags"), QKeySequence(QStringLiteral("Ctrl+Shift+F")),
              [this] {
                  for (auto attribute :
                       {layout::SeatAttribute::Wheelchair, layout::SeatAttribute::RestrictedView,
                        layout::SeatAttribute::Aisle}) {
                      setSeatAttribute(attribute, false);
                  }
              });
    addAction(seats, tr("Block seats..."), QKeySequence(QStringLiteral("Ctrl+Shift+B")),
              [this] { askBlock(); });
    addAction(seats, tr("Unblock seats"), QKeySequence(QStringLiteral("Ctrl+Shift+U")),
              [this] { block({}); });
    addAction(seats, tr("Standing area capacity..."), QKeySequence(QStringLiteral("Ctrl+Shift+P")),
              [this] { askCapacity(); });

    QMenu* layoutMenu = menuBar()->addMenu(tr("&Layout"));
    addAction(layoutMenu, tr("Layout properties and price categories..."),
              QKeySequence(QStringLiteral("Ctrl+Shift+M")), [this] { askProperties(); });
    addAction(layoutMenu, tr("Rename..."), QKeySequence(QStringLiteral("F2")), [this] { askRename(); });
    addAction(layoutMenu, tr("Use shape as stage"), QKeySequence(QStringLiteral("Ctrl+Shift+T")), [this] {
        if (!useSelectionAsStage()) {
            statusBar()->showMessage(tr("Select a rectangle drawn with the shape tool (S) first."), 5000);
        }
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    addAction(view, tr("Fit the plan in the window"), QKeySequence(QStringLiteral("Ctrl+0")),
              [this] { m_view->fitToView(); });
    addAction(view, tr("Keyboard shortcuts"), QKeySequence::HelpContents, [this] { showShortcuts(); });
}

void DesignerWindow::selectTool(const QString& key) {
    const auto tool = m_tools.find(key);
    if (tool == m_tools.end()) {
        return;
    }
    m_view->setTool(tool->second.get());
    m_toolActions[key]->setChecked(true);
    statusBar()->showMessage(m_toolActions[key]->text());
    if (key == QStringLiteral("I") && !m_view->hasBackground()) {
        statusBar()->showMessage(tr("Choose a background image first (Ctrl+Shift+I)."), 5000);
    } else if (key == QStringLiteral("I") && m_view->backgroundLocked()) {
        statusBar()->showMessage(tr("The background is locked: unlock it with Ctrl+Shift+K to move it."),
                                 5000);
    }
}

void DesignerWindow::setPaintCategory(const std::string& category) {
    m_category->setCurrentIndex(std::max(0, m_category->findData(QString::fromStdString(category))));
}

void DesignerWindow::refreshCategories() {
    const QString current = m_category->currentData().toString();
    QSignalBlocker quiet(m_category);
    m_category->clear();
    for (const layout::PriceCategory& category : m_document.layout().categories) {
        QPixmap swatch(12, 12);
        swatch.fill(QColor(QString::fromStdString(category.color)));
        m_category->addItem(QIcon(swatch), QString::fromStdString(category.name),
                            QString::fromStdString(category.id));
    }
    const int index = std::max(0, m_category->findData(current));
    m_category->setCurrentIndex(index);
    m_view->setCurrentCategory(m_category->currentData().toString().toStdString());
}

QString DesignerWindow::countsText() const {
    const layout::LayoutCounts counts = layout::countsOf(m_document.layout());
    QString text = tr("<b>Total capacity: %1</b>").arg(counts.totalCapacity());
    text += QStringLiteral("<br>") + tr("Seats: %1").arg(counts.seats);
    for (const layout::PriceCategory& category : m_document.layout().categories) {
        const auto it = counts.seatsByCategory.find(category.id);
        text += QStringLiteral("<br>&nbsp;&nbsp;") +
                tr("%1: %2")
                    .arg(QString::fromStdString(category.name).toHtmlEscaped())
                    .arg(it == counts.seatsByCategory.end() ? 0 : it->second);
    }
    text += QStringLiteral("<br>") + tr("Wheelchair spaces: %1, companion seats: %2")
                                         .arg(counts.wheelchairSpaces)
                                         .arg(counts.companionSeats);
    text += QStringLiteral("<br>") + tr("Standing capacity: %1").arg(counts.gaCapacity);
    text += QStringLiteral("<br>") + tr("Blocked seats: %1").arg(counts.blockedSeats);
    return text;
}

void DesignerWindow::refreshPanels() {
    m_counts->setText(countsText());
    const auto problems = layout::validate(m_document.layout());
    QSignalBlocker quiet(m_problems);
    m_problems->clear();
    for (const PathError& problem : problems) {
        auto* item = new QListWidgetItem(QString::fromStdString(problem.path.empty()
                                                                    ? problem.message
                                                                    : problem.path + ": " + problem.message),
                                         m_problems);
        item->setData(Qt::UserRole, QString::fromStdString(problem.path));
    }
    if (problems.empty()) {
        m_problems->addItem(tr("No problems: ready to publish."));
    }
}

void DesignerWindow::showProblem(int row) {
    QListWidgetItem* item = m_problems->item(row);
    if (item == nullptr) {
        return;
    }
    const layout::Selection offending =
        layout::selectionAtPath(m_document.layout(), item->data(Qt::UserRole).toString().toStdString());
    if (!offending.empty()) {
        m_document.setSelection(offending);
    }
}

void DesignerWindow::showShortcuts() {
    const QList<seatmap::ShortcutSheet::Entry> keys{
        {tr("Drag with the middle button"), tr("Pan the plan")},
        {tr("Wheel"), tr("Zoom around the pointer")},
        {QStringLiteral("+ / -"), tr("Zoom the plan in or out")},
        {tr("Arrow keys"), tr("Nudge the selection by 10 cm")},
        {tr("Shift+Arrow keys"), tr("Nudge the selection by 1 m")},
        {tr("Shift+Click"), tr("Add the object under the pointer to the selection")},
        {tr("Ctrl+Click"), tr("Select or deselect one seat")},
        {tr("Ctrl+Drag"), tr("Move without snapping")},
        {tr("Alt+Drag"), tr("Turn the selection (Shift: in 1 degree steps)")},
        {tr("Enter"), tr("Finish a standing area or a line")},
        {tr("Esc"), tr("Cancel the tool and clear the selection")}};
    seatmap::ShortcutSheet sheet(m_actions, keys, this);
    sheet.exec();
}

void DesignerWindow::closeEvent(QCloseEvent* event) {
    if (m_document.isModified()) {
        const auto answer = QMessageBox::question(
            this, tr("Close designer"), tr("The layout has changes that are not saved. Save them?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            saveDialog(false);
            if (m_document.isModified()) {
                event->ignore();
                return;
            }
        }
        if (answer == QMessageBox::Discard) {
            QFile::remove(draftPath()); // the admin chose to lose these edits
        }
    }
    event->accept();
}

} // namespace usher::designer
