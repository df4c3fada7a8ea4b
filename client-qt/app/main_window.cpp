#include "client-qt/app/main_window.h"

#include "client-qt/admin/admin_window.h"
#include "client-qt/admin/staff_window.h"
#include "client-qt/app/sign_in_dialog.h"
#include "client-qt/core/money_text.h"
#include "client-qt/core/time_text.h"
#include "client-qt/designer/designer_window.h"
#include "client-qt/sales/shift_report.h"
#include "client-qt/sales/tender_dialog.h"
#include "client-qt/seatmap/shortcut_sheet.h"
#include "common/booking/best_available.h"
#include "common/layout/layout_json.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPdfWriter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <chrono>

namespace usher::app {

MainWindow::MainWindow(std::unique_ptr<core::ApiClient> client, protocol::LoginResponse login, QString user,
                       QString device, QWidget* parent)
    : QMainWindow(parent), m_client(std::move(client)), m_login(std::move(login)),
      m_device(std::move(device)), m_basket(*m_client), m_picker(new sales::EventPicker),
      m_view(new seatmap::SeatMapView(m_model)), m_legend(new seatmap::SeatMapLegend(m_model)),
      m_basketPanel(new sales::BasketPanel(m_basket)), m_title(new QLabel), m_staleBanner(new QLabel),
      m_connection(new QLabel), m_clerk(new QLabel), m_deviceLabel(new QLabel), m_shiftLabel(new QLabel) {
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

    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_legend);
    sideLayout->addWidget(m_basketPanel, 1);

