#include "client-qt/designer/designer_window.h"

#include "client-qt/designer/background_tool.h"
#include "client-qt/designer/draw_tools.h"
#include "client-qt/designer/select_tool.h"
#include "client-qt/designer/shape_tools.h"
#include "client-qt/seatmap/shortcut_sheet.h"
#include "common/layout/layout_counts.h"
#include "common/layout/layout_json.h"
#include "common/layout/svg_export.h"
#include "common/layout/validation.h"

#include <QActionGroup>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>
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

bool writeFile(const QString& path, const std::string& content, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(content.data(), static_cast<qint64>(content.size())) !=
            static_cast<qint64>(content.size()) ||
        !file.commit()) {
        if (error != nullptr) {
            *error = DesignerWindow::tr("Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        }
        return false;
    }
    return true;
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

    QMenu* venue = menuBar()->addMenu(tr("&Layout"));
    addAction(venue, tr("Layout properties and price categories..."),
              QKeySequence(QStringLiteral("Ctrl+Shift+M")), [this] { askProperties(); });
    addAction(venue, tr("Rename..."), QKeySequence(QStringLiteral("F2")), [this] { askRename(); });
    addAction(venue, tr("Use shape as stage"), QKeySequence(QStringLiteral("Ctrl+Shift+T")), [this] {
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

void DesignerWindow::editSelected(
    const QString& text, const std::function<void(layout::VenueLayout&, const layout::Selection&)>& change) {
    const layout::Selection selection = m_document.selection();
    if (selection.empty()) {
        statusBar()->showMessage(tr("Select seats or objects first."), 5000);
        return;
    }
    m_document.edit(text, layout::partsOf(m_document.layout(), selection),
                    [&](layout::VenueLayout& venue) { change(venue, selection); });
}

void DesignerWindow::applyCategory(const std::string& category) {
    editSelected(tr("Paint category"), [&](layout::VenueLayout& venue, const layout::Selection& selection) {
        layout::setCategory(venue, selection, category);
    });
}

void DesignerWindow::setSeatAttribute(layout::SeatAttribute attribute, bool on) {
    // Clearing a wheelchair space unlinks its companions anywhere in the layout.
    const layout::Selection selection = m_document.selection();
    const layout::LayoutParts parts = attribute == layout::SeatAttribute::Wheelchair && !on
                                          ? layout::LayoutParts::everything()
                                          : layout::partsOf(m_document.layout(), selection);
    m_document.edit(tr("Seat flags"), parts, [&](layout::VenueLayout& venue) {
        layout::setAttribute(venue, selection, attribute, on);
    });
}

void DesignerWindow::block(const QString& reason) {
    editSelected(reason.isEmpty() ? tr("Unblock seats") : tr("Block seats"),
                 [&](layout::VenueLayout& venue, const layout::Selection& selection) {
                     layout::setBlocked(venue, selection, reason.toStdString());
                 });
}

bool DesignerWindow::pairCompanion() {
    // Two selected seats: the one that is already a wheelchair space (else the first in seat
    // order) becomes the space, the other its companion.
    const layout::Selection& selection = m_document.selection();
    if (selection.seats.size() != 2) {
        statusBar()->showMessage(tr("Select a wheelchair space and the seat beside it."), 5000);
        return false;
    }
    std::vector<std::string> pair(selection.seats.begin(), selection.seats.end());
    const auto first = m_seats.find(pair[1]);
    const auto second = m_seats.find(pair[0]);
    if (first && second && m_seats.index().seat(*first).has(layout::kWheelchair)) {
        std::swap(pair[0], pair[1]);
    } else if (first && second && *first < *second &&
               !m_seats.index().seat(*second).has(layout::kWheelchair)) {
        std::swap(pair[0], pair[1]);
    }
    return m_document.edit(
        tr("Pair companion seat"), layout::LayoutParts::everything(),
        [&](layout::VenueLayout& venue) { layout::pairCompanion(venue, pair[0], pair[1]); });
}

void DesignerWindow::renumber(const layout::SeatNumbering& numbering) {
    editSelected(tr("Renumber seats"), [&](layout::VenueLayout& venue, const layout::Selection& selection) {
        layout::forEachSelectedRow(venue, selection, [&](layout::Section&, layout::Row& row) {
            layout::renumberRow(row, selection, numbering);
        });
    });
}

void DesignerWindow::relabelRows(const layout::RowLabeling& labeling, bool reversed) {
    editSelected(tr("Row labels"), [&](layout::VenueLayout& venue, const layout::Selection& selection) {
        layout::forEachSelectedSection(venue, selection, [&](layout::Section& section) {
            layout::relabelRows(section, labeling, reversed);
        });
    });
}

void DesignerWindow::copy() {
    if (!m_document.selection().empty()) {
        m_clipboard = layout::copySelection(m_document.layout(), m_document.selection());
        m_pasteCount = 0;
    }
}

void DesignerWindow::cut() {
    copy();
    removeSelected();
}

void DesignerWindow::paste() {
    if (m_clipboard.sections.empty() && m_clipboard.tables.empty() && m_clipboard.gaAreas.empty() &&
        m_clipboard.decorations.empty()) {
        return;
    }
    // Each paste lands beside the last one, so copies never hide under each other or overlap.
    const layout::Box box = layout::boundsOf(m_clipboard, layout::selectAll(m_clipboard));
    const double step = (box.max.x - box.min.x + 1 + m_clipboard.seatSize) * ++m_pasteCount;
    layout::Selection pasted;
    m_document.edit(tr("Paste"), layout::LayoutParts::everything(), [&](layout::VenueLayout& venue) {
        pasted = layout::paste(venue, m_clipboard, {step, 0});
    });
    m_document.setSelection(pasted);
}

void DesignerWindow::duplicate() {
    copy();
    paste();
}

void DesignerWindow::removeSelected() {
    const layout::Selection selection = m_document.selection();
    if (selection.empty()) {
        return;
    }
    m_document.edit(tr("Delete"), layout::LayoutParts::everything(),
                    [&](layout::VenueLayout& venue) { layout::removeSelection(venue, selection); });
    m_document.setSelection({});
}

void DesignerWindow::selectAll() {
    m_document.setSelection(layout::selectAll(m_document.layout()));
}

void DesignerWindow::askRenumber() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Renumber seats"));
    auto* form = new QFormLayout(&dialog);
    auto* start = new QSpinBox(&dialog);
    start->setRange(0, 9999);
    start->setValue(1);
    auto* parity = new QComboBox(&dialog);
    parity->addItems({tr("Every number"), tr("Odd numbers"), tr("Even numbers")});
    auto* direction = new QComboBox(&dialog);
    direction->addItems({tr("Left to right"), tr("Right to left")});
    form->addRow(tr("First number:"), start);
    form->addRow(tr("Numbers:"), parity);
    form->addRow(tr("Direction (seen from the stage plan):"), direction);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() == QDialog::Accepted) {
        renumber({start->value(), layout::NumberParity(parity->currentIndex()),
                  layout::NumberDirection(direction->currentIndex())});
    }
}

void DesignerWindow::askRowLabels() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Row labels"));
    auto* form = new QFormLayout(&dialog);
    auto* first = new QLineEdit(QStringLiteral("A"), &dialog);
    auto* skip = new QLineEdit(QStringLiteral("I"), &dialog);
    auto* reversed = new QCheckBox(tr("Back to front"), &dialog);
    form->addRow(tr("First row:"), first);
    form->addRow(tr("Skip letters:"), skip);
    form->addRow(QString(), reversed);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const std::string skipped = skip->text().toUpper().toStdString();
    const std::string wanted = first->text().trimmed().toUpper().toStdString();
    int index = 0;
    while (index < 18278 && layout::rowLabel(index, skipped) != wanted) {
        ++index;
    }
    if (index == 18278) {
        QMessageBox::warning(this, tr("Row labels"),
                             tr("\"%1\" is not a row label (letters A to ZZZ).").arg(first->text()));
        return;
    }
    relabelRows({index, skipped}, reversed->isChecked());
}

void DesignerWindow::askBlock() {
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Block seats"), tr("Why are these seats never sold?"),
                              QLineEdit::Normal, tr("Broken seat"), &ok);
    if (ok && !reason.trimmed().isEmpty()) {
        block(reason.trimmed());
    }
}

