#include "tests/server/support/api_test_server.h"

#include "common/layout/builders.h"
#include "server/security/access_tokens.h"
#include "server/security/password_hasher.h"
#include "server/security/secrets.h"
#include "server/services/event_setup.h"
#include "server/storage/pg/connection_pool.h"
#include "server/storage/pg/pg_catalog_repository.h"
#include "server/storage/pg/pg_user_repository.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <atomic>
#include <stdexcept>
#include <unistd.h>

namespace usher::testing {

namespace {

std::filesystem::path freshDataDir() {
    static std::atomic<int> counter{0};
    auto dir = std::filesystem::temp_directory_path() /
               ("usher-api-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

Timestamp now() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

} // namespace

Expected<std::unique_ptr<ApiTestServer>, std::string> ApiTestServer::start(ApiTestOptions options) {
    auto database = TestDatabase::create();
    if (!database) {
        return unexpected(database.error());
    }
    std::unique_ptr<ApiTestServer> server(new ApiTestServer());
    server->m_databaseUrl = database->url();
    server->m_database.emplace(std::move(database.value()));
    server->m_dataDir = freshDataDir();
    server::app::Config config;
    config.listenHost = "127.0.0.1";
    config.listenPort = 0;
    config.dataDir = server->m_dataDir;
    config.databaseUrl = server->m_databaseUrl;
    config.jwtSecretFile = server->m_dataDir / "jwt.secret";
    config.databasePoolSize = 8;
    config.demoData = false;
    try {
        server::app::ServerAppOptions appOptions;
        appOptions.fastPasswordHashing = true;
        appOptions.sweepInterval = options.sweeper ? std::chrono::milliseconds(200) : std::chrono::hours(24);
        appOptions.unsafeHoldStatementForRaceTests = options.unsafeHolds;
        server->m_app = std::make_unique<server::app::ServerApp>(config, appOptions);
        server->m_app->start();
    } catch (const std::exception& error) {
        return unexpected(std::string("usher-server did not start: ") + error.what());
    }
    return server;
}

ApiTestServer::~ApiTestServer() {
    m_app.reset(); // drains and stops before the database goes
    std::error_code ignored;
    std::filesystem::remove_all(m_dataDir, ignored);
}

std::string ApiTestServer::accessToken(const std::string& userId, protocol::Role role,
                                       Timestamp issuedAt) const {
    auto secret = server::security::loadOrCreateSecretFile(m_dataDir / "jwt.secret", 48);
    if (!secret) {
        throw std::runtime_error("the test server's JWT secret: " + secret.error());
    }
    return server::security::AccessTokenCodec(std::move(*secret), "usher").issue(userId, role, issuedAt);
}

ApiAccount ApiTestServer::account(const std::string& email, protocol::Role role,
                                  const std::string& password) {
    server::pg::ConnectionPool pool(m_databaseUrl, 1);
    server::pg::PgUserRepository users(pool);
    const auto hasher = server::security::PasswordHasher::fastForTests();
    auto created = users.createUser({email, email, role, hasher.hash(password)});
    if (!created) {
        throw std::runtime_error("account " + email + " exists");
    }
    ApiResponse login =
        request(netclient::http::verb::post, "/api/v1/auth/login",
                boost::json::serialize(boost::json::object{{"email", email}, {"password", password}}));
    if (login.status != 200) {
        throw std::runtime_error("login of " + email + " answered " + std::to_string(login.status));
    }
    return {std::to_string(created->id), email, password,
            std::string(login.json.at("access_token").as_string())};
}

std::string ApiTestServer::openShift(const ApiAccount& staff) {
    const ApiResponse opened = request(
        netclient::http::verb::post, "/api/v1/shifts",
        boost::json::serialize(boost::json::object{{"device", "Test counter " + std::to_string(++m_devices)},
                                                   {"opening_float", {{"amount", 0}, {"currency", "EUR"}}}}),
        staff.token);
    if (opened.status != 201) {
        throw std::runtime_error("opening a test shift answered " + std::to_string(opened.status) + ": " +
                                 opened.raw.body());
    }
    return std::string(opened.json.at("shift_id").as_string());
}

std::string ApiTestServer::createGridEvent(const GridEventSpec& spec) {
    layout::VenueLayout hall;
    hall.id = "grid-hall";
    hall.name = "Grid Hall";
    hall.focalPoint = {static_cast<double>(spec.seatsPerRow) / 2, 0};
    hall.seatSize = 0.8; // seats 1.0 apart sit side by side (an aisle is a gap over 1.6 seat sizes)
    hall.categories = {{"standard", "Standard", "#3366aa"}, {"standing", "Standing", "#aa6633"}};
    layout::Section section;
    section.id = "G";
    section.name = "Grid";
    const layout::SeatNumbering numbering;
    for (int r = 1; r <= spec.rows; ++r) {
        std::vector<layout::Point> positions;
        for (int s = 0; s < spec.seatsPerRow; ++s) {
            positions.push_back({static_cast<double>(s), static_cast<double>(r) + 1});
        }
        section.rows.push_back(
            layout::makeRow("G", "R" + std::to_string(r), positions, numbering, "standard"));
    }
    hall.sections.push_back(std::move(section));
    const double back = spec.rows + 3.0;
    if (spec.gaCapacity > 0) {
        hall.gaAreas.push_back({"floor",
                                "Floor",
                                "standing",
                                spec.gaCapacity,
                                {{0, back}, {10, back}, {10, back + 5}, {0, back + 5}}});
    }
    PriceTable prices(*Currency::fromCode("EUR"));
    const Currency eur = prices.currency();
    (void)prices.addTicketType({"adult", "Adult"});
    (void)prices.addTicketType({"child", "Child"});
    (void)prices.setPrice("standard", "adult", {2500, eur});
    (void)prices.setPrice("standard", "child", {1250, eur});
    (void)prices.setPrice("standing", "adult", {2000, eur});

    server::pg::ConnectionPool pool(m_databaseUrl, 1);
    server::pg::PgCatalogRepository catalog(pool);
    server::services::EventSetup setup(catalog);
    setup.saveVenue({"grid-hall", "Grid Hall", "Testville", "UTC"});
    const int version = setup.addLayout("grid-hall", hall);
    server::services::EventSpec event;
    event.name = "Grid night";
    event.category = "concert";
    event.startsAt = now() + std::chrono::hours(24 * 30);
    event.saleStartsAt = spec.onSale ? now() - std::chrono::hours(1) : now() + std::chrono::hours(24);
    event.saleEndsAt = event.startsAt;
    event.holdTtlSeconds = spec.holdTtlSeconds;
    event.maxTicketsPerOrder = spec.maxTicketsPerOrder;
    event.maxTicketsPerCustomer = spec.maxTicketsPerCustomer;
    auto id = setup.createEvent("grid-hall", version, hall, prices, event);
    if (!id) {
        throw std::runtime_error("grid event: " + id.error());
    }
    return std::to_string(*id);
}

ApiResponse ApiTestServer::request(netclient::http::verb method, const std::string& target,
                                   const std::string& body, const std::string& token,
                                   const std::vector<std::pair<std::string, std::string>>& headers) {
    HttpTestClient client(endpoint());
    if (client.connectError()) {
        throw std::runtime_error("connect: " + client.connectError().message());
    }
    netclient::Request message = netclient::makeRequest(method, target, body);
    if (!body.empty()) {
        message.set(netclient::http::field::content_type, "application/json");
    }
    if (!token.empty()) {
        message.set(netclient::http::field::authorization, "Bearer " + token);
    }
    for (const auto& [name, value] : headers) {
        message.set(name, value);
    }
    message.prepare_payload();
    auto response = client.request(message);
    if (!response) {
        throw std::runtime_error("request " + target + ": " + response.error().message());
    }
    ApiResponse out;
    out.status = static_cast<int>(response->result_int());
    out.raw = std::move(response.value());
    if (!out.raw.body().empty()) {
        boost::system::error_code ec;
        out.json = boost::json::parse(out.raw.body(), ec);
    }
    return out;
}

} // namespace usher::testing
