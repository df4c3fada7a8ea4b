#pragma once

#include "client-qt/core/api_client.h"
#include "client-qt/core/credential_store.h"
#include "client-qt/core/live_feed.h"
#include "client-qt/core/session.h"
#include "client-qt/sales/event_picker.h"
#include "client-qt/sales/live_seat_map.h"
#include "client-qt/seatmap/seat_map_legend.h"
#include "client-qt/seatmap/seat_map_view.h"

#include <QMainWindow>

#include <memory>

class QLabel;

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

private:
    void loadEvents();
    void openEvent(const protocol::EventSummary& event);
    void showConnection(core::LiveFeed::State state);
    void showShortcuts();
    void startSession(const protocol::LoginResponse& login);
    void signInAgain(const QString& why);

    std::unique_ptr<core::ApiClient> m_client;
    protocol::LoginResponse m_login;
    core::LiveFeed m_feed;
    std::unique_ptr<core::Session> m_session;
    core::CredentialStore m_credentials;
    QString m_user;
    seatmap::SeatMapModel m_model;
    std::unique_ptr<sales::LiveSeatMap> m_live;
    sales::EventPicker* m_picker;
    seatmap::SeatMapView* m_view;
    seatmap::SeatMapLegend* m_legend;
    QLabel* m_title;
    QLabel* m_staleBanner;
    QLabel* m_connection;
    QLabel* m_clerk;
    QLabel* m_device;
    QLabel* m_shift;
    QList<QAction*> m_actions;
};

} // namespace usher::app
