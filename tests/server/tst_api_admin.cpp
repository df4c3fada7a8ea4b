// The admin API over real sockets against the whole server and a real PostgreSQL: venues and layout
// versions with ETag / If-Match, events and their layout changes with and without sales,
// cancellation refunds, blocks, allotments and staff accounts, and who may do what. Every refused
// request gets problem+json and changes nothing.
#include "common/layout/builders.h"
#include "common/layout/layout_json.h"
#include "common/protocol/time_json.h"
#include "tests/server/support/api_test_server.h"
#include "tests/server/support/db_fingerprint.h"
#include "tests/server/support/json_fields.h"
#include "tests/server/support/problem_checks.h"
#include "tests/server/support/sql_checks.h"

#include <QtTest>

#include <boost/json/serialize.hpp>

using namespace usher;
using namespace usher::testing;
using namespace usher::testing::fields;
namespace http = boost::beast::http;
using http::verb;

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;
namespace bj = boost::json;

std::string dump(const bj::value& value) {
    return bj::serialize(value);
}

QString q(const std::string& value) {
    return QString::fromStdString(value);
}

// A hall of `rows` rows of 8 seats ("H-R<r>-<n>"), and a standing area "floor" for 50.
layout::VenueLayout hall(int rows) {
    layout::VenueLayout venue;
    venue.id = "test-hall";
    venue.name = "Test Hall";
    venue.seatSize = 0.8;
    venue.categories = {{"standard", "Standard", "#3366aa"}, {"standing", "Standing", "#aa6633"}};
    layout::Section section{"H", "Hall", {}};
    for (int r = 1; r <= rows; ++r) {
        std::vector<layout::Point> positions;
        for (int s = 0; s < 8; ++s) {
            positions.push_back({static_cast<double>(s), static_cast<double>(r) + 1});
        }
        section.rows.push_back(layout::makeRow("H", "R" + std::to_string(r), positions, {}, "standard"));
    }
    venue.sections.push_back(std::move(section));
    venue.gaAreas.push_back({"floor", "Floor", "standing", 50, {{0, 20}, {8, 20}, {8, 25}, {0, 25}}});
    return venue;
}

bj::value pricesJson() {
    return bj::object{{"currency", "EUR"},
                      {"ticket_types", bj::array{bj::object{{"id", "adult"}, {"name", "Adult"}}}},
                      {"prices", bj::array{bj::object{{"category", "standard"},
                                                      {"ticket_type", "adult"},
                                                      {"price", {{"amount", 3000}, {"currency", "EUR"}}}},
                                           bj::object{{"category", "standing"},
                                                      {"ticket_type", "adult"},
                                                      {"price", {{"amount", 2000}, {"currency", "EUR"}}}}}}};
}

Timestamp now() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

std::string at(Timestamp t) {
    return protocol::formatTimestamp(t);
}

} // namespace

