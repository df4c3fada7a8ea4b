#include "client-qt/app/main_window.h"

#include "client-qt/app/shortcut_sheet.h"
#include "client-qt/app/sign_in_dialog.h"
#include "common/layout/layout_json.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include <chrono>

namespace usher::app {

MainWindow::MainWindow(std::unique_ptr<core::ApiClient> client, protocol::LoginResponse login, QString user,
                       QString device, QWidget* parent)
    : QMainWindow(parent), m_client(std::move(client)), m_login(std::move(login)),
      m_picker(new sales::EventPicker), m_view(new seatmap::SeatMapView(m_model)),
      m_legend(new seatmap::SeatMapLegend(m_model)), m_title(new QLabel), m_staleBanner(new QLabel),
      m_connection(new QLabel), m_clerk(new QLabel), m_device(new QLabel), m_shift(new QLabel) {
    setWindowTitle(tr("Usher Box Office"));

    auto* centre = new QWidget;
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(tr("Pick a performance"));
    m_staleBanner->setText(tr("Offline: the map may be stale. Reconnecting..."));
    m_staleBanner->setStyleSheet(
        QStringLiteral("background: #fff3cd; color: #5c4400; border: 1px solid #e0c36b; padding: 6px;"));
    m_staleBanner->setAccessibleName(m_staleBanner->text());
    m_staleBanner->hide();
    centreLayout->addWidget(m_title);
    centreLayout->addWidget(m_staleBanner);
    centreLayout->addWidget(m_view, 1);

    auto* splitter = new QSplitter;
    splitter->addWidget(m_picker);
    splitter->addWidget(centre);
    splitter->addWidget(m_legend);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 900, 170});
    setCentralWidget(splitter);

    QMenu* sale = menuBar()->addMenu(tr("&Sale"));
    QAction* search = sale->addAction(tr("&Find performance"));
    search->setShortcut(QKeySequence::Find);
    connect(search, &QAction::triggered, this, [this] {
        m_picker->searchField()->setFocus();
        m_picker->searchField()->selectAll();
    });
    QAction* map = sale->addAction(tr("Seat &map"));
    map->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(map, &QAction::triggered, this, [this] { m_view->setFocus(); });
    QAction* refresh = sale->addAction(tr("&Reload performances"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, &MainWindow::loadEvents);
    sale->addSeparator();
    QAction* quit = sale->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);
    QMenu* settings = menuBar()->addMenu(tr("Se&ttings"));
    QMenu* language = settings->addMenu(tr("&Language"));
    const QList<QPair<QString, QString>> languages{{QString(), tr("System default")},
                                                   {QStringLiteral("en"), QStringLiteral("English")},
                                                   {QStringLiteral("de"), QStringLiteral("Deutsch")},
                                                   {QStringLiteral("fr"), QStringLiteral("Français")}};
    const QString current = QSettings().value(QStringLiteral("ui/language")).toString();
    auto* languageGroup = new QActionGroup(this);
    for (const auto& [code, name] : languages) {
        QAction* choice = language->addAction(name);
        choice->setCheckable(true);
        choice->setChecked(code == current);
        languageGroup->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            QMessageBox::information(this, tr("Language"),
                                     tr("The new language is used from the next start."));
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard shortcuts"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    for (QMenu* menu : {sale, help}) {
        for (QAction* action : menu->actions()) {
            if (!action->shortcut().isEmpty()) {
                action->setToolTip(tr("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                     action->shortcut().toString(QKeySequence::NativeText)));
                m_actions << action;
            }
        }
    }

    m_clerk->setText(tr("Signed in: %1 (%2)")
                         .arg(user, QString::fromStdString(std::string(
                                        protocol::nameOf(protocol::kRoleNames, m_login.user.role)))));
    m_device->setText(tr("Device: %1").arg(device));
    m_shift->setText(tr("No shift open"));
    for (QLabel* label : {m_connection, m_clerk, m_device, m_shift}) {
        label->setContentsMargins(8, 0, 8, 0);
        statusBar()->addPermanentWidget(label);
    }

    m_user = user;
    startSession(m_login);
    connect(&m_feed, &core::LiveFeed::stateChanged, this, &MainWindow::showConnection);
    connect(m_picker, &sales::EventPicker::eventPicked, this, &MainWindow::openEvent);
    showConnection(m_feed.state());
    m_feed.open(m_client->server(), m_client->accessToken());
    loadEvents();
}

void MainWindow::loadEvents() {
    m_client->events([this](Expected<protocol::EventPage, core::ApiError> page) {
        if (!page) {
            m_picker->setMessage(tr("The performances could not be loaded: %1").arg(page.error().message));
            return;
        }
        const auto now =
            std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
        m_picker->setEvents(std::move(page->data), Timestamp(now.time_since_epoch()));
    });
}

void MainWindow::openEvent(const protocol::EventSummary& event) {
    const QString id = QString::fromStdString(event.id);
    const QString title = QString::fromStdString(event.name + " · " + event.venue);
    m_title->setText(tr("%1 (loading...)").arg(title));
    m_client->seatmap(id, [this, id, title](Expected<protocol::SeatmapResponse, core::ApiError> map) {
        if (!map) {
            m_title->setText(tr("%1: the seat map could not be loaded: %2").arg(title, map.error().message));
            return;
        }
        auto venue = layout::layoutFromJsonValue(map->layout);
        if (!venue) {
            m_title->setText(tr("%1: the seat map could not be read").arg(title));
            return;
        }
        if (m_live) {
            m_feed.unsubscribe(m_live->eventId());
            m_live.reset();
        }
        m_model.setLayout(std::move(*venue));
        m_live = std::make_unique<sales::LiveSeatMap>(m_model, m_feed, id);
        m_live->applySnapshot(map->seats);
        m_title->setText(title);
        m_view->setFocus();
    });
}

void MainWindow::startSession(const protocol::LoginResponse& login) {
    m_session = std::make_unique<core::Session>(*m_client, login);
    connect(m_session.get(), &core::Session::accessTokenChanged, &m_feed, &core::LiveFeed::setAccessToken);
    connect(m_session.get(), &core::Session::expired, this, &MainWindow::signInAgain);
    // The next start resumes the session from the keychain (when there is one) without a password.
    const QString server = m_client->server().toString();
    const auto keep = [this, server](const QString& token) { m_credentials.save(server, m_user, token); };
    keep(m_session->refreshToken());
    connect(m_session.get(), &core::Session::refreshTokenChanged, this, keep);
}

void MainWindow::signInAgain(const QString& why) {
    // Queued: the session that reported this is replaced below, so it must not be on the stack.
    QMetaObject::invokeMethod(
        this,
        [this, why] {
            m_credentials.forget(m_client->server().toString(), m_user);
            SignInDialog dialog(m_client->server().toString(), m_user, this);
            dialog.setWindowTitle(tr("Sign in again"));
            dialog.setToolTip(why);
            if (dialog.exec() != QDialog::Accepted) {
                close();
                return;
            }
            startSession(dialog.login());
            m_feed.setAccessToken(m_client->accessToken());
        },
        Qt::QueuedConnection);
}

void MainWindow::showShortcuts() {
    ShortcutSheet sheet(m_actions, this);
    sheet.exec();
}

QString MainWindow::connectionText() const {
    return m_connection->text();
}

bool MainWindow::staleBannerShown() const {
    return !m_staleBanner->isHidden();
}

void MainWindow::showConnection(core::LiveFeed::State state) {
    switch (state) {
    case core::LiveFeed::State::Online:
        m_connection->setText(tr("Online"));
        m_connection->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        break;
    case core::LiveFeed::State::Connecting:
    case core::LiveFeed::State::Disconnected:
        m_connection->setText(tr("Connecting..."));
        m_connection->setStyleSheet({});
        break;
    case core::LiveFeed::State::Offline:
        m_connection->setText(tr("Offline"));
        m_connection->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
        break;
    }
    m_staleBanner->setVisible(state == core::LiveFeed::State::Offline);
}

} // namespace usher::app
