#include "client-qt/sales/live_seat_map.h"

namespace usher::sales {

LiveSeatMap::LiveSeatMap(seatmap::SeatMapModel& model, core::LiveFeed& feed, QString eventId, QObject* parent)
    : QObject(parent), m_model(model), m_eventId(std::move(eventId)) {
    m_server.assign(m_model.seatCount(), SeatStatus::Available);
    connect(&m_model, &seatmap::SeatMapModel::layoutReset, this,
            [this] { m_server.assign(m_model.seatCount(), SeatStatus::Available); });
    connect(&feed, &core::LiveFeed::snapshot, this,
            [this](const QString& event, std::int64_t, const std::vector<protocol::SeatStateEntry>& seats,
                   const std::vector<protocol::GaAvailability>&) {
                if (event == m_eventId) {
                    applySnapshot(seats);
                }
            });
    connect(&feed, &core::LiveFeed::changes, this,
            [this](const QString& event, std::int64_t, const std::vector<protocol::SeatChange>& seats,
                   const std::vector<protocol::GaAvailability>&) {
                if (event == m_eventId) {
                    applyChanges(seats);
                }
            });
    feed.subscribe(m_eventId);
}

template <typename Entry>
void LiveSeatMap::apply(const std::vector<Entry>& entries, const std::string Entry::*id) {
    std::vector<seatmap::SeatMapModel::Change> changes;
    changes.reserve(entries.size());
    for (const Entry& entry : entries) {
        const auto seat = m_model.find(entry.*id);
        if (!seat) {
            ++m_unknownSeats;
            continue;
        }
        m_server[*seat] = entry.state;
        const bool mine = m_ownSeats.contains(QString::fromStdString(entry.*id));
        changes.push_back({*seat, seatmap::seatStateOf(entry.state, mine)});
    }
    m_model.applyChanges(changes);
}

void LiveSeatMap::applySnapshot(const std::vector<protocol::SeatStateEntry>& seats) {
    m_unknownSeats = 0;
    apply(seats, &protocol::SeatStateEntry::id);
}

void LiveSeatMap::applyChanges(const std::vector<protocol::SeatChange>& seats) {
    apply(seats, &protocol::SeatChange::seat);
}

void LiveSeatMap::setOwnSeats(QSet<QString> seats) {
    m_ownSeats = std::move(seats);
    std::vector<seatmap::SeatMapModel::Change> changes;
    for (std::uint32_t seat = 0; seat < m_server.size(); ++seat) {
        if (m_server[seat] == SeatStatus::Held) {
            const auto& id = m_model.index().seat(seat).id;
            const bool mine =
                m_ownSeats.contains(QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size())));
            changes.push_back({seat, seatmap::seatStateOf(SeatStatus::Held, mine)});
        }
    }
    m_model.applyChanges(changes);
}

} // namespace usher::sales
