#pragma once

#include "common/protocol/admin.h"
#include "server/services/caller.h"
#include "server/services/clock.h"
#include "server/services/event_catalog.h"
#include "server/services/inventory_listener.h"
#include "server/services/outcome.h"
#include "server/storage/admin_repository.h"

#include <memory>
#include <optional>
#include <string>

namespace usher::server::services {

// Seats the house keeps (blocks: house seats, production, press, kills) and allotments to a sales
// channel or a box-office device. Both take only free seats (409 seats-unavailable with the ones
// that are not) and log every seat they change, so live maps follow. Only admins create or release
// them: a clerk cannot give back a house seat.
class InventoryAdmin {
public:
    InventoryAdmin(storage::AdminRepository& admin, EventCatalog& events, InventoryListener& listener,
                   Clock clock = systemNow)
        : m_admin(admin), m_events(events), m_listener(listener), m_clock(std::move(clock)) {}

    Outcome<protocol::BlockInfo> block(const Caller& caller, std::string_view eventId,
                                       const protocol::BlockRequest& request);
    Outcome<protocol::BlockList> blocks(const Caller& caller, std::string_view eventId);
    Outcome<protocol::BlockList> releaseBlock(const Caller& caller, std::string_view eventId,
                                              const std::string& blockId);
    Outcome<protocol::AllotmentInfo> allot(const Caller& caller, std::string_view eventId,
                                           const protocol::AllotmentRequest& request);
    Outcome<protocol::AllotmentList> allotments(const Caller& caller, std::string_view eventId);
    Outcome<protocol::AllotmentList> releaseAllotment(const Caller& caller, std::string_view eventId,
                                                      const std::string& allotmentId);
    // Blocks whose release time has come go back on sale (the server's sweeper calls this).
    int releaseDueBlocks();

private:
    // The event for an admin's request: 403 for anyone else, 404 for an unknown event.
    Outcome<std::shared_ptr<const EventModel>> eventFor(const Caller& caller, std::string_view eventId);
    // Announces a release that changed seats; 404 (naming `what`) for an unknown id.
    std::optional<Unexpected<protocol::Problem>> released(storage::BlockReleaseOutcome outcome,
                                                          storage::EventId event, const char* what);

    storage::AdminRepository& m_admin;
    EventCatalog& m_events;
    InventoryListener& m_listener;
    Clock m_clock;
};

} // namespace usher::server::services
