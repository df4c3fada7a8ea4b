#include "client-qt/admin/admin_window.h"

#include "client-qt/admin/event_form.h"
#include "client-qt/admin/hold_dialogs.h"
#include "client-qt/admin/venue_dialog.h"
#include "client-qt/core/time_text.h"
#include "client-qt/seatmap/seat_state.h"
#include "common/layout/layout_json.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace usher::admin {
namespace {

QString statusName(protocol::EventStatus status) {
    switch (status) {
    case protocol::EventStatus::Draft:
        return AdminWindow::tr("draft");
    case protocol::EventStatus::OnSale:
        return AdminWindow::tr("on sale");
    case protocol::EventStatus::Cancelled:
        return AdminWindow::tr("cancelled");
    }
    return {};
}

} // namespace

AdminWindow::AdminWindow(core::ApiClient& client, QWidget* parent)
    : QMainWindow(parent), m_api(client), m_list(new QTableWidget(this)),
      m_view(new seatmap::SeatMapView(m_seats, this)), m_holds(new QListWidget(this)),
      m_status(new QLabel(this)) {
    setWindowTitle(tr("Usher events"));
    m_list->setColumnCount(4);
    m_list->setHorizontalHeaderLabels({tr("Event"), tr("Venue"), tr("Starts"), tr("Status")});
    m_list->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->setAccessibleName(tr("Events"));
    m_holds->setAccessibleName(tr("Blocks and allotments"));
    m_holds->setWordWrap(true);
    m_view->setAccessibleName(tr("The event's seats: select some to block or allot them"));
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->addWidget(m_status);
    sideLayout->addWidget(new QLabel(tr("Blocks and allotments:"), side));
    sideLayout->addWidget(m_holds, 1);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({430, 620, 230}); // the list wide enough for its start times
    setCentralWidget(splitter);
    connect(m_list, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && static_cast<std::size_t>(row) < m_events.size()) {
            showEvent(QString::fromStdString(m_events[static_cast<std::size_t>(row)].id));
        }
    });
    resolveConflict = [this](const QString& what) {
        QMessageBox question(QMessageBox::Warning, tr("Changed meanwhile"),
                             tr("Someone else changed %1 since you loaded it.").arg(what),
                             QMessageBox::Cancel, this);
        QPushButton* reloadButton =
            question.addButton(tr("Reload theirs (drop my change)"), QMessageBox::DestructiveRole);
        QPushButton* overwrite = question.addButton(tr("Save mine over it"), QMessageBox::AcceptRole);
        question.exec();
        return question.clickedButton() == overwrite      ? ConflictChoice::Overwrite
               : question.clickedButton() == reloadButton ? ConflictChoice::Reload
                                                          : ConflictChoice::Cancel;
    };
    buildActions();
    resize(1280, 760);
    reload();
}

void AdminWindow::buildActions() {
    QMenu* events = menuBar()->addMenu(tr("&Events"));
    QMenu* seats = menuBar()->addMenu(tr("&Seats"));
    QMenu* venues = menuBar()->addMenu(tr("Ve&nues"));
    const auto add = [this](QMenu* menu, const QString& text, const QKeySequence& key,
                            std::function<void()> run) {
        QAction* action = menu->addAction(text);
        action->setShortcut(key);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, std::move(run));
        m_actions << action;
    };
    add(events, tr("New event..."), QKeySequence(QStringLiteral("Ctrl+N")), [this] { newEventDialog(); });
    add(events, tr("Edit event..."), QKeySequence(QStringLiteral("Ctrl+E")), [this] { editEventDialog(); });
    add(events, tr("Put on sale"), QKeySequence(QStringLiteral("Ctrl+Shift+S")),
        [this] { setStatus(protocol::EventStatus::OnSale, {}); });
    add(events, tr("Back to draft"), QKeySequence(QStringLiteral("Ctrl+Shift+D")),
        [this] { setStatus(protocol::EventStatus::Draft, {}); });
    add(events, tr("Cancel event and refund every order..."), QKeySequence(QStringLiteral("Ctrl+Shift+X")),
        [this] { cancelDialog(); });
    add(events, tr("Reload"), QKeySequence(QStringLiteral("F5")), [this] { reload(); });
    add(events, tr("Close"), QKeySequence(QStringLiteral("Ctrl+W")), [this] { close(); });
    add(venues, tr("Edit venue..."), QKeySequence(QStringLiteral("Ctrl+Shift+E")), [this] { venueDialog(); });
    add(seats, tr("Block selected seats..."), QKeySequence(QStringLiteral("Ctrl+B")),
        [this] { blockDialog(); });
    add(seats, tr("Allot selected seats..."), QKeySequence(QStringLiteral("Ctrl+Shift+A")),
        [this] { allotDialog(); });
    add(seats, tr("Release the chosen block or allotment"), QKeySequence(QStringLiteral("Ctrl+Shift+R")),
        [this] { releaseDialog(); });
}

