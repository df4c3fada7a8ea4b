#include "server/services/event_admin.h"

#include "common/layout/layout_json.h"
#include "common/pricing/price_table_json.h"
#include "server/services/admin_support.h"
#include "server/services/event_setup.h"

namespace usher::server::services {
namespace {

using protocol::ProblemKind;

Outcome<PriceTable> pricesOf(const boost::json::value& json) {
    json::Decoder decoder;
    PriceTable prices;
    {
        auto scope = decoder.at("prices");
        decode(decoder, json, prices);
    }
    if (!decoder.ok()) {
        return unexpected(protocol::validationProblem(decoder.takeErrors()));
    }
    return prices;
}

// The event's fields after `input`, as EventSetup plans them.
EventSpec specOf(const storage::EventRecord& current, const protocol::EventInput& input) {
    EventSpec spec;
    spec.name = input.name.value_or(current.name);
    spec.category = input.category.value_or(current.category);
    spec.description = input.description.value_or(current.description);
    spec.startsAt = input.startsAt.value_or(current.startsAt);
    spec.saleStartsAt = input.saleStartsAt.value_or(current.saleStartsAt);
    spec.saleEndsAt = input.saleEndsAt.value_or(current.saleEndsAt);
    spec.holdTtlSeconds = static_cast<int>(input.holdTtlSeconds.value_or(current.holdTtlSeconds));
    spec.maxTicketsPerOrder = static_cast<int>(input.maxPerOrder.value_or(current.maxTicketsPerOrder));
    spec.maxTicketsPerCustomer =
        static_cast<int>(input.maxPerCustomer.value_or(current.maxTicketsPerCustomer));
    spec.status = current.status;
    spec.doorsAt = input.doorsAt ? input.doorsAt : current.doorsAt;
    return spec;
}

std::optional<Unexpected<protocol::Problem>> checkTimes(const EventSpec& spec) {
    if (spec.doorsAt && *spec.doorsAt > spec.startsAt) {
        return badInput("doors_at", "doors open before the event starts");
    }
    if (spec.saleStartsAt > spec.startsAt) {
        return badInput("sale_starts_at", "the sale starts before the event does");
    }
    return std::nullopt;
}

} // namespace

protocol::EventAdminView adminViewOf(const storage::EventRecord& record) {
    protocol::EventAdminView view;
    view.id = std::to_string(record.id);
    view.status = record.status;
    view.revision = record.revision;
    view.venueId = record.venueId;
    view.layoutVersion = record.layoutVersion;
    view.name = record.name;
    view.description = record.description;
    view.category = record.category;
    view.startsAt = record.startsAt;
    view.doorsAt = record.doorsAt;
    view.saleStartsAt = record.saleStartsAt;
    view.saleEndsAt = record.saleEndsAt;
    view.holdTtlSeconds = record.holdTtlSeconds;
    view.maxPerOrder = record.maxTicketsPerOrder;
    view.maxPerCustomer = record.maxTicketsPerCustomer;
    view.prices = record.priceTable;
    return view;
}

Outcome<storage::EventRecord> EventAdmin::find(std::string_view eventId) {
    const auto id = EventCatalog::parseEventId(eventId);
    std::optional<storage::EventRecord> record = id ? m_catalog.findEvent(*id) : std::nullopt;
    if (!record) {
        return fail(ProblemKind::NotFound, "no event with this id");
    }
    return std::move(*record);
}

Outcome<protocol::EventAdminList> EventAdmin::list(const Caller& caller) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    protocol::EventAdminList list;
    for (const storage::EventRecord& record : m_admin.listEvents()) {
        list.events.push_back(adminViewOf(record));
    }
    return list;
}

Outcome<Tagged<protocol::EventAdminView>> EventAdmin::event(const Caller& caller, std::string_view eventId) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    auto record = find(eventId);
    if (!record) {
        return unexpected(record.error());
    }
    return Tagged<protocol::EventAdminView>{adminViewOf(*record), entityTag('r', record->revision)};
}

Outcome<Tagged<protocol::EventAdminView>> EventAdmin::create(const Caller& caller,
                                                             const protocol::EventInput& input) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    json::DecodeErrors missing;
    const auto require = [&](const char* name, bool present) {
        if (!present) {
            missing.push_back({name, "missing required field"});
        }
    };
    require("name", input.name.has_value());
    require("category", input.category.has_value());
    require("venue_id", input.venueId.has_value());
    require("layout_version", input.layoutVersion.has_value());
    require("starts_at", input.startsAt.has_value());
    require("sale_starts_at", input.saleStartsAt.has_value());
    require("sale_ends_at", input.saleEndsAt.has_value());
    require("prices", input.prices.has_value());
    if (!missing.empty()) {
        return unexpected(protocol::validationProblem(std::move(missing)));
    }
    const auto layoutRow = m_admin.layout(*input.venueId, static_cast<int>(*input.layoutVersion));
    if (!layoutRow) {
        return badInput("layout_version", "the venue has no such layout version");
    }
    auto venueLayout = layout::layoutFromJsonValue(layoutRow->layout);
    auto prices = pricesOf(*input.prices);
    if (!prices) {
        return unexpected(prices.error());
    }
    storage::EventRecord defaults;
    defaults.status = protocol::EventStatus::Draft;
    const EventSpec spec = specOf(defaults, input);
    if (auto bad = checkTimes(spec)) {
        return *bad;
    }
    auto planned =
        EventSetup::planEvent(*input.venueId, layoutRow->version, venueLayout.value(), *prices, spec);
    if (!planned) {
        return badInput(planned.error().path, planned.error().message);
    }
    const storage::EventId id = m_catalog.createEvent(planned.value());
    return event(caller, std::to_string(id));
}

