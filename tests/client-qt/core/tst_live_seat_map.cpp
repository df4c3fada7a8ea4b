// The box office's connection to a real usher-server (demo data, on the test PostgreSQL): sign in,
// load an event's seat map, follow it live while another client holds and buys a seat, and keep it
// right when the server goes away and comes back.

#include "client-qt/core/api_client.h"
#include "client-qt/core/live_feed.h"
#include "client-qt/core/session.h"
#include "client-qt/sales/live_seat_map.h"
#include "common/layout/layout_json.h"
#include "common/protocol/holds.h"
#include "common/protocol/orders.h"
#include "tests/client-qt/support/running_server.h"

#include <QSignalSpy>
#include <QtTest>

using namespace usher;
using usher::testing::RunningServer;

namespace {

constexpr int kWaitMs = 20000;

// Runs one asynchronous call to its end.
template <typename T, typename Call>
Expected<T, core::ApiError> await(Call call) {
    std::optional<Expected<T, core::ApiError>> result;
    call([&](Expected<T, core::ApiError> answer) { result.emplace(std::move(answer)); });
    QElapsedTimer waited;
    waited.start();
    while (!result && waited.elapsed() < kWaitMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (!result) {
        return unexpected(core::ApiError{0, {}, QStringLiteral("no answer in time"), {}, {}});
    }
    return std::move(*result);
}

QString demoUser(const char* name) {
    return QString::fromLatin1(name) + QStringLiteral("@demo.usher");
}

} // namespace

class TestLiveSeatMap : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<RunningServer> m_server;
    QString m_eventId; // a Grand Theatre performance of the demo data

    std::unique_ptr<core::ApiClient> signIn(const char* who) {
        auto client = std::make_unique<core::ApiClient>(m_server->url());
        const auto login = await<protocol::LoginResponse>([&](auto done) {
            client->login(demoUser(who), QString::fromLatin1(RunningServer::kDemoPassword), done);
        });
        if (!login) {
            qWarning() << "login failed:" << login.error().message;
            return nullptr;
        }
        return client;
    }

    // The customer takes a seat and, when `buy`, pays for it.
    bool customerTakes(const char* seat, bool buy) {
        auto customer = signIn("customer");
        if (!customer) {
            return false;
        }
        const QByteArray holdBody = QByteArrayLiteral("{\"seats\":[\"") + seat + "\"]}";
        const auto hold = await<protocol::HoldResponse>([&](auto done) {
            customer->call<protocol::HoldResponse>(
                "POST", QStringLiteral("/api/v1/events/%1/holds").arg(m_eventId), holdBody, done);
        });
        if (!hold) {
            qWarning() << "hold failed:" << hold.error().message;
            return false;
        }
        if (!buy) {
            return true;
        }
        const auto order = await<protocol::OrderResponse>([&](auto done) {
            customer->call<protocol::OrderResponse>(
                "POST", QStringLiteral("/api/v1/holds/%1/commit").arg(QString::fromStdString(hold->holdId)),
                QByteArrayLiteral("{\"payment\":{\"method\":\"test_card\",\"token\":\"tok_visa\"}}"), done,
                {{"Idempotency-Key", QByteArray("buy-") + seat}});
        });
        if (!order) {
            qWarning() << "commit failed:" << order.error().message;
        }
        return order.hasValue();
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        m_server = RunningServer::create(error);
        QVERIFY2(m_server, qPrintable(error));
        auto clerk = signIn("clerk");
        QVERIFY(clerk);
        const auto events = await<protocol::EventPage>([&](auto done) { clerk->events(done); });
        QVERIFY2(events, qPrintable(events ? QString() : events.error().message));
        for (const protocol::EventSummary& event : events->data) {
            if (event.venue == "Grand Theatre" && event.availability.available == event.availability.total) {
                m_eventId = QString::fromStdString(event.id);
                break;
            }
        }
        QVERIFY2(!m_eventId.isEmpty(), "no untouched Grand Theatre event in the demo data");
    }
    void cleanupTestCase() { m_server.reset(); }

    void aWrongPasswordIsAReadableError() {
        core::ApiClient client(m_server->url());
        const auto login = await<protocol::LoginResponse>(
            [&](auto done) { client.login(demoUser("clerk"), QStringLiteral("not the password"), done); });
        QVERIFY(!login);
        QCOMPARE(login.error().status, 401);
        QVERIFY(!login.error().message.isEmpty());
        QVERIFY(client.accessToken().isEmpty());
    }

    void anUnreachableServerIsAReadableError() {
        core::ApiClient client(QUrl(QStringLiteral("http://127.0.0.1:9")));
        const auto events = await<protocol::EventPage>([&](auto done) { client.events(done); });
        QVERIFY(!events);
        QVERIFY(events.error().unreachable());
        QVERIFY(events.error().message.contains(QStringLiteral("cannot be reached")));
    }