void AdminWindow::report(const QString& message, bool problem) {
    m_lastMessage = message;
    statusBar()->showMessage(message, problem ? 0 : 8000);
}

std::optional<protocol::EventAdminView> AdminWindow::currentEvent() const {
    for (const protocol::EventAdminView& event : m_events) {
        if (QString::fromStdString(event.id) == m_shownEvent) {
            return event;
        }
    }
    return std::nullopt;
}

QString AdminWindow::selectedEventId() const {
    return m_shownEvent;
}

std::vector<std::string> AdminWindow::selectedSeats() const {
    std::vector<std::string> seats;
    for (std::uint32_t seat : m_seats.selection()) {
        seats.emplace_back(m_seats.index().seat(seat).id);
    }
    return seats;
}

void AdminWindow::reload(std::function<void(bool)> done) {
    m_api.events([this, done = std::move(done)](Expected<protocol::EventAdminList, core::ApiError> answer) {
        if (!answer) {
            report(answer.error().message, true);
            if (done) {
                done(false);
            }
            return;
        }
        m_events = std::move(answer->events);
        showEvents();
        if (done) {
            done(true);
        }
    });
}

void AdminWindow::showEvents() {
    QSignalBlocker quiet(m_list);
    m_list->setRowCount(static_cast<int>(m_events.size()));
    for (int row = 0; row < static_cast<int>(m_events.size()); ++row) {
        const protocol::EventAdminView& event = m_events[static_cast<std::size_t>(row)];
        m_list->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(event.name)));
        m_list->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(event.venueId)));
        m_list->setItem(
            row, 2,
            new QTableWidgetItem(QLocale().toString(core::toDateTime(event.startsAt), QLocale::ShortFormat)));
        m_list->setItem(row, 3, new QTableWidgetItem(statusName(event.status)));
        if (QString::fromStdString(event.id) == m_shownEvent) {
            m_list->selectRow(row);
        }
    }
    if (const auto event = currentEvent()) {
        m_status->setText(
            tr("<b>%1</b><br>%2, revision %3")
                .arg(QString::fromStdString(event->name).toHtmlEscaped(), statusName(event->status))
                .arg(event->revision));
    }
}

void AdminWindow::showEvent(const QString& eventId, std::function<void(bool)> done) {
    m_shownEvent = eventId;
    showEvents();
    m_api.seatmap(eventId, [this, eventId, done = std::move(done)](
                               Expected<protocol::SeatmapResponse, core::ApiError> answer) {
        if (!answer || eventId != m_shownEvent) {
            if (!answer) {
                report(answer.error().message, true);
            }
            if (done) {
                done(false);
            }
            return;
        }
        auto venueLayout = layout::layoutFromJsonValue(answer->layout);
        if (!venueLayout) {
            report(tr("The server sent a seat map this app cannot read."), true);
            if (done) {
                done(false);
            }
            return;
        }
        m_seats.setLayout(std::move(venueLayout.value()));
        std::vector<seatmap::SeatMapModel::Change> changes;
        for (const protocol::SeatStateEntry& entry : answer->seats) {
            if (const auto seat = m_seats.find(entry.id)) {
                changes.push_back({*seat, seatmap::seatStateOf(entry.state, false)});
            }
        }
        m_seats.applyChanges(changes);
        m_view->fitToView();
        loadInventory(done);
    });
}

