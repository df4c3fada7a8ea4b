#include "server/storage/pg/pg_order_repository.h"

#include "common/util/text.h"
#include "server/storage/pg/audit_log.h"
#include "server/storage/pg/change_log.h"
#include "server/storage/pg/event_writes.h"
#include "server/storage/pg/pg_inventory_repository.h"
#include "server/storage/pg/sql_values.h"
#include "server/storage/pg/transaction.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <pqxx/pqxx>
#include <set>
#include <stdexcept>

namespace usher::server::pg {

using storage::ClaimStatus;
using storage::ClaimToken;
using storage::CommitError;
using storage::IdempotencyClaim;
using storage::RefundError;
using storage::RefundRefused;
using storage::StoredOrder;
using storage::StoredRefund;
using storage::StoredTicket;

namespace {

constexpr int kCreatedStatus = 201;

std::string channelName(storage::Channel channel) {
    return channel == storage::Channel::Online ? "online" : "box_office";
}

// Claim tokens as three array parameters: user ids, keys and attempts.
struct ClaimArrays {
    std::string users, keys, attempts;

    explicit ClaimArrays(std::span<const ClaimToken> claims) {
        std::vector<std::string> userIds, keyTexts, attemptIds;
        for (const ClaimToken& claim : claims) {
            userIds.push_back(std::to_string(claim.user));
            keyTexts.push_back(claim.key);
            attemptIds.push_back(std::to_string(claim.attempt));
        }
        users = textArray(userIds);
        keys = textArray(keyTexts);
        attempts = textArray(attemptIds);
    }
};

// Which claims are still their attempt's and unanswered; locks those until the transaction ends.
std::vector<bool> ownedClaims(pqxx::transaction_base& tx, std::span<const ClaimToken> claims) {
    const ClaimArrays arrays(claims);
    std::vector<bool> owned(claims.size(), false);
    for (const auto& row :
         tx.exec_params("SELECT c.ord FROM unnest($1::bigint[], $2::text[], $3::bigint[]) WITH ORDINALITY "
                        "AS c(user_id, key, attempt, ord) JOIN idempotency_keys k ON k.user_id = c.user_id "
                        "AND k.key = c.key AND k.response IS NULL AND usher_us(k.created_at) = c.attempt "
                        "ORDER BY k.user_id, k.key FOR UPDATE OF k",
                        arrays.users, arrays.keys, arrays.attempts)) {
        owned.at(row[0].as<std::size_t>() - 1) = true;
    }
    return owned;
}

bool ownsClaim(pqxx::transaction_base& tx, const ClaimToken& claim) {
    return ownedClaims(tx, std::span(&claim, 1)).front();
}

// Answers each claim with its body, as the response a replay returns.
void storeResponses(pqxx::transaction_base& tx, std::span<const ClaimToken> claims, int status,
                    const std::vector<std::string>& bodies) {
    const ClaimArrays arrays(claims);
    tx.exec_params("UPDATE idempotency_keys k SET status = $5, response = c.body "
                   "FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[]) "
                   "AS c(user_id, key, attempt, body) "
                   "WHERE k.user_id = c.user_id AND k.key = c.key AND usher_us(k.created_at) = c.attempt",
                   arrays.users, arrays.keys, arrays.attempts, textArray(bodies), status);
}

void storeResponse(pqxx::transaction_base& tx, const ClaimToken& claim, int status, const std::string& body) {
    storeResponses(tx, std::span(&claim, 1), status, {body});
}

std::optional<protocol::PaymentMethod> paymentMethodOf(const pqxx::field& field) {
    return protocol::valueOf(protocol::kPaymentMethodNames, field.as<std::string>());
}

std::vector<storage::PaymentRecord> readPayments(pqxx::transaction_base& tx, const std::string& orderId,
                                                 std::string_view kind) {
    std::vector<storage::PaymentRecord> payments;
    for (const auto& row : tx.exec_params("SELECT method, amount, tendered, reference FROM payments "
                                          "WHERE order_id = $1::uuid AND kind = $2 ORDER BY id",
                                          orderId, std::string(kind))) {
        storage::PaymentRecord payment;
        payment.method = paymentMethodOf(row[0]).value_or(protocol::PaymentMethod::Cash);
        payment.amount = row[1].as<std::int64_t>();
        if (!row[2].is_null()) {
            payment.tendered = row[2].as<std::int64_t>();
        }
        payment.reference = optionalText(row[3]);
        payments.push_back(std::move(payment));
    }
    return payments;
}

StoredTicket readTicket(const pqxx::row& row, Currency currency) {
    StoredTicket stored;
    stored.id = row["id"].as<std::string>();
    stored.seat = optionalText(row["seat_id"]);
    stored.gaArea = optionalText(row["ga_area_id"]);
    stored.ticketType = row["ticket_type"].as<std::string>();
    stored.price = Money{row["price"].as<std::int64_t>(), currency};
    stored.code = row["code"].as<std::string>();
    stored.signature = row["signature"].as<std::string>();
    stored.status = protocol::valueOf(protocol::kTicketStatusNames, row["status"].as<std::string>())
                        .value_or(protocol::TicketStatus::Valid);
    return stored;
}

std::optional<StoredOrder> readOrder(pqxx::transaction_base& tx, const std::string& orderId) {
    const auto rows = tx.exec_params(
        "SELECT number, event_id, user_id, hold_id, channel, status, total, currency, change_due, "
        "usher_us(created_at), shift_id::text, customer_name, customer_email FROM orders WHERE id = $1::uuid",
        orderId);
    if (rows.empty()) {
        return std::nullopt;
    }
    const auto& row = rows[0];
    StoredOrder order;
    order.id = orderId;
    order.number = row[0].as<std::string>();
    order.eventId = row[1].as<storage::EventId>();
    order.user = row[2].as<storage::UserId>();
    order.holdId = row[3].as<std::string>();
    order.channel =
        row[4].as<std::string>() == "online" ? storage::Channel::Online : storage::Channel::BoxOffice;
    order.status = protocol::valueOf(protocol::kOrderStatusNames, row[5].as<std::string>())
                       .value_or(protocol::OrderStatus::Paid);
    const Currency currency = currencyOf(row[7]);
    order.total = Money{row[6].as<std::int64_t>(), currency};
    if (!row[8].is_null()) {
        order.change = Money{row[8].as<std::int64_t>(), currency};
    }
    order.createdAt = timestampOf(row[9]);
    order.shiftId = optionalText(row[10]);
    order.customerName = optionalText(row[11]);
    order.customerEmail = optionalText(row[12]);
    order.payments = readPayments(tx, orderId, "charge");
    for (const auto& ticket :
         tx.exec_params("SELECT id, seat_id, ga_area_id, ticket_type, price, code, signature, status "
                        "FROM tickets WHERE order_id = $1::uuid ORDER BY position",
                        orderId)) {
        order.tickets.push_back(readTicket(ticket, currency));
    }
    return order;
}

// A hold about to be committed, as the database has it, with its seats and GA lines locked.
struct HoldToCommit {
    std::string state;
    bool expired = false;
    storage::UserId user = 0;
    std::set<std::string> seats;
    std::map<std::string, std::int64_t> places; // GA places per area
    // Every seat and GA line is still held by this hold at the database's now (invariant 3: a
    // seat whose hold time has passed may have been taken by the next hold).
    bool whole = true;
};

std::map<std::string, HoldToCommit> lockHoldsToCommit(pqxx::transaction_base& tx, storage::EventId event,
                                                      const std::vector<std::string>& holdIds) {
    std::map<std::string, HoldToCommit> holds;
    const std::string ids = textArray(holdIds);
    for (const auto& row : tx.exec_params("SELECT id, state, expires_at < now(), user_id FROM holds "
                                          "WHERE id = ANY($1::uuid[]) AND event_id = $2 FOR UPDATE",
                                          ids, event)) {
        HoldToCommit& hold = holds[row[0].as<std::string>()];
        hold.state = row[1].as<std::string>();
        hold.expired = row[2].as<bool>();
        hold.user = row[3].as<storage::UserId>();
    }
    // The holds' seats, then the seats themselves by primary key: a join of hold_seats with
    // event_seats may be planned as a scan of every event's seats.
    std::map<std::string, std::string> holdOfSeat;
    std::vector<std::string> seatIds;
    for (const auto& row :
         tx.exec_params("SELECT hold_id, seat_id FROM hold_seats WHERE hold_id = ANY($1::uuid[])", ids)) {
        holds[row[0].as<std::string>()].seats.insert(row[1].as<std::string>());
        holdOfSeat[row[1].as<std::string>()] = row[0].as<std::string>();
        seatIds.push_back(row[1].as<std::string>());
    }
    std::set<std::string> stillHeld;
    if (!seatIds.empty()) {
        for (const auto& row : tx.exec_params(
                 "SELECT seat_id, hold_id::text, state = 'held' AND held_until >= now() FROM event_seats "
                 "WHERE event_id = $1 AND seat_id = ANY($2::text[]) ORDER BY seat_id FOR UPDATE",
                 event, textArray(seatIds))) {
            const std::string seat = row[0].as<std::string>();
            if (!row[1].is_null() && row[1].as<std::string>() == holdOfSeat[seat] && row[2].as<bool>()) {
                stillHeld.insert(seat);
            }
        }
    }
    for (auto& [id, hold] : holds) {
        for (const std::string& seat : hold.seats) {
            hold.whole = hold.whole && stillHeld.contains(seat);
        }
    }
    for (const auto& row : tx.exec_params(
             "SELECT hold_id, area_id, quantity, active AND expires_at >= now() FROM hold_ga_lines "
             "WHERE hold_id = ANY($1::uuid[]) FOR UPDATE",
             ids)) {
        HoldToCommit& hold = holds[row[0].as<std::string>()];
        hold.places[row[1].as<std::string>()] += row[2].as<std::int64_t>();
        hold.whole = hold.whole && row[3].as<bool>();
    }
    return holds;
}

// The service made the tickets from the same hold: they must name exactly what is sold.
void checkTicketsMatch(const storage::OrderPlan& plan, const HoldToCommit& hold) {
    std::set<std::string> seats;
    std::map<std::string, std::int64_t> places;
    std::size_t seatTickets = 0;
    for (const auto& ticket : plan.tickets) {
        if (ticket.seat.has_value() == ticket.gaArea.has_value()) {
            throw std::logic_error("a ticket needs exactly one of seat and GA area");
        }
        if (ticket.seat) {
            seats.insert(*ticket.seat);
            ++seatTickets;
        } else {
            ++places[*ticket.gaArea];
        }
    }
    if (seats != hold.seats || seatTickets != hold.seats.size() || places != hold.places) {
        throw std::logic_error("the order's tickets do not match hold " + plan.holdId);
    }
}

// Column arrays for the set-based statements that write a batch of orders. Nullable values travel
// as '' (ids, numbers and references are never empty) and become NULL through nullif.
struct OrderColumns {
    std::vector<std::string> id, number, user, hold, channel, total, currency, changeDue, shift, customerName,
        customerEmail;
    std::vector<std::string> payOrder, payMethod, payAmount, payCurrency, payTendered, payReference, payShift;
    std::vector<std::string> ticketId, ticketOrder, ticketPosition, ticketSeat, ticketArea, ticketType,
        ticketPrice, ticketCode, ticketSignature;
    std::vector<std::string> soldSeat, soldSeatOrder;

