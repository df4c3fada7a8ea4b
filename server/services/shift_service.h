#pragma once

#include "common/protocol/shifts.h"
#include "server/services/caller.h"
#include "server/services/outcome.h"
#include "server/storage/shift_repository.h"

#include <string_view>

namespace usher::server::services {

// Shifts at box-office devices: a clerk opens one with the cash float, every box-office payment
// and refund names it, and closing it with the counted money gives the Z report. Staff only; a
// shift is the business of the clerk who opened it, and of admins.
class ShiftService {
public:
    explicit ShiftService(storage::ShiftRepository& shifts) : m_shifts(shifts) {}

    // 201 with the (empty) report. 403 customers; 409 shift-already-open when the device has one.
    Outcome<protocol::ShiftReport> open(const Caller& caller, const protocol::OpenShiftRequest& request);
    // The device's open shift, whoever opened it; 404 when none.
    Outcome<protocol::ShiftReport> current(const Caller& caller, std::string_view device);
    // The X report of an open shift, or the Z report of a closed one. 404 unknown or another
    // clerk's.
    Outcome<protocol::ShiftReport> report(const Caller& caller, std::string_view shiftId);
    // The Z report. 400 counted money in another currency; 404 unknown or another clerk's (for
    // clerks); 409 shift-not-open when it is closed already.
    Outcome<protocol::ShiftReport> close(const Caller& caller, std::string_view shiftId,
                                         const protocol::CloseShiftRequest& request);

    // For payments and refunds: the caller's open shift with this id, in `currency`. 409
    // shift-not-open without one; 400 at `path` for another currency.
    Outcome<storage::StoredShift> shiftForPayment(const Caller& caller,
                                                  const std::optional<std::string>& shiftId,
                                                  Currency currency, std::string_view path);

private:
    Outcome<storage::StoredShift> visibleShift(const Caller& caller, std::string_view shiftId);
    protocol::ShiftReport reportOf(const storage::StoredShift& shift);

    storage::ShiftRepository& m_shifts;
};

} // namespace usher::server::services