void AdminWindow::loadInventory(std::function<void(bool)> done) {
    const QString event = m_shownEvent;
    m_api.blocks(event, [this, event,
                         done = std::move(done)](Expected<protocol::BlockList, core::ApiError> blocks) {
        if (!blocks) {
            report(blocks.error().message, true);
            if (done) {
                done(false);
            }
            return;
        }
        m_blocks = std::move(blocks->blocks);
        m_api.allotments(event, [this, done](Expected<protocol::AllotmentList, core::ApiError> allotments) {
            if (!allotments) {
                report(allotments.error().message, true);
                if (done) {
                    done(false);
                }
                return;
            }
            m_allotments = std::move(allotments->allotments);
            m_holds->clear();
            for (const protocol::BlockInfo& block : m_blocks) {
                if (block.releasedAt) {
                    continue;
                }
                QString text = tr("Block: %1, %n seat(s)", nullptr, static_cast<int>(block.seats.size()))
                                   .arg(QString::fromStdString(block.reason));
                if (block.releaseAt) {
                    text += QStringLiteral(", ") +
                            tr("on sale again %1").arg(core::localTimeText(*block.releaseAt));
                }
                auto* item = new QListWidgetItem(text, m_holds);
                item->setData(Qt::UserRole, QString::fromStdString(block.id));
                item->setData(Qt::UserRole + 1, QStringLiteral("block"));
                item->setData(Qt::DecorationRole, QColor(QString::fromStdString(block.color)));
            }
            for (const protocol::AllotmentInfo& allotment : m_allotments) {
                if (allotment.releasedAt) {
                    continue;
                }
                const QString who = allotment.device ? QString::fromStdString(*allotment.device)
                                                     : QString::fromStdString(allotment.channel);
                int places = 0;
                for (const protocol::GaQuantity& ga : allotment.ga) {
                    places += ga.quantity;
                }
                QString text =
                    tr("Allotment: %1, %n seat(s)", nullptr, static_cast<int>(allotment.seats.size()))
                        .arg(who);
                if (places > 0) {
                    text += QStringLiteral(", ") + tr("%n standing place(s)", nullptr, places);
                }
                auto* item = new QListWidgetItem(text, m_holds);
                item->setData(Qt::UserRole, QString::fromStdString(allotment.id));
                item->setData(Qt::UserRole + 1, QStringLiteral("allotment"));
            }
            if (done) {
                done(true);
            }
        });
    });
}

void AdminWindow::createEvent(const protocol::EventInput& input, std::function<void(bool)> done) {
    m_api.createEvent(
        input, [this, done = std::move(done)](Expected<protocol::EventAdminView, core::ApiError> answer) {
            if (!answer) {
                report(answer.error().message, true);
                if (done) {
                    done(false);
                }
                return;
            }
            report(tr("%1 is saved as a draft.").arg(QString::fromStdString(answer->name)), false);
            const QString id = QString::fromStdString(answer->id);
            reload([this, id, done](bool) { showEvent(id, done); });
        });
}

void AdminWindow::sendEdit(const QString& what, std::int64_t revision, const SendEdit& send,
                           std::function<void()> saved, std::function<void()> reloadTheirs) {
    auto attempt = std::make_shared<std::function<void(std::optional<std::int64_t>)>>();
    *attempt = [this, what, send, saved, reloadTheirs, attempt](std::optional<std::int64_t> expected) {
        send(expected, [this, what, saved, reloadTheirs, attempt](const core::ApiError* error) {
            if (error == nullptr) {
                report(tr("Saved."), false);
                saved();
                return;
            }
            if (error->is(protocol::ProblemKind::PreconditionFailed)) {
                const ConflictChoice choice =
                    resolveConflict ? resolveConflict(what) : ConflictChoice::Cancel;
                if (choice == ConflictChoice::Overwrite) {
                    (*attempt)(std::nullopt);
                    return;
                }
                if (choice == ConflictChoice::Reload) {
                    reloadTheirs();
                    return;
                }
            }
            QString message = error->message;
            if (!error->unavailableSeats.isEmpty()) {
                message += QStringLiteral(": ") + error->unavailableSeats.join(QStringLiteral(", "));
            }
            report(message, true);
            reloadTheirs();
        });
    };
    (*attempt)(revision);
}

