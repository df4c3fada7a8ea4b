#pragma once

#include "server/storage/pg/connection_pool.h"
#include "server/storage/storage_error.h"

#include <optional>
#include <pqxx/pqxx>
#include <type_traits>
#include <utility>

namespace usher::server::pg {

inline constexpr int kMaxTransactionAttempts = 5;

// Runs `attempt(ConnectionPool::Lease&)` on a pooled connection, again on a fresh one when the
// transaction it ran was rolled back by PostgreSQL for a serialization failure or deadlock (SQLSTATE
// class 40) or the connection broke before the commit was sent: the attempt must be safe to run
// again. A commit whose outcome is unknown (pqxx::in_doubt_error) is never retried. Driver errors
// that mean "try later" leave as storage::StorageUnavailable.
template <typename Attempt>
auto withRetries(ConnectionPool& pool, Attempt&& attempt) {
    for (int attemptNumber = 1;; ++attemptNumber) {
        std::optional<ConnectionPool::Lease> lease;
        try {
            lease.emplace(pool.acquire());
            return attempt(*lease);
        } catch (const pqxx::in_doubt_error&) {
            if (lease) {
                lease->discard();
            }
            throw;
        } catch (const pqxx::transaction_rollback&) {
            if (attemptNumber == kMaxTransactionAttempts) {
                throw;
            }
        } catch (const pqxx::broken_connection& error) {
            if (lease) {
                lease->discard();
            }
            if (attemptNumber == kMaxTransactionAttempts) {
                throw storage::StorageUnavailable(error.what());
            }
        } catch (const PoolTimeout& error) {
            throw storage::StorageUnavailable(error.what());
        }
    }
}

// Runs `body(pqxx::work&)` in one READ COMMITTED transaction and commits, with withRetries' rules.
template <typename Body>
auto inTransaction(ConnectionPool& pool, Body&& body) {
    return withRetries(pool, [&](ConnectionPool::Lease& lease) {
        pqxx::work tx(*lease);
        if constexpr (std::is_void_v<decltype(body(tx))>) {
            body(tx);
            tx.commit();
        } else {
            auto result = body(tx);
            tx.commit();
            return result;
        }
    });
}

// Runs `body(pqxx::transaction_base&)` without BEGIN and COMMIT, with withRetries' rules: for a
// read that is a single statement (which PostgreSQL runs as a transaction of its own), two round
// trips fewer.
template <typename Body>
auto inSingleStatement(ConnectionPool& pool, Body&& body) {
    return withRetries(pool, [&](ConnectionPool::Lease& lease) {
        pqxx::nontransaction tx(*lease);
        return body(tx);
    });
}

} // namespace usher::server::pg