    auto* splitter = new QSplitter;
    splitter->addWidget(m_picker);
    splitter->addWidget(centre);
    splitter->addWidget(side);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({250, 760, 340});
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
    QMenu* best = sale->addMenu(tr("&Best available"));
    for (int quantity = 1; quantity <= 9; ++quantity) {
        addSaleAction(best, tr("Best %1 together").arg(quantity),
                      QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + quantity)),
                      [this, quantity] { bestAvailable(quantity, false); });
    }
    QAction* next = addSaleAction(sale, tr("&Next best seats"), QKeySequence(Qt::CTRL | Qt::Key_N),
                                  [this] { bestAvailable(m_lastQuantity, true); });
    addSaleAction(sale, tr("&Standing places..."), QKeySequence(Qt::CTRL | Qt::Key_G),
                  [this] { chooseStanding(); });
    QAction* types = addSaleAction(sale, tr("&Ticket types"), QKeySequence(Qt::CTRL | Qt::Key_T),
                                   [this] { m_basketPanel->focusLines(); });
    QAction* remove = addSaleAction(sale, tr("Re&move seat"), QKeySequence(Qt::CTRL | Qt::Key_Delete),
                                    [this] { removeCurrentLine(); });
    QAction* clear =
        addSaleAction(sale, tr("&Clear basket"), QKeySequence(Qt::CTRL | Qt::Key_Backspace), [this] {
            m_basket.clear(); // the standing places too
            m_model.clearSelection();
        });
    QAction* payAction = addSaleAction(sale, tr("&Pay"), QKeySequence(Qt::Key_F12), [this] { pay(); });
    sale->addSeparator();
    addSaleAction(sale, tr("&Orders: find, refund, reprint..."), QKeySequence(Qt::CTRL | Qt::Key_O),
                  [this] { showOrders(); });
    addSaleAction(sale, tr("Print pre&view of the last sale"), QKeySequence::Print,
                  [this] { printPreview(); });
    addSaleAction(sale, tr("&Save the last sale's tickets as PDF..."),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] { saveTicketsAs(); });
    for (QAction* action : {next, types, remove, clear, payAction}) {
        m_basketPanel->addActionButton(action);
    }
    sale->addSeparator();
    QAction* refresh = sale->addAction(tr("&Reload performances"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, &MainWindow::loadEvents);
    sale->addSeparator();
    QAction* quit = sale->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);
    QMenu* shiftMenu = menuBar()->addMenu(tr("S&hift"));
    addSaleAction(shiftMenu, tr("&Open shift..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                  [this] { openShift(); });
    addSaleAction(shiftMenu, tr("&X report"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
                  [this] { showShiftReport(); });
    addSaleAction(shiftMenu, tr("&Close shift (Z report)..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                  [this] { closeShift(); });
    // Admins design venues here; clerks never see the menu (the server refuses them anyway).
    QMenu* admin = menuBar()->addMenu(tr("&Admin"));
    admin->menuAction()->setVisible(m_login.user.role == protocol::Role::Admin);
    addSaleAction(admin, tr("&Layout designer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                  [this] { showDesigner(); });
    addSaleAction(admin, tr("&Events, prices, holds and allotments"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), [this] { showEventAdmin(); });
    addSaleAction(admin, tr("&Users and roles"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                  [this] { showStaffAdmin(); });
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
    const std::function<void(QMenu*)> collect = [&](QMenu* menu) {
        for (QAction* action : menu->actions()) {
            if (action->menu()) {
                collect(action->menu());
            } else if (!action->shortcut().isEmpty()) {
                action->setToolTip(tr("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                     action->shortcut().toString(QKeySequence::NativeText)));
                m_actions << action;
            }
        }
    };
    for (QMenu* menu : {sale, shiftMenu, admin, help}) {
        collect(menu);
    }

    m_clerk->setText(tr("Signed in: %1 (%2)")
                         .arg(user, QString::fromStdString(std::string(
                                        protocol::nameOf(protocol::kRoleNames, m_login.user.role)))));
    m_deviceLabel->setText(tr("Device: %1").arg(m_device));
    m_shiftLabel->setText(tr("No shift open"));
    for (QLabel* label : {m_connection, m_clerk, m_deviceLabel, m_shiftLabel}) {
        label->setContentsMargins(8, 0, 8, 0);
        statusBar()->addPermanentWidget(label);
    }

    m_user = user;
    startSession(m_login);
    connect(&m_feed, &core::LiveFeed::stateChanged, this, &MainWindow::showConnection);
    connect(m_picker, &sales::EventPicker::eventPicked, this, &MainWindow::openEvent);
    connect(&m_model, &seatmap::SeatMapModel::selectionChanged, this, &MainWindow::followSelection);
    connect(&m_basket, &sales::Basket::heldSeatsChanged, this, [this](const QSet<QString>& seats) {
        if (m_live) {
            m_live->setOwnSeats(seats);
        }
    });
    connect(&m_basket, &sales::Basket::refused, this, [this](const QStringList& seats, const QString& why) {
        for (const QString& id : seats) {
            if (const auto seat = m_model.find(id.toStdString()); seat && m_model.isSelected(*seat)) {
                m_model.toggle(*seat);
            }
        }
        statusBar()->showMessage(why, 8000);
    });
    connect(&m_basket, &sales::Basket::expired, this, [this] {
        m_model.clearSelection();
        m_basketPanel->showMessage(tr("The seats were held too long and are back on sale."), false);
    });
    connect(&m_basket, &sales::Basket::paid, this, &MainWindow::onPaid);
    connect(&m_basket, &sales::Basket::payFailed, this,
            [this](const QString& why) { m_basketPanel->showMessage(tr("Not paid: %1").arg(why), false); });
    showConnection(m_feed.state());
    m_feed.open(m_client->server(), m_client->accessToken());
    loadEvents();
    loadShift();
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
    m_event = event;
    const QString id = QString::fromStdString(event.id);
    const QString title = QString::fromStdString(event.name + " · " + event.venue);
    m_title->setText(tr("%1 (loading...)").arg(title));
    m_client->event(id, [this, id, title](Expected<protocol::EventDetail, core::ApiError> detail) {
        if (!detail) {
            m_title->setText(
                tr("%1: the performance could not be loaded: %2").arg(title, detail.error().message));
            return;
        }
        loadSeatMap(id, title, std::move(*detail));
    });
}

void MainWindow::loadSeatMap(const QString& id, const QString& title, protocol::EventDetail detail) {
    m_client->seatmap(id, [this, id, title, detail = std::move(detail)](
                              Expected<protocol::SeatmapResponse, core::ApiError> map) mutable {
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
        const PriceTable& prices = detail.prices;
        m_basket.setEvent(id, prices, detail.ga);
        m_offered.clear();
        m_model.setLayout(std::move(*venue));
        QHash<QString, QString> fromPrices;
        for (const layout::PriceCategory& category : m_model.layout().categories) {
            Money cheapest{0, prices.currency()};
            bool any = false;
            for (const TicketType& type : prices.ticketTypes()) {
                if (auto price = prices.price(category.id, type.id);
                    price && (!any || price->amount < cheapest.amount)) {
                    cheapest = *price;
                    any = true;
                }
            }
            if (any) {
                fromPrices.insert(QString::fromStdString(category.id),
                                  tr("from %1").arg(core::moneyText(cheapest)));
            }
        }
        m_model.setCategoryPrices(std::move(fromPrices));
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
    seatmap::ShortcutSheet sheet(m_actions, seatmap::ShortcutSheet::seatMapKeys(), this);
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

QAction* MainWindow::addSaleAction(QMenu* menu, const QString& text, const QKeySequence& key,
                                   std::function<void()> run) {
    QAction* action = menu->addAction(text);
    action->setShortcut(key);
    connect(action, &QAction::triggered, this, std::move(run));
    return action;
}

void MainWindow::followSelection() {
    QSet<QString> seats;
    for (const std::uint32_t seat : m_model.selection()) {
        seats.insert(QString::fromStdString(std::string(m_model.index().seat(seat).id)));
    }
    m_basket.setSeats(seats);
}

void MainWindow::removeCurrentLine() {
    const int line = m_basketPanel->currentLine();
    if (line < 0) {
        return;
    }
    const sales::Basket::Line& chosen = m_basket.lines()[static_cast<std::size_t>(line)];
    if (chosen.standing) {
        m_basket.setStanding(chosen.seat, 0);
        return;
    }
    if (const auto seat = m_model.find(chosen.seat.toStdString()); seat && m_model.isSelected(*seat)) {
        m_model.toggle(*seat);
    }
}

void MainWindow::setStandingPlaces(const QString& area, int quantity) {
    m_basket.setStanding(area, quantity);
}

void MainWindow::chooseStanding() {
    const auto& areas = m_basket.standingAreas();
    if (areas.empty()) {
        statusBar()->showMessage(tr("This performance has no standing places."), 5000);
        return;
    }
    std::size_t chosen = 0;
    if (areas.size() > 1) {
        QStringList names;
        for (const protocol::GaAreaInfo& area : areas) {
            names << QString::fromStdString(area.name);
        }
        bool ok = false;
        const QString name =
            QInputDialog::getItem(this, tr("Standing places"), tr("Area:"), names, 0, false, &ok);
        if (!ok) {
            return;
        }
        chosen = static_cast<std::size_t>(names.indexOf(name));
    }
    const protocol::GaAreaInfo& area = areas[chosen];
    const QString id = QString::fromStdString(area.id);
    bool ok = false;
    const int quantity = QInputDialog::getInt(this, tr("Standing places"),
                                              tr("Places in %1:").arg(QString::fromStdString(area.name)),
                                              m_basket.standing(id), 0, 50, 1, &ok);
    if (ok) {
        setStandingPlaces(id, quantity);
    }
}

void MainWindow::bestAvailable(int quantity, bool next) {
    if (!m_model.hasLayout() || quantity <= 0 || m_basket.paying()) {
        return;
    }
    if (!next || quantity != m_lastQuantity) {
        m_offered.clear();
    }
    m_lastQuantity = quantity;
    // The clerk's own held seats count as free: best available may keep or replace them.
    std::vector<std::uint8_t> available(m_model.seatCount(), 0);
    for (std::uint32_t seat = 0; seat < available.size(); ++seat) {
        available[seat] = seatmap::isSelectable(m_model.state(seat)) && !m_offered.contains(seat) ? 1 : 0;
    }
    if (next) {
        for (const std::uint32_t seat : m_model.selection()) {
            m_offered.insert(seat);
            available[seat] = 0;
        }
    }
    const auto found = booking::findBestAvailable(m_model.index(), available, {quantity, {}, 0});
    if (!found) {
        statusBar()->showMessage(next ? tr("Best %1 together: no further choice.").arg(quantity)
                                      : tr("Best %1 together: not enough seats left.").arg(quantity),
                                 8000);
        return;
    }
    m_offered.insert(found->seats.begin(), found->seats.end());
    m_model.select(found->seats, true);
    if (!found->seats.empty()) {
        m_model.setCursor(found->seats.front());
    }
}

bool MainWindow::haveOwnShift() const {
    return m_shift && m_shift->status == protocol::ShiftStatus::Open && m_shift->clerkId == m_login.user.id;
}

bool MainWindow::pay() {
    if (m_basket.isEmpty() || m_basket.busy()) {
        return false;
    }
    if (!haveOwnShift()) {
        QMessageBox::information(this, tr("No shift open"),
                                 m_shift
                                     ? tr("%1 has the shift on this device. Close it before selling.")
                                           .arg(QString::fromStdString(m_shift->clerkName))
                                     : tr("Open a shift (Ctrl+Shift+O) with the cash float before selling."));
        return false;
    }
    sales::TenderDialog dialog(m_basket.total(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    return payWith(dialog.tenders(), dialog.customerName(), dialog.customerEmail());
}

bool MainWindow::payWith(std::vector<protocol::Payment> tenders, const QString& customerName,
                         const QString& customerEmail) {
    if (m_basket.isEmpty() || m_basket.busy() || !haveOwnShift()) {
        return false;
    }
    m_basket.pay(std::move(tenders), QString::fromStdString(m_shift->shiftId), customerName, customerEmail);
    return true;
}

void MainWindow::onPaid(const protocol::OrderResponse& order) {
    QString text = tr("Sold: order %1. Tickets: %2.")
                       .arg(QString::fromStdString(order.number))
                       .arg(order.tickets.size());
    if (order.change) {
        text += QLatin1Char(' ') + tr("Change due: %1").arg(core::moneyText(*order.change));
    }
    m_lastSale = printedSale(order, m_event.value_or(protocol::EventSummary{}));
    text += QLatin1Char(' ') + deliverTickets(*m_lastSale, m_lastSale->orderNumber);
    m_basketPanel->showMessage(text, true);
    m_offered.clear();
    m_model.clearSelection();
    Q_EMIT sold(order);
}

void MainWindow::loadShift() {
    m_client->currentShift(m_device, [this](Expected<protocol::ShiftReport, core::ApiError> shift) {
        if (shift) {
            setShift(std::move(*shift));
        } else if (shift.error().status == 404) {
            setShift(std::nullopt);
        } else {
            m_shift.reset();
            m_shiftLabel->setText(tr("Shift unknown"));
        }
    });
}

void MainWindow::setShift(std::optional<protocol::ShiftReport> shift) {
    m_shift = std::move(shift);
    if (m_shift && m_shift->status == protocol::ShiftStatus::Open) {
        m_shiftLabel->setText(sales::shiftStatusText(*m_shift));
    } else {
        m_shift.reset();
        m_shiftLabel->setText(tr("No shift open"));
    }
}

QString MainWindow::shiftText() const {
    return m_shiftLabel->text();
}

void MainWindow::openShift() {
    if (m_shift) {
        QMessageBox::information(this, tr("Shift"), m_shiftLabel->text());
        return;
    }
    const Currency currency = m_basket.prices().currency().code() == "XXX" ? *Currency::fromCode("EUR")
                                                                           : m_basket.prices().currency();
    bool ok = false;
    const QString text =
        QInputDialog::getText(this, tr("Open shift"), tr("Cash in the drawer (opening float):"),
                              QLineEdit::Normal, QStringLiteral("0"), &ok);
    if (!ok) {
        return;
    }
    const auto openingFloat = core::parseMoney(text, currency);
    if (!openingFloat) {
        QMessageBox::warning(this, tr("Open shift"), tr("\"%1\" is not an amount.").arg(text));
        return;
    }
    openShiftWith(*openingFloat);
}

void MainWindow::openShiftWith(Money openingFloat, std::function<void(bool)> done) {
    m_client->openShift(
        {m_device.toStdString(), openingFloat},
        [this, done = std::move(done)](Expected<protocol::ShiftReport, core::ApiError> shift) {
            if (!shift) {
                statusBar()->showMessage(tr("The shift was not opened: %1").arg(shift.error().message), 8000);
                loadShift();
            } else {
                setShift(std::move(*shift));
            }
            if (done) {
                done(shift.hasValue());
            }
        });
}

void MainWindow::showShiftReport() {
    if (!m_shift) {
        statusBar()->showMessage(tr("No shift open"), 5000);
        return;
    }
    m_client->shiftReport(QString::fromStdString(m_shift->shiftId),
                          [this](Expected<protocol::ShiftReport, core::ApiError> report) {
                              if (!report) {
                                  statusBar()->showMessage(report.error().message, 8000);
                                  return;
                              }
                              showReport(*report);
                          });
}

void MainWindow::showReport(const protocol::ShiftReport& report) {
    QDialog dialog(this);
    dialog.setWindowTitle(report.status == protocol::ShiftStatus::Closed ? tr("Z report") : tr("X report"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* page = new QTextBrowser;
    page->setHtml(sales::shiftReportHtml(report));
    layout->addWidget(page);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(620, 560);
    dialog.exec();
}

void MainWindow::closeShift() {
    if (!haveOwnShift()) {
        statusBar()->showMessage(tr("No shift of yours is open on this device."), 5000);
        return;
    }
    const Currency currency = m_shift->openingFloat.currency;
    bool ok = false;
    const QString cash = QInputDialog::getText(this, tr("Close shift"), tr("Cash counted in the drawer:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok) {
        return;
    }
    const auto counted = core::parseMoney(cash, currency);
    const QString card =
        QInputDialog::getText(this, tr("Close shift"), tr("Card terminal total (leave empty if unknown):"),
                              QLineEdit::Normal, QString(), &ok);
    if (!ok) {
        return;
    }
    const auto countedCard = card.trimmed().isEmpty() ? std::nullopt : core::parseMoney(card, currency);
    if (!counted || (!card.trimmed().isEmpty() && !countedCard)) {
        QMessageBox::warning(this, tr("Close shift"), tr("Enter the amounts as numbers, e.g. 150.00."));
        return;
    }
    closeShiftWith(*counted, countedCard, [this](Expected<protocol::ShiftReport, core::ApiError> report) {
        if (report) {
            showReport(*report);
        }
    });
}

void MainWindow::closeShiftWith(Money countedCash, std::optional<Money> countedCard,
                                std::function<void(Expected<protocol::ShiftReport, core::ApiError>)> done) {
    m_client->closeShift(
        QString::fromStdString(m_shift->shiftId), {countedCash, countedCard},
        [this, done = std::move(done)](Expected<protocol::ShiftReport, core::ApiError> report) {
            if (report) {
                setShift(std::nullopt);
            } else {
                statusBar()->showMessage(tr("The shift was not closed: %1").arg(report.error().message),
                                         8000);
            }
            if (done) {
                done(std::move(report));
            }
        });
}

sales::PrintedSale MainWindow::printedSale(const protocol::OrderResponse& order,
                                           const protocol::EventSummary& event) const {
    sales::PrintedSale sale;
    sale.eventName = QString::fromStdString(event.name);
    sale.venue = QString::fromStdString(event.venue);
    sale.startsAt = core::localTimeText(event.startsAt, QLocale::LongFormat);
    // Places by name when the order is for the performance on the map, else by seat id.
    const bool onTheMap = m_event && m_event->id == order.eventId;
    sale.orderNumber = QString::fromStdString(order.number);
    sale.soldAt = core::localTimeText(order.createdAt);
    sale.customer = QString::fromStdString(order.customerName.value_or(order.customerEmail.value_or("")));
    sale.clerk = m_user;
    sale.device = m_device;
    for (const protocol::Ticket& ticket : order.tickets) {
        sales::PrintedTicket printed;
        if (ticket.seat) {
            if (const auto seat = onTheMap ? m_model.find(*ticket.seat) : std::nullopt) {
                printed.place =
                    tr("%1 · Row %2 · Seat %3")
                        .arg(m_model.sectionName(*seat), m_model.rowLabel(*seat), m_model.seatNumber(*seat));
            } else {
                printed.place = QString::fromStdString(*ticket.seat);
            }
        } else if (ticket.gaArea) {
            printed.place = QString::fromStdString(*ticket.gaArea);
            for (const layout::GaArea& area : m_model.layout().gaAreas) {
                if (onTheMap && area.id == *ticket.gaArea) {
                    printed.place = QString::fromStdString(area.name);
                }
            }
        }
        const TicketType* type = m_basket.prices().findTicketType(ticket.ticketType);
        printed.ticketType = QString::fromStdString(type ? type->name : ticket.ticketType);
        printed.price = core::moneyText(ticket.price);
        printed.code = QString::fromStdString(ticket.code);
        sale.tickets.push_back(std::move(printed));
    }
    for (const protocol::PaymentLine& payment : order.payments) {
        QString line =
            sales::tenderName(payment.method) + QStringLiteral(" ") + core::moneyText(payment.amount);
        if (payment.tendered) {
            line += QStringLiteral(" (") + tr("given %1").arg(core::moneyText(*payment.tendered)) +
                    QStringLiteral(")");
        } else if (payment.reference) {
            line += QStringLiteral(" (") + QString::fromStdString(*payment.reference) + QStringLiteral(")");
        }
        sale.paymentLines << line;
    }
    sale.total = core::moneyText(order.total);
    if (order.change) {
        sale.change = core::moneyText(*order.change);
    }
    return sale;
}

QString MainWindow::ticketFolder() {
    const QString configured = QSettings().value(QStringLiteral("printing/folder")).toString();
    return configured.isEmpty() ? QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                      .filePath(QStringLiteral("Usher tickets"))
                                : configured;
}

QString MainWindow::deliverTickets(const sales::PrintedSale& sale, const QString& fileName) {
    const QString printerName = QSettings().value(QStringLiteral("printing/printer")).toString();
    if (!printerName.isEmpty()) {
        const QPrinterInfo info = QPrinterInfo::printerInfo(printerName);
        if (!info.isNull()) {
            QPrinter printer(info, QPrinter::HighResolution);
            printer.setDocName(sale.orderNumber);
            if (sales::printSale(printer, sale)) {
                return tr("Tickets sent to %1.").arg(printerName);
            }
        }
    }
    // No printer (or it failed): the tickets are never lost, they wait as a PDF.
    const QDir folder(ticketFolder());
    if (!folder.mkpath(QStringLiteral("."))) {
        return tr("The tickets could not be saved in %1.").arg(folder.path());
    }
    const QString path = folder.filePath(fileName + QStringLiteral(".pdf"));
    QPdfWriter pdf(path);
    pdf.setTitle(tr("Tickets %1").arg(sale.orderNumber));
    pdf.setCreator(QStringLiteral("Usher Box Office"));
    pdf.setResolution(300);
    if (!sales::printSale(pdf, sale)) {
        return tr("The tickets could not be saved in %1.").arg(folder.path());
    }
    const QString saved = tr("Tickets saved as %1 in the folder %2.")
                              .arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(folder.path()));
    return printerName.isEmpty() ? saved
                                 : tr("Printer %1 not found.").arg(printerName) + QLatin1Char(' ') + saved;
}

void MainWindow::printPreview() {
    if (!m_lastSale) {
        statusBar()->showMessage(tr("No sale yet."), 5000);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Tickets %1").arg(m_lastSale->orderNumber));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [this](QPrinter* target) { sales::printSale(*target, *m_lastSale); });
    preview.exec();
}

void MainWindow::saveTicketsAs() {
    if (!m_lastSale) {
        statusBar()->showMessage(tr("No sale yet."), 5000);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save tickets as PDF"),
        QDir(ticketFolder()).filePath(m_lastSale->orderNumber + QStringLiteral(".pdf")),
        tr("PDF files (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    QPdfWriter pdf(path);
    pdf.setResolution(300);
    statusBar()->showMessage(sales::printSale(pdf, *m_lastSale) ? tr("Saved %1").arg(path)
                                                                : tr("%1 could not be written.").arg(path),
                             8000);
}

sales::OrderDesk* MainWindow::showOrders() {
    // Refunds of box-office payments go through the clerk's shift; without one the server says so.
    auto* desk = new sales::OrderDesk(
        *m_client, haveOwnShift() ? QString::fromStdString(m_shift->shiftId) : QString(),
        [this](const protocol::OrderResponse& order, const protocol::Ticket& ticket) {
            reprintTicket(order, ticket);
        },
        this);
    desk->setAttribute(Qt::WA_DeleteOnClose);
    desk->show();
    desk->searchField()->setFocus();
    return desk;
}

void MainWindow::reprintTicket(const protocol::OrderResponse& order, const protocol::Ticket& ticket) {
    m_client->event(QString::fromStdString(order.eventId),
                    [this, order, ticket](Expected<protocol::EventDetail, core::ApiError> event) {
                        protocol::EventSummary summary;
                        if (event) {
                            summary.id = event->id;
                            summary.name = event->name;
                            summary.venue = event->venue.name;
                            summary.startsAt = event->startsAt;
                        }
                        protocol::OrderResponse one = order;
                        one.tickets = {ticket};
                        sales::PrintedSale sale = printedSale(one, summary);
                        sale.withReceipt = false;
                        const QString where = deliverTickets(sale, sale.orderNumber + QStringLiteral("-") +
                                                                       QString::fromStdString(ticket.code));
                        statusBar()->showMessage(tr("Ticket reprinted. %1").arg(where), 10000);
                        Q_EMIT reprinted(ticket);
                    });
}

admin::AdminWindow* MainWindow::showEventAdmin() {
    auto* window = new admin::AdminWindow(*m_client, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowFlag(Qt::Window);
    window->show();
    return window;
}

admin::StaffWindow* MainWindow::showStaffAdmin() {
    auto* window = new admin::StaffWindow(*m_client, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowFlag(Qt::Window);
    window->show();
    return window;
}

designer::DesignerWindow* MainWindow::showDesigner() {
    auto* designer = new designer::DesignerWindow(this);
    designer->setServer(m_client.get());
    designer->setAttribute(Qt::WA_DeleteOnClose);
    designer->setWindowFlag(Qt::Window);
    designer->show();
    return designer;
}

} // namespace usher::app