    void add(const StoredOrder& order, const storage::OrderPlan& plan) {
        id.push_back(order.id);
        number.push_back(order.number);
        user.push_back(std::to_string(order.user));
        hold.push_back(order.holdId);
        channel.push_back(channelName(order.channel));
        total.push_back(std::to_string(order.total.amount));
        currency.push_back(std::string(order.total.currency.code()));
        changeDue.push_back(order.change ? std::to_string(order.change->amount) : "");
        shift.push_back(order.shiftId.value_or(""));
        customerName.push_back(order.customerName.value_or(""));
        customerEmail.push_back(order.customerEmail.value_or(""));
        for (const storage::PaymentRecord& payment : order.payments) {
            payOrder.push_back(order.id);
            payMethod.push_back(std::string(protocol::toString(payment.method)));
            payAmount.push_back(std::to_string(payment.amount));
            payCurrency.push_back(std::string(order.total.currency.code()));
            payTendered.push_back(payment.tendered ? std::to_string(*payment.tendered) : "");
            payReference.push_back(payment.reference.value_or(""));
            payShift.push_back(order.shiftId.value_or(""));
        }
        for (std::size_t i = 0; i < plan.tickets.size(); ++i) {
            const storage::NewTicket& ticket = plan.tickets[i];
            ticketId.push_back(ticket.id);
            ticketOrder.push_back(order.id);
            ticketPosition.push_back(std::to_string(i + 1));
            ticketSeat.push_back(ticket.seat.value_or(""));
            ticketArea.push_back(ticket.gaArea.value_or(""));
            ticketType.push_back(ticket.ticketType);
            ticketPrice.push_back(std::to_string(ticket.price));
            ticketCode.push_back(ticket.code);
            ticketSignature.push_back(ticket.signature);
            if (ticket.seat) {
                soldSeat.push_back(*ticket.seat);
                soldSeatOrder.push_back(order.id);
            }
        }
    }
};

void insertOrders(pqxx::transaction_base& tx, storage::EventId event, const OrderColumns& c) {
    tx.exec_params(
        "INSERT INTO orders (id, number, event_id, user_id, hold_id, channel, total, currency, "
        "change_due, shift_id, customer_name, customer_email) SELECT o.id, o.number, $1, o.user_id, "
        "o.hold, o.channel, o.total, o.currency, nullif(o.change_due, '')::bigint, "
        "nullif(o.shift, '')::uuid, nullif(o.customer_name, ''), nullif(o.customer_email, '') "
        "FROM unnest($2::uuid[], $3::text[], $4::bigint[], $5::uuid[], $6::text[], $7::bigint[], "
        "$8::text[], $9::text[], $10::text[], $11::text[], $12::text[]) "
        "AS o(id, number, user_id, hold, channel, total, currency, change_due, shift, customer_name, "
        "customer_email)",
        event, textArray(c.id), textArray(c.number), textArray(c.user), textArray(c.hold),
        textArray(c.channel), textArray(c.total), textArray(c.currency), textArray(c.changeDue),
        textArray(c.shift), textArray(c.customerName), textArray(c.customerEmail));
    tx.exec_params("INSERT INTO tickets (id, order_id, event_id, position, seat_id, ga_area_id, ticket_type, "
                   "price, code, signature) SELECT t.id, t.order_id, $1, t.position, nullif(t.seat, ''), "
                   "nullif(t.area, ''), t.type, t.price, t.code, t.signature FROM unnest($2::uuid[], "
                   "$3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[], "
                   "$10::text[]) AS t(id, order_id, position, seat, area, type, price, code, signature)",
                   event, textArray(c.ticketId), textArray(c.ticketOrder), textArray(c.ticketPosition),
                   textArray(c.ticketSeat), textArray(c.ticketArea), textArray(c.ticketType),
                   textArray(c.ticketPrice), textArray(c.ticketCode), textArray(c.ticketSignature));
    tx.exec_params(
        "INSERT INTO payments (order_id, kind, method, amount, currency, tendered, reference, shift_id) "
        "SELECT p.order_id, 'charge', p.method, p.amount, p.currency, nullif(p.tendered, '')::bigint, "
        "nullif(p.reference, ''), nullif(p.shift, '')::uuid FROM unnest($1::uuid[], $2::text[], "
        "$3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY "
        "AS p(order_id, method, amount, currency, tendered, reference, shift, ord) ORDER BY p.ord",
        textArray(c.payOrder), textArray(c.payMethod), textArray(c.payAmount), textArray(c.payCurrency),
        textArray(c.payTendered), textArray(c.payReference), textArray(c.payShift));
}

// The sold seats and GA places of the committed holds leave the held state, and the holds become
// committed; every change goes to `changes`.
void sellHeldInventory(pqxx::transaction_base& tx, storage::EventId event, const OrderColumns& c,
                       const std::map<std::string, std::int64_t>& soldPlaces, ChangeBatch& changes) {
    if (!c.soldSeat.empty()) {
        tx.exec_params("UPDATE event_seats s SET state = 'sold', order_id = u.order_id, hold_id = NULL, "
                       "held_until = NULL FROM unnest($2::text[], $3::uuid[]) AS u(seat, order_id) "
                       "WHERE s.event_id = $1 AND s.seat_id = u.seat",
                       event, textArray(c.soldSeat), textArray(c.soldSeatOrder));
        for (const std::string& seat : c.soldSeat) {
            changes.seats.emplace_back(seat, "sold");
        }
    }
    if (!soldPlaces.empty()) {
        tx.exec_params("UPDATE hold_ga_lines SET active = false WHERE hold_id = ANY($1::uuid[]) AND active",
                       textArray(c.hold));
        std::vector<std::string> areas;
        std::vector<std::int64_t> quantities;
        for (const auto& [area, quantity] : soldPlaces) {
            areas.push_back(area);
            quantities.push_back(quantity);
        }
        for (const auto& row : tx.exec_params(
                 "UPDATE event_ga_areas a SET held = a.held - l.quantity, sold = a.sold + l.quantity "
                 "FROM unnest($2::text[], $3::int[]) AS l(area, quantity) "
                 "WHERE a.event_id = $1 AND a.area_id = l.area "
                 "RETURNING a.area_id, a.capacity - a.held - a.sold",
                 event, textArray(areas), bigintArray(quantities))) {
            changes.ga.emplace_back(row[0].as<std::string>(), row[1].as<int>());
        }
    }
    tx.exec_params("UPDATE holds SET state = 'committed' WHERE id = ANY($1::uuid[])", textArray(c.hold));
}

boost::json::array paymentAuditDetails(const std::vector<storage::PaymentRecord>& payments) {
    boost::json::array out;
    for (const storage::PaymentRecord& payment : payments) {
        out.push_back(
            boost::json::object{{"method", protocol::toString(payment.method)}, {"amount", payment.amount}});
    }
    return out;
}

boost::json::value orderAuditDetails(const StoredOrder& order, const std::string& holdId) {
    boost::json::object details{{"number", order.number},
                                {"event_id", order.eventId},
                                {"hold_id", holdId},
                                {"owner", order.user},
                                {"channel", channelName(order.channel)},
                                {"payments", paymentAuditDetails(order.payments)},
                                {"total", order.total.amount},
                                {"currency", order.total.currency.code()},
                                {"tickets", order.tickets.size()}};
    if (order.shiftId) {
        details["shift_id"] = *order.shiftId;
    }
    return details;
}

// Which of the named shifts are open; locks them against closing until the transaction ends.
std::set<std::string> lockOpenShifts(pqxx::transaction_base& tx, const std::vector<std::string>& shiftIds) {
    std::set<std::string> open;
    if (shiftIds.empty()) {
        return open;
    }
    for (const auto& row : tx.exec_params("SELECT id::text FROM shifts WHERE id = ANY($1::uuid[]) "
                                          "AND closed_at IS NULL ORDER BY id FOR SHARE",
                                          textArray(shiftIds))) {
        open.insert(row[0].as<std::string>());
    }
    return open;
}

// The money a refund gives back, taken from what the order's tenders still hold: cash first (the
// customer is at the counter), then the cards in the order they paid.
std::vector<storage::PaymentRecord> allocateRefund(pqxx::transaction_base& tx, const std::string& orderId,
                                                   std::int64_t amount,
                                                   const std::optional<std::string>& gatewayReference) {
    std::vector<storage::PaymentRecord> charges = readPayments(tx, orderId, "charge");
    const std::vector<storage::PaymentRecord> refunded = readPayments(tx, orderId, "refund");
    std::stable_partition(charges.begin(), charges.end(), [](const storage::PaymentRecord& charge) {
        return charge.method == protocol::PaymentMethod::Cash;
    });
    // What earlier refunds took from each charge, matched the same way they were allocated.
    std::map<std::pair<protocol::PaymentMethod, std::string>, std::int64_t> taken;
    for (const auto& refund : refunded) {
        const bool byCharge = refund.method == protocol::PaymentMethod::CardPresent;
        taken[{refund.method, byCharge ? refund.reference.value_or("") : ""}] += refund.amount;
    }
    std::vector<storage::PaymentRecord> back;
    for (const auto& charge : charges) {
        if (amount == 0) {
            break;
        }
        const bool byCharge = charge.method == protocol::PaymentMethod::CardPresent;
        std::int64_t& used = taken[{charge.method, byCharge ? charge.reference.value_or("") : ""}];
        const std::int64_t left = std::max<std::int64_t>(0, charge.amount - used);
        const std::int64_t part = std::min(left, amount);
        used += part;
        if (part == 0) {
            continue;
        }
        storage::PaymentRecord payment;
        payment.method = charge.method;
        payment.amount = part;
        payment.reference =
            charge.method == protocol::PaymentMethod::TestCard ? gatewayReference : charge.reference;
        back.push_back(std::move(payment));
        amount -= part;
    }
    if (amount != 0) {
        throw std::logic_error("order " + orderId + " has less money left than the tickets refunded");
    }
    return back;
}

} // namespace

std::string formatOrderNumber(std::int64_t sequenceValue) {
    std::string digits = std::to_string(sequenceValue);
    if (digits.size() < 6) {
        digits.insert(0, 6 - digits.size(), '0');
    }
    return "U-" + digits;
}

IdempotencyClaim PgOrderRepository::claimIdempotencyKey(const storage::IdempotencyRequest& request,
                                                        std::chrono::seconds staleAfter) {
    // A claim can vanish between the insert and the read (its attempt failed and dropped it): then
    // the next round inserts again.
    for (int round = 0; round < 3; ++round) {
        // The common case, a new key, is one statement without a transaction around it.
        const auto inserted = inSingleStatement(m_pool, [&](pqxx::transaction_base& tx) {
            const auto rows =
                execPrepared(tx, "usher_claim_key",
                             "INSERT INTO idempotency_keys (user_id, scope, key, request_hash) "
                             "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING usher_us(created_at)",
                             request.user, request.scope, request.key, request.requestHash);
            return rows.empty() ? std::nullopt : std::optional(rows[0][0].as<std::int64_t>());
        });
        if (inserted) {
            IdempotencyClaim claimed;
            claimed.token = {request.user, request.key, *inserted};
            return claimed;
        }
        auto claim =
            inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<IdempotencyClaim> {
                IdempotencyClaim result;
                const auto rows =
                    tx.exec_params("SELECT scope, request_hash, status, response, "
                                   "created_at < clock_timestamp() - $3 * interval '1 second' "
                                   "FROM idempotency_keys WHERE user_id = $1 AND key = $2 FOR UPDATE",
                                   request.user, request.key, static_cast<std::int64_t>(staleAfter.count()));
                if (rows.empty()) {
                    return std::nullopt;
                }
                const auto& row = rows[0];
                if (row[0].as<std::string>() != request.scope ||
                    row[1].as<std::string>() != request.requestHash) {
                    result.status = ClaimStatus::Mismatch;
                    return result;
                }
                if (!row[3].is_null()) {
                    result.status = ClaimStatus::Replay;
                    result.responseStatus = row[2].is_null() ? kCreatedStatus : row[2].as<int>();
                    result.response = row[3].as<std::string>();
                    return result;
                }
                if (!row[4].as<bool>()) {
                    result.status = ClaimStatus::InFlight;
                    return result;
                }
                // The attempt that claimed it is presumed dead: this one takes over under a new token.
                const auto attempt =
                    tx.exec_params1("UPDATE idempotency_keys SET created_at = clock_timestamp() "
                                    "WHERE user_id = $1 AND key = $2 RETURNING usher_us(created_at)",
                                    request.user, request.key)[0]
                        .as<std::int64_t>();
                result.token = {request.user, request.key, attempt};
                return result;
            });
        if (claim) {
            return *claim;
        }
    }
    IdempotencyClaim busy;
    busy.status = ClaimStatus::InFlight;
    return busy;
}

