#pragma once

#include "client-qt/app/main_window.h"
#include "client-qt/app/sign_in_dialog.h"
#include "tests/client-qt/support/running_server.h"

#include <QDebug>
#include <QtTest>

#include <memory>

namespace usher::testing {

// The counter window signed in as the demo clerk through the real sign-in dialog, shown at
// 1366x768 (the screenshots' size); null when signing in fails.
inline std::unique_ptr<app::MainWindow> counterWindow(const RunningServer& server, const QString& device,
                                                      int waitMs) {
    app::SignInDialog dialog(server.url().toString(), QStringLiteral("clerk@demo.usher"));
    dialog.setPassword(QString::fromLatin1(RunningServer::kDemoPassword));
    dialog.signIn();
    if (!QTest::qWaitFor([&] { return dialog.result() == QDialog::Accepted; }, waitMs)) {
        qWarning() << "not signed in:" << dialog.error();
        return nullptr;
    }
    auto window =
        std::make_unique<app::MainWindow>(dialog.takeClient(), dialog.login(), dialog.user(), device);
    window->resize(1366, 768);
    window->show();
    return window;
}

} // namespace usher::testing
