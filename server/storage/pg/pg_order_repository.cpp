#include "server/storage/pg/pg_order_repository.h"

#include "common/util/text.h"
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

// Thrown inside a commit transaction to roll back what it wrote: a seat or GA line of the hold was
// no longer held by it (expired at the database's now, or taken after expiry).
struct HoldNotWhole {};

std::string channelName(storage::Channel channel) {
    return channel == storage::Channel::Online ? "online" : "box_office";
}

Currency currencyOf(const pqxx::field& field) {
    const auto currency = Currency::fromCode(field.as<std::string>());
    if (!currency) {
        throw std::runtime_error("unknown currency " + field.as<std::string>() + " in the database");
    }
    return *currency;
}

std::optional<std::string> optionalText(const pqxx::field& field) {
    if (field.is_null()) {
        return std::nullopt;
    }
    return field.as<std::string>();
}

std::optional<std::string> optionalNumber(const std::optional<std::int64_t>& value) {
    if (!value) {
        return std::nullopt;
    }
    return std::to_string(*value);
}

// The claim is still this attempt's and unanswered; locks it until the transaction ends.
bool ownsClaim(pqxx::transaction_base& tx, const ClaimToken& claim) {
    return !tx.exec_params("SELECT 1 FROM idempotency_keys WHERE user_id = $1 AND key = $2 "
                           "AND response IS NULL AND usher_us(created_at) = $3 FOR UPDATE",
                           claim.user, claim.key, claim.attempt)
                .empty();
}

void storeResponse(pqxx::transaction_base& tx, const ClaimToken& claim, int status, const std::string& body) {
    tx.exec_params("UPDATE idempotency_keys SET status = $4, response = $5 "
                   "WHERE user_id = $1 AND key = $2 AND usher_us(created_at) = $3",
                   claim.user, claim.key, claim.attempt, status, body);
}

void auditAppend(pqxx::transaction_base& tx, storage::UserId actor, const std::string& action,
                 const std::string& subject, const boost::json::value& details) {
    tx.exec_params("SELECT audit_append($1, $2, $3, $4::jsonb)", actor, action, subject,
                   boost::json::serialize(details));
}

std::optional<StoredOrder> readOrder(pqxx::transaction_base& tx, const std::string& orderId) {
    const auto rows = tx.exec_params(
        "SELECT o.number, o.event_id, o.user_id, o.hold_id, o.channel, o.status, o.total, o.currency, "
        "o.change_due, usher_us(o.created_at), p.method, p.tendered, p.reference "
        "FROM orders o LEFT JOIN LATERAL (SELECT method, tendered, reference FROM payments "
        "  WHERE order_id = o.id AND kind = 'charge' ORDER BY id LIMIT 1) p ON true "
        "WHERE o.id = $1::uuid",
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
    if (!row[10].is_null()) {
        order.payment.method = protocol::valueOf(protocol::kPaymentMethodNames, row[10].as<std::string>())
                                   .value_or(protocol::PaymentMethod::Cash);
        if (!row[11].is_null()) {
            order.payment.tendered = row[11].as<std::int64_t>();
        }
        order.payment.reference = optionalText(row[12]);
    }
    for (const auto& ticket :
         tx.exec_params("SELECT id, seat_id, ga_area_id, ticket_type, price, code, signature, status "
                        "FROM tickets WHERE order_id = $1::uuid ORDER BY position",
                        orderId)) {
        StoredTicket stored;
        stored.id = ticket[0].as<std::string>();
        stored.seat = optionalText(ticket[1]);
        stored.gaArea = optionalText(ticket[2]);
        stored.ticketType = ticket[3].as<std::string>();
        stored.price = Money{ticket[4].as<std::int64_t>(), currency};
        stored.code = ticket[5].as<std::string>();
        stored.signature = ticket[6].as<std::string>();
        stored.status = protocol::valueOf(protocol::kTicketStatusNames, ticket[7].as<std::string>())
                            .value_or(protocol::TicketStatus::Valid);
        order.tickets.push_back(std::move(stored));
    }
    return order;
}

// Marks the hold's seats sold and moves its GA places from held to sold. Only seats still held by
// this hold at the database's now match (invariant 3); anything less than the whole hold rolls
// the transaction back.
void sellHeldInventory(pqxx::transaction_base& tx, const storage::OrderPlan& plan, ChangeBatch& changes) {
    const std::int64_t holdSeats =
        tx.exec_params1("SELECT count(*) FROM hold_seats WHERE hold_id = $1::uuid", plan.holdId)[0]
            .as<std::int64_t>();
    std::set<std::string> soldSeats;
    for (const auto& row :
         tx.exec_params("UPDATE event_seats s SET state = 'sold', order_id = $3::uuid, "
                        "hold_id = NULL, held_until = NULL FROM hold_seats h "
                        "WHERE h.hold_id = $2::uuid AND s.event_id = $1 AND s.seat_id = h.seat_id "
                        "AND s.hold_id = $2::uuid AND s.state = 'held' "
                        "AND s.held_until >= now() RETURNING s.seat_id",
                        plan.eventId, plan.holdId, plan.orderId)) {
        soldSeats.insert(row[0].as<std::string>());
    }
    if (static_cast<std::int64_t>(soldSeats.size()) != holdSeats) {
        throw HoldNotWhole{};
    }

    const std::int64_t holdLines =
        tx.exec_params1("SELECT count(*) FROM hold_ga_lines WHERE hold_id = $1::uuid", plan.holdId)[0]
            .as<std::int64_t>();
    const auto lines = tx.exec_params("UPDATE hold_ga_lines SET active = false WHERE hold_id = $1::uuid "
                                      "AND active AND expires_at >= now() RETURNING area_id, quantity",
                                      plan.holdId);
    if (static_cast<std::int64_t>(lines.size()) != holdLines) {
        throw HoldNotWhole{};
    }
    std::map<std::string, std::int64_t> soldPlaces;
    for (const auto& row : lines) {
        soldPlaces[row[0].as<std::string>()] += row[1].as<std::int64_t>();
    }

    // The service made the tickets from the same hold: they must name exactly what was sold.
    std::set<std::string> ticketSeats;
    std::map<std::string, std::int64_t> ticketPlaces;
    std::size_t seatTickets = 0;
    for (const auto& ticket : plan.tickets) {
        if (ticket.seat.has_value() == ticket.gaArea.has_value()) {
            throw std::logic_error("a ticket needs exactly one of seat and GA area");
        }
        if (ticket.seat) {
            ticketSeats.insert(*ticket.seat);
            ++seatTickets;
        } else {
            ++ticketPlaces[*ticket.gaArea];
        }
    }
    if (ticketSeats != soldSeats || seatTickets != soldSeats.size() || ticketPlaces != soldPlaces) {
        throw std::logic_error("the order's tickets do not match hold " + plan.holdId);
    }

    for (const std::string& seat : soldSeats) {
        changes.seats.emplace_back(seat, "sold");
    }
    if (!soldPlaces.empty()) {
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
                 plan.eventId, textArray(areas), bigintArray(quantities))) {
            changes.ga.emplace_back(row[0].as<std::string>(), row[1].as<int>());
        }
    }
}

