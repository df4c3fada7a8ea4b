#pragma once

#include "common/protocol/auth.h"
#include "common/util/time.h"
#include "server/app/server_app.h"
#include "tests/server/support/net_test_client.h"
#include "tests/server/support/test_database.h"

#include <boost/json/value.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace usher::testing {

struct ApiAccount {
    std::string id;
    std::string email;
    std::string password;
    std::string token; // a fresh access token
};

// An event on sale now: `rows` rows "R1".. of `seatsPerRow` seats (ids "G-R<r>-<n>", category
// "standard": adult 25.00 EUR, child 12.50 EUR) and, when gaCapacity > 0, a standing area "floor"
// (category "standing": adult 20.00 EUR).
struct GridEventSpec {
    int rows = 2;
    int seatsPerRow = 10;
    int gaCapacity = 0;
    int maxTicketsPerOrder = 10;
    int maxTicketsPerCustomer = 0; // 0: no limit
    int holdTtlSeconds = 600;
    bool onSale = true; // false: the sale opens tomorrow
};

// A simple HTTP answer for assertions: status, headers and the body parsed as JSON (null when empty).
struct ApiResponse {
    int status = 0;
    netclient::Response raw;
    boost::json::value json;
};

struct ApiTestOptions {
    bool sweeper = true;      // false: overdue holds are never marked expired (tests of exact expiry)
    bool unsafeHolds = false; // the hold statement without its state condition (race-harness proof)
};

// usher-server running in this process on 127.0.0.1 (a free port) over a fresh database of the
// test cluster, with fast password hashing and no demo data. Tests talk to it over real sockets.
class ApiTestServer {
public:
    static Expected<std::unique_ptr<ApiTestServer>, std::string> start(ApiTestOptions options = {});
    ~ApiTestServer();

    netclient::tcp::endpoint endpoint() const { return m_app->endpoint(); }
    const std::string& databaseUrl() const { return m_databaseUrl; }

    // An account with any role, stored directly (the API only signs up customers), then signed in.
    ApiAccount account(const std::string& email, protocol::Role role,
                       const std::string& password = "secret-pass-1");
    std::string createGridEvent(const GridEventSpec& spec);
    // Opens a shift for a staff member at a device of its own (a float of 0 EUR) and returns its id:
    // box-office tenders need one.
    std::string openShift(const ApiAccount& staff);
    // An access token as the server issues them (its secret, issuer and 15-minute lifetime), but
    // issued at `issuedAt`: one issued almost 15 minutes ago expires within seconds.
    std::string accessToken(const std::string& userId, protocol::Role role, Timestamp issuedAt) const;

    // One request on a fresh connection. `token` adds "Authorization: Bearer"; a non-empty `body`
    // is sent as application/json.
    ApiResponse request(netclient::http::verb method, const std::string& target, const std::string& body = {},
                        const std::string& token = {},
                        const std::vector<std::pair<std::string, std::string>>& headers = {});

private:
    ApiTestServer() = default;

    int m_devices = 0;

    std::optional<TestDatabase> m_database;
    std::string m_databaseUrl;
    std::filesystem::path m_dataDir;
    std::unique_ptr<server::app::ServerApp> m_app;
};

} // namespace usher::testing