Outcome<Tagged<protocol::EventAdminView>> EventAdmin::update(const Caller& caller, std::string_view eventId,
                                                             const std::optional<std::string>& ifMatch,
                                                             const protocol::EventInput& input) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    auto current = find(eventId);
    if (!current) {
        return unexpected(current.error());
    }
    const auto expected = expectedRevision(ifMatch, 'r', current->revision);
    if (!expected) {
        return unexpected(expected.error());
    }
    if (input.venueId && *input.venueId != current->venueId) {
        return badInput("venue_id", "an event stays at its venue; cancel it and create another");
    }
    if (current->status == protocol::EventStatus::Cancelled) {
        return fail(ProblemKind::NotOnSale, "the event is cancelled");
    }
    const int layoutVersion = static_cast<int>(input.layoutVersion.value_or(current->layoutVersion));
    boost::json::value layoutJson = current->layout;
    if (layoutVersion != current->layoutVersion) {
        auto row = m_admin.layout(current->venueId, layoutVersion);
        if (!row) {
            return badInput("layout_version", "the venue has no such layout version");
        }
        layoutJson = std::move(row->layout);
    }
    auto venueLayout = layout::layoutFromJsonValue(layoutJson);
    auto prices = pricesOf(input.prices.value_or(current->priceTable));
    if (!prices) {
        return unexpected(prices.error());
    }
    const EventSpec spec = specOf(*current, input);
    if (auto bad = checkTimes(spec)) {
        return *bad;
    }
    auto planned = EventSetup::planEvent(current->venueId, layoutVersion, venueLayout.value(), *prices, spec);
    if (!planned) {
        return badInput(planned.error().path, planned.error().message);
    }
    storage::NewEvent& plan = planned.value();
    const std::string oldCurrency = current->priceTable.at("currency").as_string().c_str();
    if (plan.currency != oldCurrency && !m_admin.refundableOrders(current->id).empty()) {
        return badInput("prices.currency", "tickets were sold in " + oldCurrency + "; the currency stays");
    }
    storage::EventChange change;
    change.record = plan.event;
    change.record.id = current->id;
    change.expectedRevision = *expected;
    change.currency = plan.currency;
    change.minPrice = plan.minPrice;
    change.maxPrice = plan.maxPrice;
    if (layoutVersion != current->layoutVersion) {
        change.layout =
            storage::EventChange::NewLayout{layoutVersion, std::move(plan.seats), std::move(plan.gaAreas)};
    }
    const auto written = m_admin.updateEvent(change, caller.id);
    m_events.forget(current->id);
    if (!written) {
        const storage::EventChangeRefused& refused = written.error();
        if (refused.outcome == storage::RevisionOutcome::NotFound) {
            return fail(ProblemKind::NotFound, "no event with this id");
        }
        if (refused.outcome == storage::RevisionOutcome::Stale) {
            return fail(ProblemKind::PreconditionFailed, "someone else changed the event meanwhile");
        }
        protocol::Problem problem = protocol::makeProblem(
            ProblemKind::LayoutChangeRefused,
            std::to_string(refused.lostSeats.size()) +
                " sold, held or allotted places are not in layout version " + std::to_string(layoutVersion));
        problem.unavailableSeats = refused.lostSeats;
        return unexpected(std::move(problem));
    }
    if (change.layout) {
        m_listener.inventoryChanged(current->id);
    }
    return event(caller, eventId);
}

Outcome<Tagged<protocol::EventStatusResponse>>
EventAdmin::setStatus(const Caller& caller, std::string_view eventId,
                      const std::optional<std::string>& ifMatch,
                      const protocol::EventStatusRequest& request) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    auto current = find(eventId);
    if (!current) {
        return unexpected(current.error());
    }
    const auto expected = expectedRevision(ifMatch, 'r', current->revision);
    if (!expected) {
        return unexpected(expected.error());
    }
    const bool cancelling = request.status == protocol::EventStatus::Cancelled;
    if (cancelling && request.reason.empty()) {
        return badInput("reason", "say why the event is cancelled: every refund records it");
    }
    // Cancelling a cancelled event again finishes its refunds (a gateway that timed out, say):
    // each order's refund is idempotent. Nothing else leaves the cancelled status.
    const bool alreadyCancelled = current->status == protocol::EventStatus::Cancelled;
    if (alreadyCancelled && !cancelling) {
        return fail(ProblemKind::NotOnSale, "the event is cancelled; it stays cancelled");
    }
    if (!alreadyCancelled) {
        const storage::RevisedWrite written =
            m_admin.setStatus(current->id, *expected, request.status, request.reason, caller.id);
        m_events.forget(current->id);
        if (written.outcome == storage::RevisionOutcome::NotFound) {
            return fail(ProblemKind::NotFound, "no event with this id");
        }
        if (written.outcome != storage::RevisionOutcome::Written) {
            return fail(ProblemKind::PreconditionFailed, "someone else changed the event meanwhile");
        }
    }
    protocol::EventStatusResponse response;
    if (cancelling) {
        // The status is stored first, so nothing more is sold while the orders are refunded.
        for (const std::string& order : m_admin.refundableOrders(current->id)) {
            auto refunded = m_orders.refundCancelled(caller, order, "event cancelled: " + request.reason);
            if (!refunded) {
                return unexpected(refunded.error());
            }
            ++response.refundedOrders;
        }
    }
    auto view = event(caller, eventId);
    if (!view) {
        return unexpected(view.error());
    }
    response.event = std::move(view->body);
    return Tagged<protocol::EventStatusResponse>{std::move(response), view->etag};
}

} // namespace usher::server::services