void PgOrderRepository::releaseIdempotencyKey(const ClaimToken& token) {
    inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        tx.exec_params("DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND response IS NULL "
                       "AND usher_us(created_at) = $3",
                       token.user, token.key, token.attempt);
    });
}

std::vector<storage::CommitOutcome>
PgOrderRepository::commitOrders(storage::EventId event, std::span<const storage::OrderPlan> plans) {
    std::vector<storage::CommitOutcome> outcomes(plans.size(), unexpected(CommitError::HoldGone));
    std::vector<std::string> holdIds;
    for (const auto& plan : plans) {
        if (plan.eventId == event && isUuid(plan.holdId) && isUuid(plan.orderId)) {
            holdIds.push_back(asciiLowercase(plan.holdId));
        }
    }
    if (holdIds.empty()) {
        return outcomes;
    }
    m_pool.eventWrites().run(
        event, [&](pqxx::transaction_base& tx, std::int64_t nowMicros, ChangeBatch& changes) {
            std::fill(outcomes.begin(), outcomes.end(), unexpected(CommitError::HoldGone)); // a rerun batch
            std::vector<ClaimToken> claims;
            for (const auto& plan : plans) {
                claims.push_back(plan.claim);
            }
            const std::vector<bool> claimed = ownedClaims(tx, claims);
            std::vector<std::string> shiftIds;
            for (const auto& plan : plans) {
                if (plan.shiftId) {
                    shiftIds.push_back(*plan.shiftId);
                }
            }
            const std::set<std::string> openShifts = lockOpenShifts(tx, shiftIds);
            std::map<std::string, HoldToCommit> holds = lockHoldsToCommit(tx, event, holdIds);

            std::vector<std::size_t> accepted;
            for (std::size_t i = 0; i < plans.size(); ++i) {
                const storage::OrderPlan& plan = plans[i];
                if (plan.eventId != event || !isUuid(plan.holdId) || !isUuid(plan.orderId)) {
                    continue; // HoldGone
                }
                if (!claimed[i]) {
                    outcomes[i] = unexpected(CommitError::ClaimLost);
                    continue;
                }
                if (plan.shiftId && !openShifts.contains(asciiLowercase(*plan.shiftId))) {
                    outcomes[i] = unexpected(CommitError::ShiftClosed);
                    continue;
                }
                const auto found = holds.find(asciiLowercase(plan.holdId));
                if (found == holds.end() || found->second.state.empty()) {
                    continue; // not a hold of this event
                }
                HoldToCommit& hold = found->second;
                if (hold.state == "committed") {
                    outcomes[i] = unexpected(CommitError::HoldCommitted);
                    continue;
                }
                if (hold.state != "active" || hold.expired || !hold.whole) {
                    continue;
                }
                checkTicketsMatch(plan, hold);
                hold.state = "committed"; // a second plan for the same hold in this batch comes too late
                accepted.push_back(i);
            }
            if (accepted.empty()) {
                return true;
            }

            const auto numbers = tx.exec_params("SELECT nextval('order_numbers') FROM generate_series(1, $1)",
                                                static_cast<std::int64_t>(accepted.size()));
            OrderColumns columns;
            std::map<std::string, std::int64_t> soldPlaces;
            std::vector<ClaimToken> answered;
            std::vector<std::string> responses;
            std::vector<AuditEntry> audit;
            for (std::size_t n = 0; n < accepted.size(); ++n) {
                const storage::OrderPlan& plan = plans[accepted[n]];
                const HoldToCommit& hold = holds.at(asciiLowercase(plan.holdId));
                StoredOrder order;
                order.id = asciiLowercase(plan.orderId);
                order.number =
                    formatOrderNumber(numbers[static_cast<pqxx::result::size_type>(n)][0].as<std::int64_t>());
                order.eventId = event;
                order.user = hold.user;
                order.holdId = asciiLowercase(plan.holdId);
                order.channel = plan.channel;
                order.total = plan.total;
                if (plan.changeDue) {
                    order.change = Money{*plan.changeDue, plan.total.currency};
                }
                order.payments = plan.payments;
                order.shiftId = plan.shiftId;
                order.customerName = plan.customerName;
                order.customerEmail = plan.customerEmail;
                order.createdAt = Timestamp(Duration(nowMicros)); // created_at defaults to now() too
                for (const auto& ticket : plan.tickets) {
                    order.tickets.push_back({ticket.id, ticket.seat, ticket.gaArea, ticket.ticketType,
                                             Money{ticket.price, plan.total.currency}, ticket.code,
                                             ticket.signature, protocol::TicketStatus::Valid});
                }
                for (const auto& [area, places] : hold.places) {
                    soldPlaces[area] += places;
                }
                columns.add(order, plan);
                answered.push_back(plan.claim);
                responses.push_back(plan.response(order));
                audit.push_back({plan.actor, "order:" + order.id, orderAuditDetails(order, order.holdId)});
                outcomes[accepted[n]] = std::move(order);
            }

            sellHeldInventory(tx, event, columns, soldPlaces, changes);
            insertOrders(tx, event, columns);
            storeResponses(tx, answered, kCreatedStatus, responses);
            // Last of the row locks but the event's: audit_append_all holds the audit head row until commit.
            auditAppendAll(tx, "order.created", audit);
            return true;
        });
    return outcomes;
}

