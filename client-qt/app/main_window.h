#pragma once

#include "client-qt/core/api_client.h"
#include "client-qt/core/credential_store.h"
#include "client-qt/core/live_feed.h"
#include "client-qt/core/session.h"
#include "client-qt/sales/basket.h"
#include "client-qt/sales/basket_panel.h"
#include "client-qt/sales/event_picker.h"
#include "client-qt/sales/live_seat_map.h"
#include "client-qt/sales/order_desk.h"
#include "client-qt/sales/sale_print.h"
#include "client-qt/seatmap/seat_map_legend.h"
#include "client-qt/seatmap/seat_map_view.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>
#include <set>

class QLabel;

namespace usher::designer {
class DesignerWindow;
}
namespace usher::admin {
class AdminWindow;
class StaffWindow;
} // namespace usher::admin

namespace usher::app {

// The counter's screen: performances on the left, the live seat map in the middle, its legend on
// the right, and a status bar that always says whether the app is connected, who is signed in, on
// which device, and which shift is open.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    MainWindow(std::unique_ptr<core::ApiClient> client, protocol::LoginResponse login, QString user,
               QString device, QWidget* parent = nullptr);

    sales::EventPicker& eventPicker() { return *m_picker; }
    seatmap::SeatMapModel& seatMap() { return m_model; }
    seatmap::SeatMapView& seatMapView() { return *m_view; }
    core::LiveFeed& feed() { return m_feed; }
    core::Session& session() { return *m_session; }
    QString connectionText() const;
    bool staleBannerShown() const;
    // The event whose map is shown, empty before one is picked.
    QString currentEvent() const { return m_live ? m_live->eventId() : QString(); }
    // Every action with a shortcut, in menu order (the F1 sheet lists them).
    const QList<QAction*>& shortcutActions() const { return m_actions; }
    sales::Basket& basket() { return m_basket; }
    sales::BasketPanel& basketPanel() { return *m_basketPanel; }
    // The device's open shift as last heard from the server.
    const std::optional<protocol::ShiftReport>& shift() const { return m_shift; }
    QString shiftText() const;

    // The sale's steps, as the menu actions run them (public for the tests).
    void bestAvailable(int quantity, bool next);
    // Standing places of an area in the basket (0: none), as Ctrl+G sets them.
    void setStandingPlaces(const QString& area, int quantity);
    // Asks for the payment (TenderDialog) and commits; false when there is nothing to pay or no shift.
    bool pay();
    // Commits with these tenders, without asking; false when there is nothing to pay or no shift.
    bool payWith(std::vector<protocol::Payment> tenders, const QString& customerName = {},
                 const QString& customerEmail = {});
    // Shifts: the dialogs ask for the amounts and call the ...With steps.
    void openShift();
    void openShiftWith(Money openingFloat, std::function<void(bool)> done = {});
    void showShiftReport();
    void closeShift();
    void closeShiftWith(Money countedCash, std::optional<Money> countedCard,
                        std::function<void(Expected<protocol::ShiftReport, core::ApiError>)> done = {});

    // The last sale's tickets and receipt, as printed; empty before the first sale.
    const std::optional<sales::PrintedSale>& lastSale() const { return m_lastSale; }
    // Where tickets go when no printer is set up: printing/folder in the settings, else
    // "Usher tickets" in the documents folder.
    static QString ticketFolder();
    void printPreview();
    void saveTicketsAs();
    // The order desk (find, refund, reprint), non-modal; it deletes itself when closed.
    sales::OrderDesk* showOrders();
    // The venue layout designer (admins), in its own window; it deletes itself when closed.
    designer::DesignerWindow* showDesigner();
    // Event administration (admins), in its own window; it deletes itself when closed.
    admin::AdminWindow* showEventAdmin();
    admin::StaffWindow* showStaffAdmin();

Q_SIGNALS:
    // The last sale is paid and its tickets were handed to the printer (or saved as a PDF).
    void sold(const protocol::OrderResponse& order);
    // A reissued ticket was printed (or saved as a PDF).
    void reprinted(const protocol::Ticket& ticket);

private:
    void loadEvents();
    void openEvent(const protocol::EventSummary& event);
    void showConnection(core::LiveFeed::State state);
    void showShortcuts();
    void startSession(const protocol::LoginResponse& login);
    void signInAgain(const QString& why);
    void loadSeatMap(const QString& id, const QString& title, protocol::EventDetail detail);
    void chooseStanding();
    void showReport(const protocol::ShiftReport& report);
    void loadShift();
    void setShift(std::optional<protocol::ShiftReport> shift);
    bool haveOwnShift() const;
    void followSelection();
    void removeCurrentLine();
    void onPaid(const protocol::OrderResponse& order);
    sales::PrintedSale printedSale(const protocol::OrderResponse& order,
                                   const protocol::EventSummary& event) const;
    // Prints the sale on the configured printer, else saves it as `fileName`.pdf in the ticket
    // folder; says where it went.
    QString deliverTickets(const sales::PrintedSale& sale, const QString& fileName);
    void reprintTicket(const protocol::OrderResponse& order, const protocol::Ticket& ticket);
    QAction* addSaleAction(QMenu* menu, const QString& text, const QKeySequence& key,
                           std::function<void()> run);

    std::unique_ptr<core::ApiClient> m_client;
    protocol::LoginResponse m_login;
    core::LiveFeed m_feed;
    std::unique_ptr<core::Session> m_session;
    core::CredentialStore m_credentials;
    QString m_user;
    QString m_device;
    seatmap::SeatMapModel m_model;
    sales::Basket m_basket;
    std::optional<protocol::ShiftReport> m_shift;
    // Seats offered by best available for the current quantity: "next best" skips them.
    std::set<std::uint32_t> m_offered;
    int m_lastQuantity = 0;
    std::optional<protocol::EventSummary> m_event; // the performance on the map
    std::optional<sales::PrintedSale> m_lastSale;
    std::unique_ptr<sales::LiveSeatMap> m_live;
    sales::EventPicker* m_picker;
    seatmap::SeatMapView* m_view;
    seatmap::SeatMapLegend* m_legend;
    sales::BasketPanel* m_basketPanel;
    QLabel* m_title;
    QLabel* m_staleBanner;
    QLabel* m_connection;
    QLabel* m_clerk;
    QLabel* m_deviceLabel;
    QLabel* m_shiftLabel;
    QList<QAction*> m_actions;
};

} // namespace usher::app
