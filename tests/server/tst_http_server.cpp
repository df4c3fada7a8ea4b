#include "server/net/http_server.h"
#include "tests/server/support/net_test_client.h"

#include <QTest>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/json/parse.hpp>

#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace usher::server::net;
using usher::testing::HttpTestClient;
using usher::testing::WebSocketTestClient;
namespace asio = boost::asio;
namespace websocket = boost::beast::websocket;
namespace netclient = usher::testing::netclient;
using boost::system::error_code;

namespace {

constexpr int kWaitMs = 10000; // QTRY_* give up after this; never reached when the code works

// Replies from a thread pool after a short delay, as the api layer will. "/slow" waits until the
// test releases it, so a test controls exactly when that reply leaves.
class EchoHandler : public HttpHandler {
public:
    ~EchoHandler() override {
        release();
        m_pool.join();
    }

    void handle(HttpRequest request, const Peer& peer, Reply reply) override {
        ++calls;
        const bool slow = request.target() == "/slow";
        if (slow) {
            ++slowStarted;
        }
        asio::post(m_pool, [this, request = std::move(request), address = peer.address,
                            reply = std::move(reply), slow]() mutable {
            if (slow) {
                m_released.wait();
            } else {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            HttpResponse response{http::status::ok, request.version()};
            response.set(http::field::content_type, "text/plain");
            response.set("X-Peer", address);
            response.body() = std::string(request.method_string()) + " " + std::string(request.target()) +
                              " " + request.body();
            reply(std::move(response));
        });
    }

    void release() {
        if (!m_releasedOnce.exchange(true)) {
            m_release.set_value();
        }
    }

    std::atomic<int> calls{0};
    std::atomic<int> slowStarted{0};

private:
    asio::thread_pool m_pool{2};
    std::promise<void> m_release;
    std::shared_future<void> m_released = m_release.get_future().share();
    std::atomic<bool> m_releasedOnce{false};
};

class EchoWebSockets;

class EchoConnection : public WebSocketConnection {
public:
    EchoConnection(std::weak_ptr<WebSocketPeer> peer, std::atomic<int>& closed)
        : m_peer(std::move(peer)), m_closed(closed) {}

    void onMessage(std::string text) override {
        auto peer = m_peer.lock();
        if (!peer) {
            return;
        }
        if (text == "flood") {
            // Far more than the test's queue limit, all at once: the client cannot keep up.
            for (int i = 0; i < 200; ++i) {
                peer->send(std::string(64 * 1024, 'f'));
            }
            return;
        }
        peer->send(std::move(text));
    }
    void onClose() override { ++m_closed; }

private:
    std::weak_ptr<WebSocketPeer> m_peer;
    std::atomic<int>& m_closed;
};

// Echoes text back and greets with "welcome" from inside open(), before the handshake is done.
class EchoWebSockets : public WebSocketHandler {
public:
    std::shared_ptr<WebSocketConnection> open(const HttpRequest& upgrade, std::shared_ptr<WebSocketPeer> peer,
                                              HttpResponse& refusal) override {
        ++opened;
        if (upgrade.target() == "/refuse") {
            refusal.result(http::status::forbidden);
            refusal.set(http::field::content_type, "text/plain");
            refusal.body() = "no";
            return nullptr;
        }
        if (upgrade.target() == "/refuse-default") {
            return nullptr;
        }
        peer->send("welcome");
        return std::make_shared<EchoConnection>(peer, closed);
    }

    std::atomic<int> opened{0};
    std::atomic<int> closed{0};
};

// A server on 127.0.0.1:0 with its io_context on two threads. Members are declared so that the
// io_context outlives the handlers and the handlers outlive the server.
struct Fixture {
    explicit Fixture(Limits limits = {})
        : server(io, {asio::ip::make_address("127.0.0.1"), 0}, limits, http, webSockets) {
        server.start();
        for (int i = 0; i < 2; ++i) {
            threads.emplace_back([this] { io.run(); });
        }
    }
    ~Fixture() {
        work.reset();
        io.stop();
        for (auto& thread : threads) {
            thread.join();
        }
    }

