#pragma once

#include "server/storage/catalog_repository.h"
#include "server/storage/pg/connection_pool.h"

namespace usher::server::pg {

class PgCatalogRepository final : public storage::CatalogRepository {
public:
    explicit PgCatalogRepository(ConnectionPool& pool) : m_pool(pool) {}

    void upsertVenue(const storage::VenueRecord& venue) override;
    int addLayoutVersion(const std::string& venueId, const boost::json::value& layout) override;
    storage::EventId createEvent(const storage::NewEvent& event) override;
    std::int64_t eventCount() override;
    std::vector<storage::EventListItem> listEvents(const storage::EventFilter& filter) override;
    std::optional<storage::EventRecord> findEvent(storage::EventId id) override;
    protocol::Availability availability(storage::EventId id) override;
    std::optional<storage::SeatmapState> seatmap(storage::EventId id) override;
    std::optional<storage::ChangePage> changesSince(storage::EventId id, std::int64_t since,
                                                    int limit) override;
    std::optional<std::int64_t> lastSeq(storage::EventId id) override;

private:
    ConnectionPool& m_pool;
};

} // namespace usher::server::pg
