#include "tests/server/support/test_event.h"

#include "common/layout/builders.h"
#include "common/layout/layout_json.h"
#include "common/layout/validation.h"
#include "common/pricing/price_table_json.h"
#include "tests/server/support/sql_checks.h"

#include <chrono>
#include <stdexcept>

namespace usher::testing {

namespace {

template <typename T, typename E>
void require(const Expected<T, E>& result, const char* what) {
    if (!result) {
        throw std::logic_error(std::string("test event: ") + what);
    }
}

} // namespace

layout::VenueLayout smallHallLayout() {
    layout::VenueLayout hall;
    hall.id = "small-hall";
    hall.name = "Small Hall";
    hall.focalPoint = {5, 0};
    hall.categories = {{"premium", "Premium", "#aa3333"},
                       {"standard", "Standard", "#33aa33"},
                       {"standing", "Standing", "#3333aa"}};
    layout::Section stalls;
    stalls.id = "S";
    stalls.name = "Stalls";
    const layout::SeatNumbering numbering;
    const std::vector<layout::Point> rowA{{1, 2}, {2, 2}, {3, 2}, {4, 2}, {5, 2}};
    const std::vector<layout::Point> rowB{{1, 3}, {2, 3}, {3, 3}, {4, 3}, {5, 3}};
    stalls.rows.push_back(layout::makeRow("S", "A", rowA, numbering, "premium"));
    stalls.rows.push_back(layout::makeRow("S", "B", rowB, numbering, "standard"));
    hall.sections.push_back(std::move(stalls));
    hall.gaAreas.push_back({"floor", "Floor", "standing", 10, {{0, 5}, {10, 5}, {10, 9}, {0, 9}}});
    if (!layout::validate(hall).empty()) {
        throw std::logic_error("test event: the small hall layout is not valid: " +
                               layout::validate(hall).front().toString());
    }
    return hall;
}

PriceTable smallHallPrices() {
    PriceTable prices(*Currency::fromCode("EUR"));
    require(prices.addTicketType({"adult", "Adult"}), "ticket type adult");
    require(prices.addTicketType({"child", "Child"}), "ticket type child");
    const Currency eur = prices.currency();
    require(prices.setPrice("premium", "adult", {5000, eur}), "price");
    require(prices.setPrice("premium", "child", {2500, eur}), "price");
    require(prices.setPrice("standard", "adult", {3000, eur}), "price");
    require(prices.setPrice("standard", "child", {1500, eur}), "price");
    require(prices.setPrice("standing", "adult", {2000, eur}), "price");
    return prices;
}

SmallEvent createSmallEvent(server::storage::CatalogRepository& catalog) {
    SmallEvent created;
    created.layout = smallHallLayout();
    created.prices = smallHallPrices();
    catalog.upsertVenue({"small-hall", "Small Hall", "Lyon", "Europe/Paris"});
    const boost::json::value layoutJson = layout::toJson(created.layout);
    const int version = catalog.addLayoutVersion("small-hall", layoutJson);

    const auto now =
        std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    server::storage::NewEvent event;
    event.event.venueId = "small-hall";
    event.event.name = "Order test night";
    event.event.category = "concert";
    event.event.startsAt = now + std::chrono::hours(24 * 31);
    event.event.saleStartsAt = now - std::chrono::hours(24);
    event.event.saleEndsAt = now + std::chrono::hours(24 * 30);
    event.event.layout = layoutJson;
    event.event.priceTable = toJson(created.prices);
    event.event.holdTtlSeconds = 600;
    event.layoutVersion = version;
    event.currency = "EUR";
    event.minPrice = 1500;
    event.maxPrice = 5000;
    for (const auto& row : created.layout.sections.front().rows) {
        for (const auto& seat : row.seats) {
            event.seats.push_back({seat.id, seat.category});
        }
    }
    for (const auto& area : created.layout.gaAreas) {
        event.gaAreas.push_back({area.id, area.category, static_cast<int>(area.capacity)});
    }
    created.id = catalog.createEvent(event);
    return created;
}

server::storage::UserId createTestUser(const std::string& url, const std::string& email,
                                       const std::string& role) {
    return std::stoll(queryOne(url, "INSERT INTO users (email, name, role, password_hash) VALUES ('" + email +
                                        "', '" + email + "', '" + role + "', 'x') RETURNING id"));
}

} // namespace usher::testing
