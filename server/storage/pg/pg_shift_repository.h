#pragma once

#include "server/storage/pg/connection_pool.h"
#include "server/storage/shift_repository.h"

namespace usher::server::pg {

class PgShiftRepository final : public storage::ShiftRepository {
public:
    explicit PgShiftRepository(ConnectionPool& pool) : m_pool(pool) {}

    Expected<storage::StoredShift, storage::OpenShiftError>
    openShift(const storage::NewShift& shift) override;
    std::optional<storage::StoredShift> findShift(std::string_view shiftId) override;
    std::optional<storage::StoredShift> openShiftOfDevice(std::string_view device) override;
    storage::ShiftFigures figures(std::string_view shiftId) override;
    std::optional<storage::StoredShift> closeShift(std::string_view shiftId,
                                                   const storage::ShiftCount& count) override;

private:
    ConnectionPool& m_pool;
};

} // namespace usher::server::pg
