#pragma once

#include "common/json/decoder.h"
#include "common/money/money.h"
#include "common/protocol/codec.h"
#include "common/protocol/orders.h"
#include "common/util/time.h"

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace usher::protocol {

// A clerk's shift at one box-office device (a till with its cash drawer): every box-office payment
// and refund belongs to one. One shift is open per device at a time.

// Body of POST /api/v1/shifts.
struct OpenShiftRequest {
    std::string device; // the device's name, e.g. "Counter 1"
    Money openingFloat; // "opening_float": the cash in the drawer at the start

    bool operator==(const OpenShiftRequest&) const = default;
};

// Body of POST /api/v1/shifts/{id}/close: what the clerk counted. Card totals come from the
// terminal's end-of-day slip and may be left out.
struct CloseShiftRequest {
    Money countedCash;                // "counted_cash"
    std::optional<Money> countedCard; // "counted_card_present"

    bool operator==(const CloseShiftRequest&) const = default;
};

enum class ShiftStatus { Open, Closed };
inline constexpr NameTable<ShiftStatus, 2> kShiftStatusNames{{
    {"open", ShiftStatus::Open},
    {"closed", ShiftStatus::Closed},
}};
std::string_view toString(ShiftStatus status);

// One tender type of a shift. `expected` is what should be there: for cash the opening float plus
// sales minus refunds, for cards sales minus refunds. `counted` and `variance` (counted minus
// expected) once the shift is closed and the clerk counted that tender.
struct TenderTotals {
    PaymentMethod method = PaymentMethod::Cash;
    Money sales;
    Money refunds;
    Money expected;
    std::optional<Money> counted;
    std::optional<Money> variance;

    bool operator==(const TenderTotals&) const = default;
};

struct TicketTypeTotals {
    std::string ticketType; // "ticket_type"
    int sold = 0;
    Money soldAmount; // "sold_amount"
    int refunded = 0;
    Money refundedAmount; // "refunded_amount"

    bool operator==(const TicketTypeTotals&) const = default;
};

// A shift and its figures: the X report while it is open, the Z report once closed.
struct ShiftReport {
    std::string shiftId; // "shift_id"
    std::string device;
    std::string clerkId;   // "clerk_id"
    std::string clerkName; // "clerk_name"
    ShiftStatus status = ShiftStatus::Open;
    Timestamp openedAt;                        // "opened_at"
    std::optional<Timestamp> closedAt;         // "closed_at"
    Money openingFloat;                        // "opening_float"
    int orders = 0;                            // orders sold in the shift
    int refunds = 0;                           // refunds made in the shift
    std::vector<TenderTotals> tenders;         // cash, then card_present: always both
    std::vector<TicketTypeTotals> ticketTypes; // "ticket_types", by name

    bool operator==(const ShiftReport&) const = default;
};

// Every tender a shift reports on, in report order.
inline constexpr std::array<PaymentMethod, 2> kShiftTenders{PaymentMethod::Cash, PaymentMethod::CardPresent};

boost::json::value toJson(const OpenShiftRequest& request);
boost::json::value toJson(const CloseShiftRequest& request);
boost::json::value toJson(const TenderTotals& totals);
boost::json::value toJson(const TicketTypeTotals& totals);
boost::json::value toJson(const ShiftReport& report);

void decode(json::Decoder& d, const boost::json::value& v, OpenShiftRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, CloseShiftRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, TenderTotals& out);
void decode(json::Decoder& d, const boost::json::value& v, TicketTypeTotals& out);
void decode(json::Decoder& d, const boost::json::value& v, ShiftReport& out);

} // namespace usher::protocol
