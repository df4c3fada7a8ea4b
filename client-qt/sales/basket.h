#pragma once

#include "client-qt/core/api_client.h"
#include "common/pricing/price_table.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <map>
#include <optional>
#include <vector>

namespace usher::sales {

// The sale being made at the counter for one performance: the seats the clerk picked, each held on
// the server the moment it is picked (one hold that grows and shrinks, so the sale stays one
// order), a ticket type per seat, the total, and the hold's countdown. Paying commits the hold with
// an idempotency key that every retry of that payment reuses, so a lost answer never makes a
// second order.
class Basket : public QObject {
    Q_OBJECT

public:
    // A seat, or the standing places of one area.
    struct Line {
        QString seat;     // the seat id, or the standing area's id
        QString label;    // "Stalls A 12", "Standing (rear stalls)"
        QString category; // price category id
        QString ticketType;
        Money price;      // for this ticket type, all places of the line
        int quantity = 1; // places of a standing area
        bool standing = false;
    };

    explicit Basket(core::ApiClient& api, QObject* parent = nullptr);
    ~Basket() override;

    // A new performance: the current hold (if any) is released.
    void setEvent(const QString& eventId, PriceTable prices, std::vector<protocol::GaAreaInfo> standing = {});
    const std::vector<protocol::GaAreaInfo>& standingAreas() const { return m_standing; }
    const QString& eventId() const { return m_eventId; }
    const PriceTable& prices() const { return m_prices; }

    // The seats the clerk wants: the hold follows (one request at a time; the last wish wins).
    void setSeats(const QSet<QString>& seats);
    // Standing places wanted in an area (0: none); held like the seats.
    void setStanding(const QString& area, int quantity);
    int standing(const QString& area) const;
    // Gives every seat and place back and forgets the sale.
    void clear();

    const std::vector<Line>& lines() const { return m_lines; }
    QSet<QString> heldSeats() const;
    // Held, and wanted but not answered yet: the seats the map shows as the clerk's own.
    QSet<QString> ownSeats() const;
    bool isEmpty() const { return m_lines.empty(); }
    bool busy() const { return m_requestInFlight || m_paying; }
    const QString& holdId() const { return m_holdId; }
    void setTicketType(std::size_t line, const QString& ticketType);
    Money total() const;
    // Seconds until the hold expires; nullopt without a hold.
    std::optional<qint64> secondsLeft() const;

    // Commits the hold. Retries on its own with the same key while the outcome is unknown (no
    // answer, a timeout, 409 in flight, 503, 504), up to about a minute.
    void pay(std::vector<protocol::Payment> tenders, const QString& shiftId, const QString& customerName,
             const QString& customerEmail);
    bool paying() const { return m_paying; }

Q_SIGNALS:
    void changed();                                                 // lines, total or hold
    void heldSeatsChanged(const QSet<QString>& seats);              // ownSeats(), for "held by you"
    void refused(const QStringList& seats, const QString& message); // not held: deselect them
    void countdown(qint64 secondsLeft);                             // once a second while held
    void expired();                                                 // the hold ran out: the basket is empty
    void paid(const protocol::OrderResponse& order);
    void payFailed(const QString& message);

private:
    void sync();
    void adopt(const protocol::HoldResponse& hold);
    void forgetHold();
    // The hold and every wish: after a sale, an expiry, another performance.
    void forgetSale();
    void tick();
    Money linePrice(const QString& category, const QString& ticketType, int quantity,
                    const Money& fallback) const;
    std::map<QString, int> heldStanding() const;
    void sendCommit();
    QString defaultTicketType() const;

    core::ApiClient& m_api;
    QString m_eventId;
    PriceTable m_prices;
    std::vector<protocol::GaAreaInfo> m_standing;
    QSet<QString> m_wanted;
    std::map<QString, int> m_wantedStanding; // area -> places
    QString m_holdId;
    QDateTime m_expiresAt;
    std::vector<Line> m_lines;
    bool m_requestInFlight = false;
    QTimer m_clock;

    bool m_paying = false;
    QString m_payKey;
    protocol::CommitRequest m_payRequest;
    int m_payAttempts = 0;
};

} // namespace usher::sales