bool DesignerWindow::setProperties(const LayoutProperties& properties, QString* error) {
    if (const auto reason = refusal(m_document.layout(), properties)) {
        if (error != nullptr) {
            *error = *reason;
        }
        return false;
    }
    layout::LayoutParts parts;
    parts.properties = true;
    m_document.edit(tr("Layout properties"), parts,
                    [&](layout::VenueLayout& venue) { properties.applyTo(venue); });
    return true;
}

void DesignerWindow::askProperties() {
    LayoutPropertiesDialog dialog(m_document.layout(), this);
    if (dialog.exec() == QDialog::Accepted) {
        setProperties(dialog.properties());
    }
}

bool DesignerWindow::renameSelected(const QString& name) {
    const layout::Selection selection = m_document.selection();
    const auto object = layout::soleObject(m_document.layout(), selection);
    if (!object) {
        return false;
    }
    m_document.edit(tr("Rename"), layout::partsOf(m_document.layout(), selection),
                    [&](layout::VenueLayout& venue) { layout::rename(venue, *object, name.toStdString()); });
    return true;
}

void DesignerWindow::askRename() {
    const auto object = layout::soleObject(m_document.layout(), m_document.selection());
    if (!object) {
        statusBar()->showMessage(tr("Select one section, table, area or shape to rename."), 5000);
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename"), tr("Name:"), QLineEdit::Normal,
                              QString::fromStdString(layout::nameOf(m_document.layout(), *object)), &ok);
    if (ok) {
        renameSelected(name.trimmed());
    }
}

