#include "client-qt/sales/basket.h"

#include <QCollator>
#include <QUuid>

#include <algorithm>

namespace usher::sales {

namespace {

using protocol::ProblemKind;

// A commit whose answer did not arrive may have gone through: it is sent again with the same key
// until the server answers for sure, at most this often.
constexpr int kMaxPayAttempts = 12;

std::vector<std::string> sortedIds(const QSet<QString>& seats) {
    std::vector<std::string> ids;
    for (const QString& seat : seats) {
        ids.push_back(seat.toStdString());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool outcomeUnknown(const core::ApiError& error) {
    return error.unreachable() || error.status == 502 || error.status == 503 || error.status == 504 ||
           error.is(ProblemKind::RequestInFlight);
}

} // namespace

Basket::Basket(core::ApiClient& api, QObject* parent) : QObject(parent), m_api(api) {
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &Basket::tick);
}

Basket::~Basket() {
    if (!m_holdId.isEmpty() && !m_paying) {
        // Best effort: the hold expires by itself when this does not reach the server.
        m_api.releaseHold(m_holdId, [](Expected<QByteArray, core::ApiError>) {});
    }
}

void Basket::setEvent(const QString& eventId, PriceTable prices, std::vector<protocol::GaAreaInfo> standing) {
    if (!m_holdId.isEmpty()) {
        m_api.releaseHold(m_holdId, [](Expected<QByteArray, core::ApiError>) {});
    }
    m_eventId = eventId;
    m_prices = std::move(prices);
    m_standing = std::move(standing);
    forgetSale();
}

QString Basket::defaultTicketType() const {
    return m_prices.ticketTypes().empty() ? QString()
                                          : QString::fromStdString(m_prices.ticketTypes().front().id);
}

QSet<QString> Basket::heldSeats() const {
    QSet<QString> seats;
    for (const Line& line : m_lines) {
        if (!line.standing) {
            seats.insert(line.seat);
        }
    }
    return seats;
}

std::map<QString, int> Basket::heldStanding() const {
    std::map<QString, int> places;
    for (const Line& line : m_lines) {
        if (line.standing) {
            places[line.seat] = line.quantity;
        }
    }
    return places;
}

void Basket::setStanding(const QString& area, int quantity) {
    if (m_paying || m_eventId.isEmpty()) {
        return;
    }
    if (quantity > 0) {
        m_wantedStanding[area] = quantity;
    } else {
        m_wantedStanding.erase(area);
    }
    sync();
}

int Basket::standing(const QString& area) const {
    const auto held = heldStanding();
    const auto found = held.find(area);
    return found == held.end() ? 0 : found->second;
}

Money Basket::linePrice(const QString& category, const QString& ticketType, int quantity,
                        const Money& fallback) const {
    auto price = m_prices.price(category.toStdString(), ticketType.toStdString());
    return Money{(price ? price->amount : fallback.amount) * quantity,
                 price ? price->currency : fallback.currency};
}

QSet<QString> Basket::ownSeats() const {
    return heldSeats() | m_wanted;
}

void Basket::setSeats(const QSet<QString>& seats) {
    if (m_paying || m_eventId.isEmpty()) {
        return;
    }
    m_wanted = seats;
    sync();
}

void Basket::clear() {
    m_wantedStanding.clear();
    setSeats({});
}

void Basket::sync() {
    if (m_requestInFlight || m_paying) {
        return; // the answer calls sync() again, with the latest wish
    }
    const QSet<QString> held = heldSeats();
    const QSet<QString> add = m_wanted - held;
    const QSet<QString> remove = held - m_wanted;
    // Standing areas whose places differ from the wish, with the wished quantity (0: out).
    std::vector<protocol::GaQuantity> standingChanges;
    const std::map<QString, int> heldPlaces = heldStanding();
    for (const auto& [area, quantity] : heldPlaces) {
        if (!m_wantedStanding.contains(area)) {
            standingChanges.push_back({area.toStdString(), 0});
        }
    }
    for (const auto& [area, quantity] : m_wantedStanding) {
        const auto found = heldPlaces.find(area);
        if (found == heldPlaces.end() || found->second != quantity) {
            standingChanges.push_back({area.toStdString(), quantity});
        }
    }
    if (add.isEmpty() && remove.isEmpty() && standingChanges.empty()) {
        return;
    }
    const auto answered = [this, add](Expected<protocol::HoldResponse, core::ApiError> hold) {
        m_requestInFlight = false;
        if (hold) {
            adopt(*hold);
        } else if (hold.error().is(ProblemKind::SeatsUnavailable)) {
            const QStringList taken = hold.error().unavailableSeats;
            for (const QString& seat : taken) {
                m_wanted.remove(seat);
            }
            for (const QString& area : hold.error().unavailableAreas) {
                m_wantedStanding.erase(area); // what the hold has of it stays
                if (const int kept = standing(area); kept > 0) {
                    m_wantedStanding[area] = kept;
                }
            }
            Q_EMIT heldSeatsChanged(ownSeats());
            QStringList missing = taken;
            missing << hold.error().unavailableAreas;
            Q_EMIT refused(taken,
                           tr("Taken by someone else meanwhile: %1").arg(missing.join(QStringLiteral(", "))));
        } else if (hold.error().is(ProblemKind::HoldExpired) || hold.error().is(ProblemKind::NotFound)) {
            forgetHold(); // the next round holds everything wanted again
        } else {
            // The basket stays as it is on the server; the clerk's wish is dropped.
            m_wanted = heldSeats();
            m_wantedStanding = heldStanding();
            Q_EMIT heldSeatsChanged(ownSeats());
            Q_EMIT refused(QStringList(add.begin(), add.end()), hold.error().message);
        }
        sync();
    };
    m_requestInFlight = true;
    // Wanted seats count as the clerk's own at once: the feed may report them held before the
    // hold's answer arrives.
    Q_EMIT heldSeatsChanged(ownSeats());
    const bool wantsNothing = m_wanted.isEmpty() && m_wantedStanding.empty();
    if (m_holdId.isEmpty()) {
        // A new hold takes seats or standing places; the other kind joins in the next round.
        protocol::HoldRequest request;
        std::vector<protocol::GaQuantity> places;
        for (const auto& line : standingChanges) {
            if (line.quantity > 0) {
                places.push_back(line);
            }
        }
        if (!add.isEmpty()) {
            request.selection = protocol::SeatSelection{sortedIds(add)};
        } else if (!places.empty()) {
            request.selection = protocol::GaSelection{places};
        } else {
            m_requestInFlight = false; // nothing to hold
            return;
        }
        m_api.hold(m_eventId, request, answered);
    } else if (wantsNothing) {
        m_api.releaseHold(m_holdId, [this](Expected<QByteArray, core::ApiError>) {
            // Released, or gone already: either way the seats are no longer this basket's.
            m_requestInFlight = false;
            forgetHold();
            sync();
        });
    } else {
        m_api.changeHoldSeats(m_holdId, {sortedIds(add), sortedIds(remove), standingChanges}, answered);
    }
}

void Basket::adopt(const protocol::HoldResponse& hold) {
    std::vector<Line> lines;
    for (const protocol::HeldSeat& seat : hold.seats) {
        Line line;
        line.seat = QString::fromStdString(seat.id);
        line.label = seat.label ? QString::fromStdString(*seat.label) : line.seat;
        line.category = QString::fromStdString(seat.category);
        const auto kept = std::find_if(m_lines.begin(), m_lines.end(),
                                       [&](const Line& old) { return old.seat == line.seat; });
        line.ticketType = kept != m_lines.end() ? kept->ticketType : defaultTicketType();
        line.price = linePrice(line.category, line.ticketType, 1, seat.price);
        lines.push_back(std::move(line));
    }
    for (const protocol::HeldGa& places : hold.ga) {
        Line line;
        line.seat = QString::fromStdString(places.area);
        line.standing = true;
        line.quantity = places.quantity;
        line.label = line.seat;
        for (const protocol::GaAreaInfo& area : m_standing) {
            if (area.id == places.area) {
                line.label = QString::fromStdString(area.name);
                line.category = QString::fromStdString(area.category);
            }
        }
        const auto kept = std::find_if(m_lines.begin(), m_lines.end(),
                                       [&](const Line& old) { return old.seat == line.seat; });
        line.ticketType = kept != m_lines.end() ? kept->ticketType : defaultTicketType();
        line.price = linePrice(line.category, line.ticketType, line.quantity, places.price);
        lines.push_back(std::move(line));
    }
    // As a clerk reads them: "A 2" before "A 10", seats before standing places.
    QCollator natural;
    natural.setNumericMode(true);
    std::stable_sort(lines.begin(), lines.end(), [&](const Line& a, const Line& b) {
        return a.standing != b.standing ? !a.standing : natural.compare(a.label, b.label) < 0;
    });
    m_lines = std::move(lines);
    m_holdId = QString::fromStdString(hold.holdId);
    m_expiresAt = QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(hold.expiresAt.time_since_epoch()).count(),
        Qt::UTC);
    m_clock.start();
    Q_EMIT heldSeatsChanged(ownSeats());
    Q_EMIT changed();
    tick();
}

void Basket::forgetSale() {
    m_wanted.clear();
    m_wantedStanding.clear();
    forgetHold();
}

void Basket::forgetHold() {
    m_holdId.clear();
    m_expiresAt = {};
    m_lines.clear();
    m_clock.stop();
    Q_EMIT heldSeatsChanged(ownSeats());
    Q_EMIT changed();
}

void Basket::tick() {
    const std::optional<qint64> left = secondsLeft();
    if (!left) {
        return;
    }
    if (*left <= 0 && !m_paying) {
        forgetSale();
        Q_EMIT expired();
        return;
    }
    Q_EMIT countdown(*left);
}

std::optional<qint64> Basket::secondsLeft() const {
    if (m_holdId.isEmpty()) {
        return std::nullopt;
    }
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(m_expiresAt));
}

