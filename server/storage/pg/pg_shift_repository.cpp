#include "server/storage/pg/pg_shift_repository.h"

#include "common/util/text.h"
#include "server/storage/pg/audit_log.h"
#include "server/storage/pg/sql_values.h"
#include "server/storage/pg/transaction.h"

#include <boost/json/object.hpp>

namespace usher::server::pg {

using storage::StoredShift;

namespace {

constexpr const char* kShiftSelect =
    "SELECT s.id::text, d.name, s.user_id, u.name, s.currency, s.opening_float, usher_us(s.opened_at), "
    "usher_us(s.closed_at), s.counted_cash, s.counted_card_present FROM shifts s "
    "JOIN devices d ON d.id = s.device_id JOIN users u ON u.id = s.user_id ";

std::optional<std::int64_t> optionalBigint(const pqxx::field& field) {
    return field.is_null() ? std::nullopt : std::optional(field.as<std::int64_t>());
}

StoredShift readShift(const pqxx::row& row) {
    StoredShift shift;
    shift.id = row[0].as<std::string>();
    shift.device = row[1].as<std::string>();
    shift.user = row[2].as<storage::UserId>();
    shift.clerkName = row[3].as<std::string>();
    shift.openingFloat = Money{row[5].as<std::int64_t>(), currencyOf(row[4])};
    shift.openedAt = timestampOf(row[6]);
    if (!row[7].is_null()) {
        shift.closedAt = timestampOf(row[7]);
    }
    shift.countedCash = optionalBigint(row[8]);
    shift.countedCard = optionalBigint(row[9]);
    return shift;
}

std::optional<StoredShift> readShiftWhere(pqxx::transaction_base& tx, const std::string& condition,
                                          const std::string& value) {
    const auto rows = tx.exec_params(kShiftSelect + condition, value);
    return rows.empty() ? std::nullopt : std::optional(readShift(rows[0]));
}

} // namespace

Expected<StoredShift, storage::OpenShiftError> PgShiftRepository::openShift(const storage::NewShift& shift) {
    return inTransaction(
        m_pool, [&](pqxx::transaction_base& tx) -> Expected<StoredShift, storage::OpenShiftError> {
            // A device is registered the first time a shift is opened on it (DO UPDATE so that the
            // row is returned and locked either way: two first shifts on one device queue here).
            const auto device = tx.exec_params1("INSERT INTO devices (name) VALUES ($1) ON CONFLICT (name) "
                                                "DO UPDATE SET name = EXCLUDED.name RETURNING id",
                                                shift.device)[0]
                                    .as<std::int64_t>();
            const auto busy =
                tx.exec_params("SELECT 1 FROM shifts WHERE device_id = $1 AND closed_at IS NULL", device);
            if (!busy.empty()) {
                return unexpected(storage::OpenShiftError::DeviceBusy);
            }
            tx.exec_params("INSERT INTO shifts (id, device_id, user_id, currency, opening_float) "
                           "VALUES ($1::uuid, $2, $3, $4, $5)",
                           shift.id, device, shift.user, std::string(shift.openingFloat.currency.code()),
                           shift.openingFloat.amount);
            auditAppend(tx, shift.user, "shift.opened", "shift:" + shift.id,
                        boost::json::object{{"device", shift.device},
                                            {"opening_float", shift.openingFloat.amount},
                                            {"currency", shift.openingFloat.currency.code()}});
            return *readShiftWhere(tx, "WHERE s.id = $1::uuid", shift.id);
        });
}

std::optional<StoredShift> PgShiftRepository::findShift(std::string_view shiftId) {
    if (!isUuid(shiftId)) {
        return std::nullopt;
    }
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        return readShiftWhere(tx, "WHERE s.id = $1::uuid", asciiLowercase(std::string(shiftId)));
    });
}

std::optional<StoredShift> PgShiftRepository::openShiftOfDevice(std::string_view device) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        return readShiftWhere(tx, "WHERE d.name = $1 AND s.closed_at IS NULL", std::string(device));
    });
}

storage::ShiftFigures PgShiftRepository::figures(std::string_view shiftId) {
    storage::ShiftFigures figures;
    if (!isUuid(shiftId)) {
        return figures;
    }
    const std::string id = asciiLowercase(std::string(shiftId));
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        // One snapshot, so that the figures of an X report taken mid-sale add up.
        tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        for (const auto& row : tx.exec_params("SELECT method, kind, sum(amount) FROM payments "
                                              "WHERE shift_id = $1::uuid GROUP BY method, kind",
                                              id)) {
            const auto method = protocol::valueOf(protocol::kPaymentMethodNames, row[0].as<std::string>());
            if (!method) {
                continue;
            }
            auto& tender = figures.tenders[*method];
            (row[1].as<std::string>() == "charge" ? tender.sales : tender.refunds) +=
                row[2].as<std::int64_t>();
        }
        for (const auto& row :
             tx.exec_params("SELECT t.ticket_type, count(*), sum(t.price) FROM tickets t JOIN orders o "
                            "ON o.id = t.order_id WHERE o.shift_id = $1::uuid GROUP BY t.ticket_type",
                            id)) {
            auto& type = figures.ticketTypes[row[0].as<std::string>()];
            type.sold = row[1].as<int>();
            type.soldAmount = row[2].as<std::int64_t>();
        }
        for (const auto& row :
             tx.exec_params("SELECT t.ticket_type, count(*), sum(t.price) FROM tickets t JOIN refunds r "
                            "ON r.id = t.refund_id WHERE r.shift_id = $1::uuid GROUP BY t.ticket_type",
                            id)) {
            auto& type = figures.ticketTypes[row[0].as<std::string>()];
            type.refunded = row[1].as<int>();
            type.refundedAmount = row[2].as<std::int64_t>();
        }
        const auto counts = tx.exec_params1("SELECT (SELECT count(*) FROM orders WHERE shift_id = $1::uuid), "
                                            "(SELECT count(*) FROM refunds WHERE shift_id = $1::uuid)",
                                            id);
        figures.orders = counts[0].as<int>();
        figures.refunds = counts[1].as<int>();
        return figures;
    });
}

std::optional<StoredShift> PgShiftRepository::closeShift(std::string_view shiftId,
                                                         const storage::ShiftCount& count) {
    if (!isUuid(shiftId)) {
        return std::nullopt;
    }
    const std::string id = asciiLowercase(std::string(shiftId));
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<StoredShift> {
        // FOR UPDATE waits for the commits and refunds holding the shift FOR SHARE: they land in
        // the shift before it closes, and the ones after see it closed.
        const std::optional<std::string> countedCard =
            count.card ? std::optional(std::to_string(*count.card)) : std::nullopt;
        const auto closed = tx.exec_params("UPDATE shifts SET closed_at = now(), closed_by = $2, "
                                           "counted_cash = $3, counted_card_present = $4 "
                                           "WHERE id = $1::uuid AND closed_at IS NULL RETURNING id",
                                           id, count.closedBy, count.cash, nullable(countedCard));
        if (closed.empty()) {
            return std::nullopt;
        }
        auditAppend(tx, count.closedBy, "shift.closed", "shift:" + id,
                    boost::json::object{{"counted_cash", count.cash},
                                        {"counted_card_present", count.card ? boost::json::value(*count.card)
                                                                            : boost::json::value(nullptr)}});
        return readShiftWhere(tx, "WHERE s.id = $1::uuid", id);
    });
}

} // namespace usher::server::pg