bool DesignerWindow::useSelectionAsStage() {
    const auto object = layout::soleObject(m_document.layout(), m_document.selection());
    const auto& shapes = m_document.layout().decorations;
    if (!object || std::none_of(shapes.begin(), shapes.end(), [&](const layout::Decoration& shape) {
            return shape.id == *object && shape.kind == layout::DecorationKind::Polygon;
        })) {
        return false;
    }
    layout::LayoutParts parts;
    parts.properties = true;
    parts.decorations.all = true;
    m_document.edit(tr("Use shape as stage"), parts,
                    [&](layout::VenueLayout& venue) { layout::makeStage(venue, *object); });
    return true;
}

void DesignerWindow::setAreaCapacity(int capacity) {
    const layout::Selection selection = m_document.selection();
    m_document.edit(tr("Standing area capacity"), layout::partsOf(m_document.layout(), selection),
                    [&](layout::VenueLayout& venue) {
                        for (layout::GaArea& area : venue.gaAreas) {
                            if (selection.areas.count(area.id) != 0) {
                                area.capacity = capacity;
                            }
                        }
                    });
}

void DesignerWindow::askCapacity() {
    const layout::Selection& selection = m_document.selection();
    const auto& areas = m_document.layout().gaAreas;
    const auto first = std::find_if(areas.begin(), areas.end(), [&](const layout::GaArea& area) {
        return selection.areas.count(area.id) != 0;
    });
    if (first == areas.end()) {
        statusBar()->showMessage(tr("Select a standing area first."), 5000);
        return;
    }
    bool ok = false;
    const int capacity =
        QInputDialog::getInt(this, tr("Standing area capacity"), tr("People allowed in the area:"),
                             static_cast<int>(first->capacity), 1, 1'000'000, 1, &ok);
    if (ok) {
        setAreaCapacity(capacity);
    }
}

void DesignerWindow::askBackground() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Background image"), QString(),
                                                      tr("Floor plans (*.svg *.png *.jpg *.jpeg)"));
    if (path.isEmpty()) {
        return;
    }
    const QImage image(path);
    if (image.isNull()) {
        QMessageBox::warning(this, tr("Background image"), tr("Could not read %1 as an image.").arg(path));
        return;
    }
    bool ok = false;
    const double width = QInputDialog::getDouble(this, tr("Background image"),
                                                 tr("Width of the plan in metres:"), 40, 1, 2000, 1, &ok);
    if (ok) {
        setBackground(image, width);
    }
}

void DesignerWindow::setBackground(const QImage& image, double metresWide) {
    // Centred across the plan, its top at the stage; the background tool (I) lines it up.
    m_view->setBackground(image, {-metresWide / 2, -5}, metresWide);
    m_lockBackground->setChecked(false);
    selectTool(QStringLiteral("I"));
}

bool DesignerWindow::openFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error != nullptr) {
            *error = tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        }
        return false;
    }
    const QByteArray text = file.readAll();
    auto decoded =
        layout::layoutFromJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!decoded) {
        if (error != nullptr) {
            const auto& problems = decoded.error();
            *error = tr("%1 is not a layout file: %2")
                         .arg(QDir::toNativeSeparators(path),
                              problems.empty() ? QString()
                                               : QString::fromStdString(problems.front().path + ": " +
                                                                        problems.front().message));
        }
        return false;
    }
    m_document.reset(std::move(decoded.value()));
    m_path = path;
    offerDraft();
    return true;
}

bool DesignerWindow::saveFile(const QString& path, QString* error) {
    if (!writeFile(path, layout::toJsonText(m_document.layout()), error)) {
        return false;
    }
    m_path = path;
    m_document.undoStack().setClean();
    QFile::remove(draftPath());
    return true;
}

