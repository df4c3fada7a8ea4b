#include "common/pricing/price_table_json.h"

#include "common/money/money_json.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <set>
#include <string>
#include <utility>

namespace usher {
namespace {

// Far beyond any real venue (tens of categories x a handful of ticket types); bounds the work an
// untrusted document can cause.
constexpr std::size_t kMaxTicketTypes = 100;
constexpr std::size_t kMaxPrices = 2000;

struct TicketTypesTarget {
    std::vector<TicketType>& out;
};

struct PricesTarget {
    PriceTable& table;
    // Cross-checks against the currency or the ticket types only make sense once those decoded.
    bool currencyKnown;
    bool ticketTypesKnown;
};

void decode(json::Decoder& d, const boost::json::value& v, TicketTypesTarget target) {
    if (const auto* array = v.if_array(); array != nullptr && array->size() > kMaxTicketTypes) {
        d.fail("must have at most " + std::to_string(kMaxTicketTypes) + " ticket types");
        return;
    }
    decode(d, v, target.out);
    for (std::size_t i = 0; i < target.out.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (!target.out[i].id.empty() && target.out[i].id == target.out[j].id) {
                auto index = d.at(i);
                auto field = d.at("id");
                d.fail("duplicate ticket type \"" + target.out[i].id + "\"");
                break;
            }
        }
    }
}

void decode(json::Decoder& d, const boost::json::value& v, PricesTarget target) {
    const auto* array = v.if_array();
    if (array == nullptr) {
        d.fail("expected an array");
        return;
    }
    if (array->size() > kMaxPrices) {
        d.fail("must have at most " + std::to_string(kMaxPrices) + " prices");
        return;
    }
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < array->size() && d.errorCount() < json::Decoder::kMaxErrors; ++i) {
        auto index = d.at(i);
        PriceEntry entry;
        const std::size_t errorsBefore = d.errorCount();
        {
            json::ObjectReader fields(d, (*array)[i]);
            fields.required("category", json::idText(entry.category));
            fields.required("ticket_type", json::idText(entry.ticketType));
            fields.required("price", entry.price);
        }
        if (d.errorCount() != errorsBefore) {
            continue;
        }
        PriceTable& table = target.table;
        if (target.ticketTypesKnown && table.findTicketType(entry.ticketType) == nullptr) {
            auto field = d.at("ticket_type");
            d.fail("unknown ticket type \"" + entry.ticketType + "\"");
            continue;
        }
        if (target.currencyKnown && entry.price.currency != table.currency()) {
            auto price = d.at("price");
            auto field = d.at("currency");
            d.fail("price in " + std::string(entry.price.currency.code()) + ", table in " +
                   std::string(table.currency().code()));
            continue;
        }
        if (entry.price.amount < 0) {
            auto price = d.at("price");
            auto field = d.at("amount");
            d.fail("must not be negative");
            continue;
        }
        if (!seen.emplace(entry.category, entry.ticketType).second) {
            d.fail("duplicate price for category \"" + entry.category + "\" and ticket type \"" +
                   entry.ticketType + "\"");
            continue;
        }
        if (target.currencyKnown && target.ticketTypesKnown) {
            // Every rule setPrice() enforces was checked above with a path, so this cannot fail.
            (void)table.setPrice(entry.category, entry.ticketType, entry.price);
        }
    }
}

} // namespace

boost::json::value toJson(const TicketType& type) {
    return boost::json::object{{"id", type.id}, {"name", type.name}};
}

void decode(json::Decoder& d, const boost::json::value& v, TicketType& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", json::idText(out.id));
    fields.required("name", json::nameText(out.name));
}

boost::json::value toJson(const PriceTable& table) {
    boost::json::array ticketTypes;
    for (const TicketType& type : table.ticketTypes()) {
        ticketTypes.push_back(toJson(type));
    }
    boost::json::array prices;
    for (const PriceEntry& entry : table.prices()) {
        prices.push_back(boost::json::object{
            {"category", entry.category}, {"ticket_type", entry.ticketType}, {"price", toJson(entry.price)}});
    }
    return boost::json::object{{"currency", table.currency().code()},
                               {"ticket_types", std::move(ticketTypes)},
                               {"prices", std::move(prices)}};
}

void decode(json::Decoder& d, const boost::json::value& v, PriceTable& out) {
    json::ObjectReader fields(d, v);
    if (!fields.isObject()) {
        return;
    }

    std::string code;
    std::size_t errorsBefore = d.errorCount();
    fields.required("currency", code);
    std::optional<Currency> currency;
    if (d.errorCount() == errorsBefore) {
        currency = Currency::fromCode(code);
        if (!currency) {
            auto scope = d.at("currency");
            d.fail("unknown ISO 4217 currency \"" + code + "\"");
        }
    }

    std::vector<TicketType> ticketTypes;
    errorsBefore = d.errorCount();
    fields.required("ticket_types", TicketTypesTarget{ticketTypes});
    const bool ticketTypesKnown = d.errorCount() == errorsBefore;

    PriceTable table(currency.value_or(Currency()));
    for (TicketType& type : ticketTypes) {
        (void)table.addTicketType(std::move(type));
    }
    fields.required("prices", PricesTarget{table, currency.has_value(), ticketTypesKnown});
    out = std::move(table);
}

boost::json::value toJson(const PriceRange& range) {
    return boost::json::object{{"min", toJson(range.min)}, {"max", toJson(range.max)}};
}

void decode(json::Decoder& d, const boost::json::value& v, PriceRange& out) {
    json::ObjectReader fields(d, v);
    const std::size_t before = d.errorCount();
    fields.required("min", out.min);
    fields.required("max", out.max);
    if (d.errorCount() != before) {
        return;
    }
    auto scope = d.at("max");
    if (out.max.currency != out.min.currency) {
        d.fail("must be in the same currency as min");
    } else if (out.max.amount < out.min.amount) {
        d.fail("must not be less than min");
    }
}

} // namespace usher
