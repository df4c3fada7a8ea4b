#pragma once

#include "common/money/money.h"
#include "common/protocol/orders.h"
#include "common/util/expected.h"
#include "common/util/time.h"
#include "server/storage/user_repository.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace usher::server::storage {

// A clerk's shift at one device, as stored.
struct StoredShift {
    std::string id;
    std::string device;
    UserId user = 0;
    std::string clerkName;
    Money openingFloat;
    Timestamp openedAt;
    std::optional<Timestamp> closedAt;
    std::optional<std::int64_t> countedCash;
    std::optional<std::int64_t> countedCard;

    bool isOpen() const { return !closedAt.has_value(); }
};

// What a shift took and gave back, in minor units of its currency.
struct ShiftFigures {
    struct Tender {
        std::int64_t sales = 0;
        std::int64_t refunds = 0;
    };
    struct TicketType {
        int sold = 0;
        std::int64_t soldAmount = 0;
        int refunded = 0;
        std::int64_t refundedAmount = 0;
    };
    std::map<protocol::PaymentMethod, Tender> tenders;
    std::map<std::string, TicketType> ticketTypes;
    int orders = 0;
    int refunds = 0;
};

struct NewShift {
    std::string id; // a fresh UUID
    std::string device;
    UserId user = 0;
    Money openingFloat;
};

struct ShiftCount {
    std::int64_t cash = 0;
    std::optional<std::int64_t> card;
    UserId closedBy = 0;
};

enum class OpenShiftError { DeviceBusy }; // the device has an open shift

class ShiftRepository {
public:
    virtual ~ShiftRepository() = default;

    // Opens a shift, registering the device on first use; audited.
    virtual Expected<StoredShift, OpenShiftError> openShift(const NewShift& shift) = 0;
    virtual std::optional<StoredShift> findShift(std::string_view shiftId) = 0;
    // The device's open shift, whoever opened it.
    virtual std::optional<StoredShift> openShiftOfDevice(std::string_view device) = 0;
    virtual ShiftFigures figures(std::string_view shiftId) = 0;
    // Closes an open shift with what was counted, audited; nullopt when it was closed already.
    // Commits and refunds that name the shift wait for the close or see it closed.
    virtual std::optional<StoredShift> closeShift(std::string_view shiftId, const ShiftCount& count) = 0;
};

} // namespace usher::server::storage
