#include "common/protocol/holds.h"

#include "common/money/money_json.h"
#include "common/protocol/codec.h"
#include "common/protocol/time_json.h"

#include <array>
#include <unordered_set>

namespace usher::protocol {

namespace {

constexpr std::size_t kMaxCategories = 20;

void decodeGaLines(json::Decoder& d, const boost::json::value& v, std::vector<GaQuantity>& out) {
    const auto* array = arrayOf(d, v, 1, kMaxTicketsPerRequest);
    if (array == nullptr) {
        return;
    }
    out.resize(array->size());
    std::unordered_set<std::string> seen;
    int total = 0;
    bool complete = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
        auto scope = d.at(i);
        const std::size_t before = d.errorCount();
        decode(d, (*array)[i], out[i]);
        if (d.errorCount() != before) {
            complete = false;
            continue;
        }
        total += out[i].quantity;
        if (!seen.insert(out[i].area).second) {
            auto areaScope = d.at("area");
            d.fail("duplicate area \"" + out[i].area + "\"");
        }
    }
    if (complete && total > kMaxTicketsPerRequest) {
        d.fail("total quantity must be at most " + std::to_string(kMaxTicketsPerRequest));
    }
}

} // namespace

void readFields(json::Decoder& d, json::ObjectReader& fields, HoldRequest& out) {
    static constexpr std::array<std::string_view, 3> kKeys{"seats", "ga", "best_available"};
    std::size_t present = 0;
    for (const std::string_view key : kKeys) {
        present += fields.has(key) ? 1u : 0u;
    }
    if (present != 1 && fields.isObject()) {
        d.fail(present == 0 ? "expected one of \"seats\", \"ga\" or \"best_available\""
                            : "\"seats\", \"ga\" and \"best_available\" are mutually exclusive; send one");
    }
    // Read every one that is present so its own errors are reported too; the first one wins.
    bool chosen = false;
    if (fields.has("seats")) {
        SeatSelection selection;
        fields.required("seats", IdList{selection.seats, 1, kMaxTicketsPerRequest, "seat id"});
        out.selection = std::move(selection);
        chosen = true;
    }
    if (fields.has("ga")) {
        GaSelection selection;
        fields.required("ga", with([&](json::Decoder& dd, const boost::json::value& v) {
                            decodeGaLines(dd, v, selection.areas);
                        }));
        if (!chosen) {
            out.selection = std::move(selection);
            chosen = true;
        }
    }
    if (fields.has("best_available")) {
        BestAvailable selection;
        fields.required("best_available", selection);
        if (!chosen) {
            out.selection = std::move(selection);
        }
    }
}

void writeFields(const HoldRequest& request, boost::json::object& out) {
    if (const auto* seats = std::get_if<SeatSelection>(&request.selection)) {
        out["seats"] = toJsonArray(seats->seats);
    } else if (const auto* ga = std::get_if<GaSelection>(&request.selection)) {
        out["ga"] = toJsonArray(ga->areas);
    } else {
        out["best_available"] = toJson(std::get<BestAvailable>(request.selection));
    }
}

boost::json::value toJson(const HoldRequest& request) {
    boost::json::object out;
    writeFields(request, out);
    return out;
}

boost::json::value toJson(const GaQuantity& line) {
    return boost::json::object{{"area", line.area}, {"quantity", line.quantity}};
}

boost::json::value toJson(const BestAvailable& request) {
    boost::json::object out{{"quantity", request.quantity}};
    if (!request.categories.empty()) {
        out["categories"] = toJsonArray(request.categories);
    }
    if (request.accessible != 0) {
        out["accessible"] = request.accessible;
    }
    return out;
}

boost::json::value toJson(const ExtendHoldRequest& request) {
    boost::json::object out;
    if (request.extendBySeconds) {
        out["extend_by_seconds"] = *request.extendBySeconds;
    }
    return out;
}

