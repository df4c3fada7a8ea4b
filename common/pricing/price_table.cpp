#include "common/pricing/price_table.h"

#include <algorithm>

namespace usher {

std::string_view toString(PriceError error) {
    switch (error) {
    case PriceError::InvalidId:
        return "invalid_id";
    case PriceError::DuplicateTicketType:
        return "duplicate_ticket_type";
    case PriceError::UnknownCategory:
        return "unknown_category";
    case PriceError::UnknownTicketType:
        return "unknown_ticket_type";
    case PriceError::NoPrice:
        return "no_price";
    case PriceError::CurrencyMismatch:
        return "currency_mismatch";
    case PriceError::NegativeAmount:
        return "negative_amount";
    case PriceError::Overflow:
        return "overflow";
    }
    return "unknown_price_error";
}

const TicketType* PriceTable::findTicketType(std::string_view id) const {
    const auto it = std::find_if(m_ticketTypes.begin(), m_ticketTypes.end(),
                                 [id](const TicketType& type) { return type.id == id; });
    return it == m_ticketTypes.end() ? nullptr : &*it;
}

bool PriceTable::hasCategory(std::string_view category) const {
    return std::any_of(m_prices.begin(), m_prices.end(),
                       [category](const PriceEntry& entry) { return entry.category == category; });
}

Expected<Done, PriceError> PriceTable::addTicketType(TicketType type) {
    if (type.id.empty()) {
        return unexpected(PriceError::InvalidId);
    }
    if (findTicketType(type.id) != nullptr) {
        return unexpected(PriceError::DuplicateTicketType);
    }
    m_ticketTypes.push_back(std::move(type));
    return Done{};
}

Expected<Done, PriceError> PriceTable::setPrice(std::string_view category, std::string_view ticketType,
                                                Money price) {
    if (category.empty() || ticketType.empty()) {
        return unexpected(PriceError::InvalidId);
    }
    if (findTicketType(ticketType) == nullptr) {
        return unexpected(PriceError::UnknownTicketType);
    }
    if (price.currency != m_currency) {
        return unexpected(PriceError::CurrencyMismatch);
    }
    if (price.amount < 0) {
        return unexpected(PriceError::NegativeAmount);
    }
    const auto it = std::find_if(m_prices.begin(), m_prices.end(), [&](const PriceEntry& entry) {
        return entry.category == category && entry.ticketType == ticketType;
    });
    if (it != m_prices.end()) {
        it->price = price;
    } else {
        m_prices.push_back({std::string(category), std::string(ticketType), price});
    }
    return Done{};
}

Expected<Money, PriceError> PriceTable::price(std::string_view category, std::string_view ticketType) const {
    if (findTicketType(ticketType) == nullptr) {
        return unexpected(PriceError::UnknownTicketType);
    }
    bool categoryKnown = false;
    for (const PriceEntry& entry : m_prices) {
        if (entry.category == category) {
            if (entry.ticketType == ticketType) {
                return entry.price;
            }
            categoryKnown = true;
        }
    }
    return unexpected(categoryKnown ? PriceError::NoPrice : PriceError::UnknownCategory);
}

std::optional<PriceRange> PriceTable::priceRange() const {
    if (m_prices.empty()) {
        return std::nullopt;
    }
    const auto [min, max] =
        std::minmax_element(m_prices.begin(), m_prices.end(), [](const PriceEntry& a, const PriceEntry& b) {
            return a.price.amount < b.price.amount;
        });
    return PriceRange{min->price, max->price};
}

Expected<Money, PriceError> PriceTable::total(std::span<const PriceLine> lines) const {
    Money sum{0, m_currency};
    for (const PriceLine& line : lines) {
        auto linePrice = price(line.category, line.ticketType);
        if (!linePrice) {
            return linePrice;
        }
        auto next = add(sum, *linePrice);
        if (!next) {
            // Prices share the table's currency, so overflow is the only way add() can fail here.
            return unexpected(PriceError::Overflow);
        }
        sum = *next;
    }
    return sum;
}

} // namespace usher
