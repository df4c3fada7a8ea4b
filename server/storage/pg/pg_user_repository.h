#pragma once

#include "server/storage/pg/connection_pool.h"
#include "server/storage/user_repository.h"

namespace usher::server::pg {

class PgUserRepository final : public storage::UserRepository {
public:
    explicit PgUserRepository(ConnectionPool& pool) : m_pool(pool) {}

    Expected<storage::UserRecord, storage::UserError> createUser(const storage::NewUser& user) override;
    std::optional<storage::UserRecord> findByEmail(std::string_view email) override;
    std::optional<storage::UserRecord> findById(storage::UserId id) override;
    void setPasswordHash(storage::UserId id, std::string_view passwordHash) override;
    void storeRefreshToken(std::string_view tokenHash, storage::UserId user, Timestamp expiresAt) override;
    std::optional<storage::UserId> consumeRefreshToken(std::string_view tokenHash) override;
    std::optional<Timestamp> lockedUntil(std::string_view key) override;
    void recordLoginFailure(std::string_view key, const storage::ThrottlePolicy& policy) override;
    void clearLoginFailures(std::string_view key) override;

private:
    ConnectionPool& m_pool;
};

} // namespace usher::server::pg
