#pragma once

#include "common/protocol/holds.h"
#include "server/services/caller.h"
#include "server/services/clock.h"
#include "server/services/event_batcher.h"
#include "server/services/event_catalog.h"
#include "server/services/hold_owners.h"
#include "server/services/inventory_listener.h"
#include "server/services/outcome.h"
#include "server/storage/inventory_repository.h"

namespace usher::server::services {

// Holds: explicit seats, GA quantities or best available, all or nothing, for the event's hold TTL.
// Holds, orders and tickets belong to whoever took them; other customers get 404 for them.
class HoldService {
public:
    HoldService(storage::InventoryRepository& inventory, EventCatalog& events, InventoryListener& listener,
                storage::ExtendPolicy extendPolicy = {}, Clock clock = systemNow);

    // 201 body. 400 for seats or areas the event does not have; 409 seats-unavailable listing what
    // was not free; 409 ticket-limit-exceeded over the per-order or per-customer limit; 409
    // not-on-sale outside the sale window (customers only: the box office sells at any time).
    Outcome<protocol::HoldResponse> hold(const Caller& caller, std::string_view eventId,
                                         const protocol::HoldRequest& request);
    Outcome<protocol::HoldResponse> get(const Caller& caller, std::string_view holdId);
    // 410 for a hold that has expired, was released or committed; 409 hold-extend-limit.
    Outcome<protocol::HoldResponse> extend(const Caller& caller, std::string_view holdId,
                                           const protocol::ExtendHoldRequest& request);
    Outcome<Done> release(const Caller& caller, std::string_view holdId);
    // Adds and removes seats of an active hold and sets its standing places per area, at once,
    // keeping its id and expiry. 400 for seats or areas the event lacks, seats to remove the hold
    // does not have, seats named twice, or a change that would leave the hold empty (release it
    // instead); 409 seats-unavailable listing the seats to add that are not free and the areas
    // without enough places; 409 ticket-limit-exceeded; 410 expired, released or committed.
    Outcome<protocol::HoldResponse> changeSeats(const Caller& caller, std::string_view holdId,
                                                const protocol::ChangeHoldSeatsRequest& request);
    // The sweeper: marks up to `limit` overdue holds expired; returns how many. Their seats were
    // already available to the next hold (the exact expiry is in the hold statement). Also forgets
    // the owners of holds that cannot be active any more.
    int expireOverdue(int limit);

private:
    Outcome<storage::StoredHold> findOwnHold(const Caller& caller, std::string_view holdId);
    // The caller's hold when it is active and unexpired, else 404 or 410.
    Outcome<storage::StoredHold> findOwnActiveHold(const Caller& caller, std::string_view holdId);
    Outcome<std::vector<std::uint32_t>> pickBestAvailable(const EventModel& event,
                                                          const protocol::BestAvailable& request,
                                                          const std::vector<std::string>& exclude);
    Outcome<protocol::HoldResponse> describe(const EventModel& event, const std::string& holdId,
                                             Timestamp expiresAt, const std::vector<storage::SeatRow>& seats,
                                             const std::vector<protocol::GaQuantity>& ga) const;

    storage::InventoryRepository& m_inventory;
    EventCatalog& m_events;
    InventoryListener& m_listener;
    EventBatcher<storage::HoldPlan, storage::HoldOutcome> m_holdBatches;
    EventBatcher<std::string, storage::ReleaseOutcome> m_releaseBatches;
    HoldOwners m_owners;
    storage::ExtendPolicy m_extendPolicy;
    Clock m_clock;
};

} // namespace usher::server::services
