#include "server/app/server_app.h"

#include "common/version.h"
#include "server/api/rest_api.h"
#include "server/api/websocket_api.h"
#include "server/app/demo_data.h"
#include "server/app/embedded_documents.h"
#include "server/app/embedded_postgres.h"
#include "server/net/http_server.h"
#include "server/observability/log.h"
#include "server/observability/metrics.h"
#include "server/security/random_tokens.h"
#include "server/security/secrets.h"
#include "server/security/ticket_signer.h"
#include "server/services/auth_service.h"
#include "server/services/catalog_service.h"
#include "server/services/change_feed.h"
#include "server/services/event_setup.h"
#include "server/services/hold_service.h"
#include "server/services/order_service.h"
#include "server/services/test_payment_gateway.h"
#include "server/storage/pg/connection_pool.h"
#include "server/storage/pg/migrator.h"
#include "server/storage/pg/pg_admin_repository.h"
#include "server/storage/pg/pg_catalog_repository.h"
#include "server/storage/pg/pg_inventory_notifications.h"
#include "server/storage/pg/pg_inventory_repository.h"
#include "server/storage/pg/pg_order_repository.h"
#include "server/storage/pg/pg_shift_repository.h"
#include "server/storage/pg/pg_user_repository.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>

#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <thread>

namespace usher::server::app {

namespace {

namespace fs = std::filesystem;

int automaticWorkers(const Config& config) {
    // Workers block on the database. Most of the time a write waits in its event's batch queue
    // without a connection (EventBatcher), and the more requests queue there the bigger and cheaper
    // the batches, so there are four workers per connection (the flash sale: 16 workers 1,050
    // seats held/s, 96 workers 1,723), and at least eight so that a few slow requests (password
    // hashing) do not stall the rest.
    return config.workerThreads > 0 ? config.workerThreads : std::max(8, 4 * config.databasePoolSize);
}

std::vector<unsigned char> loadSecret(const fs::path& file, std::size_t bytes, std::string_view what) {
    auto secret = security::loadOrCreateSecretFile(file, bytes);
    if (!secret) {
        throw std::runtime_error(std::string(what) + ": " + secret.error());
    }
    return std::move(secret.value());
}

std::vector<unsigned char> ticketSeed(const fs::path& file) {
    std::vector<unsigned char> seed =
        loadSecret(file, security::TicketSigner::kSeedBytes, "ticket signing key");
    if (seed.size() != security::TicketSigner::kSeedBytes) {
        throw std::runtime_error("ticket signing key " + file.string() + " must hold exactly 32 bytes");
    }
    return seed;
}

} // namespace

struct ServerApp::Parts {
    Config config;
    ServerAppOptions options;

    std::optional<EmbeddedPostgres> postgres;
    std::string databaseUrl;
    std::unique_ptr<pg::ConnectionPool> pool;
    std::unique_ptr<pg::PgUserRepository> users;
    std::unique_ptr<pg::PgCatalogRepository> catalogRepository;
    std::unique_ptr<pg::PgInventoryRepository> inventory;
    std::unique_ptr<pg::PgOrderRepository> orderRepository;
    std::unique_ptr<pg::PgShiftRepository> shiftRepository;
    std::unique_ptr<pg::PgAdminRepository> adminRepository;
    std::unique_ptr<pg::PgInventoryNotifications> notifications;

    std::optional<security::PasswordHasher> hasher;
    std::optional<security::AccessTokenCodec> tokens;
    std::optional<security::TicketSigner> signer;
    observability::Metrics metrics;

    std::unique_ptr<services::EventCatalog> events;
    std::unique_ptr<services::ChangeFeed> feed;
    std::unique_ptr<services::AuthService> auth;
    std::unique_ptr<services::CatalogService> catalog;
    std::unique_ptr<services::HoldService> holds;
    services::TestPaymentGateway gateway;
    std::unique_ptr<services::ShiftService> shifts;
    std::unique_ptr<services::OrderService> orders;
    std::unique_ptr<services::VenueAdmin> venueAdmin;
    std::unique_ptr<services::EventAdmin> eventAdmin;
    std::unique_ptr<services::InventoryAdmin> inventoryAdmin;
    std::unique_ptr<services::UserAdmin> userAdmin;

    boost::asio::io_context io;
    std::unique_ptr<boost::asio::thread_pool> workers;
    std::unique_ptr<api::ApiServices> apiServices;
    std::unique_ptr<api::RestApi> rest;
    std::unique_ptr<api::WebSocketApi> webSockets;
    std::unique_ptr<net::HttpServer> http;
    std::vector<std::thread> networkThreads;

    std::mutex sweeperMutex;
    std::condition_variable sweeperWake;
    bool stopping = false;
    std::thread sweeper;
    bool stopped = false;