boost::json::value toJson(const ChangeHoldSeatsRequest& request) {
    boost::json::object out;
    if (!request.add.empty()) {
        out["add"] = toJsonArray(request.add);
    }
    if (!request.remove.empty()) {
        out["remove"] = toJsonArray(request.remove);
    }
    if (!request.ga.empty()) {
        out["ga"] = toJsonArray(request.ga);
    }
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, ChangeHoldSeatsRequest& out) {
    json::ObjectReader fields(d, v);
    constexpr auto kMax = static_cast<std::size_t>(kMaxTicketsPerRequest);
    fields.optional("add", IdList{out.add, 1, kMax, "seat id"});
    fields.optional("remove", IdList{out.remove, 1, kMax, "seat id"});
    fields.optional("ga", with([&](json::Decoder& dd, const boost::json::value& value) {
                        const auto* lines = arrayOf(dd, value, 1, kMax);
                        if (lines == nullptr) {
                            return;
                        }
                        std::unordered_set<std::string> seen;
                        for (std::size_t i = 0; i < lines->size(); ++i) {
                            auto scope = dd.at(i);
                            GaQuantity line;
                            json::ObjectReader quantity(dd, (*lines)[i]);
                            quantity.required("area", id(line.area));
                            quantity.required("quantity",
                                              json::inRange(line.quantity, 0, kMaxTicketsPerRequest));
                            if (!line.area.empty() && !seen.insert(line.area).second) {
                                auto areaScope = dd.at("area");
                                dd.fail("duplicate area \"" + line.area + "\"");
                            }
                            out.ga.push_back(std::move(line));
                        }
                    }));
    if (fields.isObject() && !fields.has("add") && !fields.has("remove") && !fields.has("ga")) {
        d.fail("expected at least one of \"add\", \"remove\" and \"ga\"");
    }
}

boost::json::value toJson(const HeldSeat& seat) {
    boost::json::object out{{"id", seat.id}};
    if (seat.label) {
        out["label"] = *seat.label;
    }
    out["category"] = seat.category;
    out["price"] = toJson(seat.price);
    return out;
}

boost::json::value toJson(const HeldGa& line) {
    return boost::json::object{
        {"area", line.area}, {"quantity", line.quantity}, {"price", toJson(line.price)}};
}

boost::json::value toJson(const HoldResponse& response) {
    return boost::json::object{{"hold_id", response.holdId},
                               {"event_id", response.eventId},
                               {"expires_at", formatTimestamp(response.expiresAt)},
                               {"seats", toJsonArray(response.seats)},
                               {"ga", toJsonArray(response.ga)},
                               {"total", toJson(response.total)}};
}

void decode(json::Decoder& d, const boost::json::value& v, HoldRequest& out) {
    json::ObjectReader fields(d, v);
    readFields(d, fields, out);
}

void decode(json::Decoder& d, const boost::json::value& v, GaQuantity& out) {
    json::ObjectReader fields(d, v);
    fields.required("area", id(out.area));
    fields.required("quantity", json::inRange(out.quantity, 1, kMaxTicketsPerRequest));
}

void decode(json::Decoder& d, const boost::json::value& v, BestAvailable& out) {
    json::ObjectReader fields(d, v);
    const std::size_t before = d.errorCount();
    fields.required("quantity", json::inRange(out.quantity, 1, kMaxTicketsPerRequest));
    const bool quantityOk = d.errorCount() == before;
    fields.optional("categories", IdList{out.categories, 1, kMaxCategories, "category id"});
    fields.optional("accessible", with([&](json::Decoder& dd, const boost::json::value& value) {
                        const std::size_t errorsBefore = dd.errorCount();
                        decode(dd, value, json::inRange(out.accessible, 0, kMaxTicketsPerRequest));
                        if (dd.errorCount() == errorsBefore && quantityOk && out.accessible > out.quantity) {
                            dd.fail("must not exceed quantity (" + std::to_string(out.quantity) + ")");
                        }
                    }));
}

void decode(json::Decoder& d, const boost::json::value& v, ExtendHoldRequest& out) {
    json::ObjectReader fields(d, v);
    fields.optional("extend_by_seconds", with([&](json::Decoder& dd, const boost::json::value& value) {
                        int seconds = 0;
                        const std::size_t before = dd.errorCount();
                        decode(dd, value, json::inRange(seconds, 1, kMaxExtendSeconds));
                        if (dd.errorCount() == before) {
                            out.extendBySeconds = seconds;
                        }
                    }));
}

void decode(json::Decoder& d, const boost::json::value& v, HeldSeat& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.optional("label", OptionalLine{out.label, 1, 128});
    fields.required("category", id(out.category));
    fields.required("price", out.price);
}

void decode(json::Decoder& d, const boost::json::value& v, HeldGa& out) {
    json::ObjectReader fields(d, v);
    fields.required("area", id(out.area));
    fields.required("quantity", json::inRange(out.quantity, 1, kMaxTicketsPerRequest));
    fields.required("price", out.price);
}

void decode(json::Decoder& d, const boost::json::value& v, HoldResponse& out) {
    json::ObjectReader fields(d, v);
    fields.required("hold_id", id(out.holdId));
    fields.required("event_id", id(out.eventId));
    fields.required("expires_at", Rfc3339{out.expiresAt});
    fields.optional("seats", out.seats);
    fields.optional("ga", out.ga);
    fields.required("total", out.total);
}

} // namespace usher::protocol
