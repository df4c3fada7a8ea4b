#pragma once

#include "client-qt/core/live_feed.h"
#include "client-qt/seatmap/seat_map_model.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <string>
#include <vector>

namespace usher::sales {

// Keeps one event's seat map current from the live feed: the snapshot replaces every seat's state,
// deltas change the seats they name. A held seat shows as the clerk's own when it is in one of the
// clerk's holds (the server's feed does not say whose a hold is).
class LiveSeatMap : public QObject {
    Q_OBJECT

public:
    LiveSeatMap(seatmap::SeatMapModel& model, core::LiveFeed& feed, QString eventId,
                QObject* parent = nullptr);

    const QString& eventId() const { return m_eventId; }
    // Seat ids of the clerk's own holds; changes how their held seats are shown at once.
    void setOwnSeats(QSet<QString> seats);
    // Seat ids the layout does not have (a newer layout on the server): counted, not shown.
    int unknownSeats() const { return m_unknownSeats; }

    // Server states as the map shows them (public for the first fetch of GET .../seatmap).
    void applySnapshot(const std::vector<protocol::SeatStateEntry>& seats);
    void applyChanges(const std::vector<protocol::SeatChange>& seats);

private:
    template <typename Entry>
    void apply(const std::vector<Entry>& entries, const std::string Entry::*id);

    seatmap::SeatMapModel& m_model;
    QString m_eventId;
    QSet<QString> m_ownSeats;
    std::vector<SeatStatus> m_server; // the server's state per seat index
    int m_unknownSeats = 0;
};

} // namespace usher::sales
