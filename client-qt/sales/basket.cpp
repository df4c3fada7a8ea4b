#include "client-qt/sales/basket.h"

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

void Basket::setEvent(const QString& eventId, PriceTable prices) {
    if (!m_holdId.isEmpty()) {
        m_api.releaseHold(m_holdId, [](Expected<QByteArray, core::ApiError>) {});
    }
    m_eventId = eventId;
    m_prices = std::move(prices);
    m_wanted.clear();
    forgetHold();
}

QString Basket::defaultTicketType() const {
    return m_prices.ticketTypes().empty() ? QString()
                                          : QString::fromStdString(m_prices.ticketTypes().front().id);
}

QSet<QString> Basket::heldSeats() const {
    QSet<QString> seats;
    for (const Line& line : m_lines) {
        seats.insert(line.seat);
    }
    return seats;
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
    setSeats({});
}

void Basket::sync() {
    if (m_requestInFlight || m_paying) {
        return; // the answer calls sync() again, with the latest wish
    }
    const QSet<QString> held = heldSeats();
    const QSet<QString> add = m_wanted - held;
    const QSet<QString> remove = held - m_wanted;
    if (add.isEmpty() && remove.isEmpty()) {
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
            Q_EMIT heldSeatsChanged(ownSeats());
            Q_EMIT refused(taken,
                           tr("Taken by someone else meanwhile: %1").arg(taken.join(QStringLiteral(", "))));
        } else if (hold.error().is(ProblemKind::HoldExpired) || hold.error().is(ProblemKind::NotFound)) {
            forgetHold(); // the next round holds every wanted seat again
        } else {
            // The seats stay as they were on the server; the clerk's wish is dropped.
            m_wanted = heldSeats();
            Q_EMIT heldSeatsChanged(ownSeats());
            Q_EMIT refused(QStringList(add.begin(), add.end()), hold.error().message);
        }
        sync();
    };
    m_requestInFlight = true;
    // Wanted seats count as the clerk's own at once: the feed may report them held before the
    // hold's answer arrives.
    Q_EMIT heldSeatsChanged(ownSeats());
    if (m_holdId.isEmpty()) {
        m_api.hold(m_eventId, {protocol::SeatSelection{sortedIds(add)}}, answered);
    } else if (m_wanted.isEmpty()) {
        m_api.releaseHold(m_holdId, [this](Expected<QByteArray, core::ApiError>) {
            // Released, or gone already: either way the seats are no longer this basket's.
            m_requestInFlight = false;
            forgetHold();
            sync();
        });
    } else {
        m_api.changeHoldSeats(m_holdId, {sortedIds(add), sortedIds(remove)}, answered);
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
        auto price = m_prices.price(seat.category, line.ticketType.toStdString());
        line.price = price ? *price : seat.price;
        lines.push_back(std::move(line));
    }
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
        m_wanted.clear();
        forgetHold();
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
    auto price = m_prices.price(changedLine.category.toStdString(), ticketType.toStdString());
    if (!price) {
        return; // this type has no price in the seat's category: not offered
    }
    changedLine.ticketType = ticketType;
    changedLine.price = *price;
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
                             m_wanted.clear();
                             forgetHold();
                         }
                         Q_EMIT changed();
                         Q_EMIT payFailed(order.error().message);
                         return;
                     }
                     // Sold: the seats are the order's now, not the basket's.
                     m_wanted.clear();
                     forgetHold();
                     Q_EMIT paid(*order);
                 });
}

} // namespace usher::sales