void AdminWindow::updateEvent(const protocol::EventInput& input, std::function<void(bool)> done) {
    const auto event = currentEvent();
    if (!event) {
        return;
    }
    const QString id = QString::fromStdString(event->id);
    sendEdit(
        id, event->revision,
        [this, id, input](std::optional<std::int64_t> revision,
                          std::function<void(const core::ApiError*)> answered) {
            m_api.updateEvent(id, revision, input,
                              [answered](Expected<protocol::EventAdminView, core::ApiError> answer) {
                                  answered(answer ? nullptr : &answer.error());
                              });
        },
        [this, id, done] { reload([this, id, done](bool) { showEvent(id, done); }); },
        [this, id, done] {
            reload([this, id, done](bool) {
                showEvent(id, [done](bool) {
                    if (done) {
                        done(false);
                    }
                });
            });
        });
}

void AdminWindow::updateVenue(const protocol::VenueInfo& loaded, const protocol::VenueInput& input,
                              std::function<void(bool)> done) {
    const QString id = QString::fromStdString(loaded.id);
    sendEdit(
        QString::fromStdString(loaded.name), loaded.revision,
        [this, id, input](std::optional<std::int64_t> revision,
                          std::function<void(const core::ApiError*)> answered) {
            m_api.updateVenue(id, revision, input,
                              [answered](Expected<protocol::VenueInfo, core::ApiError> answer) {
                                  answered(answer ? nullptr : &answer.error());
                              });
        },
        [done] {
            if (done) {
                done(true);
            }
        },
        [done] {
            if (done) {
                done(false);
            }
        });
}

void AdminWindow::venueDialog() {
    m_api.venues([this](Expected<protocol::VenueList, core::ApiError> answer) {
        if (!answer) {
            report(answer.error().message, true);
            return;
        }
        VenueDialog dialog(answer->venues, this);
        if (dialog.exec() == QDialog::Accepted) {
            updateVenue(dialog.chosen(), dialog.input());
        }
    });
}

void AdminWindow::setStatus(protocol::EventStatus status, const QString& reason,
                            std::function<void(bool)> done) {
    const auto event = currentEvent();
    if (!event) {
        return;
    }
    const QString id = QString::fromStdString(event->id);
    m_api.setStatus(
        id, event->revision, {status, reason.toStdString()},
        [this, id, status,
         done = std::move(done)](Expected<protocol::EventStatusResponse, core::ApiError> answer) {
            if (!answer) {
                report(answer.error().message, true);
                if (done) {
                    done(false);
                }
                return;
            }
            report(
                status == protocol::EventStatus::Cancelled
                    ? tr("Cancelled; %n order(s) refunded.", nullptr,
                         static_cast<int>(answer->refundedOrders))
                    : tr("%1 is now %2.").arg(QString::fromStdString(answer->event.name), statusName(status)),
                false);
            reload([this, id, done](bool) { showEvent(id, done); });
        });
}

void AdminWindow::blockSelected(protocol::BlockRequest block, std::function<void(bool)> done) {
    block.seats = selectedSeats();
    if (block.seats.empty() || m_shownEvent.isEmpty()) {
        report(tr("Select the seats to block on the map first."), true);
        return;
    }
    const QString event = m_shownEvent;
    m_api.block(event, block,
                [this, event, done = std::move(done)](Expected<protocol::BlockInfo, core::ApiError> answer) {
                    if (!answer) {
                        report(answer.error().message + QStringLiteral(" ") +
                                   answer.error().unavailableSeats.join(QStringLiteral(", ")),
                               true);
                        if (done) {
                            done(false);
                        }
                        return;
                    }
                    report(tr("%n seat(s) blocked.", nullptr, static_cast<int>(answer->seats.size())), false);
                    showEvent(event, done);
                });
}

void AdminWindow::allotSelected(protocol::AllotmentRequest allotment, std::function<void(bool)> done) {
    allotment.seats = selectedSeats();
    if ((allotment.seats.empty() && allotment.ga.empty()) || m_shownEvent.isEmpty()) {
        report(tr("Select the seats to allot on the map first."), true);
        return;
    }
    const QString event = m_shownEvent;
    m_api.allot(
        event, allotment,
        [this, event, done = std::move(done)](Expected<protocol::AllotmentInfo, core::ApiError> answer) {
            if (!answer) {
                report(answer.error().message, true);
                if (done) {
                    done(false);
                }
                return;
            }
            report(tr("%n seat(s) allotted.", nullptr, static_cast<int>(answer->seats.size())), false);
            showEvent(event, done);
        });
}