bool DesignerWindow::exportSvg(const QString& path, QString* error) {
    layout::SvgOptions options;
    return writeFile(path, layout::toSvg(m_document.layout(), options), error);
}

QString DesignerWindow::draftPath() const {
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drafts");
    return folder + QLatin1Char('/') + QString::fromStdString(m_document.layout().id) +
           QStringLiteral(".json");
}

bool DesignerWindow::offerDraft() {
    QFile file(draftPath());
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray text = file.readAll();
    file.close();
    auto draft =
        layout::layoutFromJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!draft || draft.value() == m_document.layout()) {
        return false;
    }
    const QDateTime saved = QFileInfo(draftPath()).lastModified();
    if (!confirmRestore || !confirmRestore(QString::fromStdString(draft.value().name), saved)) {
        QFile::remove(draftPath());
        return false;
    }
    m_document.edit(tr("Restore draft"), layout::LayoutParts::everything(),
                    [&](layout::VenueLayout& venue) { venue = std::move(draft.value()); });
    return true;
}

void DesignerWindow::saveDraft() {
    if (!m_document.isModified()) {
        return;
    }
    QDir().mkpath(QFileInfo(draftPath()).absolutePath());
    QString error;
    if (!writeFile(draftPath(), layout::toJsonText(m_document.layout()), &error)) {
        statusBar()->showMessage(error, 10'000);
    }
}

void DesignerWindow::openDialog() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open layout"), QString(), tr("Usher layouts (*.json)"));
    QString error;
    if (!path.isEmpty() && !openFile(path, &error)) {
        QMessageBox::warning(this, tr("Open layout"), error);
    }
}

void DesignerWindow::saveDialog(bool as) {
    QString path = m_path;
    if (as || path.isEmpty()) {
        path = QFileDialog::getSaveFileName(
            this, tr("Save layout"), QString::fromStdString(m_document.layout().id) + QStringLiteral(".json"),
            tr("Usher layouts (*.json)"));
    }
    QString error;
    if (!path.isEmpty() && !saveFile(path, &error)) {
        QMessageBox::warning(this, tr("Save layout"), error);
    }
}

void DesignerWindow::exportDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export SVG"), QString::fromStdString(m_document.layout().id) + QStringLiteral(".svg"),
        tr("SVG images (*.svg)"));
    QString error;
    if (!path.isEmpty() && !exportSvg(path, &error)) {
        QMessageBox::warning(this, tr("Export SVG"), error);
    }
}

void DesignerWindow::setServer(core::ApiClient* client) {
    if (client != nullptr) {
        m_server.emplace(*client);
    } else {
        m_server.reset();
    }
    for (QAction* action : m_serverActions) {
        action->setEnabled(client != nullptr);
    }
}

void DesignerWindow::openFromServer(const QString& venueId, std::function<void(QString)> done) {
    if (!m_server) {
        return;
    }
    m_server->latest(venueId,
                     [this, done = std::move(done)](Expected<LayoutServer::Version, core::ApiError> answer) {
                         if (!answer) {
                             if (done) {
                                 done(answer.error().message);
                             }
                             return;
                         }
                         m_document.reset(std::move(answer->layout));
                         m_serverVenue = answer->venueId;
                         m_serverVersion = answer->version;
                         m_path.clear();
                         offerDraft();
                         statusBar()->showMessage(
                             tr("Version %1 of %2 from the server.").arg(m_serverVersion).arg(m_serverVenue));
                         if (done) {
                             done({});
                         }
                     });
}

