#include "server/services/order_service.h"

#include "common/json/decoder.h"
#include "common/money/money.h"
#include "common/pricing/tenders.h"
#include "common/protocol/codec.h"
#include "common/util/text.h"
#include "server/security/random_tokens.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace usher::server::services {

namespace {

using protocol::PaymentMethod;
using protocol::ProblemKind;

Unexpected<protocol::Problem> badField(std::string path, std::string message) {
    return unexpected(protocol::validationProblem({{std::move(path), std::move(message)}}));
}

Unexpected<protocol::Problem> inFlight() {
    protocol::Problem problem = protocol::makeProblem(
        ProblemKind::RequestInFlight, "a request with this Idempotency-Key is still being processed");
    problem.retryAfter = 1;
    return unexpected(std::move(problem));
}

// The API answers 400 for a missing key too; the service does not rely on it.
std::optional<Unexpected<protocol::Problem>> checkKey(std::string_view key) {
    if (key.empty()) {
        return fail(ProblemKind::IdempotencyKeyMissing, "an Idempotency-Key is required");
    }
    if (key.size() > protocol::kMaxIdempotencyKeyLength || protocol::hasControlCharacters(key)) {
        return badField("Idempotency-Key", "must be 1 to " +
                                               std::to_string(protocol::kMaxIdempotencyKeyLength) +
                                               " characters without control characters");
    }
    return std::nullopt;
}

// Over the scope and the canonical body: protocol JSON has a fixed member order and ticket_types
// is an ordered map, so equal requests serialise to equal bytes.
std::string requestHash(const std::string& scope, const boost::json::value& body) {
    return security::hashToken(scope + "\n" + boost::json::serialize(body));
}

template <typename T>
T decodeStored(const std::string& text) {
    T out;
    json::Decoder decoder;
    protocol::decode(decoder, boost::json::parse(text), out);
    if (!decoder.ok()) {
        throw std::runtime_error("a stored idempotent response does not decode: " +
                                 decoder.errors().front().toString());
    }
    return out;
}

// One ticket to issue: a seat, or one place of a GA area.
struct PricedTicket {
    std::optional<std::string> seat;
    std::optional<std::string> gaArea;
    std::string ticketType;
    std::string category;
};

struct PricedHold {
    std::vector<PricedTicket> tickets;
    std::vector<std::int64_t> prices;
    Money total;
};

// Ticket types per line (named, or the event's default), priced from the event's table. Every
// problem is reported with its path, all at once.
Outcome<PricedHold> priceHold(const EventModel& event, const storage::StoredHold& hold,
                              const std::map<std::string, std::string>& ticketTypes) {
    json::DecodeErrors errors;
    PricedHold priced;
    std::set<std::string> lines;
    auto typeFor = [&](const std::string& line, const std::string& category) {
        lines.insert(line);
        const auto named = ticketTypes.find(line);
        const std::string& type = named == ticketTypes.end() ? event.defaultTicketType() : named->second;
        const std::string path = "ticket_types." + line;
        if (event.prices.findTicketType(type) == nullptr) {
            errors.push_back({path, "unknown ticket type \"" + type + "\""});
        } else if (!event.prices.price(category, type)) {
            errors.push_back(
                {path, named == ticketTypes.end()
                           ? "choose a ticket type: the default \"" + type +
                                 "\" has no price in category \"" + category + "\""
                           : "ticket type \"" + type + "\" has no price in category \"" + category + "\""});
        }
        return type;
    };
    for (const auto& seat : hold.seats) {
        priced.tickets.push_back({seat.id, std::nullopt, typeFor(seat.id, seat.category), seat.category});
    }
    for (const auto& line : hold.ga) {
        const layout::GaArea* area = event.findGaArea(line.area);
        if (area == nullptr) {
            throw std::runtime_error("hold " + hold.id + " has GA area " + line.area +
                                     " that its event lacks");
        }
        const std::string type = typeFor(line.area, area->category);
        for (int place = 0; place < line.quantity; ++place) {
            priced.tickets.push_back({std::nullopt, line.area, type, area->category});
        }
    }
    for (const auto& [line, type] : ticketTypes) {
        if (!lines.contains(line)) {
            errors.push_back({"ticket_types." + line, "not a seat or GA area of this hold"});
        }
    }
    if (!errors.empty()) {
        return unexpected(protocol::validationProblem(std::move(errors)));
    }
    std::vector<PriceLine> priceLines;
    for (const auto& ticket : priced.tickets) {
        priceLines.push_back({ticket.category, ticket.ticketType});
        priced.prices.push_back(event.prices.price(ticket.category, ticket.ticketType)->amount);
    }
    auto total = event.prices.total(priceLines);
    if (!total) {
        return badField("ticket_types",
                        "the order total cannot be computed: " + std::string(toString(total.error())));
    }
    priced.total = *total;
    return priced;
}

std::optional<std::string> trimmedOrNull(const std::optional<std::string>& text) {
    if (!text) {
        return std::nullopt;
    }
    std::string trimmed(trim(*text));
    return trimmed.empty() ? std::nullopt : std::optional(std::move(trimmed));
}

const storage::PaymentRecord* findPayment(const storage::StoredOrder& order, PaymentMethod method) {
    const auto found =
        std::find_if(order.payments.begin(), order.payments.end(),
                     [&](const storage::PaymentRecord& payment) { return payment.method == method; });
    return found == order.payments.end() ? nullptr : &*found;
}

std::vector<protocol::PaymentLine> paymentLines(const std::vector<storage::PaymentRecord>& payments,
                                                Currency currency) {
    std::vector<protocol::PaymentLine> lines;
    for (const auto& payment : payments) {
        protocol::PaymentLine line{payment.method, Money{payment.amount, currency}, std::nullopt,
                                   payment.reference};
        if (payment.tendered) {
            line.tendered = Money{*payment.tendered, currency};
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

protocol::RefundResponse toRefundResponse(const storage::StoredRefund& refund) {
    return {refund.id, refund.orderId, refund.amount, refund.tickets,
            paymentLines(refund.payments, refund.amount.currency)};
}

Unexpected<protocol::Problem> commitProblem(storage::CommitError error) {
    switch (error) {
    case storage::CommitError::HoldGone:
        return fail(ProblemKind::HoldExpired,
                    "the hold expired or was released before it could be committed");
    case storage::CommitError::HoldCommitted:
        return fail(ProblemKind::NotFound, "the hold was already committed as an order");
    case storage::CommitError::ClaimLost:
        return inFlight();
    case storage::CommitError::ShiftClosed:
        return fail(ProblemKind::ShiftNotOpen, "the shift was closed before the sale was recorded");
    }
    return fail(ProblemKind::Internal);
}

std::string refundReference(const std::string& refundId) {
    return "usher-refund-" + refundId;
}

} // namespace

protocol::OrderResponse toOrderResponse(const storage::StoredOrder& order) {
    protocol::OrderResponse response;
    response.orderId = order.id;
    response.number = order.number;
    response.eventId = std::to_string(order.eventId);
    response.status = order.status;
    response.total = order.total;
    response.change = order.change;
    response.createdAt = order.createdAt;
    response.payments = paymentLines(order.payments, order.total.currency);
    response.customerName = order.customerName;
    response.customerEmail = order.customerEmail;
    for (const auto& ticket : order.tickets) {
        response.tickets.push_back({ticket.id, ticket.code, ticket.seat, ticket.gaArea, ticket.ticketType,
                                    ticket.price, ticket.status, ticket.signature});
    }
    return response;
}

security::TicketFields ticketFields(const protocol::Ticket& ticket, std::string_view eventId,
                                    std::string_view orderId) {
    return {ticket.id,   ticket.code,   std::string(eventId), std::string(orderId),
            ticket.seat, ticket.gaArea, ticket.ticketType};
}

OrderService::OrderService(storage::OrderRepository& orders, storage::InventoryRepository& inventory,
                           EventCatalog& events, PaymentGateway& gateway,
                           const security::TicketSigner& signer, InventoryListener& listener,
                           ShiftService& shifts, OrderPolicy policy)
    : m_orders(orders), m_inventory(inventory), m_events(events), m_gateway(gateway), m_signer(signer),
      m_listener(listener), m_shifts(shifts), m_policy(policy),
      m_commitBatches([&orders](storage::EventId event, std::span<const storage::OrderPlan> plans) {
          return orders.commitOrders(event, plans);
      }) {}

void OrderService::releaseQuietly(const storage::ClaimToken& claim) noexcept {
    try {
        m_orders.releaseIdempotencyKey(claim);
    } catch (...) {
        // The database is the reason we are failing already; the claim goes stale and is taken
        // over by the client's retry after OrderPolicy::staleClaimAfter.
    }
}

Outcome<CommitResult> OrderService::commit(const Caller& caller, std::string_view holdId,
                                           std::string_view idempotencyKey,
                                           const protocol::CommitRequest& request) {
    if (auto bad = checkKey(idempotencyKey)) {
        return *bad;
    }
    if (!isUuid(holdId)) {
        return fail(ProblemKind::NotFound, "no hold with this id");
    }
    const std::string id = asciiLowercase(holdId);
    const std::string scope = "commit:" + id;
    const storage::IdempotencyRequest idempotency{caller.id, std::string(idempotencyKey), scope,
                                                  requestHash(scope, protocol::toJson(request))};
    const storage::IdempotencyClaim claim =
        m_orders.claimIdempotencyKey(idempotency, m_policy.staleClaimAfter);
    switch (claim.status) {
    case storage::ClaimStatus::Replay:
        return CommitResult{decodeStored<protocol::OrderResponse>(claim.response), true};
    case storage::ClaimStatus::InFlight:
        return inFlight();
    case storage::ClaimStatus::Mismatch:
        return fail(ProblemKind::IdempotencyKeyReused,
                    "this Idempotency-Key was used for another request; use a new key for a new request");
    case storage::ClaimStatus::Claimed:
        break;
    }
    // The gateway's idempotency key: a retry with the same key and body charges under the same
    // reference, so a charge whose answer was lost is found instead of repeated.
    const std::string paymentReference =
        "usher-" + security::hashToken(std::to_string(caller.id) + "\n" + idempotency.key + "\n" +
                                       idempotency.requestHash)
                       .substr(0, 40);
    Outcome<CommitResult> result = [&]() -> Outcome<CommitResult> {
        try {
            return commitClaimed(caller, id, request, claim.token, paymentReference);
        } catch (...) {
            releaseQuietly(claim.token);
            throw;
        }
    }();
    if (!result) {
        // Only a success is stored; after a failure the client may retry with the same key.
        releaseQuietly(claim.token);
    }
    return result;
}

Outcome<CommitResult> OrderService::commitClaimed(const Caller& caller, const std::string& holdId,
                                                  const protocol::CommitRequest& request,
                                                  const storage::ClaimToken& claim,
                                                  const std::string& paymentReference) {
    const std::optional<storage::StoredHold> hold = m_inventory.findHold(holdId);
    if (!hold || !caller.mayAccess(hold->user)) {
        return fail(ProblemKind::NotFound, "no hold with this id");
    }
    if (hold->state == storage::HoldState::Committed) {
        // A replay under the key that committed it was answered before; to anyone else the hold
        // no longer exists as a hold.
        return fail(ProblemKind::NotFound, "the hold was already committed as an order");
    }
    if (hold->state != storage::HoldState::Active || hold->expired) {
        return fail(ProblemKind::HoldExpired, hold->state == storage::HoldState::Released
                                                  ? "the hold was released"
                                                  : "the hold has expired");
    }
    const bool boxOfficeTender =
        std::any_of(request.payments.begin(), request.payments.end(), [](const protocol::Payment& payment) {
            return protocol::methodOf(payment) != PaymentMethod::TestCard;
        });
    if (boxOfficeTender && !caller.isStaff()) {
        return fail(ProblemKind::Forbidden, "cash and card_present are box-office tenders");
    }
    if (!boxOfficeTender) {
        json::DecodeErrors errors;
        for (const auto& [path, given] : {std::pair{"shift_id", request.shiftId.has_value()},
                                          {"customer_name", request.customerName.has_value()},
                                          {"customer_email", request.customerEmail.has_value()}}) {
            if (given) {
                errors.push_back({path, "only for box-office tenders (cash, card_present)"});
            }
        }
        if (!errors.empty()) {
            return unexpected(protocol::validationProblem(std::move(errors)));
        }
    }
    const std::shared_ptr<const EventModel> event = m_events.find(hold->eventId);
    if (!event) {
        return fail(ProblemKind::NotFound, "no hold with this id");
    }
    auto priced = priceHold(*event, *hold, request.ticketTypes);
    if (!priced) {
        return unexpected(priced.error());
    }
    const Money total = priced->total;
    auto tenders = planTenders(request.payments, total);
    if (!tenders) {
        return unexpected(protocol::validationProblem(std::move(tenders.error())));
    }

    storage::OrderPlan plan;
    if (boxOfficeTender) {
        auto shift = m_shifts.shiftForPayment(caller, request.shiftId, total.currency, "shift_id");
        if (!shift) {
            return unexpected(shift.error());
        }
        plan.shiftId = shift->id;
        plan.customerName = trimmedOrNull(request.customerName);
        plan.customerEmail = trimmedOrNull(request.customerEmail);
    }
    plan.orderId = security::newUuid();
    plan.holdId = holdId;
    plan.eventId = hold->eventId;
    plan.actor = caller.id;
    plan.channel = caller.isStaff() ? storage::Channel::BoxOffice : storage::Channel::Online;
    plan.total = total;
    plan.payments = std::move(tenders->lines);
    plan.changeDue = tenders->change;
    plan.claim = claim;
    plan.response = [](const storage::StoredOrder& order) {
        return boost::json::serialize(protocol::toJson(toOrderResponse(order)));
    };

    const std::string eventId = event->wireId();
    for (std::size_t i = 0; i < priced->tickets.size(); ++i) {
        const PricedTicket& line = priced->tickets[i];
        storage::NewTicket ticket;
        ticket.id = security::newUuid();
        ticket.seat = line.seat;
        ticket.gaArea = line.gaArea;
        ticket.ticketType = line.ticketType;
        ticket.price = priced->prices[i];
        ticket.code = security::newTicketCode();
        ticket.signature = m_signer.sign(
            {ticket.id, ticket.code, eventId, plan.orderId, ticket.seat, ticket.gaArea, ticket.ticketType});
        plan.tickets.push_back(std::move(ticket));
    }

    // The card is charged outside any transaction and before the inventory is touched: a decline
    // or timeout leaves the hold exactly as it was.
    std::optional<std::string> chargeId;
    if (const auto* card = std::get_if<protocol::TestCardPayment>(&request.payments.front());
        card && total.amount > 0) {
        const ChargeOutcome charged = m_gateway.charge({paymentReference, total, card->token});
        if (const auto* declined = std::get_if<ChargeDeclined>(&charged)) {
            return fail(ProblemKind::PaymentDeclined, "the card was declined: " + declined->reason);
        }
        if (std::holds_alternative<ChargeTimedOut>(charged)) {
            return fail(ProblemKind::PaymentTimeout,
                        "the payment provider did not answer in time; retry with the same Idempotency-Key");
        }
        chargeId = std::get<ChargeApproved>(charged).chargeId;
        plan.payments.front().reference = chargeId;
    }

    auto committed = m_commitBatches.submit(plan.eventId, plan);
    if (!committed) {
        // The hold went (or became another order) while the card was charged: give the money
        // back. After ClaimLost the attempt that took the key over owns the same charge.
        if (chargeId && committed.error() != storage::CommitError::ClaimLost) {
            (void)m_gateway.refund(*chargeId, total, "usher-void-" + paymentReference);
        }
        return commitProblem(committed.error());
    }
    m_listener.inventoryChanged(hold->eventId);
    return CommitResult{toOrderResponse(*committed), false};
}

Outcome<protocol::OrderResponse> OrderService::order(const Caller& caller, std::string_view orderId) {
    const std::optional<storage::StoredOrder> order =
        isUuid(orderId) ? m_orders.findOrder(asciiLowercase(orderId)) : std::nullopt;
    if (!order || !caller.mayAccess(order->user)) {
        return fail(ProblemKind::NotFound, "no order with this id");
    }
    return toOrderResponse(*order);
}

Outcome<protocol::RefundResponse> OrderService::refund(const Caller& caller, std::string_view orderId,
                                                       std::string_view idempotencyKey,
                                                       const protocol::RefundRequest& request) {
    if (auto bad = checkKey(idempotencyKey)) {
        return *bad;
    }
    const std::optional<storage::StoredOrder> order =
        isUuid(orderId) ? m_orders.findOrder(asciiLowercase(orderId)) : std::nullopt;
    if (!order || !caller.mayAccess(order->user)) {
        return fail(ProblemKind::NotFound, "no order with this id");
    }
    if (!caller.isStaff()) {
        return fail(ProblemKind::Forbidden, "refunds are made by the box office");
    }
    if (request.reason.empty() || request.reason.size() > protocol::kMaxReasonLength ||
        protocol::hasControlCharacters(request.reason)) {
        return badField("reason", "must be 1 to " + std::to_string(protocol::kMaxReasonLength) +
                                      " characters without control characters");
    }
    std::set<std::string> named;
    for (std::size_t i = 0; i < request.tickets.size(); ++i) {
        if (!named.insert(asciiLowercase(request.tickets[i])).second) {
            return badField("tickets[" + std::to_string(i) + "]", "duplicate ticket id");
        }
    }

    // Money that came in through a shift goes out through one: the refunding clerk's.
    std::optional<std::string> shiftId;
    if (findPayment(*order, PaymentMethod::Cash) || findPayment(*order, PaymentMethod::CardPresent)) {
        auto shift = m_shifts.shiftForPayment(caller, request.shiftId, order->total.currency, "shift_id");
        if (!shift) {
            return unexpected(shift.error());
        }
        shiftId = shift->id;
    }

    return refundOnce(caller, *order, idempotencyKey, request, shiftId);
}

Outcome<protocol::RefundResponse>
OrderService::refundCancelled(const Caller& caller, std::string_view orderId, const std::string& reason) {
    const std::optional<storage::StoredOrder> order =
        isUuid(orderId) ? m_orders.findOrder(asciiLowercase(orderId)) : std::nullopt;
    if (!order) {
        return fail(ProblemKind::NotFound, "no order with this id");
    }
    // One key per order: running the cancellation again replays each refund instead of repeating it.
    const protocol::RefundRequest request{reason, {}, std::nullopt};
    return refundOnce(caller, *order, "event-cancelled:" + order->id, request, std::nullopt);
}

Outcome<protocol::RefundResponse> OrderService::refundOnce(const Caller& caller,
                                                           const storage::StoredOrder& order,
                                                           std::string_view idempotencyKey,
                                                           const protocol::RefundRequest& request,
                                                           const std::optional<std::string>& shiftId) {
    const std::string scope = "refund:" + order.id;
    const storage::IdempotencyRequest idempotency{caller.id, std::string(idempotencyKey), scope,
                                                  requestHash(scope, protocol::toJson(request))};
    const storage::IdempotencyClaim claim =
        m_orders.claimIdempotencyKey(idempotency, m_policy.staleClaimAfter);
    switch (claim.status) {
    case storage::ClaimStatus::Replay: {
        auto stored = decodeStored<protocol::RefundResponse>(claim.response);
        // The money may not have gone back yet (the gateway timed out last time): settle again,
        // which the gateway's idempotent reference makes safe.
        if (auto settled = settleGatewayRefund(order, stored); !settled) {
            return unexpected(settled.error());
        }
        return stored;
    }
    case storage::ClaimStatus::InFlight:
        return inFlight();
    case storage::ClaimStatus::Mismatch:
        return fail(ProblemKind::IdempotencyKeyReused,
                    "this Idempotency-Key was used for another request; use a new key for a new request");
    case storage::ClaimStatus::Claimed:
        break;
    }
    Outcome<protocol::RefundResponse> result = [&]() -> Outcome<protocol::RefundResponse> {
        try {
            return refundClaimed(caller, order, request, shiftId, claim.token);
        } catch (...) {
            releaseQuietly(claim.token);
            throw;
        }
    }();
    if (!result) {
        releaseQuietly(claim.token);
        return result;
    }
    // The refund is stored (and the key answered) before the gateway is asked: the database
    // decides what may be refunded, under the event lock, so concurrent refunds can never return
    // the same money twice; the gateway call is idempotent and is repeated on a replay until it
    // is confirmed.
    if (auto settled = settleGatewayRefund(order, *result); !settled) {
        return unexpected(settled.error());
    }
    return result;
}

Outcome<protocol::RefundResponse> OrderService::refundClaimed(const Caller& caller,
                                                              const storage::StoredOrder& order,
                                                              const protocol::RefundRequest& request,
                                                              const std::optional<std::string>& shiftId,
                                                              const storage::ClaimToken& claim) {
    storage::RefundPlan plan;
    plan.refundId = security::newUuid();
    plan.orderId = order.id;
    plan.actor = caller.id;
    plan.reason = request.reason;
    plan.tickets = request.tickets;
    plan.shiftId = shiftId;
    plan.claim = claim;
    if (findPayment(order, PaymentMethod::TestCard)) {
        plan.paymentReference = refundReference(plan.refundId);
    }
    plan.response = [](const storage::StoredRefund& refund) {
        return boost::json::serialize(protocol::toJson(toRefundResponse(refund)));
    };
    auto refunded = m_orders.refundOrder(plan);
    if (!refunded) {
        const storage::RefundRefused& refused = refunded.error();
        const std::string path = "tickets[" + std::to_string(refused.ticketIndex) + "]";
        switch (refused.error) {
        case storage::RefundError::OrderNotFound:
            return fail(ProblemKind::NotFound, "no order with this id");
        case storage::RefundError::UnknownTicket:
            return badField(path, "not a ticket of this order");
        case storage::RefundError::NotRefundable:
            return fail(ProblemKind::NotRefundable,
                        path + " is already refunded or checked in (or named twice)");
        case storage::RefundError::NothingToRefund:
            return fail(ProblemKind::NotRefundable, "the order has no ticket left to refund");
        case storage::RefundError::ClaimLost:
            return inFlight();
        case storage::RefundError::ShiftClosed:
            return fail(ProblemKind::ShiftNotOpen, "the shift was closed before the refund was recorded");
        }
        return fail(ProblemKind::Internal);
    }
    m_listener.inventoryChanged(refunded->eventId);
    return toRefundResponse(*refunded);
}

Outcome<Done> OrderService::settleGatewayRefund(const storage::StoredOrder& order,
                                                const protocol::RefundResponse& refund) {
    const storage::PaymentRecord* card = findPayment(order, PaymentMethod::TestCard);
    if (card == nullptr || !card->reference || refund.amount.amount == 0) {
        return Done{};
    }
    const RefundOutcome outcome =
        m_gateway.refund(*card->reference, refund.amount, refundReference(refund.refundId));
    if (const auto* declined = std::get_if<RefundDeclined>(&outcome)) {
        return fail(ProblemKind::PaymentDeclined,
                    "the refund is recorded but the payment provider refused to return the money: " +
                        declined->reason);
    }
    if (std::holds_alternative<RefundTimedOut>(outcome)) {
        return fail(ProblemKind::PaymentTimeout, "the refund is recorded but the payment provider did not "
                                                 "confirm in time; retry with the same Idempotency-Key");
    }
    return Done{};
}

Outcome<protocol::OrderSearchResult> OrderService::search(const Caller& caller, std::string_view text,
                                                          std::size_t limit) {
    if (!caller.isStaff()) {
        return fail(ProblemKind::Forbidden, "order search is for box-office staff");
    }
    const std::string query(trim(text));
    json::DecodeErrors errors;
    if (query.empty() || query.size() > protocol::kMaxCustomerFieldLength ||
        protocol::hasControlCharacters(query)) {
        errors.push_back({"q", "must be 1 to " + std::to_string(protocol::kMaxCustomerFieldLength) +
                                   " characters without control characters"});
    }
    if (limit < 1 || limit > kMaxOrderSearchResults) {
        errors.push_back({"limit", "must be between 1 and " + std::to_string(kMaxOrderSearchResults)});
    }
    if (!errors.empty()) {
        return unexpected(protocol::validationProblem(std::move(errors)));
    }
    return protocol::OrderSearchResult{m_orders.searchOrders(query, limit)};
}

Outcome<protocol::Ticket> OrderService::reissue(const Caller& caller, std::string_view ticketId) {
    if (!caller.isStaff()) {
        return fail(ProblemKind::Forbidden, "tickets are reissued by the box office");
    }
    // A reissue racing another one for the same ticket reads the winner's code and goes again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const std::optional<storage::TicketOfOrder> found = m_orders.findTicket(ticketId);
        if (!found) {
            return fail(ProblemKind::NotFound, "no ticket with this id");
        }
        if (found->ticket.status != protocol::TicketStatus::Valid) {
            return fail(ProblemKind::TicketNotValid,
                        "the ticket is " + std::string(protocol::toString(found->ticket.status)) +
                            "; only valid tickets are reissued");
        }
        storage::ReissuePlan plan;
        plan.ticketId = found->ticket.id;
        plan.oldCode = found->ticket.code;
        plan.newCode = security::newTicketCode();
        plan.actor = caller.id;
        const storage::StoredTicket& ticket = found->ticket;
        plan.newSignature = m_signer.sign({ticket.id, plan.newCode, std::to_string(found->eventId),
                                           found->orderId, ticket.seat, ticket.gaArea, ticket.ticketType});
        auto reissued = m_orders.reissueTicket(plan);
        if (reissued) {
            return protocol::Ticket{reissued->id,     reissued->code,       reissued->seat,
                                    reissued->gaArea, reissued->ticketType, reissued->price,
                                    reissued->status, reissued->signature};
        }
        if (reissued.error() == storage::ReissueError::NotFound) {
            return fail(ProblemKind::NotFound, "no ticket with this id");
        }
        if (reissued.error() == storage::ReissueError::NotValid) {
            return fail(ProblemKind::TicketNotValid, "the ticket is no longer valid");
        }
    }
    return inFlight();
}

} // namespace usher::server::services
