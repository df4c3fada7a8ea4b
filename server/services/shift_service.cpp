#include "server/services/shift_service.h"

#include "common/protocol/codec.h"
#include "common/util/text.h"
#include "server/security/random_tokens.h"

namespace usher::server::services {

namespace {

using protocol::ProblemKind;

Unexpected<protocol::Problem> badField(std::string path, std::string message) {
    return unexpected(protocol::validationProblem({{std::move(path), std::move(message)}}));
}

Unexpected<protocol::Problem> staffOnly() {
    return fail(ProblemKind::Forbidden, "shifts are for box-office staff");
}

} // namespace

protocol::ShiftReport ShiftService::reportOf(const storage::StoredShift& shift) {
    const storage::ShiftFigures figures = m_shifts.figures(shift.id);
    const Currency currency = shift.openingFloat.currency;
    protocol::ShiftReport report;
    report.shiftId = shift.id;
    report.device = shift.device;
    report.clerkId = std::to_string(shift.user);
    report.clerkName = shift.clerkName;
    report.status = shift.isOpen() ? protocol::ShiftStatus::Open : protocol::ShiftStatus::Closed;
    report.openedAt = shift.openedAt;
    report.closedAt = shift.closedAt;
    report.openingFloat = shift.openingFloat;
    report.orders = figures.orders;
    report.refunds = figures.refunds;
    for (const protocol::PaymentMethod method : protocol::kShiftTenders) {
        const auto found = figures.tenders.find(method);
        const storage::ShiftFigures::Tender tender =
            found == figures.tenders.end() ? storage::ShiftFigures::Tender{} : found->second;
        protocol::TenderTotals totals;
        totals.method = method;
        totals.sales = Money{tender.sales, currency};
        totals.refunds = Money{tender.refunds, currency};
        const std::int64_t start = method == protocol::PaymentMethod::Cash ? shift.openingFloat.amount : 0;
        totals.expected = Money{start + tender.sales - tender.refunds, currency};
        const std::optional<std::int64_t> counted =
            method == protocol::PaymentMethod::Cash ? shift.countedCash : shift.countedCard;
        if (counted) {
            totals.counted = Money{*counted, currency};
            totals.variance = Money{*counted - totals.expected.amount, currency};
        }
        report.tenders.push_back(totals);
    }
    for (const auto& [type, figure] : figures.ticketTypes) {
        report.ticketTypes.push_back({type, figure.sold, Money{figure.soldAmount, currency}, figure.refunded,
                                      Money{figure.refundedAmount, currency}});
    }
    return report;
}

Outcome<protocol::ShiftReport> ShiftService::open(const Caller& caller,
                                                  const protocol::OpenShiftRequest& request) {
    if (!caller.isStaff()) {
        return staffOnly();
    }
    auto opened = m_shifts.openShift({security::newUuid(), request.device, caller.id, request.openingFloat});
    if (!opened) {
        return fail(ProblemKind::ShiftAlreadyOpen,
                    "\"" + request.device + "\" has an open shift; close it before opening another");
    }
    return reportOf(*opened);
}

Outcome<protocol::ShiftReport> ShiftService::current(const Caller& caller, std::string_view device) {
    if (!caller.isStaff()) {
        return staffOnly();
    }
    const auto shift = m_shifts.openShiftOfDevice(device);
    if (!shift) {
        return fail(ProblemKind::NotFound, "no open shift at \"" + std::string(device) + "\"");
    }
    return reportOf(*shift);
}

Outcome<storage::StoredShift> ShiftService::visibleShift(const Caller& caller, std::string_view shiftId) {
    if (!caller.isStaff()) {
        return staffOnly();
    }
    auto shift = m_shifts.findShift(shiftId);
    if (!shift || (caller.role != protocol::Role::Admin && shift->user != caller.id)) {
        return fail(ProblemKind::NotFound, "no shift of yours with this id");
    }
    return *shift;
}

Outcome<protocol::ShiftReport> ShiftService::report(const Caller& caller, std::string_view shiftId) {
    auto shift = visibleShift(caller, shiftId);
    if (!shift) {
        return unexpected(shift.error());
    }
    return reportOf(*shift);
}

Outcome<protocol::ShiftReport> ShiftService::close(const Caller& caller, std::string_view shiftId,
                                                   const protocol::CloseShiftRequest& request) {
    auto shift = visibleShift(caller, shiftId);
    if (!shift) {
        return unexpected(shift.error());
    }
    const Currency currency = shift->openingFloat.currency;
    json::DecodeErrors errors;
    if (request.countedCash.currency != currency) {
        errors.push_back(
            {"counted_cash", "must be in " + std::string(currency.code()) + ", the shift's currency"});
    }
    if (request.countedCard && request.countedCard->currency != currency) {
        errors.push_back({"counted_card_present",
                          "must be in " + std::string(currency.code()) + ", the shift's currency"});
    }
    if (!errors.empty()) {
        return unexpected(protocol::validationProblem(std::move(errors)));
    }
    const std::optional<std::int64_t> card =
        request.countedCard ? std::optional(request.countedCard->amount) : std::nullopt;
    const auto closed = m_shifts.closeShift(shift->id, {request.countedCash.amount, card, caller.id});
    if (!closed) {
        return fail(ProblemKind::ShiftNotOpen, "the shift is closed already");
    }
    return reportOf(*closed);
}

Outcome<storage::StoredShift> ShiftService::shiftForPayment(const Caller& caller,
                                                            const std::optional<std::string>& shiftId,
                                                            Currency currency, std::string_view path) {
    if (!shiftId) {
        return fail(ProblemKind::ShiftNotOpen,
                    "box-office payments need the clerk's open shift: open one first");
    }
    const auto shift = m_shifts.findShift(*shiftId);
    if (!shift || shift->user != caller.id || !shift->isOpen()) {
        return fail(ProblemKind::ShiftNotOpen, "the shift is not an open shift of yours");
    }
    if (shift->openingFloat.currency != currency) {
        return badField(std::string(path), "the shift counts " +
                                               std::string(shift->openingFloat.currency.code()) +
                                               ", this payment is in " + std::string(currency.code()));
    }
    return *shift;
}

} // namespace usher::server::services