void Basket::setTicketType(std::size_t line, const QString& ticketType) {
    if (line >= m_lines.size() || m_paying) {
        return;
    }
    Line& changedLine = m_lines[line];
    if (!m_prices.price(changedLine.category.toStdString(), ticketType.toStdString())) {
        return; // this type has no price in the seat's category: not offered
    }
    changedLine.ticketType = ticketType;
    changedLine.price = linePrice(changedLine.category, ticketType, changedLine.quantity, changedLine.price);
    Q_EMIT changed();
}

Money Basket::total() const {
    Money total{0, m_prices.currency()};
    for (const Line& line : m_lines) {
        total.amount += line.price.amount;
    }
    return total;
}

void Basket::pay(std::vector<protocol::Payment> tenders, const QString& shiftId, const QString& customerName,
                 const QString& customerEmail) {
    if (m_paying || m_holdId.isEmpty() || m_requestInFlight) {
        return;
    }
    m_payRequest = {};
    m_payRequest.payments = std::move(tenders);
    for (const Line& line : m_lines) {
        m_payRequest.ticketTypes[line.seat.toStdString()] = line.ticketType.toStdString();
    }
    if (!shiftId.isEmpty()) {
        m_payRequest.shiftId = shiftId.toStdString();
    }
    if (!customerName.trimmed().isEmpty()) {
        m_payRequest.customerName = customerName.trimmed().toStdString();
    }
    if (!customerEmail.trimmed().isEmpty()) {
        m_payRequest.customerEmail = customerEmail.trimmed().toStdString();
    }
    m_payKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_payAttempts = 0;
    m_paying = true;
    Q_EMIT changed();
    sendCommit();
}

void Basket::sendCommit() {
    ++m_payAttempts;
    m_api.commit(m_holdId, m_payKey, m_payRequest,
                 [this](Expected<protocol::OrderResponse, core::ApiError> order) {
                     if (!order && outcomeUnknown(order.error()) && m_payAttempts < kMaxPayAttempts) {
                         QTimer::singleShot(std::min(5000, 500 * m_payAttempts), this, &Basket::sendCommit);
                         return;
                     }
                     m_paying = false;
                     if (!order) {
                         if (order.error().is(ProblemKind::HoldExpired)) {
                             forgetSale();
                         }
                         Q_EMIT changed();
                         Q_EMIT payFailed(order.error().message);
                         return;
                     }
                     // Sold: the seats are the order's now, not the basket's.
                     forgetSale();
                     Q_EMIT paid(*order);
                 });
}

} // namespace usher::sales