void DesignerWindow::publishToServer(const QString& venueId, std::function<void(bool, QString)> done) {
    const auto problems = layout::validate(m_document.layout());
    if (!problems.empty()) {
        const QString why =
            tr("Fix the %n problem(s) in the panel first: a layout with problems is not published.", nullptr,
               static_cast<int>(problems.size()));
        statusBar()->showMessage(why, 10'000);
        if (done) {
            done(false, why);
        }
        return;
    }
    // A layout opened from this venue is published over the version it came from; any other is
    // the venue's first, and the server says so when it is not.
    publishAs(venueId, venueId == m_serverVenue ? m_serverVersion : 0, std::move(done));
}

void DesignerWindow::publishAs(const QString& venueId, std::optional<int> basedOn,
                               std::function<void(bool, QString)> done) {
    if (!m_server) {
        return;
    }
    m_server->publish(
        venueId, m_document.layout(), basedOn,
        [this, venueId, done = std::move(done)](LayoutServer::PublishResult result) {
            if (result.version) {
                m_serverVenue = venueId;
                m_serverVersion = *result.version;
                m_document.undoStack().setClean();
                QFile::remove(draftPath());
                const QString what = tr("Published as version %1 of %2.").arg(*result.version).arg(venueId);
                statusBar()->showMessage(what);
                if (done) {
                    done(true, what);
                }
                return;
            }
            if (!result.conflict) {
                if (done) {
                    done(false, result.error);
                }
                return;
            }
            const ConflictChoice choice = resolveConflict ? resolveConflict(venueId) : ConflictChoice::Cancel;
            if (choice == ConflictChoice::Overwrite) {
                publishAs(venueId, std::nullopt, done);
            } else if (choice == ConflictChoice::Reload) {
                openFromServer(venueId, [done](const QString& error) {
                    if (done) {
                        done(false, error.isEmpty() ? tr("Reloaded the version on the server.") : error);
                    }
                });
            } else if (done) {
                done(false, tr("Not published: someone else published meanwhile."));
            }
        });
}

void DesignerWindow::openFromServerDialog() {
    m_server->venues([this](Expected<protocol::VenueList, core::ApiError> answer) {
        if (!answer) {
            QMessageBox::warning(this, tr("Open from server"), answer.error().message);
            return;
        }
        QStringList names;
        QStringList ids;
        for (const protocol::VenueInfo& venue : answer->venues) {
            if (venue.layoutVersion) {
                names << tr("%1 (%2, version %3)")
                             .arg(QString::fromStdString(venue.name), QString::fromStdString(venue.city))
                             .arg(*venue.layoutVersion);
                ids << QString::fromStdString(venue.id);
            }
        }
        if (ids.isEmpty()) {
            QMessageBox::information(this, tr("Open from server"),
                                     tr("No venue has a published layout yet."));
            return;
        }
        bool ok = false;
        const QString picked =
            QInputDialog::getItem(this, tr("Open from server"), tr("Venue:"), names, 0, false, &ok);
        if (ok) {
            openFromServer(ids.at(names.indexOf(picked)), [this](const QString& error) {
                if (!error.isEmpty()) {
                    QMessageBox::warning(this, tr("Open from server"), error);
                }
            });
        }
    });
}

void DesignerWindow::publishDialog() {
    const auto report = [this](bool published, const QString& what) {
        if (published) {
            QMessageBox::information(this, tr("Publish to server"), what);
        } else {
            QMessageBox::warning(this, tr("Publish to server"), what);
        }
    };
    m_server->venues([this, report](Expected<protocol::VenueList, core::ApiError> answer) {
        if (!answer) {
            QMessageBox::warning(this, tr("Publish to server"), answer.error().message);
            return;
        }
        QStringList names{tr("A new venue...")};
        QStringList ids{QString()};
        for (const protocol::VenueInfo& venue : answer->venues) {
            names << tr("%1 (%2)").arg(QString::fromStdString(venue.name),
                                       QString::fromStdString(venue.city));
            ids << QString::fromStdString(venue.id);
        }
        bool ok = false;
        const qsizetype current = std::max<qsizetype>(0, ids.indexOf(m_serverVenue));
        const QString picked =
            QInputDialog::getItem(this, tr("Publish to server"), tr("Publish as the next version of:"), names,
                                  static_cast<int>(current), false, &ok);
        if (!ok) {
            return;
        }
        const QString venueId = ids.at(names.indexOf(picked));
        if (!venueId.isEmpty()) {
            publishToServer(venueId, report);
            return;
        }
        const QString name =
            QInputDialog::getText(this, tr("New venue"), tr("Venue name:"), QLineEdit::Normal,
                                  QString::fromStdString(m_document.layout().name), &ok);
        const QString city =
            ok ? QInputDialog::getText(this, tr("New venue"), tr("City:"), QLineEdit::Normal, {}, &ok)
               : QString();
        if (!ok || name.trimmed().isEmpty() || city.trimmed().isEmpty()) {
            return;
        }
        protocol::VenueInput venue;
        venue.id = m_document.layout().id;
        venue.name = name.trimmed().toStdString();
        venue.city = city.trimmed().toStdString();
        m_server->createVenue(venue, [this, report](Expected<protocol::VenueInfo, core::ApiError> created) {
            if (!created) {
                QMessageBox::warning(this, tr("New venue"), created.error().message);
                return;
            }
            publishToServer(QString::fromStdString(created->id), report);
        });
    });
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
