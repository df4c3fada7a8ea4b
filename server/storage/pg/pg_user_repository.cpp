#include "server/storage/pg/pg_user_repository.h"

#include "server/storage/pg/sql_values.h"
#include "server/storage/pg/transaction.h"

#include <pqxx/pqxx>

namespace usher::server::pg {

using storage::UserId;
using storage::UserRecord;

namespace {

constexpr const char* kUserColumns = "id, email, name, role, password_hash, disabled";

UserRecord userOf(const pqxx::row& row) {
    UserRecord user;
    user.id = row[0].as<UserId>();
    user.email = row[1].as<std::string>();
    user.name = row[2].as<std::string>();
    user.role =
        protocol::valueOf(protocol::kRoleNames, row[3].as<std::string>()).value_or(protocol::Role::Customer);
    user.passwordHash = row[4].as<std::string>();
    user.disabled = row[5].as<bool>();
    return user;
}

std::optional<UserRecord> firstUser(const pqxx::result& rows) {
    if (rows.empty()) {
        return std::nullopt;
    }
    return userOf(rows[0]);
}

} // namespace

Expected<UserRecord, storage::UserError> PgUserRepository::createUser(const storage::NewUser& user) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> Expected<UserRecord, storage::UserError> {
        const auto rows = tx.exec_params(
            std::string("INSERT INTO users (email, name, role, password_hash) "
                        "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING ") +
                kUserColumns,
            user.email, user.name, std::string(protocol::toString(user.role)), user.passwordHash);
        if (rows.empty()) {
            return unexpected(storage::UserError::EmailTaken);
        }
        return userOf(rows[0]);
    });
}

std::optional<UserRecord> PgUserRepository::findByEmail(std::string_view email) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        return firstUser(tx.exec_params(std::string("SELECT ") + kUserColumns +
                                            " FROM users WHERE lower(email) = lower($1)",
                                        std::string(email)));
    });
}

std::optional<UserRecord> PgUserRepository::findById(UserId id) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        return firstUser(
            tx.exec_params(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = $1", id));
    });
}

void PgUserRepository::setPasswordHash(UserId id, std::string_view passwordHash) {
    inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        tx.exec_params("UPDATE users SET password_hash = $2 WHERE id = $1", id, std::string(passwordHash));
    });
}

void PgUserRepository::storeRefreshToken(std::string_view tokenHash, UserId user, Timestamp expiresAt) {
    inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        tx.exec_params(
            "INSERT INTO refresh_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, usher_ts($3))",
            std::string(tokenHash), user, micros(expiresAt));
    });
}

std::optional<UserId> PgUserRepository::consumeRefreshToken(std::string_view tokenHash) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<UserId> {
        const auto rows = tx.exec_params("UPDATE refresh_tokens SET revoked_at = now() WHERE token_hash = $1 "
                                         "AND revoked_at IS NULL AND expires_at > now() RETURNING user_id",
                                         std::string(tokenHash));
        if (rows.empty()) {
            return std::nullopt;
        }
        return rows[0][0].as<UserId>();
    });
}

std::optional<Timestamp> PgUserRepository::lockedUntil(std::string_view key) {
    return inTransaction(m_pool, [&](pqxx::transaction_base& tx) -> std::optional<Timestamp> {
        const auto rows = tx.exec_params(
            "SELECT usher_us(locked_until) FROM login_throttle WHERE key = $1 AND locked_until > now()",
            std::string(key));
        if (rows.empty()) {
            return std::nullopt;
        }
        return timestampOf(rows[0][0]);
    });
}

void PgUserRepository::recordLoginFailure(std::string_view key, const storage::ThrottlePolicy& policy) {
    inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        // A failure outside the window starts a new one; reaching the limit locks the key.
        tx.exec_params(
            "INSERT INTO login_throttle AS t (key, failures, window_start) VALUES ($1, 1, now()) "
            "ON CONFLICT (key) DO UPDATE SET "
            " failures = CASE WHEN t.window_start < now() - $2 * interval '1 second' THEN 1 ELSE t.failures "
            "+ 1 END,"
            " window_start = CASE WHEN t.window_start < now() - $2 * interval '1 second' THEN now() "
            "   ELSE t.window_start END",
            std::string(key), policy.window.count());
        tx.exec_params(
            "UPDATE login_throttle SET locked_until = now() + $3 * interval '1 second', failures = 0, "
            "window_start = now() WHERE key = $1 AND failures >= $2",
            std::string(key), policy.maxFailures, policy.lockFor.count());
    });
}

void PgUserRepository::clearLoginFailures(std::string_view key) {
    inTransaction(m_pool, [&](pqxx::transaction_base& tx) {
        tx.exec_params("DELETE FROM login_throttle WHERE key = $1", std::string(key));
    });
}

} // namespace usher::server::pg
