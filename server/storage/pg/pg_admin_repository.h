#pragma once

#include "server/storage/admin_repository.h"
#include "server/storage/pg/connection_pool.h"

namespace usher::server::pg {

class PgAdminRepository : public storage::AdminRepository {
public:
    explicit PgAdminRepository(ConnectionPool& pool) : m_pool(pool) {}

    std::vector<storage::VenueRow> listVenues() override;
    std::optional<storage::VenueRow> findVenue(const std::string& id) override;
    storage::RevisedWrite createVenue(const storage::VenueRecord& venue, storage::UserId actor) override;
    storage::RevisedWrite updateVenue(const storage::VenueRecord& venue, int expectedRevision,
                                      storage::UserId actor) override;
    std::optional<storage::LayoutRow> layout(const std::string& venueId, std::optional<int> version) override;
    storage::RevisedWrite publishLayout(const std::string& venueId, int expectedVersion,
                                        const boost::json::value& layout, storage::UserId actor) override;

    std::vector<storage::EventRecord> listEvents() override;
    Expected<int, storage::EventChangeRefused> updateEvent(const storage::EventChange& change,
                                                           storage::UserId actor) override;
    storage::RevisedWrite setStatus(storage::EventId event, int expectedRevision,
                                    protocol::EventStatus status, const std::string& reason,
                                    storage::UserId actor) override;
    std::vector<std::string> refundableOrders(storage::EventId event) override;

    Expected<protocol::BlockInfo, storage::InventoryRefused>
    createBlock(const storage::NewBlock& block) override;
    std::vector<protocol::BlockInfo> listBlocks(storage::EventId event) override;
    storage::BlockReleaseOutcome releaseBlock(storage::EventId event, const std::string& blockId,
                                              storage::UserId actor) override;
    std::vector<storage::EventId> releaseDueBlocks() override;

    Expected<protocol::AllotmentInfo, storage::InventoryRefused>
    createAllotment(const storage::NewAllotment& allotment) override;
    std::vector<protocol::AllotmentInfo> listAllotments(storage::EventId event) override;
    storage::BlockReleaseOutcome releaseAllotment(storage::EventId event, const std::string& allotmentId,
                                                  storage::UserId actor) override;

    std::vector<storage::UserRecord> listUsers() override;
    std::optional<storage::UserRecord> updateUser(const storage::UserChange& change,
                                                  storage::UserId actor) override;

private:
    ConnectionPool& m_pool;
};

} // namespace usher::server::pg