std::optional<StoredOrder> PgOrderRepository::findOrder(std::string_view orderId) {
    if (!isUuid(orderId)) {
        return std::nullopt;
    }
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        return readOrder(tx, asciiLowercase(std::string(orderId)));
    });
}

Expected<StoredRefund, RefundRefused> PgOrderRepository::refundOrder(const storage::RefundPlan& plan) {
    if (!isUuid(plan.orderId) || !isUuid(plan.refundId)) {
        return unexpected(RefundRefused{RefundError::OrderNotFound});
    }
    const std::string orderId = asciiLowercase(plan.orderId);
    // The event first, read without locks: the write goes through the event's write queue.
    const auto event =
        inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<storage::EventId> {
            const auto events = tx.exec_params("SELECT event_id FROM orders WHERE id = $1::uuid", orderId);
            return events.empty() ? std::nullopt : std::optional(events[0][0].as<storage::EventId>());
        });
    if (!event) {
        return unexpected(RefundRefused{RefundError::OrderNotFound});
    }
    const storage::EventId eventId = *event;
    return writeToEvent(
        m_pool, eventId,
        [&](pqxx::transaction_base& tx, ChangeBatch& changes) -> Expected<StoredRefund, RefundRefused> {
            if (!ownsClaim(tx, plan.claim)) {
                return unexpected(RefundRefused{RefundError::ClaimLost});
            }
            if (plan.shiftId && lockOpenShifts(tx, {*plan.shiftId}).empty()) {
                return unexpected(RefundRefused{RefundError::ShiftClosed});
            }
            const auto orderRow =
                tx.exec_params1("SELECT currency FROM orders WHERE id = $1::uuid FOR UPDATE", orderId);
            const Currency currency = currencyOf(orderRow[0]);

            struct TicketRow {
                std::string id;
                std::optional<std::string> seat;
                std::optional<std::string> gaArea;
                std::int64_t price = 0;
                std::string status;
                bool chosen = false;
            };
            std::vector<TicketRow> tickets;
            for (const auto& row :
                 tx.exec_params("SELECT id, seat_id, ga_area_id, price, status FROM tickets "
                                "WHERE order_id = $1::uuid ORDER BY position FOR UPDATE",
                                orderId)) {
                tickets.push_back({row[0].as<std::string>(), optionalText(row[1]), optionalText(row[2]),
                                   row[3].as<std::int64_t>(), row[4].as<std::string>()});
            }

            if (plan.tickets.empty()) {
                for (auto& ticket : tickets) {
                    ticket.chosen = ticket.status == "valid";
                }
            } else {
                for (std::size_t i = 0; i < plan.tickets.size(); ++i) {
                    const std::string wanted = asciiLowercase(plan.tickets[i]);
                    const auto found =
                        std::find_if(tickets.begin(), tickets.end(),
                                     [&](const TicketRow& ticket) { return ticket.id == wanted; });
                    if (found == tickets.end()) {
                        return unexpected(RefundRefused{RefundError::UnknownTicket, i});
                    }
                    if (found->status != "valid" || found->chosen) {
                        return unexpected(RefundRefused{RefundError::NotRefundable, i});
                    }
                    found->chosen = true;
                }
            }

            StoredRefund refund;
            refund.id = asciiLowercase(plan.refundId);
            refund.orderId = orderId;
            refund.eventId = eventId;
            refund.amount = Money{0, currency};
            std::vector<std::string> seats;
            std::map<std::string, std::int64_t> places;
            std::size_t remaining = 0;
            for (const auto& ticket : tickets) {
                if (!ticket.chosen) {
                    if (ticket.status != "refunded") {
                        ++remaining;
                    }
                    continue;
                }
                refund.tickets.push_back(ticket.id);
                refund.amount.amount += ticket.price; // within the order's total, a bigint
                if (ticket.seat) {
                    seats.push_back(*ticket.seat);
                } else if (ticket.gaArea) {
                    ++places[*ticket.gaArea];
                }
            }
            if (refund.tickets.empty()) {
                return unexpected(RefundRefused{RefundError::NothingToRefund});
            }
            refund.orderStatus =
                remaining == 0 ? protocol::OrderStatus::Refunded : protocol::OrderStatus::PartiallyRefunded;

            tx.exec_params("INSERT INTO refunds (id, order_id, reason, amount, created_by, shift_id) "
                           "VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::uuid)",
                           refund.id, orderId, plan.reason, refund.amount.amount, plan.actor,
                           nullable(plan.shiftId));
            tx.exec_params(
                "UPDATE tickets SET status = 'refunded', refund_id = $2::uuid WHERE id = ANY($1::uuid[])",
                textArray(refund.tickets), refund.id);

            if (!seats.empty()) {
                // Back on general sale: an allotment a seat was sold from ended with the sale.
                const auto freed = tx.exec_params(
                    "UPDATE event_seats SET state = 'available', order_id = NULL, allotment = NULL "
                    "WHERE event_id = $1 AND order_id = $2::uuid AND state = 'sold' "
                    "AND seat_id = ANY($3::text[]) RETURNING seat_id",
                    eventId, orderId, textArray(seats));
                if (freed.size() != seats.size()) {
                    throw std::logic_error("a seat of order " + orderId + " is not sold to it");
                }
                for (const auto& row : freed) {
                    changes.seats.emplace_back(row[0].as<std::string>(), "available");
                }
            }
            if (!places.empty()) {
                std::vector<std::string> areas;
                std::vector<std::int64_t> quantities;
                for (const auto& [area, quantity] : places) {
                    areas.push_back(area);
                    quantities.push_back(quantity);
                }
                for (const auto& row :
                     tx.exec_params("UPDATE event_ga_areas a SET sold = a.sold - r.quantity "
                                    "FROM unnest($2::text[], $3::int[]) AS r(area, quantity) "
                                    "WHERE a.event_id = $1 AND a.area_id = r.area "
                                    "RETURNING a.area_id, a.capacity - a.held - a.sold",
                                    eventId, textArray(areas), bigintArray(quantities))) {
                    changes.ga.emplace_back(row[0].as<std::string>(), row[1].as<int>());
                }
            }
            tx.exec_params("UPDATE orders SET status = $2 WHERE id = $1::uuid", orderId,
                           std::string(protocol::toString(refund.orderStatus)));
            refund.payments = allocateRefund(tx, orderId, refund.amount.amount, plan.paymentReference);
            for (const storage::PaymentRecord& payment : refund.payments) {
                tx.exec_params("INSERT INTO payments (order_id, kind, method, amount, currency, reference, "
                               "shift_id) VALUES ($1::uuid, 'refund', $2, $3, $4, $5, $6::uuid)",
                               orderId, std::string(protocol::toString(payment.method)), payment.amount,
                               std::string(currency.code()), nullable(payment.reference),
                               nullable(plan.shiftId));
            }
            storeResponse(tx, plan.claim, kCreatedStatus, plan.response(refund));
            boost::json::array ticketIds;
            for (const auto& id : refund.tickets) {
                ticketIds.emplace_back(id);
            }
            auditAppend(tx, plan.actor, "order.refunded", "order:" + orderId,
                        boost::json::object{{"refund_id", refund.id},
                                            {"amount", refund.amount.amount},
                                            {"currency", currency.code()},
                                            {"reason", plan.reason},
                                            {"tickets", std::move(ticketIds)},
                                            {"payments", paymentAuditDetails(refund.payments)},
                                            {"shift_id", plan.shiftId ? boost::json::value(*plan.shiftId)
                                                                      : boost::json::value(nullptr)},
                                            {"status", protocol::toString(refund.orderStatus)}});
            return refund;
        });
}