void insertTickets(pqxx::transaction_base& tx, const storage::OrderPlan& plan) {
    std::vector<std::string> ids, seats, areas, types, codes, signatures;
    std::vector<std::int64_t> prices;
    for (const auto& ticket : plan.tickets) {
        ids.push_back(ticket.id);
        // Ids are never empty, so '' stands for NULL in the arrays (array literals have no NULL here).
        seats.push_back(ticket.seat.value_or(""));
        areas.push_back(ticket.gaArea.value_or(""));
        types.push_back(ticket.ticketType);
        prices.push_back(ticket.price);
        codes.push_back(ticket.code);
        signatures.push_back(ticket.signature);
    }
    tx.exec_params(
        "INSERT INTO tickets (id, order_id, event_id, position, seat_id, ga_area_id, ticket_type, "
        "price, code, signature) "
        "SELECT t.id, $1::uuid, $2, t.ord, nullif(t.seat, ''), nullif(t.area, ''), t.type, t.price, "
        "t.code, t.signature FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], "
        "$7::bigint[], $8::text[], $9::text[]) WITH ORDINALITY "
        "AS t(id, seat, area, type, price, code, signature, ord)",
        plan.orderId, plan.eventId, textArray(ids), textArray(seats), textArray(areas), textArray(types),
        bigintArray(prices), textArray(codes), textArray(signatures));
}