class TestApiAdmin : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ApiTestServer> m_server;
    ApiAccount m_admin;
    ApiAccount m_clerk;
    ApiAccount m_customer;
    int m_venues = 0;

    std::string fingerprint() { return databaseFingerprint(m_server->databaseUrl()); }

    ApiResponse call(verb method, const std::string& target, const std::string& body, const ApiAccount& who,
                     const Headers& headers = {}) {
        return m_server->request(method, target, body, who.token, headers);
    }

    // A venue with layout version 1 (`rows` rows); returns its id.
    std::string venueWithLayout(int rows) {
        const std::string id = "hall-" + std::to_string(++m_venues);
        const ApiResponse created =
            call(verb::post, "/api/v1/admin/venues",
                 dump(bj::object{{"id", id}, {"name", "Hall"}, {"city", "Testville"}}), m_admin);
        if (created.status != 201) {
            throw std::runtime_error("venue: " + created.raw.body());
        }
        publish(id, "\"v0\"", layout::toJson(hall(rows)), 201);
        return id;
    }

    ApiResponse publish(const std::string& venue, const std::string& ifMatch, const bj::value& layout,
                        int expected) {
        const ApiResponse published =
            call(verb::post, "/api/v1/admin/venues/" + venue + "/layouts",
                 dump(bj::object{{"layout", layout}}), m_admin, {{"If-Match", ifMatch}});
        if (published.status != expected) {
            throw std::runtime_error("publish answered " + std::to_string(published.status) + ": " +
                                     published.raw.body());
        }
        return published;
    }

    // An event of `venue` on layout `version`, on sale now; returns its id.
    std::string eventOnSale(const std::string& venue, int version = 1) {
        const ApiResponse created =
            call(verb::post, "/api/v1/admin/events",
                 dump(bj::object{{"name", "Test night"},
                                 {"category", "concert"},
                                 {"venue_id", venue},
                                 {"layout_version", version},
                                 {"starts_at", at(now() + std::chrono::hours(48))},
                                 {"doors_at", at(now() + std::chrono::hours(47))},
                                 {"sale_starts_at", at(now() - std::chrono::hours(1))},
                                 {"sale_ends_at", at(now() + std::chrono::hours(47))},
                                 {"prices", pricesJson()}}),
                 m_admin);
        if (created.status != 201) {
            throw std::runtime_error("event: " + created.raw.body());
        }
        const std::string id = text(created.json, "id");
        const ApiResponse onSale = call(verb::post, "/api/v1/admin/events/" + id + "/status",
                                        "{\"status\":\"on_sale\"}", m_admin, {{"If-Match", etag(created)}});
        if (onSale.status != 200) {
            throw std::runtime_error("on sale: " + onSale.raw.body());
        }
        return id;
    }

    static std::string etag(const ApiResponse& response) { return header(response, http::field::etag); }

    std::string eventTag(const std::string& event) {
        return etag(call(verb::get, "/api/v1/admin/events/" + event, {}, m_admin));
    }

    // Holds and pays for seats as the customer with the test card; returns the order id.
    std::string buy(const std::string& event, const std::vector<std::string>& seats) {
        bj::array ids;
        for (const auto& seat : seats) {
            ids.emplace_back(seat);
        }
        const ApiResponse hold = call(verb::post, "/api/v1/events/" + event + "/holds",
                                      dump(bj::object{{"seats", ids}}), m_customer);
        if (hold.status != 201) {
            throw std::runtime_error("hold: " + hold.raw.body());
        }
        const ApiResponse order =
            call(verb::post, "/api/v1/holds/" + text(hold.json, "hold_id") + "/commit",
                 "{\"payment\":{\"method\":\"test_card\",\"token\":\"tok_visa\"}}", m_customer,
                 {{"Idempotency-Key", "buy-" + text(hold.json, "hold_id")}});
        if (order.status != 201) {
            throw std::runtime_error("commit: " + order.raw.body());
        }
        return text(order.json, "order_id");
    }

    std::string seatState(const std::string& event, const std::string& seat) {
        return queryOne(m_server->databaseUrl(), "SELECT state FROM event_seats WHERE event_id = " + event +
                                                     " AND seat_id = '" + seat + "'");
    }