    void openDatabase();
    void loadDemoDataIfWanted();
    void sweep();
    bool ready();
};

void ServerApp::Parts::openDatabase() {
    // The data directory holds the secrets even when the database is elsewhere.
    fs::create_directories(config.dataDir);
    if (config.databaseUrl) {
        databaseUrl = *config.databaseUrl;
    } else {
        auto started = EmbeddedPostgres::start(config.dataDir / "postgres");
        if (!started) {
            throw std::runtime_error("the embedded PostgreSQL did not start: " + started.error());
        }
        postgres.emplace(std::move(started.value()));
        databaseUrl = postgres->connectionUrl();
        observability::logInfo("embedded PostgreSQL running",
                               {{"cluster", (config.dataDir / "postgres").string()}});
    }
    const pg::MigrationReport report = pg::migrate(databaseUrl);
    observability::logInfo("database schema current",
                           {{"version", report.schemaVersion}, {"applied", report.applied}});
    pool = std::make_unique<pg::ConnectionPool>(databaseUrl, config.databasePoolSize);
    users = std::make_unique<pg::PgUserRepository>(*pool);
    catalogRepository = std::make_unique<pg::PgCatalogRepository>(*pool);
    inventory = std::make_unique<pg::PgInventoryRepository>(
        *pool, options.unsafeHoldStatementForRaceTests ? storage::HoldCondition::UnsafeWithoutStateCondition
                                                       : storage::HoldCondition::Safe);
    orderRepository = std::make_unique<pg::PgOrderRepository>(*pool);
    shiftRepository = std::make_unique<pg::PgShiftRepository>(*pool);
    adminRepository = std::make_unique<pg::PgAdminRepository>(*pool);
}

void ServerApp::Parts::loadDemoDataIfWanted() {
    const char* presetPassword = std::getenv("USHER_DEMO_PASSWORD");
    const bool hasPreset = presetPassword != nullptr && *presetPassword != '\0';
    const bool empty = catalogRepository->eventCount() == 0;
    if (!config.demoData || (!empty && !hasPreset)) {
        return;
    }
    const std::string password =
        hasPreset ? std::string(presetPassword) : security::newRefreshToken().substr(0, 16);
    const auto accounts = demoAccounts(password);
    if (empty) {
        services::EventSetup setup(*catalogRepository);
        loadDemoData(setup, *auth, accounts, services::systemNow());
        observability::logInfo("demo data loaded", {{"events", catalogRepository->eventCount()}});
    } else {
        // USHER_DEMO_PASSWORD is the password of the demo accounts whenever it is set.
        for (const DemoAccount& account : accounts) {
            auth->ensureUser(account.email, account.name, account.role, account.password);
        }
    }
    if (options.console && !hasPreset) {
        *options.console
            << "\nDemo accounts (this password is shown once; set USHER_DEMO_PASSWORD to choose one):\n";
        for (const DemoAccount& account : accounts) {
            *options.console << "  " << account.email << "  " << account.password << "\n";
        }
        *options.console << std::endl;
    }
}

bool ServerApp::Parts::ready() {
    return pg::isSchemaCurrent(databaseUrl);
}

void ServerApp::Parts::sweep() {
    std::unique_lock lock(sweeperMutex);
    while (!stopping) {
        sweeperWake.wait_for(lock, options.sweepInterval, [&] { return stopping; });
        if (stopping) {
            break;
        }
        lock.unlock();
        try {
            int expired = 0;
            do {
                expired = holds->expireOverdue(500);
                metrics.holdsExpired(expired);
            } while (expired == 500);
            inventoryAdmin->releaseDueBlocks();
            metrics.setPoolUse(pool->inUse(), pool->size());
        } catch (const std::exception& error) {
            observability::logWarn("hold sweeper failed; retrying", {{"error", error.what()}});
        }
        lock.lock();
    }
}

ServerApp::ServerApp(Config config, ServerAppOptions options) : m_parts(std::make_unique<Parts>()) {
    Parts& p = *m_parts;
    p.config = std::move(config);
    p.options = options;
    p.openDatabase();

    p.hasher.emplace(options.fastPasswordHashing ? security::PasswordHasher::fastForTests()
                                                 : security::PasswordHasher::interactive());
    p.tokens.emplace(loadSecret(*p.config.jwtSecretFile, 48, "JWT secret"), "usher");
    p.signer.emplace(security::TicketSigner::fromSeed(
        ticketSeed(p.config.ticketKeyFile.value_or(p.config.dataDir / "ticket-signing.key"))));

    p.events = std::make_unique<services::EventCatalog>(*p.catalogRepository);
    // Notifications wake the live feed for every instance's commits; the poll is only a safety net.
    p.notifications = std::make_unique<pg::PgInventoryNotifications>(p.databaseUrl);
    p.feed = std::make_unique<services::ChangeFeed>(
        *p.catalogRepository,
        services::ChangeFeedOptions{std::chrono::milliseconds(30), std::chrono::seconds(2)},
        p.notifications.get());
    p.auth = std::make_unique<services::AuthService>(*p.users, *p.hasher, *p.tokens);
    p.catalog = std::make_unique<services::CatalogService>(*p.catalogRepository, *p.events);
    p.holds = std::make_unique<services::HoldService>(*p.inventory, *p.events, *p.feed);
    p.shifts = std::make_unique<services::ShiftService>(*p.shiftRepository);
    p.orders = std::make_unique<services::OrderService>(*p.orderRepository, *p.inventory, *p.events,
                                                        p.gateway, *p.signer, *p.feed, *p.shifts);
    p.venueAdmin = std::make_unique<services::VenueAdmin>(*p.adminRepository);
    p.eventAdmin = std::make_unique<services::EventAdmin>(*p.adminRepository, *p.catalogRepository, *p.events,
                                                          *p.orders, *p.feed);
    p.inventoryAdmin = std::make_unique<services::InventoryAdmin>(*p.adminRepository, *p.events, *p.feed);
    p.userAdmin = std::make_unique<services::UserAdmin>(*p.users, *p.adminRepository, *p.hasher);
    p.loadDemoDataIfWanted();

    p.workers =
        std::make_unique<boost::asio::thread_pool>(static_cast<std::size_t>(automaticWorkers(p.config)));
    p.apiServices = std::make_unique<api::ApiServices>(api::ApiServices{
        *p.auth, *p.catalog, *p.holds, *p.orders, *p.shifts, *p.venueAdmin, *p.eventAdmin, *p.inventoryAdmin,
        *p.userAdmin, p.metrics, [&p] { return p.ready(); }, openApiDocument()});
    p.rest = std::make_unique<api::RestApi>(*p.apiServices, p.workers->get_executor());
    p.webSockets = std::make_unique<api::WebSocketApi>(*p.apiServices, *p.feed, p.workers->get_executor());
    const auto address = boost::asio::ip::make_address(p.config.listenHost);
    p.http =
        std::make_unique<net::HttpServer>(p.io, boost::asio::ip::tcp::endpoint(address, p.config.listenPort),
                                          net::Limits{}, *p.rest, *p.webSockets);
    p.sweeper = std::thread([&p] { p.sweep(); });
}

ServerApp::~ServerApp() {
    stop();
}

void ServerApp::start() {
    Parts& p = *m_parts;
    p.http->start();
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
    for (unsigned i = 0; i < threads; ++i) {
        p.networkThreads.emplace_back([&p] { p.io.run(); });
    }
    observability::logInfo("usher-server listening", {{"address", endpoint().address().to_string()},
                                                      {"port", endpoint().port()},
                                                      {"version", std::string(kVersion)}});
}

boost::asio::ip::tcp::endpoint ServerApp::endpoint() const {
    return m_parts->http->localEndpoint();
}

int ServerApp::runUntilSignalled() {
    Parts& p = *m_parts;
    std::promise<int> signalled;
    boost::asio::signal_set signals(p.io, SIGTERM, SIGINT);
    signals.async_wait([&](const boost::system::error_code& error, int signal) {
        if (!error) {
            signalled.set_value(signal);
        }
    });
    const int signal = signalled.get_future().get();
    observability::logInfo("draining", {{"signal", signal}});
    stop();
    return 0;
}

void ServerApp::stop() {
    Parts& p = *m_parts;
    if (p.stopped) {
        return;
    }
    p.stopped = true;
    if (!p.networkThreads.empty()) {
        // The drain answers within its deadline; the wait is bounded all the same, so that a
        // completion that never comes (seen once in a test's shutdown) cannot hang the stop: the
        // connections left are closed below with the io_context.
        constexpr auto kDrainDeadline = std::chrono::seconds(20);
        auto drained = std::make_shared<std::promise<void>>();
        p.http->drain(kDrainDeadline, [drained] { drained->set_value(); });
        if (drained->get_future().wait_for(kDrainDeadline + std::chrono::seconds(5)) !=
            std::future_status::ready) {
            observability::logWarn("the drain did not finish in time; closing what is left");
        }
    }
    {
        std::lock_guard lock(p.sweeperMutex);
        p.stopping = true;
    }
    p.sweeperWake.notify_all();
    if (p.sweeper.joinable()) {
        p.sweeper.join();
    }
    p.workers->join();
    p.feed->stop();
    p.io.stop();
    for (std::thread& thread : p.networkThreads) {
        thread.join();
    }
    if (p.postgres) {
        p.postgres->stop();
    }
    observability::logInfo("usher-server stopped");
}

} // namespace usher::server::app
