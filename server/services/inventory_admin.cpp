#include "server/services/inventory_admin.h"

#include "common/util/text.h"
#include "server/security/random_tokens.h"
#include "server/services/admin_support.h"

namespace usher::server::services {
namespace {

using protocol::ProblemKind;

Unexpected<protocol::Problem> refusedProblem(storage::InventoryRefused refused) {
    protocol::Problem problem = protocol::makeProblem(
        ProblemKind::SeatsUnavailable, "some seats or places are sold, held, blocked or allotted");
    problem.unavailableSeats = std::move(refused.seats);
    problem.unavailableGa = std::move(refused.ga);
    return unexpected(std::move(problem));
}

std::optional<Unexpected<protocol::Problem>> unknownSeat(const EventModel& event,
                                                         const std::vector<std::string>& seats) {
    for (std::size_t i = 0; i < seats.size(); ++i) {
        if (!event.index.find(seats[i])) {
            return badInput("seats[" + std::to_string(i) + "]",
                            "\"" + seats[i] + "\" is not a seat of this event");
        }
    }
    return std::nullopt;
}

} // namespace

Outcome<std::shared_ptr<const EventModel>> InventoryAdmin::eventFor(const Caller& caller,
                                                                    std::string_view eventId) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    return m_events.get(eventId);
}

std::optional<Unexpected<protocol::Problem>>
InventoryAdmin::released(storage::BlockReleaseOutcome outcome, storage::EventId event, const char* what) {
    if (outcome == storage::BlockReleaseOutcome::NotFound) {
        return fail(ProblemKind::NotFound, std::string("no ") + what + " with this id at this event");
    }
    if (outcome == storage::BlockReleaseOutcome::Released) {
        m_listener.inventoryChanged(event);
    }
    return std::nullopt;
}

Outcome<protocol::BlockInfo> InventoryAdmin::block(const Caller& caller, std::string_view eventId,
                                                   const protocol::BlockRequest& request) {
    auto found = eventFor(caller, eventId);
    if (!found) {
        return unexpected(found.error());
    }
    const EventModel& event = **found;
    if (auto bad = unknownSeat(event, request.seats)) {
        return *bad;
    }
    if (request.releaseAt && *request.releaseAt <= m_clock()) {
        return badInput("release_at", "must be in the future");
    }
    storage::NewBlock block{event.record.id, security::newUuid(), caller.id,        request.seats,
                            request.reason,  request.color,       request.releaseAt};
    auto created = m_admin.createBlock(block);
    if (!created) {
        return refusedProblem(std::move(created.error()));
    }
    m_listener.inventoryChanged(event.record.id);
    return std::move(created.value());
}

Outcome<protocol::BlockList> InventoryAdmin::blocks(const Caller& caller, std::string_view eventId) {
    auto found = eventFor(caller, eventId);
    if (!found) {
        return unexpected(found.error());
    }
    return protocol::BlockList{m_admin.listBlocks((*found)->record.id)};
}

Outcome<protocol::BlockList> InventoryAdmin::releaseBlock(const Caller& caller, std::string_view eventId,
                                                          const std::string& blockId) {
    auto found = eventFor(caller, eventId);
    if (!found) {
        return unexpected(found.error());
    }
    const storage::EventId id = (*found)->record.id;
    const auto outcome = isUuid(blockId) ? m_admin.releaseBlock(id, blockId, caller.id)
                                         : storage::BlockReleaseOutcome::NotFound;
    if (auto missing = released(outcome, id, "block")) {
        return *missing;
    }
    return protocol::BlockList{m_admin.listBlocks(id)};
}

Outcome<protocol::AllotmentInfo> InventoryAdmin::allot(const Caller& caller, std::string_view eventId,
                                                       const protocol::AllotmentRequest& request) {
    auto found = eventFor(caller, eventId);
    if (!found) {
        return unexpected(found.error());
    }
    const EventModel& event = **found;
    if (auto bad = unknownSeat(event, request.seats)) {
        return *bad;
    }
    for (std::size_t i = 0; i < request.ga.size(); ++i) {
        if (!event.findGaArea(request.ga[i].area)) {
            return badInput("ga[" + std::to_string(i) + "].area",
                            "\"" + request.ga[i].area + "\" is not a standing area of this event");
        }
    }
    storage::NewAllotment allotment{event.record.id, security::newUuid(), caller.id,  request.channel,
                                    request.device,  request.seats,       request.ga, request.note};
    auto created = m_admin.createAllotment(allotment);
    if (!created) {
        return refusedProblem(std::move(created.error()));
    }
    m_listener.inventoryChanged(event.record.id);
    return std::move(created.value());
}

Outcome<protocol::AllotmentList> InventoryAdmin::allotments(const Caller& caller, std::string_view eventId) {
    auto found = eventFor(caller, eventId);
    if (!found) {
        return unexpected(found.error());
    }
    return protocol::AllotmentList{m_admin.listAllotments((*found)->record.id)};
}

Outcome<protocol::AllotmentList> InventoryAdmin::releaseAllotment(const Caller& caller,
                                                                  std::string_view eventId,
                                                                  const std::string& allotmentId) {
    auto found = eventFor(caller, eventId);
    if (!found) {
        return unexpected(found.error());
    }
    const storage::EventId id = (*found)->record.id;
    const auto outcome = isUuid(allotmentId) ? m_admin.releaseAllotment(id, allotmentId, caller.id)
                                             : storage::BlockReleaseOutcome::NotFound;
    if (auto missing = released(outcome, id, "allotment")) {
        return *missing;
    }
    return protocol::AllotmentList{m_admin.listAllotments(id)};
}

int InventoryAdmin::releaseDueBlocks() {
    const std::vector<storage::EventId> events = m_admin.releaseDueBlocks();
    for (storage::EventId event : events) {
        m_listener.inventoryChanged(event);
    }
    return static_cast<int>(events.size());
}

} // namespace usher::server::services