private Q_SLOTS:
    void initTestCase() {
        auto server = ApiTestServer::start();
        QVERIFY2(server, server ? "" : server.error().c_str());
        m_server = std::move(server.value());
        m_admin = m_server->account("admin@test.usher", protocol::Role::Admin);
        m_clerk = m_server->account("clerk@test.usher", protocol::Role::Clerk);
        m_customer = m_server->account("customer@test.usher", protocol::Role::Customer);
    }

    void venueEditsNeedTheCurrentETag() {
        const ApiResponse created = call(verb::post, "/api/v1/admin/venues",
                                         "{\"id\":\"etag-hall\",\"name\":\"Etag "
                                         "Hall\",\"city\":\"Berlin\",\"timezone\":\"Europe/Berlin\"}",
                                         m_admin);
        QCOMPARE(created.status, 201);
        QCOMPARE(q(etag(created)), QStringLiteral("\"r1\""));
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/venues",
                             "{\"id\":\"etag-hall\",\"name\":\"Again\",\"city\":\"X\"}", m_admin),
                        409, "already-exists");
        EXPECT_REJECTED(call(verb::patch, "/api/v1/admin/venues/etag-hall", "{\"name\":\"No tag\"}", m_admin),
                        428, "precondition-required");
        const ApiResponse renamed = call(verb::patch, "/api/v1/admin/venues/etag-hall",
                                         "{\"name\":\"Renamed\"}", m_admin, {{"If-Match", "\"r1\""}});
        QCOMPARE(renamed.status, 200);
        QCOMPARE(q(etag(renamed)), QStringLiteral("\"r2\""));
        // A second admin still holding r1: 412, and the app offers to reload or overwrite.
        EXPECT_REJECTED(call(verb::patch, "/api/v1/admin/venues/etag-hall", "{\"name\":\"Stale\"}", m_admin,
                             {{"If-Match", "\"r1\""}}),
                        412, "precondition-failed");
        const ApiResponse overwritten = call(verb::patch, "/api/v1/admin/venues/etag-hall",
                                             "{\"city\":\"Hamburg\"}", m_admin, {{"If-Match", "*"}});
        QCOMPARE(overwritten.status, 200);
        QCOMPARE(q(text(overwritten.json, "name")), QStringLiteral("Renamed"));
        QCOMPARE(q(text(overwritten.json, "city")), QStringLiteral("Hamburg"));
        EXPECT_REJECTED(call(verb::patch, "/api/v1/admin/venues/etag-hall", "{\"timezone\":\"not a zone!\"}",
                             m_admin, {{"If-Match", "*"}}),
                        400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/venues",
                             "{\"id\":\"clerk-hall\",\"name\":\"C\",\"city\":\"C\"}", m_clerk),
                        403, "forbidden");
        EXPECT_REJECTED(call(verb::get, "/api/v1/admin/venues", {}, m_customer), 403, "forbidden");
    }

    void layoutVersionsArePublishedWholeAndChecked() {
        QVERIFY(call(verb::post, "/api/v1/admin/venues",
                     "{\"id\":\"layout-hall\",\"name\":\"L\",\"city\":\"L\"}", m_admin)
                    .status == 201);
        const bj::value v1 = layout::toJson(hall(2));
        const ApiResponse first = publish("layout-hall", "\"v0\"", v1, 201);
        QCOMPARE(q(etag(first)), QStringLiteral("\"v1\""));
        QCOMPARE(integer(first.json, "version"), 1);
        // Two admins publishing from the same version: the second is told and nothing is stored.
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/venues/layout-hall/layouts",
                             dump(bj::object{{"layout", v1}}), m_admin, {{"If-Match", "\"v0\""}}),
                        412, "precondition-failed");
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/venues/layout-hall/layouts",
                             dump(bj::object{{"layout", v1}}), m_clerk, {{"If-Match", "\"v1\""}}),
                        403, "forbidden");
        // A layout with problems is refused with every problem, paths under "layout".
        layout::VenueLayout broken = hall(2);
        broken.sections[0].rows[1].seats[0].id = broken.sections[0].rows[0].seats[0].id;
        broken.sections[0].rows[0].seats[1].category = "nowhere";
        const std::string before = fingerprint();
        const ApiResponse refused =
            call(verb::post, "/api/v1/admin/venues/layout-hall/layouts",
                 dump(bj::object{{"layout", layout::toJson(broken)}}), m_admin, {{"If-Match", "\"v1\""}});
        EXPECT_PROBLEM(refused, 400, "validation-failed");
        QVERIFY(refused.raw.body().find("layout.sections[0].rows[1].seats[0]") != std::string::npos);
        QVERIFY(refused.raw.body().find("nowhere") != std::string::npos);
        QCOMPARE(q(fingerprint()), q(before));
        const ApiResponse second = publish("layout-hall", "\"v1\"", layout::toJson(hall(3)), 201);
        QCOMPARE(integer(second.json, "version"), 2);
        const ApiResponse latest = call(verb::get, "/api/v1/admin/venues/layout-hall/layout", {}, m_admin);
        QCOMPARE(latest.status, 200);
        QCOMPARE(q(etag(latest)), QStringLiteral("\"v2\""));
        const auto stored = layout::layoutFromJsonValue(member(latest.json, "layout"));
        QVERIFY(stored.hasValue());
        QVERIFY(stored.value() == hall(3));
        QCOMPARE(call(verb::get, "/api/v1/admin/venues/layout-hall/layouts/1", {}, m_admin).status, 200);
        EXPECT_PROBLEM(call(verb::get, "/api/v1/admin/venues/layout-hall/layouts/9", {}, m_admin), 404,
                       "not-found");
    }

    void eventsStartAsDraftsAndSellOnlyOnSale() {
        const std::string venue = venueWithLayout(2);
        const ApiResponse created =
            call(verb::post, "/api/v1/admin/events",
                 dump(bj::object{{"name", "Draft night"},
                                 {"category", "theatre"},
                                 {"venue_id", venue},
                                 {"layout_version", 1},
                                 {"starts_at", at(now() + std::chrono::hours(48))},
                                 {"sale_starts_at", at(now() - std::chrono::hours(1))},
                                 {"sale_ends_at", at(now() + std::chrono::hours(47))},
                                 {"hold_ttl_seconds", 300},
                                 {"max_tickets_per_order", 6},
                                 {"prices", pricesJson()}}),
                 m_admin);
        QCOMPARE(created.status, 201);
        QCOMPARE(q(text(created.json, "status")), QStringLiteral("draft"));
        const std::string event = text(created.json, "id");
        EXPECT_REJECTED(
            call(verb::post, "/api/v1/events/" + event + "/holds", "{\"seats\":[\"H-R1-1\"]}", m_customer),
            409, "not-on-sale");
        // Not in the public catalog while a draft.
        const ApiResponse catalog = call(verb::get, "/api/v1/events?limit=100", {}, m_customer);
        QVERIFY(catalog.raw.body().find("Draft night") == std::string::npos);
        EXPECT_REJECTED(call(verb::patch, "/api/v1/admin/events/" + event, "{\"max_tickets_per_order\":99}",
                             m_admin, {{"If-Match", etag(created)}}),
                        400, "validation-failed");
        EXPECT_REJECTED(call(verb::patch, "/api/v1/admin/events/" + event,
                             dump(bj::object{{"doors_at", at(now() + std::chrono::hours(49))}}), m_admin,
                             {{"If-Match", etag(created)}}),
                        400, "validation-failed");
        const ApiResponse edited = call(verb::patch, "/api/v1/admin/events/" + event,
                                        "{\"name\":\"Opening night\",\"max_tickets_per_order\":4}", m_admin,
                                        {{"If-Match", etag(created)}});
        QCOMPARE(edited.status, 200);
        QCOMPARE(q(text(edited.json, "name")), QStringLiteral("Opening night"));
        QCOMPARE(integer(edited.json, "max_tickets_per_order"), 4);
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/events/" + event + "/status",
                             "{\"status\":\"on_sale\"}", m_admin, {{"If-Match", etag(created)}}),
                        412, "precondition-failed");
        QCOMPARE(call(verb::post, "/api/v1/admin/events/" + event + "/status", "{\"status\":\"on_sale\"}",
                      m_admin, {{"If-Match", etag(edited)}})
                     .status,
                 200);
        QCOMPARE(
            call(verb::post, "/api/v1/events/" + event + "/holds", "{\"seats\":[\"H-R1-1\"]}", m_customer)
                .status,
            201);
    }

    void layoutChangeKeepsEverySoldSeatOrIsRefused() {
        const std::string venue = venueWithLayout(3);
        const std::string event = eventOnSale(venue);
        buy(event, {"H-R3-8"});
        // Version 2 has two rows only: the sold seat in row 3 would be lost.
        publish(venue, "\"v1\"", layout::toJson(hall(2)), 201);
        const std::string tag = eventTag(event);
        const std::string before = fingerprint();
        const ApiResponse refused = call(verb::patch, "/api/v1/admin/events/" + event,
                                         "{\"layout_version\":2}", m_admin, {{"If-Match", tag}});
        EXPECT_PROBLEM(refused, 409, "layout-change-refused");
        QCOMPARE(q(dump(member(refused.json, "unavailable_seats"))), QStringLiteral("[\"H-R3-8\"]"));
        QCOMPARE(q(fingerprint()), q(before));
        // Version 3: four rows, so every sold seat is still there; unsold seats come and go freely.
        publish(venue, "\"v2\"", layout::toJson(hall(4)), 201);
        const ApiResponse changed = call(verb::patch, "/api/v1/admin/events/" + event,
                                         "{\"layout_version\":3}", m_admin, {{"If-Match", tag}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(integer(changed.json, "layout_version"), 3);
        QCOMPARE(q(seatState(event, "H-R3-8")), QStringLiteral("sold"));
        QCOMPARE(q(seatState(event, "H-R4-1")), QStringLiteral("available"));
        const ApiResponse seatmap = call(verb::get, "/api/v1/events/" + event + "/seatmap", {}, m_customer);
        QVERIFY(seatmap.raw.body().find("H-R4-8") != std::string::npos);
        QCOMPARE(
            call(verb::post, "/api/v1/events/" + event + "/holds", "{\"seats\":[\"H-R4-2\"]}", m_customer)
                .status,
            201);
    }

    void cancellingRefundsEveryOrderAndIsAudited() {
        const std::string event = eventOnSale(venueWithLayout(2));
        const std::string first = buy(event, {"H-R1-1", "H-R1-2"});
        const std::string second = buy(event, {"H-R2-5"});
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/events/" + event + "/status",
                             "{\"status\":\"cancelled\"}", m_admin, {{"If-Match", eventTag(event)}}),
                        400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/events/" + event + "/status",
                             "{\"status\":\"cancelled\",\"reason\":\"storm\"}", m_clerk,
                             {{"If-Match", eventTag(event)}}),
                        403, "forbidden");
        const ApiResponse cancelled = call(verb::post, "/api/v1/admin/events/" + event + "/status",
                                           "{\"status\":\"cancelled\",\"reason\":\"the band is ill\"}",
                                           m_admin, {{"If-Match", eventTag(event)}});
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(integer(cancelled.json, "refunded_orders"), 2);
        QCOMPARE(q(text(member(cancelled.json, "event"), "status")), QStringLiteral("cancelled"));
        const std::string& url = m_server->databaseUrl();
        for (const std::string& order : {first, second}) {
            QCOMPARE(q(queryOne(url, "SELECT status FROM orders WHERE id = '" + order + "'")),
                     QStringLiteral("refunded"));
            QCOMPARE(q(queryOne(url, "SELECT reason FROM refunds WHERE order_id = '" + order + "'")),
                     QStringLiteral("event cancelled: the band is ill"));
        }
        QCOMPARE(q(queryOne(url, "SELECT count(*) FROM tickets WHERE event_id = " + event +
                                     " AND status <> 'refunded'")),
                 QStringLiteral("0"));
        QCOMPARE(
            q(queryOne(url,
                       "SELECT count(*) FROM audit_log WHERE action = 'event.status' AND subject = 'event:" +
                           event + "' AND details->>'status' = 'cancelled'")),
            QStringLiteral("1"));
        QCOMPARE(q(queryOne(url, "SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id "
                                 "WHERE o.event_id = " +
                                     event + " AND p.kind = 'refund'")),
                 QStringLiteral("2"));
        EXPECT_REJECTED(
            call(verb::post, "/api/v1/events/" + event + "/holds", "{\"seats\":[\"H-R1-1\"]}", m_customer),
            409, "not-on-sale");
        // Cancelling again finishes nothing new and refunds nobody twice.
        const ApiResponse again =
            call(verb::post, "/api/v1/admin/events/" + event + "/status",
                 "{\"status\":\"cancelled\",\"reason\":\"the band is ill\"}", m_admin, {{"If-Match", "*"}});
        QCOMPARE(again.status, 200);
        QCOMPARE(
            q(queryOne(
                url, "SELECT count(*) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.event_id = " +
                         event)),
            QStringLiteral("2"));
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/events/" + event + "/status",
                             "{\"status\":\"on_sale\"}", m_admin, {{"If-Match", "*"}}),
                        409, "not-on-sale");
    }

    void houseSeatsAreBlockedAndOnlyAdminsReleaseThem() {
        const std::string event = eventOnSale(venueWithLayout(2));
        buy(event, {"H-R1-8"});
        const ApiResponse blocked = call(
            verb::post, "/api/v1/admin/events/" + event + "/blocks",
            "{\"seats\":[\"H-R1-4\",\"H-R1-5\"],\"reason\":\"house seats\",\"color\":\"#aa2200\"}", m_admin);
        QCOMPARE(blocked.status, 201);
        const std::string block = text(blocked.json, "id");
        QCOMPARE(q(seatState(event, "H-R1-4")), QStringLiteral("blocked"));
        const ApiResponse seatmap = call(verb::get, "/api/v1/events/" + event + "/seatmap", {}, m_customer);
        QVERIFY(seatmap.raw.body().find("{\"id\":\"H-R1-5\",\"state\":\"blocked\"}") != std::string::npos);
        EXPECT_REJECTED(
            call(verb::post, "/api/v1/events/" + event + "/holds", "{\"seats\":[\"H-R1-4\"]}", m_customer),
            409, "seats-unavailable");
        // A sold seat cannot be blocked; nothing of the request is applied.
        const ApiResponse soldToo =
            call(verb::post, "/api/v1/admin/events/" + event + "/blocks",
                 "{\"seats\":[\"H-R2-1\",\"H-R1-8\"],\"reason\":\"press\",\"color\":\"#0022aa\"}", m_admin);
        EXPECT_PROBLEM(soldToo, 409, "seats-unavailable");
        QCOMPARE(q(dump(member(soldToo.json, "unavailable_seats"))), QStringLiteral("[\"H-R1-8\"]"));
        QCOMPARE(q(seatState(event, "H-R2-1")), QStringLiteral("available"));
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/events/" + event + "/blocks",
                             "{\"seats\":[\"H-R2-1\"],\"reason\":\"press\",\"color\":\"red\"}", m_admin),
                        400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/events/" + event + "/blocks",
                             "{\"seats\":[\"nope\"],\"reason\":\"press\",\"color\":\"#0022aa\"}", m_admin),
                        400, "validation-failed");
        EXPECT_REJECTED(
            call(verb::delete_, "/api/v1/admin/events/" + event + "/blocks/" + block, {}, m_clerk), 403,
            "forbidden");
        const ApiResponse released =
            call(verb::delete_, "/api/v1/admin/events/" + event + "/blocks/" + block, {}, m_admin);
        QCOMPARE(released.status, 200);
        QCOMPARE(q(seatState(event, "H-R1-4")), QStringLiteral("available"));
        QVERIFY(!text(member(released.json, "data").as_array().at(0), "released_at").empty());
        EXPECT_PROBLEM(
            call(verb::delete_, "/api/v1/admin/events/" + event + "/blocks/not-a-block", {}, m_admin), 404,
            "not-found");
    }

    void blocksWithAReleaseTimeGoBackOnSaleByThemselves() {
        const std::string event = eventOnSale(venueWithLayout(1));
        const ApiResponse blocked =
            call(verb::post, "/api/v1/admin/events/" + event + "/blocks",
                 dump(bj::object{{"seats", bj::array{"H-R1-1"}},
                                 {"reason", "production"},
                                 {"color", "#777777"},
                                 {"release_at", at(now() + std::chrono::seconds(2))}}),
                 m_admin);
        QCOMPARE(blocked.status, 201);
        QCOMPARE(q(seatState(event, "H-R1-1")), QStringLiteral("blocked"));
        QTRY_COMPARE_WITH_TIMEOUT(q(seatState(event, "H-R1-1")), QStringLiteral("available"), 15000);
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/events/" + event + "/blocks",
                             dump(bj::object{{"seats", bj::array{"H-R1-2"}},
                                             {"reason", "late"},
                                             {"color", "#777777"},
                                             {"release_at", at(now() - std::chrono::seconds(5))}}),
                             m_admin),
                        400, "validation-failed");
    }

    void allottedSeatsAndPlacesAreNotForSaleOnline() {
        const std::string event = eventOnSale(venueWithLayout(2));
        const ApiResponse allotted = call(verb::post, "/api/v1/admin/events/" + event + "/allotments",
                                          "{\"channel\":\"box_office\",\"device\":\"Counter "
                                          "1\",\"seats\":[\"H-R2-1\",\"H-R2-2\"],\"ga\":[{\"area\":\"floor\","
                                          "\"quantity\":45}],\"note\":\"door sales\"}",
                                          m_admin);
        QCOMPARE(allotted.status, 201);
        QCOMPARE(q(text(allotted.json, "device")), QStringLiteral("Counter 1"));
        QCOMPARE(q(seatState(event, "H-R2-1")), QStringLiteral("allotted"));
        EXPECT_REJECTED(
            call(verb::post, "/api/v1/events/" + event + "/holds", "{\"seats\":[\"H-R2-2\"]}", m_customer),
            409, "seats-unavailable");
        // 50 standing places less 45 allotted: 6 cannot be held online, nor allotted again.
        EXPECT_REJECTED(call(verb::post, "/api/v1/events/" + event + "/holds",
                             "{\"ga\":[{\"area\":\"floor\",\"quantity\":6}]}", m_admin),
                        409, "seats-unavailable");
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/events/" + event + "/allotments",
                             "{\"channel\":\"partner:agency\",\"ga\":[{\"area\":\"floor\",\"quantity\":6}]}",
                             m_admin),
                        409, "seats-unavailable");
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/events/" + event + "/allotments",
                             "{\"channel\":\"partner:agency\"}", m_admin),
                        400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/events/" + event + "/allotments",
                             "{\"channel\":\"box_office\",\"seats\":[\"H-R1-1\"]}", m_clerk),
                        403, "forbidden");
        const std::string id = text(allotted.json, "id");
        const ApiResponse listed =
            call(verb::get, "/api/v1/admin/events/" + event + "/allotments", {}, m_admin);
        QCOMPARE(listed.status, 200);
        QCOMPARE(q(dump(member(member(listed.json, "data").as_array().at(0), "seats"))),
                 QStringLiteral("[\"H-R2-1\",\"H-R2-2\"]"));
        QCOMPARE(
            call(verb::delete_, "/api/v1/admin/events/" + event + "/allotments/" + id, {}, m_admin).status,
            200);
        QCOMPARE(q(seatState(event, "H-R2-1")), QStringLiteral("available"));
        QCOMPARE(call(verb::post, "/api/v1/events/" + event + "/holds",
                      "{\"ga\":[{\"area\":\"floor\",\"quantity\":10}]}", m_admin)
                     .status,
                 201);
    }

    void staffAccountsAreManagedByAdmins() {
        const ApiResponse created = call(verb::post, "/api/v1/admin/users",
                                         "{\"email\":\"new-clerk@test.usher\",\"name\":\"New "
                                         "Clerk\",\"role\":\"clerk\",\"password\":\"first-pass-1\"}",
                                         m_admin);
        QCOMPARE(created.status, 201);
        const std::string id = text(created.json, "id");
        const auto login = [&](const std::string& password) {
            return m_server
                ->request(verb::post, "/api/v1/auth/login",
                          dump(bj::object{{"email", "new-clerk@test.usher"}, {"password", password}}))
                .status;
        };
        QCOMPARE(login("first-pass-1"), 200);
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/users",
                             "{\"email\":\"NEW-clerk@test.usher\",\"name\":\"Twin\",\"role\":\"clerk\","
                             "\"password\":\"first-pass-1\"}",
                             m_admin),
                        409, "email-taken");
        EXPECT_REJECTED(
            call(verb::post, "/api/v1/admin/users",
                 "{\"email\":\"c2@test.usher\",\"name\":\"C\",\"role\":\"clerk\",\"password\":\"short\"}",
                 m_admin),
            400, "validation-failed");
        EXPECT_REJECTED(call(verb::post, "/api/v1/admin/users",
                             "{\"email\":\"c3@test.usher\",\"name\":\"C\",\"role\":\"admin\",\"password\":"
                             "\"long-enough-1\"}",
                             m_clerk),
                        403, "forbidden");
        QCOMPARE(call(verb::patch, "/api/v1/admin/users/" + id, "{\"password\":\"second-pass-2\"}", m_admin)
                     .status,
                 200);
        QCOMPARE(login("first-pass-1"), 401);
        QCOMPARE(login("second-pass-2"), 200);
        const ApiResponse disabled =
            call(verb::patch, "/api/v1/admin/users/" + id, "{\"disabled\":true}", m_admin);
        QCOMPARE(disabled.status, 200);
        QVERIFY(member(disabled.json, "disabled").as_bool());
        QCOMPARE(login("second-pass-2"), 401);
        EXPECT_REJECTED(
            call(verb::patch, "/api/v1/admin/users/" + m_admin.id, "{\"disabled\":true}", m_admin), 400,
            "validation-failed");
        EXPECT_REJECTED(
            call(verb::patch, "/api/v1/admin/users/" + m_customer.id, "{\"name\":\"X\"}", m_admin), 404,
            "not-found");
        const ApiResponse listed = call(verb::get, "/api/v1/admin/users", {}, m_admin);
        QVERIFY(listed.raw.body().find("new-clerk@test.usher") != std::string::npos);
        QVERIFY(listed.raw.body().find("customer@test.usher") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestApiAdmin)
#include "tst_api_admin.moc"
