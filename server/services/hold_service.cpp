#include "server/services/hold_service.h"

#include "common/booking/best_available.h"
#include "common/util/text.h"
#include "server/security/random_tokens.h"

#include <algorithm>
#include <map>
#include <set>

namespace usher::server::services {

namespace {

using protocol::ProblemKind;

// Best available picks from a snapshot of the house; another request may take a picked seat first.
// Then it picks again without those seats, a few times before giving up.
constexpr int kBestAvailableAttempts = 3;

protocol::Problem unavailable(const storage::HoldRefused& refused) {
    protocol::Problem problem = protocol::makeProblem(ProblemKind::SeatsUnavailable,
                                                      "some of the seats or places are no longer available");
    problem.unavailableSeats = refused.unavailableSeats;
    problem.unavailableGa = refused.unavailableGa;
    return problem;
}

Unexpected<protocol::Problem> badField(std::string path, std::string message) {
    return unexpected(protocol::validationProblem({{std::move(path), std::move(message)}}));
}

Unexpected<protocol::Problem> holdChangeProblem(storage::HoldChangeError error) {
    switch (error) {
    case storage::HoldChangeError::NotFound:
        return fail(ProblemKind::NotFound, "no hold with this id");
    case storage::HoldChangeError::NotActive:
        return fail(ProblemKind::HoldExpired, "the hold was released or already paid for");
    case storage::HoldChangeError::Expired:
        return fail(ProblemKind::HoldExpired, "the hold has expired");
    case storage::HoldChangeError::ExtendLimit:
        return fail(ProblemKind::HoldExtendLimit, "the hold cannot be extended any further");
    }
    return fail(ProblemKind::Internal);
}

} // namespace

HoldService::HoldService(storage::InventoryRepository& inventory, EventCatalog& events,
                         InventoryListener& listener, storage::ExtendPolicy extendPolicy, Clock clock)
    : m_inventory(inventory), m_events(events), m_listener(listener),
      m_holdBatches([&inventory](storage::EventId event, std::span<const storage::HoldPlan> plans) {
          return inventory.createHolds(event, plans);
      }),
      m_releaseBatches([&inventory](storage::EventId event, std::span<const std::string> holdIds) {
          return inventory.releaseHolds(event, holdIds);
      }),
      m_extendPolicy(extendPolicy), m_clock(std::move(clock)) {}

Outcome<protocol::HoldResponse> HoldService::hold(const Caller& caller, std::string_view eventId,
                                                  const protocol::HoldRequest& request) {
    auto found = m_events.get(eventId);
    if (!found) {
        return unexpected(found.error());
    }
    const EventModel& event = **found;
    const storage::EventRecord& record = event.record;
    const Timestamp now = m_clock();
    if (record.status != protocol::EventStatus::OnSale) {
        return fail(ProblemKind::NotOnSale, record.status == protocol::EventStatus::Cancelled
                                                ? "the event is cancelled"
                                                : "the event is not on sale yet");
    }
    if (!caller.isStaff() && (now < record.saleStartsAt || now >= record.saleEndsAt)) {
        return fail(ProblemKind::NotOnSale,
                    now < record.saleStartsAt ? "the sale has not started yet" : "the sale has ended");
    }

    storage::HoldPlan plan;
    plan.user = caller.id;
    plan.ttl = std::chrono::seconds(record.holdTtlSeconds);
    plan.maxTicketsPerCustomer = caller.isStaff() ? 0 : record.maxTicketsPerCustomer;

    int tickets = 0;
    const protocol::BestAvailable* bestAvailable = nullptr;
    if (const auto* seats = std::get_if<protocol::SeatSelection>(&request.selection)) {
        for (std::size_t i = 0; i < seats->seats.size(); ++i) {
            std::optional<std::uint32_t> index = event.index.find(seats->seats[i]);
            if (!index) {
                return badField("seats[" + std::to_string(i) + "]",
                                "\"" + seats->seats[i] + "\" is not a seat of this event");
            }
            plan.seats.push_back({seats->seats[i], event.categoryOf(*index)});
        }
        tickets = static_cast<int>(plan.seats.size());
    } else if (const auto* ga = std::get_if<protocol::GaSelection>(&request.selection)) {
        for (std::size_t i = 0; i < ga->areas.size(); ++i) {
            if (!event.findGaArea(ga->areas[i].area)) {
                return badField("ga[" + std::to_string(i) + "].area",
                                "\"" + ga->areas[i].area + "\" is not a standing area of this event");
            }
            tickets += ga->areas[i].quantity;
        }
        plan.ga = ga->areas;
    } else {
        bestAvailable = &std::get<protocol::BestAvailable>(request.selection);
        tickets = bestAvailable->quantity;
    }
    if (tickets > record.maxTicketsPerOrder) {
        return fail(ProblemKind::TicketLimitExceeded,
                    "at most " + std::to_string(record.maxTicketsPerOrder) + " tickets per order");
    }

    std::vector<std::string> refusedByOthers;
    for (int attempt = 0;; ++attempt) {
        if (bestAvailable) {
            auto picked = pickBestAvailable(event, *bestAvailable, refusedByOthers);
            if (!picked) {
                return unexpected(picked.error());
            }
            plan.seats.clear();
            for (std::uint32_t index : *picked) {
                plan.seats.push_back({std::string(event.index.seat(index).id), event.categoryOf(index)});
            }
        }
        // The price is checked before anything is taken: a seat without a price cannot be sold.
        auto priced = describe(event, {}, now, plan.seats, plan.ga);
        if (!priced) {
            return unexpected(priced.error());
        }
        plan.holdId = security::newUuid();
        storage::HoldOutcome outcome = m_holdBatches.submit(record.id, plan);
        if (const auto* created = std::get_if<storage::HoldCreated>(&outcome)) {
            m_owners.remember(plan.holdId, {record.id, caller.id},
                              now + m_extendPolicy.maxLifetime + std::chrono::minutes(1));
            m_listener.inventoryChanged(record.id);
            priced->holdId = plan.holdId;
            priced->expiresAt = created->expiresAt;
            return std::move(priced.value());
        }
        const auto& refused = std::get<storage::HoldRefused>(outcome);
        if (refused.customerLimit) {
            return fail(ProblemKind::TicketLimitExceeded,
                        "at most " + std::to_string(record.maxTicketsPerCustomer) +
                            " tickets per customer for this event, counting holds");
        }
        if (!bestAvailable || attempt + 1 == kBestAvailableAttempts) {
            return unexpected(unavailable(refused));
        }
        refusedByOthers.insert(refusedByOthers.end(), refused.unavailableSeats.begin(),
                               refused.unavailableSeats.end());
    }
}

Outcome<std::vector<std::uint32_t>> HoldService::pickBestAvailable(const EventModel& event,
                                                                   const protocol::BestAvailable& request,
                                                                   const std::vector<std::string>& exclude) {
    for (std::size_t i = 0; i < request.categories.size(); ++i) {
        if (event.index.categoryIndex(request.categories[i]) == layout::kNoIndex) {
            return badField("best_available.categories[" + std::to_string(i) + "]",
                            "\"" + request.categories[i] + "\" is not a price category of this event");
        }
    }
    std::vector<std::uint8_t> available(event.index.seatCount(), 0);
    for (const std::string& id : m_inventory.availableSeats(event.record.id)) {
        if (std::optional<std::uint32_t> index = event.index.find(id)) {
            available[*index] = 1;
        }
    }
    for (const std::string& id : exclude) {
        if (std::optional<std::uint32_t> index = event.index.find(id)) {
            available[*index] = 0;
        }
    }
    booking::BestAvailableRequest search{request.quantity, request.categories, request.accessible};
    thread_local booking::BestAvailableScratch scratch;
    booking::BestAvailableOutcome result =
        booking::findBestAvailable(event.index, available, search, scratch);
    if (!result) {
        if (result.error() == booking::BestAvailableError::NotEnoughSeats) {
            return fail(ProblemKind::SeatsUnavailable,
                        "not enough seats left together or in adjacent rows for this request");
        }
        return badField("best_available", std::string(booking::toString(result.error())));
    }
    return std::move(result->seats);
}

Outcome<protocol::HoldResponse> HoldService::describe(const EventModel& event, const std::string& holdId,
                                                      Timestamp expiresAt,
                                                      const std::vector<storage::SeatRow>& seats,
                                                      const std::vector<protocol::GaQuantity>& ga) const {
    protocol::HoldResponse response;
    response.holdId = holdId;
    response.eventId = event.wireId();
    response.expiresAt = expiresAt;
    const std::string& ticketType = event.defaultTicketType();
    std::vector<PriceLine> lines;
    for (const storage::SeatRow& seat : seats) {
        auto price = event.prices.price(seat.category, ticketType);
        if (!price) {
            return fail(ProblemKind::NotOnSale, "seat " + seat.id + " has no price for this event");
        }
        std::optional<std::uint32_t> index = event.index.find(seat.id);
        response.seats.push_back(
            {seat.id, index ? std::optional(event.seatLabel(*index)) : std::nullopt, seat.category, *price});
        lines.push_back({seat.category, ticketType});
    }
    for (const protocol::GaQuantity& line : ga) {
        const layout::GaArea* area = event.findGaArea(line.area);
        auto price =
            area ? event.prices.price(area->category, ticketType) : unexpected(PriceError::UnknownCategory);
        if (!price) {
            return fail(ProblemKind::NotOnSale,
                        "standing area " + line.area + " has no price for this event");
        }
        response.ga.push_back({line.area, line.quantity, *price});
        lines.insert(lines.end(), static_cast<std::size_t>(line.quantity),
                     PriceLine{area->category, ticketType});
    }
    auto total = event.prices.total(lines);
    if (!total) {
        return fail(ProblemKind::Validation,
                    "the total does not fit: " + std::string(toString(total.error())));
    }
    response.total = *total;
    return response;
}

Outcome<storage::StoredHold> HoldService::findOwnHold(const Caller& caller, std::string_view holdId) {
    std::optional<storage::StoredHold> hold = m_inventory.findHold(holdId);
    if (!hold || !caller.mayAccess(hold->user)) {
        return fail(ProblemKind::NotFound, "no hold with this id");
    }
    return std::move(*hold);
}

Outcome<storage::StoredHold> HoldService::findOwnActiveHold(const Caller& caller, std::string_view holdId) {
    auto hold = findOwnHold(caller, holdId);
    if (hold && (hold->state != storage::HoldState::Active || hold->expired)) {
        return holdChangeProblem(hold->state == storage::HoldState::Active
                                     ? storage::HoldChangeError::Expired
                                     : storage::HoldChangeError::NotActive);
    }
    return hold;
}

Outcome<protocol::HoldResponse> HoldService::get(const Caller& caller, std::string_view holdId) {
    auto hold = findOwnActiveHold(caller, holdId);
    if (!hold) {
        return unexpected(hold.error());
    }
    auto event = m_events.get(std::to_string(hold->eventId));
    if (!event) {
        return unexpected(event.error());
    }
    return describe(**event, hold->id, hold->expiresAt, hold->seats, hold->ga);
}

Outcome<protocol::HoldResponse> HoldService::extend(const Caller& caller, std::string_view holdId,
                                                    const protocol::ExtendHoldRequest& request) {
    auto hold = findOwnHold(caller, holdId);
    if (!hold) {
        return unexpected(hold.error());
    }
    auto event = m_events.get(std::to_string(hold->eventId));
    if (!event) {
        return unexpected(event.error());
    }
    const std::chrono::seconds by(request.extendBySeconds.value_or((*event)->record.holdTtlSeconds));
    auto extended = m_inventory.extendHold(hold->id, by, m_extendPolicy);
    if (!extended) {
        return holdChangeProblem(extended.error());
    }
    return describe(**event, hold->id, *extended, hold->seats, hold->ga);
}

Outcome<Done> HoldService::release(const Caller& caller, std::string_view holdId) {
    // A hold taken through this instance needs no lookup: its owner and event are known, and the
    // release checks in the database that it is still active.
    const std::string id = isUuid(holdId) ? asciiLowercase(holdId) : std::string();
    std::optional<HoldOwners::Owner> owner = id.empty() ? std::nullopt : m_owners.find(id);
    if (!owner) {
        auto hold = findOwnHold(caller, holdId);
        if (!hold) {
            return unexpected(hold.error());
        }
        owner = HoldOwners::Owner{hold->eventId, hold->user};
    } else if (!caller.mayAccess(owner->user)) {
        return fail(ProblemKind::NotFound, "no hold with this id");
    }
    auto released = m_releaseBatches.submit(owner->event, id); // a well-formed id: found above
    m_owners.forget(id); // released now or before, expired or committed: never active again
    if (!released) {
        return holdChangeProblem(released.error());
    }
    m_listener.inventoryChanged(owner->event);
    return Done{};
}

Outcome<protocol::HoldResponse> HoldService::changeSeats(const Caller& caller, std::string_view holdId,
                                                         const protocol::ChangeHoldSeatsRequest& request) {
    auto hold = findOwnActiveHold(caller, holdId);
    if (!hold) {
        return unexpected(hold.error());
    }
    auto found = m_events.get(std::to_string(hold->eventId));
    if (!found) {
        return unexpected(found.error());
    }
    const EventModel& event = **found;

    std::set<std::string> seats;
    for (const storage::SeatRow& seat : hold->seats) {
        seats.insert(seat.id);
    }
    json::DecodeErrors errors;
    storage::SeatChange change;
    std::set<std::string> named;
    for (std::size_t i = 0; i < request.remove.size(); ++i) {
        const std::string& seat = request.remove[i];
        named.insert(seat);
        if (seats.erase(seat) == 0) {
            errors.push_back(
                {"remove[" + std::to_string(i) + "]", "\"" + seat + "\" is not a seat of this hold"});
        }
        change.remove.push_back(seat);
    }
    for (std::size_t i = 0; i < request.add.size(); ++i) {
        const std::string& seat = request.add[i];
        const std::string path = "add[" + std::to_string(i) + "]";
        const std::optional<std::uint32_t> index = event.index.find(seat);
        if (!index) {
            errors.push_back({path, "\"" + seat + "\" is not a seat of this event"});
        } else if (named.contains(seat) || !seats.insert(seat).second) {
            errors.push_back({path, "\"" + seat + "\" is in this hold already or also removed"});
        } else {
            change.add.push_back({seat, event.categoryOf(*index)});
        }
    }
    // Standing places: the hold's quantities with the request's applied.
    std::map<std::string, int> quantities;
    for (const auto& line : hold->ga) {
        quantities[line.area] += line.quantity;
    }
    for (std::size_t i = 0; i < request.ga.size(); ++i) {
        if (event.findGaArea(request.ga[i].area) == nullptr) {
            errors.push_back({"ga[" + std::to_string(i) + "].area",
                              "\"" + request.ga[i].area + "\" is not a standing area of this event"});
        }
        quantities[request.ga[i].area] = request.ga[i].quantity;
    }
    std::vector<protocol::GaQuantity> gaAfter;
    int places = 0;
    for (const auto& [area, quantity] : quantities) {
        if (quantity > 0) {
            gaAfter.push_back({area, quantity});
            places += quantity;
        }
    }
    change.ga = request.ga;
    if (errors.empty() && seats.empty() && places == 0) {
        errors.push_back({request.remove.empty() ? "ga" : "remove",
                          "a hold keeps at least one seat or place; release it instead"});
    }
    if (!errors.empty()) {
        return unexpected(protocol::validationProblem(std::move(errors)));
    }
    const storage::EventRecord& record = event.record;
    if (static_cast<int>(seats.size()) + places > record.maxTicketsPerOrder) {
        return fail(ProblemKind::TicketLimitExceeded,
                    "at most " + std::to_string(record.maxTicketsPerOrder) + " tickets per order");
    }
    // Every seat the hold would have must have a price, before anything changes.
    std::vector<storage::SeatRow> after = hold->seats;
    std::erase_if(after, [&](const storage::SeatRow& seat) { return !seats.contains(seat.id); });
    after.insert(after.end(), change.add.begin(), change.add.end());
    if (auto priced = describe(event, hold->id, hold->expiresAt, after, gaAfter); !priced) {
        return unexpected(priced.error());
    }
    change.maxTicketsPerCustomer = caller.isStaff() ? 0 : record.maxTicketsPerCustomer;

    auto changed = m_inventory.changeHoldSeats(hold->id, change);
    if (!changed) {
        const storage::SeatChangeRefused& refused = changed.error();
        if (refused.hold) {
            return holdChangeProblem(*refused.hold);
        }
        if (!refused.notInHold.empty()) { // removed by a concurrent change of the same hold
            return badField("remove", "\"" + refused.notInHold.front() + "\" is not a seat of this hold");
        }
        if (refused.customerLimit) {
            return fail(ProblemKind::TicketLimitExceeded,
                        "at most " + std::to_string(record.maxTicketsPerCustomer) +
                            " tickets per customer for this event, counting holds");
        }
        return unexpected(
            unavailable(storage::HoldRefused{refused.unavailableSeats, refused.unavailableGa, false}));
    }
    m_listener.inventoryChanged(hold->eventId);
    return describe(event, changed->id, changed->expiresAt, changed->seats, changed->ga);
}

int HoldService::expireOverdue(int limit) {
    m_owners.forgetEnded(m_clock());
    return m_inventory.expireHolds(limit);
}

} // namespace usher::server::services