void AdminWindow::releaseBlock(const QString& blockId, std::function<void(bool)> done) {
    const QString event = m_shownEvent;
    m_api.releaseBlock(
        event, blockId,
        [this, event, done = std::move(done)](Expected<protocol::BlockList, core::ApiError> answer) {
            if (!answer) {
                report(answer.error().message, true);
                if (done) {
                    done(false);
                }
                return;
            }
            report(tr("The block's seats are on sale again."), false);
            showEvent(event, done);
        });
}

void AdminWindow::releaseAllotment(const QString& allotmentId, std::function<void(bool)> done) {
    const QString event = m_shownEvent;
    m_api.releaseAllotment(
        event, allotmentId,
        [this, event, done = std::move(done)](Expected<protocol::AllotmentList, core::ApiError> answer) {
            if (!answer) {
                report(answer.error().message, true);
                if (done) {
                    done(false);
                }
                return;
            }
            report(tr("The allotment's seats are on sale again."), false);
            showEvent(event, done);
        });
}

void AdminWindow::withForm(const std::optional<protocol::EventAdminView>& event,
                           std::function<void(const protocol::EventInput&)> accepted) {
    m_api.venues(
        [this, event, accepted = std::move(accepted)](Expected<protocol::VenueList, core::ApiError> answer) {
            if (!answer) {
                report(answer.error().message, true);
                return;
            }
            std::vector<protocol::VenueInfo> venues;
            for (protocol::VenueInfo& venue : answer->venues) {
                if (venue.layoutVersion) {
                    venues.push_back(std::move(venue));
                }
            }
            auto loader = [this](const QString& venue, int version,
                                 std::function<void(std::optional<layout::VenueLayout>)> loaded) {
                m_api.layoutVersion(venue, version, std::move(loaded));
            };
            EventForm form(std::move(venues), loader, this);
            if (event) {
                form.load(*event);
            }
            if (prepareForm) {
                prepareForm(form);
            }
            if (form.exec() == QDialog::Accepted) {
                if (const auto input = form.input()) {
                    accepted(*input);
                }
            }
        });
}

void AdminWindow::newEventDialog() {
    withForm(std::nullopt, [this](const protocol::EventInput& input) { createEvent(input); });
}

void AdminWindow::editEventDialog() {
    const auto event = currentEvent();
    if (!event) {
        report(tr("Choose an event first."), true);
        return;
    }
    withForm(event, [this](protocol::EventInput input) {
        input.venueId.reset(); // an event stays at its venue
        updateEvent(input);
    });
}

void AdminWindow::cancelDialog() {
    const auto event = currentEvent();
    if (!event) {
        return;
    }
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Cancel event"),
        tr("Every order of %1 is refunded. Why is it cancelled? (Every refund records it.)")
            .arg(QString::fromStdString(event->name)),
        QLineEdit::Normal, {}, &ok);
    if (ok && !reason.trimmed().isEmpty()) {
        setStatus(protocol::EventStatus::Cancelled, reason.trimmed());
    }
}

void AdminWindow::blockDialog() {
    BlockDialog dialog(static_cast<int>(m_seats.selection().size()), this);
    if (dialog.exec() == QDialog::Accepted) {
        blockSelected(dialog.request());
    }
}

void AdminWindow::allotDialog() {
    const std::vector<layout::GaArea> none;
    AllotDialog dialog(static_cast<int>(m_seats.selection().size()),
                       m_seats.hasLayout() ? m_seats.layout().gaAreas : none, this);
    if (dialog.exec() == QDialog::Accepted) {
        allotSelected(dialog.request());
    }
}

void AdminWindow::releaseDialog() {
    const QListWidgetItem* item = m_holds->currentItem();
    if (item == nullptr) {
        report(tr("Choose a block or an allotment in the list first."), true);
        return;
    }
    const QString id = item->data(Qt::UserRole).toString();
    if (item->data(Qt::UserRole + 1).toString() == QStringLiteral("block")) {
        releaseBlock(id);
    } else {
        releaseAllotment(id);
    }
}

} // namespace usher::admin