    asio::ip::tcp::endpoint endpoint() const { return server.localEndpoint(); }

    asio::io_context io;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work{io.get_executor()};
    EchoHandler http;
    EchoWebSockets webSockets;
    HttpServer server;
    std::vector<std::thread> threads;
};

bool isProblem(const netclient::Response& response, int status, std::string_view typeSuffix) {
    if (response.result_int() != static_cast<unsigned>(status) ||
        response[http::field::content_type] != "application/problem+json" ||
        response[http::field::server] != "usher") {
        qWarning("status %u, content type %s", response.result_int(),
                 std::string(response[http::field::content_type]).c_str());
        return false;
    }
    const auto body = boost::json::parse(response.body()).as_object();
    const std::string type(body.at("type").as_string());
    if (body.at("status").as_int64() != status || !type.ends_with(typeSuffix)) {
        qWarning("problem %s", response.body().c_str());
        return false;
    }
    return true;
}

bool closedByServer(error_code ec) {
    return ec == asio::error::eof || ec == asio::error::connection_reset ||
           ec == boost::beast::http::error::end_of_stream;
}

} // namespace

class TestHttpServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void getIsAnsweredFromAnotherThread() {
        Fixture f;
        HttpTestClient client(f.endpoint());
        QVERIFY(!client.connectError());
        auto response = client.request(netclient::makeRequest(http::verb::get, "/hello"));
        QVERIFY2(response.hasValue(), response ? "" : response.error().message().c_str());
        QCOMPARE(response->result_int(), 200u);
        QCOMPARE(response->body(), std::string("GET /hello "));
        QCOMPARE(std::string((*response)[http::field::server]), std::string("usher"));
        QCOMPARE(std::string((*response)["X-Peer"]), std::string("127.0.0.1"));
        QCOMPARE(f.http.calls.load(), 1);
    }

    void keepAliveServesSeveralRequestsOnOneConnection() {
        Fixture f;
        HttpTestClient client(f.endpoint());
        for (int i = 0; i < 3; ++i) {
            const std::string target = "/r" + std::to_string(i);
            auto response = client.request(netclient::makeRequest(http::verb::post, target, "body"));
            QVERIFY2(response.hasValue(), response ? "" : response.error().message().c_str());
            QCOMPARE(response->body(), "POST " + target + " body");
            QVERIFY(response->keep_alive());
        }
        QCOMPARE(f.http.calls.load(), 3);
        QCOMPARE(f.server.activeConnections(), std::size_t(1));
    }

    void headRequestGetsHeadersOnly() {
        Fixture f;
        HttpTestClient client(f.endpoint());
        QVERIFY(!client.write(netclient::makeRequest(http::verb::head, "/h")));
        auto response = client.read(true);
        QVERIFY2(response.hasValue(), response ? "" : response.error().message().c_str());
        QCOMPARE(response->result_int(), 200u);
        QCOMPARE(std::string((*response)[http::field::content_length]), std::string("8")); // "HEAD /h "
        // Had a body followed, this next response would not parse.
        auto next = client.request(netclient::makeRequest(http::verb::get, "/after"));
        QVERIFY2(next.hasValue(), next ? "" : next.error().message().c_str());
        QCOMPARE(next->body(), std::string("GET /after "));
    }

