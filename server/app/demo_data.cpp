#include "server/app/demo_data.h"

#include "common/layout/layout_json.h"
#include "server/app/embedded_documents.h"

#include <stdexcept>

namespace usher::server::app {

namespace {

using namespace std::chrono_literals;

struct DemoVenue {
    storage::VenueRecord record;
    const layout::VenueLayout* layout;
    Currency currency;
};

struct DemoEvent {
    std::size_t venue;
    std::string name;
    std::string category;
    std::string description;
    int daysAhead;
    int localHour;  // local start time, hours after midnight (venue time = UTC here for simplicity)
    int priceScale; // percent of the venue's base prices
    bool saleOpen;  // false: goes on sale in a week (the catalog shows it, holds get 409)
};

layout::VenueLayout parseLayout(std::string_view text, std::string_view name) {
    auto layout = layout::layoutFromJson(text);
    if (!layout) {
        throw std::runtime_error("the embedded demo venue " + std::string(name) +
                                 " does not parse: " + layout.error().front().toString());
    }
    return std::move(layout.value());
}

Money money(std::int64_t amount, Currency currency) {
    return Money{amount, currency};
}

// Adult and concession prices per category; the theatre also sells child tickets.
PriceTable theatrePrices(Currency currency, int scale) {
    PriceTable table(currency);
    (void)table.addTicketType({"adult", "Adult"});
    (void)table.addTicketType({"concession", "Concession"});
    (void)table.addTicketType({"child", "Child (under 14)"});
    const std::pair<const char*, std::int64_t> base[] = {
        {"premium", 8900}, {"standard", 5900}, {"value", 2900}};
    for (const auto& [category, amount] : base) {
        const std::int64_t adult = amount * scale / 100;
        (void)table.setPrice(category, "adult", money(adult, currency));
        (void)table.setPrice(category, "concession", money(adult * 80 / 100, currency));
        (void)table.setPrice(category, "child", money(adult / 2, currency));
    }
    return table;
}

PriceTable arenaPrices(Currency currency, int scale) {
    PriceTable table(currency);
    (void)table.addTicketType({"adult", "Adult"});
    (void)table.addTicketType({"concession", "Concession"});
    const std::pair<const char*, std::int64_t> base[] = {
        {"premium", 12500}, {"lower", 8500}, {"upper", 4900}, {"floor", 6900}};
    for (const auto& [category, amount] : base) {
        const std::int64_t adult = amount * scale / 100;
        (void)table.setPrice(category, "adult", money(adult, currency));
        (void)table.setPrice(category, "concession", money(adult * 85 / 100, currency));
    }
    return table;
}

Timestamp startOfDay(Timestamp t) {
    return std::chrono::floor<std::chrono::days>(t);
}

} // namespace

std::vector<DemoAccount> demoAccounts(const std::string& password) {
    return {{"admin@demo.usher", "Demo Admin", protocol::Role::Admin, password},
            {"clerk@demo.usher", "Demo Clerk", protocol::Role::Clerk, password},
            {"customer@demo.usher", "Demo Customer", protocol::Role::Customer, password}};
}

void loadDemoData(services::EventSetup& setup, services::AuthService& auth,
                  const std::vector<DemoAccount>& accounts, Timestamp now) {
    for (const DemoAccount& account : accounts) {
        auth.ensureUser(account.email, account.name, account.role, account.password);
    }

    const layout::VenueLayout theatre = parseLayout(demoVenueGrandTheatre(), "grand-theatre");
    const layout::VenueLayout arena = parseLayout(demoVenueCityArena(), "city-arena");
    const Currency eur = *Currency::fromCode("EUR");
    const Currency gbp = *Currency::fromCode("GBP");
    const std::vector<DemoVenue> venues = {
        {{"grand-theatre-vienna", "Grand Theatre", "Vienna", "Europe/Vienna"}, &theatre, eur},
        {{"city-arena-berlin", "City Arena", "Berlin", "Europe/Berlin"}, &arena, eur},
        {{"royal-playhouse-manchester", "Royal Playhouse", "Manchester", "Europe/London"}, &theatre, gbp},
        {{"harbour-arena-lisbon", "Harbour Arena", "Lisbon", "Europe/Lisbon"}, &arena, eur},
    };
    std::vector<int> layoutVersions;
    for (const DemoVenue& venue : venues) {
        setup.saveVenue(venue.record);
        layoutVersions.push_back(setup.addLayout(venue.record.id, *venue.layout));
    }

    const std::vector<DemoEvent> events = {
        {0, "La Traviata", "opera", "Verdi's opera in three acts, sung in Italian with German surtitles.", 3,
         19, 120, true},
        {0, "The Nutcracker", "ballet", "Tchaikovsky's ballet for the whole family.", 12, 18, 100, true},
        {0, "Hamlet", "theatre", "Shakespeare's tragedy in a new production.", 26, 19, 90, true},
        {0, "New Year's Gala", "concert", "Waltzes and polkas with the house orchestra.", 40, 20, 150, false},
        {1, "Northern Lights Tour", "concert", "Synth-pop arena tour with a full light show.", 5, 20, 100,
         true},
        {1, "Berlin Bears vs. Hamburg Harbour", "sports", "Basketball league, regular season.", 9, 18, 60,
         true},
        {1, "Ice Dreams", "family", "An ice show for all ages.", 33, 15, 70, true},
        {1, "Symphonic Rock Night", "concert", "Rock classics with a 60-piece orchestra.", 61, 20, 110, true},
        {2, "An Inspector Calls", "theatre", "J. B. Priestley's thriller.", 7, 19, 80, true},
        {2, "Stand-up Saturday", "comedy", "Four comedians, one night.", 15, 20, 50, true},
        {2, "The Marriage of Figaro", "opera", "Mozart's comic opera.", 48, 19, 110, true},
        {3, "Atlantic Beats Festival", "festival", "Two stages of electronic music on the waterfront.", 19,
         21, 90, true},
        {3, "Lisbon Lions vs. Porto Dragons", "sports", "Handball cup final.", 27, 19, 55, true},
        {3, "Fado & Friends", "concert", "A night of fado with guest artists.", 75, 20, 80, false},
    };
    const Timestamp today = startOfDay(now);
    for (const DemoEvent& demo : events) {
        const DemoVenue& venue = venues[demo.venue];
        const bool isArena = venue.layout == &arena;
        services::EventSpec spec;
        spec.name = demo.name;
        spec.category = demo.category;
        spec.description = demo.description;
        spec.startsAt = today + std::chrono::days(demo.daysAhead) + std::chrono::hours(demo.localHour);
        spec.saleStartsAt = demo.saleOpen ? today - std::chrono::days(30) : today + std::chrono::days(7);
        spec.saleEndsAt = spec.startsAt;
        spec.holdTtlSeconds = 600;
        spec.maxTicketsPerOrder = 10;
        // Arenas cap each order only, so a flash sale can sell the house to anyone; theatres cap buyers too.
        spec.maxTicketsPerCustomer = isArena ? 0 : 10;
        const PriceTable prices = isArena ? arenaPrices(venue.currency, demo.priceScale)
                                          : theatrePrices(venue.currency, demo.priceScale);
        auto created =
            setup.createEvent(venue.record.id, layoutVersions[demo.venue], *venue.layout, prices, spec);
        if (!created) {
            throw std::runtime_error("demo event " + demo.name + ": " + created.error());
        }
    }
}

} // namespace usher::server::app
