#include "server/observability/log.h"
#include "server/observability/metrics.h"

#include <QTest>

#include <boost/json/parse.hpp>

#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace usher::server::observability;

namespace {

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// Routes the log into a string for the lifetime of the object.
class CapturedLog {
public:
    CapturedLog() { setLogSinkForTests(m_out); }
    ~CapturedLog() { resetLogSink(); }
    std::vector<std::string> lines() const { return linesOf(m_out.str()); }

private:
    std::ostringstream m_out;
};

// The value of one sample line ("name{labels} value") of a Prometheus text page; -1 if absent.
double sample(const std::string& page, const std::string& series) {
    for (const auto& line : linesOf(page)) {
        if (line.size() > series.size() && line.compare(0, series.size(), series) == 0 &&
            line[series.size()] == ' ') {
            return std::stod(line.substr(series.size() + 1));
        }
    }
    qWarning("no sample %s in\n%s", series.c_str(), page.c_str());
    return -1;
}

} // namespace

class TestObservability : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Runs first: nothing has called initLogging yet.
    void loggingWorksBeforeInitAtInfo() {
        CapturedLog log;
        QVERIFY(logEnabled(LogLevel::Info));
        QVERIFY(!logEnabled(LogLevel::Debug));
        logDebug("hidden");
        logInfo("shown");
        const auto lines = log.lines();
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(boost::json::parse(lines[0]).at("msg").as_string(), "shown");
    }

    void parsesLogLevels() {
        QVERIFY(parseLogLevel("debug").value() == LogLevel::Debug);
        QVERIFY(parseLogLevel("info").value() == LogLevel::Info);
        QVERIFY(parseLogLevel("warn").value() == LogLevel::Warn);
        QVERIFY(parseLogLevel("error").value() == LogLevel::Error);
        for (const char* bad : {"", "INFO", "warning", "trace"}) {
            auto result = parseLogLevel(bad);
            QVERIFY(!result.hasValue());
            QVERIFY2(result.error().find("debug, info, warn or error") != std::string::npos,
                     result.error().c_str());
        }
        QCOMPARE(toString(LogLevel::Warn), "warn");
    }

    void linesAreJsonObjectsWithEscapedFields() {
        initLogging(LogLevel::Info);
        CapturedLog log;
        logInfo("hold \"created\"\nnext line", {{"hold_id", "h\"1\\"}, {"seats", 3}, {"ok", true}});
        logError("second", {{"msg", "not the message"}, {"ts", 1}});
        const auto lines = log.lines();
        QCOMPARE(lines.size(), std::size_t(2)); // the newline in the message is escaped

        const auto first = boost::json::parse(lines[0]).as_object();
        QCOMPARE(first.at("level").as_string(), "info");
        QCOMPARE(first.at("msg").as_string(), "hold \"created\"\nnext line");
        QCOMPARE(first.at("hold_id").as_string(), "h\"1\\");
        QCOMPARE(first.at("seats").as_int64(), 3);
        QVERIFY(first.at("ok").as_bool());
        const std::string ts(first.at("ts").as_string());
        QVERIFY2(std::regex_match(
                     ts, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z")),
                 ts.c_str());
        // ts, level and msg come first so a person reading the raw line sees them at once.
        QVERIFY(lines[0].starts_with("{\"ts\":\""));

        const auto second = boost::json::parse(lines[1]).as_object();
        QCOMPARE(second.at("level").as_string(), "error");
        QCOMPARE(second.at("msg").as_string(), "second");
        QCOMPARE(second.at("field.msg").as_string(), "not the message");
        QCOMPARE(second.at("field.ts").as_int64(), 1);
        QVERIFY(second.at("ts").is_string());
    }

    void levelsFilter() {
        CapturedLog log;
        initLogging(LogLevel::Warn);
        logDebug("d");
        logInfo("i");
        logWarn("w");
        logError("e");
        initLogging(LogLevel::Debug);
        logDebug("d2");
        initLogging(LogLevel::Info);
        std::vector<std::string> seen;
        for (const auto& line : log.lines()) {
            const auto object = boost::json::parse(line).as_object();
            seen.push_back(std::string(object.at("level").as_string()) + ":" +
                           std::string(object.at("msg").as_string()));
        }
        QCOMPARE(seen, (std::vector<std::string>{"warn:w", "error:e", "debug:d2"}));
    }

    void concurrentLinesStayWhole() {
        CapturedLog log;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([t] {
                for (int i = 0; i < 200; ++i) {
                    logInfo("line", {{"thread", t}, {"i", i}, {"padding", std::string(100, 'x')}});
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        const auto lines = log.lines();
        QCOMPARE(lines.size(), std::size_t(800));
        for (const auto& line : lines) {
            QCOMPARE(boost::json::parse(line).at("msg").as_string(), "line");
        }
    }

    void metricsRenderFamiliesAndCounts() {
        Metrics metrics("9.9.9");
        metrics.observeRequest("/api/v1/holds/{id}", "GET", 200, 0.004);
        metrics.observeRequest("/api/v1/holds/{id}", "GET", 200, 0.2);
        metrics.observeRequest("/api/v1/holds/{id}", "GET", 404, 0.001);
        metrics.observeRequest("/api/v1/events", "GET", 200, 7.0);
        metrics.holdsCreated(2, 5);
        metrics.holdsExpired(3);
        metrics.ordersCommitted(1, 4);
        metrics.refundsIssued(1);
        metrics.webSocketOpened();
        metrics.webSocketOpened();
        metrics.webSocketClosed();
        metrics.setPoolUse(3, 10);

        const std::string page = metrics.render();
        for (const char* family :
             {"usher_http_requests_total", "usher_http_request_duration_seconds", "usher_holds_total",
              "usher_seats_held_total", "usher_holds_expired_total", "usher_orders_total",
              "usher_tickets_sold_total", "usher_refunds_total", "usher_websocket_sessions",
              "usher_db_pool_connections", "usher_db_pool_in_use", "usher_build_info"}) {
            QVERIFY2(page.find(std::string("# TYPE ") + family + " ") != std::string::npos, family);
        }
        const std::string hold = "method=\"GET\",route=\"/api/v1/holds/{id}\"";
        QCOMPARE(sample(page, "usher_http_requests_total{" + hold + ",status=\"200\"}"), 2.0);
        QCOMPARE(sample(page, "usher_http_requests_total{" + hold + ",status=\"404\"}"), 1.0);
        QCOMPARE(sample(page, "usher_http_request_duration_seconds_count{" + hold + "}"), 3.0);
        QCOMPARE(sample(page, "usher_http_request_duration_seconds_bucket{" + hold + ",le=\"0.001\"}"), 1.0);
        QCOMPARE(sample(page, "usher_http_request_duration_seconds_bucket{" + hold + ",le=\"0.005\"}"), 2.0);
        QCOMPARE(sample(page, "usher_http_request_duration_seconds_bucket{" + hold + ",le=\"5\"}"), 3.0);
        const std::string events = "method=\"GET\",route=\"/api/v1/events\"";
        QCOMPARE(sample(page, "usher_http_request_duration_seconds_bucket{" + events + ",le=\"5\"}"), 0.0);
        QCOMPARE(sample(page, "usher_http_request_duration_seconds_bucket{" + events + ",le=\"+Inf\"}"), 1.0);
        QCOMPARE(sample(page, "usher_holds_total"), 2.0);
        QCOMPARE(sample(page, "usher_seats_held_total"), 5.0);
        QCOMPARE(sample(page, "usher_holds_expired_total"), 3.0);
        QCOMPARE(sample(page, "usher_orders_total"), 1.0);
        QCOMPARE(sample(page, "usher_tickets_sold_total"), 4.0);
        QCOMPARE(sample(page, "usher_refunds_total"), 1.0);
        QCOMPARE(sample(page, "usher_websocket_sessions"), 1.0);
        QCOMPARE(sample(page, "usher_db_pool_in_use"), 3.0);
        QCOMPARE(sample(page, "usher_db_pool_connections"), 10.0);
        QCOMPARE(sample(page, "usher_build_info{version=\"9.9.9\"}"), 1.0);
    }

    void metricsCountEveryObservationAcrossThreads() {
        Metrics metrics;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&metrics, t] {
                for (int i = 0; i < 1000; ++i) {
                    metrics.observeRequest(i % 2 == 0 ? "/a" : "/b", "POST", 200 + t, 0.01);
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        const std::string page = metrics.render();
        QCOMPARE(sample(page, "usher_http_request_duration_seconds_count{method=\"POST\",route=\"/a\"}"),
                 2000.0);
        QCOMPARE(sample(page, "usher_http_requests_total{method=\"POST\",route=\"/b\",status=\"203\"}"),
                 500.0);
        // The default version is the project's.
        QVERIFY(page.find("usher_build_info{version=\"") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestObservability)
#include "tst_observability.moc"
