#pragma once

#include "client-qt/core/api_client.h"
#include "tests/client-qt/support/running_server.h"

#include <QtTest>

#include <memory>

namespace usher::testing {

// An ApiClient signed in as one of the demo accounts (admin@demo.usher, clerk@demo.usher) of a
// RunningServer, or with another password; its access token is empty when the sign-in failed.
inline std::unique_ptr<core::ApiClient>
signedInClient(const QUrl& server, const QString& email,
               const QString& password = QString::fromLatin1(RunningServer::kDemoPassword),
               int waitMs = 20000) {
    auto client = std::make_unique<core::ApiClient>(server);
    bool done = false;
    client->login(email, password, [&](Expected<protocol::LoginResponse, core::ApiError> answer) {
        if (answer) {
            client->setAccessToken(QString::fromStdString(answer->accessToken));
        }
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, waitMs);
    return client;
}

} // namespace usher::testing
