#pragma once

#include "server/storage/pg/connection_pool.h"
#include "server/storage/storage_error.h"

#include <optional>
#include <pqxx/pqxx>
#include <type_traits>
#include <utility>

namespace usher::server::pg {

inline constexpr int kMaxTransactionAttempts = 5;

// Runs `body(pqxx::work&)` in one READ COMMITTED transaction on a pooled connection and commits.
// Serialization failures and deadlocks (SQLSTATE class 40, rolled back by PostgreSQL) are retried (the body
// must be safe to run again), as is a connection that broke before the commit was sent. A commit whose
// outcome is unknown is never retried. Driver errors that mean "try later" leave as
// storage::StorageUnavailable.
template <typename Body>
auto inTransaction(ConnectionPool& pool, Body&& body) {
    for (int attempt = 1;; ++attempt) {
        std::optional<ConnectionPool::Lease> lease;
        try {
            lease.emplace(pool.acquire());
            pqxx::work tx(**lease);
            if constexpr (std::is_void_v<decltype(body(tx))>) {
                body(tx);
                tx.commit();
                return;
            } else {
                auto result = body(tx);
                tx.commit();
                return result;
            }
        } catch (const pqxx::in_doubt_error&) {
            if (lease) {
                lease->discard();
            }
            throw;
        } catch (const pqxx::transaction_rollback&) {
            // Serialization failure or deadlock: PostgreSQL rolled the transaction back.
            if (attempt == kMaxTransactionAttempts) {
                throw;
            }
        } catch (const pqxx::broken_connection& error) {
            if (lease) {
                lease->discard();
            }
            if (attempt == kMaxTransactionAttempts) {
                throw storage::StorageUnavailable(error.what());
            }
        } catch (const PoolTimeout& error) {
            throw storage::StorageUnavailable(error.what());
        }
    }
}

} // namespace usher::server::pg