    void expectContinueIsHonoured() {
        Fixture f;
        HttpTestClient client(f.endpoint());
        QVERIFY(!client.writeRaw(
            "POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
        auto interim = client.read();
        QVERIFY(interim.hasValue());
        QCOMPARE(interim->result_int(), 100u);
        QVERIFY(!client.writeRaw("hello"));
        auto response = client.read();
        QVERIFY(response.hasValue());
        QCOMPARE(response->body(), std::string("POST /c hello"));
    }

    void bodyOverTheLimitIs413AndNeverReachesTheHandler() {
        Limits limits;
        limits.maxBodyBytes = 1024;
        Fixture f(limits);
        {
            // Refused from Content-Length alone, before the body is read.
            HttpTestClient client(f.endpoint());
            auto response =
                client.request(netclient::makeRequest(http::verb::post, "/big", std::string(4096, 'x')));
            QVERIFY2(response.hasValue(), response ? "" : response.error().message().c_str());
            QVERIFY(isProblem(*response, 413, "/payload-too-large"));
            QVERIFY(!response->keep_alive());
        }
        {
            // A chunked body has no length up front: refused while reading.
            HttpTestClient client(f.endpoint());
            const std::string chunk(2000, 'y');
            std::string raw = "POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
            raw += "7d0\r\n" + chunk + "\r\n0\r\n\r\n";
            QVERIFY(!client.writeRaw(raw));
            auto response = client.read();
            QVERIFY2(response.hasValue(), response ? "" : response.error().message().c_str());
            QVERIFY(isProblem(*response, 413, "/payload-too-large"));
        }
        QCOMPARE(f.http.calls.load(), 0);
    }

    void headerOverTheLimitIs431() {
        Fixture f;
        HttpTestClient client(f.endpoint());
        auto request = netclient::makeRequest(http::verb::get, "/");
        request.set("X-Big", std::string(9000, 'a'));
        auto response = client.request(request);
        QVERIFY2(response.hasValue(), response ? "" : response.error().message().c_str());
        QVERIFY(isProblem(*response, 431, "about:blank"));
        QCOMPARE(f.http.calls.load(), 0);
    }

    void malformedRequestLineIs400() {
        Fixture f;
        HttpTestClient client(f.endpoint());
        QVERIFY(!client.writeRaw("GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n"));
        auto response = client.read();
        QVERIFY2(response.hasValue(), response ? "" : response.error().message().c_str());
        QVERIFY(isProblem(*response, 400, "about:blank"));
        QVERIFY(closedByServer(client.waitForClose()));
        QCOMPARE(f.http.calls.load(), 0);
    }

    void slowClientIsDisconnected() {
        Limits limits;
        limits.requestTimeout = std::chrono::seconds(1);
        Fixture f(limits);
        HttpTestClient client(f.endpoint());
        QVERIFY(!client.writeRaw("GET / HTTP/1.1\r\nHost: x\r\nX-Half: "));
        const error_code ec = client.waitForClose();
        QVERIFY2(closedByServer(ec), ec.message().c_str());
        QCOMPARE(f.http.calls.load(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(f.server.activeConnections(), std::size_t(0), kWaitMs);
    }

    void tooManyConnectionsGets503() {
        Limits limits;
        limits.maxConnections = 1;
        Fixture f(limits);
        HttpTestClient first(f.endpoint());
        QVERIFY(first.request(netclient::makeRequest(http::verb::get, "/one")).hasValue());
        HttpTestClient second(f.endpoint());
        QVERIFY(!second.connectError());
        auto response = second.read();
        QVERIFY2(response.hasValue(), response ? "" : response.error().message().c_str());
        QVERIFY(isProblem(*response, 503, "/service-unavailable"));
        QCOMPARE(std::string((*response)[http::field::retry_after]), std::string("1"));
        // The first connection is unaffected.
        QVERIFY(first.request(netclient::makeRequest(http::verb::get, "/two")).hasValue());
    }

    void clientGoneBeforeTheReplyDoesNotHurt() {
        Fixture f;
        {
            HttpTestClient client(f.endpoint());
            QVERIFY(!client.write(netclient::makeRequest(http::verb::get, "/slow")));
            QTRY_COMPARE_WITH_TIMEOUT(f.http.slowStarted.load(), 1, kWaitMs);
            client.close();
        }
        f.http.release(); // the reply is written to a closed socket
        QTRY_COMPARE_WITH_TIMEOUT(f.server.activeConnections(), std::size_t(0), kWaitMs);
        HttpTestClient again(f.endpoint());
        auto response = again.request(netclient::makeRequest(http::verb::get, "/still-here"));
        QVERIFY(response.hasValue());
        QCOMPARE(response->result_int(), 200u);
    }

    void webSocketEcho() {
        Fixture f;
        WebSocketTestClient client(f.endpoint(), "/api/v1/ws");
        QVERIFY2(!client.handshakeError(), client.handshakeError().message().c_str());
        QCOMPARE(std::string(client.handshakeResponse()[http::field::server]), std::string("usher"));
        auto welcome = client.read();
        QVERIFY(welcome.hasValue());
        QCOMPARE(*welcome, std::string("welcome"));
        QTRY_COMPARE_WITH_TIMEOUT(f.server.activeWebSockets(), std::size_t(1), kWaitMs);
        for (const std::string text : {"hello", "{\"type\":\"ping\"}", ""}) {
            QVERIFY(!client.send(text));
            auto echoed = client.read();
            QVERIFY2(echoed.hasValue(), echoed ? "" : echoed.error().message().c_str());
            QCOMPARE(*echoed, text);
        }
        QVERIFY(!client.close());
        QTRY_COMPARE_WITH_TIMEOUT(f.webSockets.closed.load(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(f.server.activeWebSockets(), std::size_t(0), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(f.server.activeConnections(), std::size_t(0), kWaitMs);
        QCOMPARE(f.http.calls.load(), 0);
    }

    void webSocketMessageOverTheLimitCloses1009() {
        Limits limits;
        limits.maxWebSocketMessageBytes = 1024;
        Fixture f(limits);
        WebSocketTestClient client(f.endpoint(), "/api/v1/ws");
        QVERIFY(!client.handshakeError());
        QVERIFY(client.read().hasValue()); // welcome
        QVERIFY(!client.send(std::string(1024, 'a')));
        QCOMPARE(client.read().value().size(), std::size_t(1024)); // at the limit is fine
        QVERIFY(!client.send(std::string(2000, 'a')));
        auto result = client.read();
        QVERIFY(!result.hasValue());
        QVERIFY2(result.error() == websocket::error::closed, result.error().message().c_str());
        QCOMPARE(static_cast<int>(client.closeReason().code),
                 static_cast<int>(websocket::close_code::too_big));
        QTRY_COMPARE_WITH_TIMEOUT(f.webSockets.closed.load(), 1, kWaitMs);
    }

    void webSocketThatFallsBehindIsClosed1008() {
        Limits limits;
        limits.maxWebSocketQueueBytes = 256 * 1024;
        Fixture f(limits);
        WebSocketTestClient client(f.endpoint(), "/api/v1/ws");
        QVERIFY(!client.handshakeError());
        QVERIFY(client.read().hasValue()); // welcome
        QVERIFY(!client.send("flood"));
        int received = 0;
        auto result = client.read();
        for (; result.hasValue(); result = client.read()) {
            ++received;
        }
        QVERIFY2(result.error() == websocket::error::closed, result.error().message().c_str());
        QCOMPARE(static_cast<int>(client.closeReason().code),
                 static_cast<int>(websocket::close_code::policy_error));
        QCOMPARE(std::string(client.closeReason().reason.c_str()), std::string("too slow"));
        QVERIFY(received < 200);
        QTRY_COMPARE_WITH_TIMEOUT(f.webSockets.closed.load(), 1, kWaitMs);
    }

    void refusedUpgradeGetsTheRefusal() {
        Fixture f;
        {
            WebSocketTestClient client(f.endpoint(), "/refuse");
            QVERIFY(client.handshakeError() == websocket::error::upgrade_declined);
            const auto& response = client.handshakeResponse();
            QCOMPARE(response.result_int(), 403u);
            QCOMPARE(response.body(), std::string("no"));
            QCOMPARE(std::string(response[http::field::content_length]), std::string("2"));
            QCOMPARE(std::string(response[http::field::server]), std::string("usher"));
        }
        {
            WebSocketTestClient client(f.endpoint(), "/refuse-default");
            QVERIFY(client.handshakeError() == websocket::error::upgrade_declined);
            QVERIFY(isProblem(client.handshakeResponse(), 404, "/not-found"));
        }
        QCOMPARE(f.webSockets.opened.load(), 2);
        QCOMPARE(f.webSockets.closed.load(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(f.server.activeConnections(), std::size_t(0), kWaitMs);
        QCOMPARE(f.server.activeWebSockets(), std::size_t(0));
    }

    void drainFinishesInFlightWorkAndClosesWebSockets() {
        Fixture f;
        WebSocketTestClient socket(f.endpoint(), "/api/v1/ws");
        QVERIFY(!socket.handshakeError());
        QVERIFY(socket.read().hasValue()); // welcome
        HttpTestClient idle(f.endpoint());
        QVERIFY(idle.request(netclient::makeRequest(http::verb::get, "/first")).hasValue());
        HttpTestClient slow(f.endpoint());
        QVERIFY(!slow.write(netclient::makeRequest(http::verb::get, "/slow")));
        QTRY_COMPARE_WITH_TIMEOUT(f.http.slowStarted.load(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(f.server.activeWebSockets(), std::size_t(1), kWaitMs);

        std::atomic<int> doneCalls{0};
        f.server.drain(std::chrono::seconds(30), [&doneCalls] { ++doneCalls; });

        // The WebSocket is told the server is going away.
        auto closed = socket.read();
        QVERIFY(!closed.hasValue());
        QVERIFY2(closed.error() == websocket::error::closed, closed.error().message().c_str());
        QCOMPARE(static_cast<int>(socket.closeReason().code),
                 static_cast<int>(websocket::close_code::going_away));
        // An idle keep-alive connection is closed without an answer.
        QVERIFY(closedByServer(idle.waitForClose()));
        // A new connection gets nothing: refused, or closed at once without a response.
        {
            HttpTestClient late(f.endpoint());
            if (!late.connectError()) {
                auto response = late.request(netclient::makeRequest(http::verb::get, "/late"));
                QVERIFY(!response.hasValue());
            }
        }
        // The request in flight still gets its answer, with Connection: close.
        QCOMPARE(doneCalls.load(), 0);
        f.http.release();
        auto response = slow.read();
        QVERIFY2(response.hasValue(), response ? "" : response.error().message().c_str());
        QCOMPARE(response->result_int(), 200u);
        QCOMPARE(response->body(), std::string("GET /slow "));
        QVERIFY(!response->keep_alive());
        slow.close();

        QTRY_COMPARE_WITH_TIMEOUT(doneCalls.load(), 1, kWaitMs);
        QCOMPARE(f.server.activeConnections(), std::size_t(0));
        QCOMPARE(f.http.calls.load(), 2);
        QCOMPARE(f.webSockets.closed.load(), 1);
    }

    void drainDeadlineCallsDoneWithWorkStillOpen() {
        Fixture f;
        HttpTestClient slow(f.endpoint());
        QVERIFY(!slow.write(netclient::makeRequest(http::verb::get, "/slow")));
        QTRY_COMPARE_WITH_TIMEOUT(f.http.slowStarted.load(), 1, kWaitMs);
        std::atomic<int> doneCalls{0};
        f.server.drain(std::chrono::milliseconds(100), [&doneCalls] { ++doneCalls; });
        QTRY_COMPARE_WITH_TIMEOUT(doneCalls.load(), 1, kWaitMs);
        // The connection was cut at the deadline.
        QVERIFY(closedByServer(slow.waitForClose()));
    }

    void drainWithNothingOpenIsDoneAtOnce() {
        Fixture f;
        std::atomic<int> doneCalls{0};
        f.server.drain(std::chrono::seconds(30), [&doneCalls] { ++doneCalls; });
        QTRY_COMPARE_WITH_TIMEOUT(doneCalls.load(), 1, kWaitMs);
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_http_server.moc"
