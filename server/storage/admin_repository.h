#pragma once

#include "common/protocol/admin.h"
#include "common/protocol/holds.h"
#include "common/protocol/problem.h"
#include "server/storage/catalog_repository.h"
#include "server/storage/user_repository.h"

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace usher::server::storage {

struct VenueRow {
    VenueRecord venue;
    int revision = 1;
    std::optional<int> layoutVersion; // the latest published
};

// The outcome of a write guarded by a revision (If-Match).
enum class RevisionOutcome { Written, NotFound, Stale, Exists };
struct RevisedWrite {
    RevisionOutcome outcome = RevisionOutcome::Written;
    int revision = 0; // the new revision when written, the current one when stale
};

struct LayoutRow {
    int version = 0;
    boost::json::value layout;
};

// An event's new content: the record (revision and id from the request), and when its layout
// changes, the new layout's inventory rows. Seats the new layout lacks must be free (available or
// blocked by the house) or the change is refused with their ids.
struct EventChange {
    EventRecord record;
    int expectedRevision = 0;
    std::string currency;
    std::int64_t minPrice = 0;
    std::int64_t maxPrice = 0;
    struct NewLayout {
        int version = 0;
        std::vector<SeatRow> seats;
        std::vector<GaRow> gaAreas;
    };
    std::optional<NewLayout> layout;
};

struct EventChangeRefused {
    RevisionOutcome outcome = RevisionOutcome::Stale; // Stale, NotFound, or Written when seats are lost
    int revision = 0;
    std::vector<std::string> lostSeats; // sold, held or allotted seats the new layout lacks
};

struct NewBlock {
    EventId event = 0;
    std::string id; // uuid
    UserId actor = 0;
    std::vector<std::string> seats;
    std::string reason;
    std::string color;
    std::optional<Timestamp> releaseAt;
};

struct NewAllotment {
    EventId event = 0;
    std::string id; // uuid
    UserId actor = 0;
    std::string channel;
    std::optional<std::string> device;
    std::vector<std::string> seats;
    std::vector<protocol::GaQuantity> ga;
    std::string note;
};

// Seats and standing places a block or allotment could not take (already sold, held, blocked or
// allotted; not enough places left).
struct InventoryRefused {
    std::vector<std::string> seats;
    std::vector<protocol::GaShortfall> ga;
};

enum class BlockReleaseOutcome { Released, NotFound, AlreadyReleased };

struct UserChange {
    UserId id = 0;
    std::optional<std::string> name;
    std::optional<protocol::Role> role;
    std::optional<bool> disabled;
    std::optional<std::string> passwordHash;
};

// The admin side of venues, events and their inventory, and staff accounts. Every inventory change
// is logged in the event's change log like a sale's, so live seat maps follow it; every change is
// recorded in the audit log with its actor.
class AdminRepository {
public:
    virtual ~AdminRepository() = default;

    virtual std::vector<VenueRow> listVenues() = 0;
    virtual std::optional<VenueRow> findVenue(const std::string& id) = 0;
    virtual RevisedWrite createVenue(const VenueRecord& venue, UserId actor) = 0;
    virtual RevisedWrite updateVenue(const VenueRecord& venue, int expectedRevision, UserId actor) = 0;
    virtual std::optional<LayoutRow> layout(const std::string& venueId, std::optional<int> version) = 0;
    // Publishes the next version when the latest is `expectedVersion` (0: the venue has none yet).
    virtual RevisedWrite publishLayout(const std::string& venueId, int expectedVersion,
                                       const boost::json::value& layout, UserId actor) = 0;

    virtual std::vector<EventRecord> listEvents() = 0;
    virtual Expected<int, EventChangeRefused> updateEvent(const EventChange& change, UserId actor) = 0;
    // Status changes guarded by the revision; a cancelled event stays cancelled.
    virtual RevisedWrite setStatus(EventId event, int expectedRevision, protocol::EventStatus status,
                                   const std::string& reason, UserId actor) = 0;
    // Orders with tickets left to refund, oldest first.
    virtual std::vector<std::string> refundableOrders(EventId event) = 0;

    virtual Expected<protocol::BlockInfo, InventoryRefused> createBlock(const NewBlock& block) = 0;
    virtual std::vector<protocol::BlockInfo> listBlocks(EventId event) = 0;
    virtual BlockReleaseOutcome releaseBlock(EventId event, const std::string& blockId, UserId actor) = 0;
    // Releases the blocks whose release time has passed (at the database's now); returns the
    // events whose seats went back on sale.
    virtual std::vector<EventId> releaseDueBlocks() = 0;

    virtual Expected<protocol::AllotmentInfo, InventoryRefused>
    createAllotment(const NewAllotment& allotment) = 0;
    virtual std::vector<protocol::AllotmentInfo> listAllotments(EventId event) = 0;
    virtual BlockReleaseOutcome releaseAllotment(EventId event, const std::string& allotmentId,
                                                 UserId actor) = 0;

    virtual std::vector<UserRecord> listUsers() = 0;
    virtual std::optional<UserRecord> updateUser(const UserChange& change, UserId actor) = 0;
};

} // namespace usher::server::storage
