#pragma once

#include "client-qt/admin/admin_api.h"
#include "client-qt/seatmap/seat_map_model.h"
#include "client-qt/seatmap/seat_map_view.h"

#include <QMainWindow>

#include <functional>
#include <optional>
#include <vector>

class QLabel;
class QListWidget;
class QTableWidget;

namespace usher::admin {

class EventForm;

// Event administration (admins): every event with its status; new and edited events (EventForm);
// putting one on sale, back to draft, or cancelling it (which refunds every order); and on the
// event's seat map, blocking the selected seats for a reason (house seats, press...) or allotting
// them to a sales channel or a box-office device, and releasing those again. Edits of an event that
// someone else changed meanwhile (412) ask whether to reload or overwrite. Venues' names, cities and
// time zones are edited here too.
class AdminWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit AdminWindow(core::ApiClient& client, QWidget* parent = nullptr);

    // The list as last loaded, and the event whose map is shown.
    const std::vector<protocol::EventAdminView>& events() const { return m_events; }
    std::optional<protocol::EventAdminView> currentEvent() const;
    seatmap::SeatMapModel& seatMap() { return m_seats; }
    const std::vector<protocol::BlockInfo>& blocks() const { return m_blocks; }
    const std::vector<protocol::AllotmentInfo>& allotments() const { return m_allotments; }
    QString lastMessage() const { return m_lastMessage; }
    const QList<QAction*>& shortcutActions() const { return m_actions; }

    // What an edit of an event or a venue does after a 412: reload theirs (dropping the edit) or overwrite.
    enum class ConflictChoice { Reload, Overwrite, Cancel };
    std::function<ConflictChoice(const QString& what)> resolveConflict;
    // The form the New and Edit actions show (a test fills it in before it is accepted).
    std::function<void(EventForm&)> prepareForm;

    // The steps as the actions run them, with `done(ok)` when the server answered.
    void reload(std::function<void(bool)> done = {});
    void showEvent(const QString& eventId, std::function<void(bool)> done = {});
    void createEvent(const protocol::EventInput& input, std::function<void(bool)> done = {});
    void updateEvent(const protocol::EventInput& input, std::function<void(bool)> done = {});
    // A venue's name, city or time zone, sent with the revision it was `loaded` at.
    void updateVenue(const protocol::VenueInfo& loaded, const protocol::VenueInput& input,
                     std::function<void(bool)> done = {});
    void setStatus(protocol::EventStatus status, const QString& reason, std::function<void(bool)> done = {});
    // The selected seats join the request (an allotment may also be standing places only).
    void blockSelected(protocol::BlockRequest block, std::function<void(bool)> done = {});
    void allotSelected(protocol::AllotmentRequest allotment, std::function<void(bool)> done = {});
    void releaseBlock(const QString& blockId, std::function<void(bool)> done = {});
    void releaseAllotment(const QString& allotmentId, std::function<void(bool)> done = {});

private:
    void buildActions();
    void showEvents();
    void loadInventory(std::function<void(bool)> done);
    void report(const QString& message, bool problem);
    void newEventDialog();
    void editEventDialog();
    void cancelDialog();
    void blockDialog();
    void allotDialog();
    void releaseDialog();
    void venueDialog();
    // One edit sent with the revision the admin loaded: `send(revision, answered)` calls the API and
    // passes its error, or nullptr. After a 412 resolveConflict decides: Overwrite sends it again
    // with If-Match: *, Reload runs `reloadTheirs`. Other errors are reported, then `reloadTheirs`.
    using SendEdit =
        std::function<void(std::optional<std::int64_t>, std::function<void(const core::ApiError*)>)>;
    void sendEdit(const QString& what, std::int64_t revision, const SendEdit& send,
                  std::function<void()> saved, std::function<void()> reloadTheirs);
    void withForm(const std::optional<protocol::EventAdminView>& event,
                  std::function<void(const protocol::EventInput&)> accepted);
    QString selectedEventId() const;
    std::vector<std::string> selectedSeats() const;

    AdminApi m_api;
    std::vector<protocol::EventAdminView> m_events;
    std::vector<protocol::BlockInfo> m_blocks;
    std::vector<protocol::AllotmentInfo> m_allotments;
    QString m_shownEvent;
    seatmap::SeatMapModel m_seats;
    QTableWidget* m_list;
    seatmap::SeatMapView* m_view;
    QListWidget* m_holds;
    QLabel* m_status;
    QString m_lastMessage;
    QList<QAction*> m_actions;
};

} // namespace usher::admin