std::vector<protocol::OrderSummary> PgOrderRepository::searchOrders(std::string_view text,
                                                                    std::size_t limit) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        std::vector<protocol::OrderSummary> found;
        // The box-office customer when one was named, else the account's (an online customer);
        // a clerk's own account is not a customer.
        const auto rows = tx.exec_params(
            "SELECT o.id::text, o.number, o.event_id, e.name, o.status, o.total, o.currency, "
            "(SELECT count(*) FROM tickets t WHERE t.order_id = o.id), "
            "coalesce(o.customer_name, CASE WHEN o.channel = 'online' THEN u.name END), "
            "coalesce(o.customer_email, CASE WHEN o.channel = 'online' THEN u.email END), "
            "usher_us(o.created_at) "
            "FROM orders o JOIN events e ON e.id = o.event_id JOIN users u ON u.id = o.user_id "
            "WHERE upper(o.number) = upper($1) "
            "OR strpos(lower(coalesce(o.customer_name, CASE WHEN o.channel = 'online' THEN u.name END)), "
            "lower($1)) > 0 "
            "OR strpos(lower(coalesce(o.customer_email, CASE WHEN o.channel = 'online' THEN u.email END)), "
            "lower($1)) > 0 "
            "ORDER BY o.created_at DESC, o.id LIMIT $2",
            std::string(text), static_cast<std::int64_t>(limit));
        for (const auto& row : rows) {
            protocol::OrderSummary summary;
            summary.orderId = row[0].as<std::string>();
            summary.number = row[1].as<std::string>();
            summary.eventId = row[2].as<std::string>();
            summary.eventName = row[3].as<std::string>();
            summary.status = protocol::valueOf(protocol::kOrderStatusNames, row[4].as<std::string>())
                                 .value_or(protocol::OrderStatus::Paid);
            summary.total = Money{row[5].as<std::int64_t>(), currencyOf(row[6])};
            summary.tickets = row[7].as<int>();
            summary.customerName = optionalText(row[8]);
            summary.customerEmail = optionalText(row[9]);
            summary.createdAt = timestampOf(row[10]);
            found.push_back(std::move(summary));
        }
        return found;
    });
}

