#include "server/services/inventory_admin.h"

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

bool isUuidText(const std::string& text) {
    if (text.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (text[i] == '-') || (!dash && std::isxdigit(static_cast<unsigned char>(text[i])) == 0)) {
            return false;
        }
    }
    return true;
}

} // namespace

Outcome<protocol::BlockInfo> InventoryAdmin::block(const Caller& caller, std::string_view eventId,
                                                   const protocol::BlockRequest& request) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    auto found = m_events.get(eventId);
    if (!found) {
        return unexpected(found.error());
    }
    const EventModel& event = **found;
    for (std::size_t i = 0; i < request.seats.size(); ++i) {
        if (!event.index.find(request.seats[i])) {
            return badInput("seats[" + std::to_string(i) + "]",
                            "\"" + request.seats[i] + "\" is not a seat of this event");
        }
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
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    auto found = m_events.get(eventId);
    if (!found) {
        return unexpected(found.error());
    }
    return protocol::BlockList{m_admin.listBlocks((*found)->record.id)};
}

Outcome<protocol::BlockList> InventoryAdmin::releaseBlock(const Caller& caller, std::string_view eventId,
                                                          const std::string& blockId) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    auto found = m_events.get(eventId);
    if (!found) {
        return unexpected(found.error());
    }
    const storage::EventId id = (*found)->record.id;
    const storage::BlockReleaseOutcome outcome = isUuidText(blockId)
                                                     ? m_admin.releaseBlock(id, blockId, caller.id)
                                                     : storage::BlockReleaseOutcome::NotFound;
    if (outcome == storage::BlockReleaseOutcome::NotFound) {
        return fail(ProblemKind::NotFound, "no block with this id at this event");
    }
    if (outcome == storage::BlockReleaseOutcome::Released) {
        m_listener.inventoryChanged(id);
    }
    return protocol::BlockList{m_admin.listBlocks(id)};
}

Outcome<protocol::AllotmentInfo> InventoryAdmin::allot(const Caller& caller, std::string_view eventId,
                                                       const protocol::AllotmentRequest& request) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    auto found = m_events.get(eventId);
    if (!found) {
        return unexpected(found.error());
    }
    const EventModel& event = **found;
    for (std::size_t i = 0; i < request.seats.size(); ++i) {
        if (!event.index.find(request.seats[i])) {
            return badInput("seats[" + std::to_string(i) + "]",
                            "\"" + request.seats[i] + "\" is not a seat of this event");
        }
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
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    auto found = m_events.get(eventId);
    if (!found) {
        return unexpected(found.error());
    }
    return protocol::AllotmentList{m_admin.listAllotments((*found)->record.id)};
}

Outcome<protocol::AllotmentList> InventoryAdmin::releaseAllotment(const Caller& caller,
                                                                  std::string_view eventId,
                                                                  const std::string& allotmentId) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    auto found = m_events.get(eventId);
    if (!found) {
        return unexpected(found.error());
    }
    const storage::EventId id = (*found)->record.id;
    const storage::BlockReleaseOutcome outcome = isUuidText(allotmentId)
                                                     ? m_admin.releaseAllotment(id, allotmentId, caller.id)
                                                     : storage::BlockReleaseOutcome::NotFound;
    if (outcome == storage::BlockReleaseOutcome::NotFound) {
        return fail(ProblemKind::NotFound, "no allotment with this id at this event");
    }
    if (outcome == storage::BlockReleaseOutcome::Released) {
        m_listener.inventoryChanged(id);
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
