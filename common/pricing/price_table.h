#pragma once

#include "common/money/currency.h"
#include "common/money/money.h"
#include "common/util/expected.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace usher {

// Who the ticket is for: adult, concession, child, ...
struct TicketType {
    std::string id;
    std::string name;

    bool operator==(const TicketType&) const = default;
};

enum class PriceError {
    InvalidId, // an empty category or ticket type id
    DuplicateTicketType,
    UnknownCategory, // no price at all in that category
    UnknownTicketType,
    NoPrice,          // both known, but this pair has no price (say, no child price in the boxes)
    CurrencyMismatch, // a price in another currency than the table's
    NegativeAmount,
    Overflow,
};

std::string_view toString(PriceError error);

struct PriceEntry {
    std::string category;
    std::string ticketType;
    Money price;

    bool operator==(const PriceEntry&) const = default;
};

// One ticket of a basket: which category its seat is in and which ticket type was chosen.
struct PriceLine {
    std::string category;
    std::string ticketType;
};

struct PriceRange {
    Money min;
    Money max;

    bool operator==(const PriceRange&) const = default;
};

// The prices of one event: price category (from the layout's price zones) x ticket type, all in one
// currency. A category exists for the table once it has a price; tables are small, so plain
// vectors in the order prices were set keep lookups simple and the JSON stable.
class PriceTable {
public:
    PriceTable() = default;
    explicit PriceTable(Currency currency) : m_currency(currency) {}

    const Currency& currency() const { return m_currency; }
    const std::vector<TicketType>& ticketTypes() const { return m_ticketTypes; }
    const std::vector<PriceEntry>& prices() const { return m_prices; }
    const TicketType* findTicketType(std::string_view id) const;
    bool hasCategory(std::string_view category) const;

    Expected<Done, PriceError> addTicketType(TicketType type);
    // Sets or replaces the price of one (category, ticket type) pair; zero is a valid (free) price.
    Expected<Done, PriceError> setPrice(std::string_view category, std::string_view ticketType, Money price);
    Expected<Money, PriceError> price(std::string_view category, std::string_view ticketType) const;
    // The cheapest and dearest price, for the catalog; nullopt while the table has no price.
    std::optional<PriceRange> priceRange() const;
    // The sum of every line's price in the table's currency (zero for no lines).
    Expected<Money, PriceError> total(std::span<const PriceLine> lines) const;

    bool operator==(const PriceTable&) const = default;

private:
    Currency m_currency;
    std::vector<TicketType> m_ticketTypes;
    std::vector<PriceEntry> m_prices;
};

} // namespace usher