std::optional<storage::TicketOfOrder> PgOrderRepository::findTicket(std::string_view ticketId) {
    if (!isUuid(ticketId)) {
        return std::nullopt;
    }
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<storage::TicketOfOrder> {
        const auto rows = tx.exec_params("SELECT t.order_id::text, t.event_id, o.currency, "
                                         "t.id, t.seat_id, t.ga_area_id, t.ticket_type, t.price, t.code, "
                                         "t.signature, t.status FROM tickets t JOIN orders o "
                                         "ON o.id = t.order_id WHERE t.id = $1::uuid",
                                         asciiLowercase(std::string(ticketId)));
        if (rows.empty()) {
            return std::nullopt;
        }
        const auto& row = rows[0];
        return storage::TicketOfOrder{readTicket(row, currencyOf(row[2])), row[0].as<std::string>(),
                                      row[1].as<storage::EventId>()};
    });
}

Expected<StoredTicket, storage::ReissueError>
PgOrderRepository::reissueTicket(const storage::ReissuePlan& plan) {
    using storage::ReissueError;
    if (!isUuid(plan.ticketId)) {
        return unexpected(ReissueError::NotFound);
    }
    const std::string ticketId = asciiLowercase(plan.ticketId);
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> Expected<StoredTicket, ReissueError> {
        const auto current =
            tx.exec_params("SELECT code, status FROM tickets WHERE id = $1::uuid FOR UPDATE", ticketId);
        if (current.empty()) {
            return unexpected(ReissueError::NotFound);
        }
        if (current[0][1].as<std::string>() != "valid") {
            return unexpected(ReissueError::NotValid);
        }
        if (current[0][0].as<std::string>() != plan.oldCode) {
            return unexpected(ReissueError::Changed);
        }
        tx.exec_params(
            "INSERT INTO voided_ticket_codes (code, ticket_id, voided_by) VALUES ($1, $2::uuid, $3)",
            plan.oldCode, ticketId, plan.actor);
        const auto row = tx.exec_params1(
            "UPDATE tickets t SET code = $2, signature = $3 FROM orders o WHERE t.id = $1::uuid "
            "AND o.id = t.order_id RETURNING o.currency, t.id, t.seat_id, t.ga_area_id, t.ticket_type, "
            "t.price, t.code, t.signature, t.status",
            ticketId, plan.newCode, plan.newSignature);
        auditAppend(tx, plan.actor, "ticket.reissued", "ticket:" + ticketId,
                    boost::json::object{{"voided_code", plan.oldCode}});
        return readTicket(row, currencyOf(row[0]));
    });
}

} // namespace usher::server::pg