    void aSessionRenewsItsTokensBeforeTheyExpire() {
        core::ApiClient client(m_server->url());
        const auto login = await<protocol::LoginResponse>([&](auto done) {
            client.login(demoUser("clerk"), QString::fromLatin1(RunningServer::kDemoPassword), done);
        });
        QVERIFY(login);
        core::Session session(client, *login);
        // 4/5 of the access token's 15 minutes, give or take the timer's coarseness.
        QVERIFY(session.untilRefresh() > std::chrono::minutes(11));
        QVERIFY(session.untilRefresh() < std::chrono::seconds(12 * 60 + 40));
        QSignalSpy renewed(&session, &core::Session::accessTokenChanged);
        QSignalSpy rotated(&session, &core::Session::refreshTokenChanged);
        QSignalSpy expired(&session, &core::Session::expired);
        const QString first = client.accessToken();
        for (int round = 1; round <= 2; ++round) { // refresh tokens are single-use: each round gets a new one
            session.refresh();
            QTRY_COMPARE_WITH_TIMEOUT(renewed.count(), round, kWaitMs);
        }
        QCOMPARE(expired.count(), 0);
        QVERIFY(client.accessToken() != first);
        QCOMPARE(renewed.last().at(0).toString(), client.accessToken());
        // Each new refresh token is announced, for the keychain.
        QCOMPARE(rotated.count(), 2);
        QCOMPARE(rotated.last().at(0).toString(), session.refreshToken());
        QVERIFY(session.refreshToken() != QString::fromStdString(login->refreshToken));
        const auto events = await<protocol::EventPage>([&](auto done) { client.events(done); });
        QVERIFY(events);
    }

    void aRefusedRefreshAsksToSignInAgain() {
        core::ApiClient client(m_server->url());
        protocol::LoginResponse spent;
        spent.accessToken = "not-a-token";
        spent.refreshToken = "not-a-refresh-token";
        spent.expiresIn = 900;
        core::Session session(client, spent);
        QSignalSpy expired(&session, &core::Session::expired);
        session.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(expired.count(), 1, kWaitMs);
        QVERIFY(!expired.first().at(0).toString().isEmpty());
    }

    void theMapFollowsOtherSalesAndSurvivesTheServerGoingAway() {
        auto clerk = signIn("clerk");
        QVERIFY(clerk);
        const auto map =
            await<protocol::SeatmapResponse>([&](auto done) { clerk->seatmap(m_eventId, done); });
        QVERIFY2(map, qPrintable(map ? QString() : map.error().message));
        auto venue = layout::layoutFromJsonValue(map->layout);
        QVERIFY(venue);
        seatmap::SeatMapModel model;
        model.setLayout(std::move(*venue));
        QCOMPARE(model.seatCount(), std::size_t{1100});

        core::LiveFeed feed;
        sales::LiveSeatMap live(model, feed, m_eventId);
        live.applySnapshot(map->seats);
        QCOMPARE(model.countIn(seatmap::SeatState::Available), std::size_t{1100});
        feed.open(m_server->url(), clerk->accessToken());
        QTRY_COMPARE_WITH_TIMEOUT(feed.state(), core::LiveFeed::State::Online, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(feed.seq(m_eventId) >= 0, kWaitMs); // the snapshot came

        // Another client holds a seat, then buys it: this map sees both.
        const std::uint32_t a12 = *model.find("ST-A-12");
        QVERIFY(customerTakes("ST-A-12", false));
        QTRY_COMPARE_WITH_TIMEOUT(model.state(a12), seatmap::SeatState::HeldByOthers, kWaitMs);
        live.setOwnSeats({QStringLiteral("ST-A-12")}); // as if it were this clerk's hold
        QCOMPARE(model.state(a12), seatmap::SeatState::HeldByMe);
        live.setOwnSeats({});
        QCOMPARE(model.state(a12), seatmap::SeatState::HeldByOthers);
        const std::uint32_t a14 = *model.find("ST-A-14");
        QVERIFY(customerTakes("ST-A-14", true));
        QTRY_COMPARE_WITH_TIMEOUT(model.state(a14), seatmap::SeatState::Sold, kWaitMs);

        // The server goes away: the feed says so and keeps trying; a sale made while it could not
        // listen reaches the map after it is back.
        m_server->stop();
        QTRY_COMPARE_WITH_TIMEOUT(feed.state(), core::LiveFeed::State::Offline, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(feed.reconnectDelayMs() >= 4000, kWaitMs); // it has retried
        const std::int64_t seqBefore = feed.seq(m_eventId);
        QString error;
        QVERIFY2(m_server->start(error), qPrintable(error));
        const std::uint32_t a16 = *model.find("ST-A-16");
        QVERIFY(customerTakes("ST-A-16", true));
        QTRY_COMPARE_WITH_TIMEOUT(feed.state(), core::LiveFeed::State::Online, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(model.state(a16), seatmap::SeatState::Sold, kWaitMs);
        QVERIFY(feed.seq(m_eventId) > seqBefore);
        QCOMPARE(model.state(a14), seatmap::SeatState::Sold);
        QCOMPARE(model.countIn(seatmap::SeatState::Sold), std::size_t{2});
        QCOMPARE(live.unknownSeats(), 0);
    }
};

QTEST_MAIN(TestLiveSeatMap)
#include "tst_live_seat_map.moc"