boost::json::value orderAuditDetails(const StoredOrder& order, const std::string& holdId) {
    return boost::json::object{{"number", order.number},
                               {"event_id", order.eventId},
                               {"hold_id", holdId},
                               {"owner", order.user},
                               {"channel", channelName(order.channel)},
                               {"method", protocol::toString(order.payment.method)},
                               {"total", order.total.amount},
                               {"currency", order.total.currency.code()},
                               {"tickets", order.tickets.size()}};
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
        auto claim =
            inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<IdempotencyClaim> {
                const auto inserted = tx.exec_params(
                    "INSERT INTO idempotency_keys (user_id, scope, key, request_hash) "
                    "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING usher_us(created_at)",
                    request.user, request.scope, request.key, request.requestHash);
                IdempotencyClaim result;
                if (!inserted.empty()) {
                    result.token = {request.user, request.key, inserted[0][0].as<std::int64_t>()};
                    return result;
                }
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

Expected<StoredOrder, CommitError> PgOrderRepository::commitOrder(const storage::OrderPlan& plan) {
    if (!isUuid(plan.holdId) || !isUuid(plan.orderId)) {
        return unexpected(CommitError::HoldGone);
    }
    try {
        return writeToEvent(
            m_pool, plan.eventId, [&](pqxx::transaction_base& tx) -> Expected<StoredOrder, CommitError> {
                if (!ownsClaim(tx, plan.claim)) {
                    return unexpected(CommitError::ClaimLost);
                }
                const auto holds =
                    tx.exec_params("SELECT state, expires_at < now(), user_id, event_id FROM holds "
                                   "WHERE id = $1::uuid FOR UPDATE",
                                   plan.holdId);
                if (holds.empty() || holds[0][3].as<storage::EventId>() != plan.eventId) {
                    return unexpected(CommitError::HoldGone);
                }
                const std::string state = holds[0][0].as<std::string>();
                if (state == "committed") {
                    return unexpected(CommitError::HoldCommitted);
                }
                if (state != "active" || holds[0][1].as<bool>()) {
                    return unexpected(CommitError::HoldGone);
                }

                ChangeBatch changes;
                sellHeldInventory(tx, plan, changes);

                StoredOrder order;
                order.id = plan.orderId;
                order.number =
                    formatOrderNumber(tx.exec1("SELECT nextval('order_numbers')")[0].as<std::int64_t>());
                order.eventId = plan.eventId;
                order.user = holds[0][2].as<storage::UserId>();
                order.holdId = plan.holdId;
                order.channel = plan.channel;
                order.total = plan.total;
                if (plan.changeDue) {
                    order.change = Money{*plan.changeDue, plan.total.currency};
                }
                order.payment = plan.payment;
                const auto changeDue = optionalNumber(plan.changeDue);
                order.createdAt = timestampOf(tx.exec_params1(
                    "INSERT INTO orders (id, number, event_id, user_id, hold_id, channel, total, "
                    "currency, change_due) VALUES ($1::uuid, $2, $3, $4, $5::uuid, $6, $7, $8, "
                    "$9::bigint) RETURNING usher_us(created_at)",
                    order.id, order.number, order.eventId, order.user, order.holdId,
                    channelName(order.channel), order.total.amount, std::string(order.total.currency.code()),
                    nullable(changeDue))[0]);
                insertTickets(tx, plan);
                for (const auto& ticket : plan.tickets) {
                    order.tickets.push_back({ticket.id, ticket.seat, ticket.gaArea, ticket.ticketType,
                                             Money{ticket.price, plan.total.currency}, ticket.code,
                                             ticket.signature, protocol::TicketStatus::Valid});
                }
                const auto tendered = optionalNumber(plan.payment.tendered);
                tx.exec_params(
                    "INSERT INTO payments (order_id, kind, method, amount, currency, tendered, reference) "
                    "VALUES ($1::uuid, 'charge', $2, $3, $4, $5::bigint, $6)",
                    order.id, std::string(protocol::toString(plan.payment.method)), order.total.amount,
                    std::string(order.total.currency.code()), nullable(tendered),
                    nullable(plan.payment.reference));
                tx.exec_params("UPDATE holds SET state = 'committed' WHERE id = $1::uuid", plan.holdId);
                appendChanges(tx, plan.eventId, changes);
                storeResponse(tx, plan.claim, kCreatedStatus, plan.response(order));
                // Last: audit_append holds the audit head row until commit.
                auditAppend(tx, plan.actor, "order.created", "order:" + order.id,
                            orderAuditDetails(order, plan.holdId));
                return order;
            });
    } catch (const HoldNotWhole&) {
        return unexpected(CommitError::HoldGone);
    }
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
    // The event first, read without locks: every inventory writer locks the event row first.
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
        m_pool, eventId, [&](pqxx::transaction_base& tx) -> Expected<StoredRefund, RefundRefused> {
            if (!ownsClaim(tx, plan.claim)) {
                return unexpected(RefundRefused{RefundError::ClaimLost});
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

            tx.exec_params("INSERT INTO refunds (id, order_id, reason, amount, created_by) "
                           "VALUES ($1::uuid, $2::uuid, $3, $4, $5)",
                           refund.id, orderId, plan.reason, refund.amount.amount, plan.actor);
            tx.exec_params(
                "UPDATE tickets SET status = 'refunded', refund_id = $2::uuid WHERE id = ANY($1::uuid[])",
                textArray(refund.tickets), refund.id);

            ChangeBatch changes;
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
            tx.exec_params("INSERT INTO payments (order_id, kind, method, amount, currency, reference) "
                           "SELECT $1::uuid, 'refund', method, $2, currency, $3 FROM payments "
                           "WHERE order_id = $1::uuid AND kind = 'charge' ORDER BY id LIMIT 1",
                           orderId, refund.amount.amount, nullable(plan.paymentReference));
            appendChanges(tx, eventId, changes);
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
                                            {"status", protocol::toString(refund.orderStatus)}});
            return refund;
        });
}

} // namespace usher::server::pg
