#pragma once

#include "client-qt/core/api_client.h"
#include "client-qt/designer/designer_view.h"
#include "client-qt/designer/layout_document.h"
#include "client-qt/designer/layout_properties_dialog.h"
#include "client-qt/designer/layout_server.h"
#include "client-qt/seatmap/seat_map_model.h"

#include <QMainWindow>

#include <map>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QTimer;

namespace usher::designer {

// The venue layout designer (admin mode): the plan with its tools on the left, the price category
// to paint with, the live counts and the validation panel on the right. Every action has a
// shortcut, listed on the F1 sheet. Drafts are saved every 30 seconds while there are changes.
class DesignerWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit DesignerWindow(QWidget* parent = nullptr);
    ~DesignerWindow() override;

    LayoutDocument& document() { return m_document; }
    DesignerView& view() { return *m_view; }
    // Picks a tool by its shortcut letter ("V", "R", ...).
    void selectTool(const QString& key);
    DesignerTool* currentTool() const { return m_view->tool(); }
    QListWidget& problemList() { return *m_problems; }
    QString countsText() const;
    const QList<QAction*>& shortcutActions() const { return m_actions; }

    // The server to open layouts from and publish them to (an admin's session); without one the
    // designer edits files only.
    void setServer(core::ApiClient* client);
    bool hasServer() const { return m_server.has_value(); }
    // When a publish finds a newer version on the server (someone published meanwhile): reload it
    // (losing these edits), overwrite it, or cancel. A dialog asks unless a test answers.
    enum class ConflictChoice { Reload, Overwrite, Cancel };
    std::function<ConflictChoice(const QString& venue)> resolveConflict;
    // The venue's latest version, to edit and publish again. `done` gets an error text or empty.
    void openFromServer(const QString& venueId, std::function<void(QString)> done = {});
    // Publishes the layout as the venue's next version; refused locally while validation finds
    // problems. `done` gets what happened, in words for the admin, and whether it was published.
    void publishToServer(const QString& venueId, std::function<void(bool, QString)> done = {});
    QString serverVenue() const { return m_serverVenue; }
    int serverVersion() const { return m_serverVersion; }

    bool openFile(const QString& path, QString* error = nullptr);
    bool saveFile(const QString& path, QString* error = nullptr);
    bool exportSvg(const QString& path, QString* error = nullptr);
    // Where drafts go: <app data>/drafts/<layout id>.json.
    QString draftPath() const;
    void saveDraft();
    // After a layout is opened (a file, the server, New): a draft of it with edits the layout does not
    // have (a session that ended without saving) is offered back as one undoable step. Declined, it
    // is deleted. A dialog asks unless a test answers.
    std::function<bool(const QString& layout, const QDateTime& saved)> confirmRestore;
    bool offerDraft();

    // A floor plan to trace, `metresWide` wide, unlocked and with the background tool picked.
    void setBackground(const QImage& image, double metresWide);

    // The price category the paint tool and Ctrl+K apply (a category id of the layout).
    void setPaintCategory(const std::string& category);

    // Actions on the selection, as the menus run them (public for the tests).
    void applyCategory(const std::string& category);
    void setSeatAttribute(layout::SeatAttribute attribute, bool on);
    void block(const QString& reason);
    bool pairCompanion();
    void renumber(const layout::SeatNumbering& numbering);
    void relabelRows(const layout::RowLabeling& labeling, bool reversed);
    void copy();
    void cut();
    void paste();
    void duplicate();
    void removeSelected();
    void selectAll();
    // The layout's name, id, seat size and price categories as one undo step; false with the reason
    // (and nothing changed) when they cannot apply.
    bool setProperties(const LayoutProperties& properties, QString* error = nullptr);
    // Renames the one section, table, area or decoration selected; false when not exactly one is.
    bool renameSelected(const QString& name);
    // The selected rectangle or outline becomes the stage; false when no polygon shape is selected.
    bool useSelectionAsStage();
    // People allowed in each selected standing area.
    void setAreaCapacity(int capacity);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildTools();
    void buildMenus();
    QAction* addAction(QMenu* menu, const QString& text, const QKeySequence& key, std::function<void()> run);
    void refreshPanels();
    void refreshCategories();
    void showProblem(int row);
    void askRenumber();
    void askRowLabels();
    void askBlock();
    void askCapacity();
    void askProperties();
    void askRename();
    void askBackground();
    void openDialog();
    void saveDialog(bool as);
    void exportDialog();
    void showShortcuts();
    void openFromServerDialog();
    void publishDialog();
    void publishAs(const QString& venueId, std::optional<int> basedOn,
                   std::function<void(bool, QString)> done);
    void editSelected(const QString& text,
                      const std::function<void(layout::VenueLayout&, const layout::Selection&)>& change);

    LayoutDocument m_document;
    seatmap::SeatMapModel m_seats;
    DesignerView* m_view;
    std::map<QString, std::unique_ptr<DesignerTool>> m_tools; // by shortcut letter
    std::map<QString, QAction*> m_toolActions;
    QComboBox* m_category;
    QLabel* m_counts;
    QListWidget* m_problems;
    QTimer* m_autosave;
    QTimer* m_panelRefresh;
    QAction* m_lockBackground = nullptr;
    QString m_path;
    std::optional<LayoutServer> m_server;
    QString m_serverVenue; // where the layout came from or was last published to
    int m_serverVersion = 0;
    layout::VenueLayout m_clipboard;
    int m_pasteCount = 0;
    QList<QAction*> m_actions;
    QList<QAction*> m_serverActions; // enabled with a server
};

} // namespace usher::designer
