// The File menu: the background image, layout files, SVG export, drafts, and the server.

#include "client-qt/designer/designer_window.h"
#include "common/layout/layout_json.h"
#include "common/layout/svg_export.h"
#include "common/layout/validation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStatusBar>
#include <QVBoxLayout>

namespace usher::designer {
namespace {

bool writeFile(const QString& path, const std::string& content, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(content.data(), static_cast<qint64>(content.size())) !=
            static_cast<qint64>(content.size()) ||
        !file.commit()) {
        if (error != nullptr) {
            *error = DesignerWindow::tr("Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        }
        return false;
    }
    return true;
}

} // namespace

void DesignerWindow::askBackground() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Background image"), QString(),
                                                      tr("Floor plans (*.svg *.png *.jpg *.jpeg)"));
    if (path.isEmpty()) {
        return;
    }
    const QImage image(path);
    if (image.isNull()) {
        QMessageBox::warning(this, tr("Background image"), tr("Could not read %1 as an image.").arg(path));
        return;
    }
    bool ok = false;
    const double width = QInputDialog::getDouble(this, tr("Background image"),
                                                 tr("Width of the plan in metres:"), 40, 1, 2000, 1, &ok);
    if (ok) {
        setBackground(image, width);
    }
}

void DesignerWindow::setBackground(const QImage& image, double metresWide) {
    // Centred across the plan, its top at the stage; the background tool (I) lines it up.
    m_view->setBackground(image, {-metresWide / 2, -5}, metresWide);
    m_lockBackground->setChecked(false);
    selectTool(QStringLiteral("I"));
}

bool DesignerWindow::openFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error != nullptr) {
            *error = tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        }
        return false;
    }
    const QByteArray text = file.readAll();
    auto decoded =
        layout::layoutFromJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!decoded) {
        if (error != nullptr) {
            const auto& problems = decoded.error();
            *error = tr("%1 is not a layout file: %2")
                         .arg(QDir::toNativeSeparators(path),
                              problems.empty() ? QString()
                                               : QString::fromStdString(problems.front().path + ": " +
                                                                        problems.front().message));
        }
        return false;
    }
    m_document.reset(std::move(decoded.value()));
    m_path = path;
    offerDraft();
    return true;
}

bool DesignerWindow::saveFile(const QString& path, QString* error) {
    if (!writeFile(path, layout::toJsonText(m_document.layout()), error)) {
        return false;
    }
    m_path = path;
    m_document.undoStack().setClean();
    QFile::remove(draftPath());
    return true;
}

bool DesignerWindow::exportSvg(const QString& path, QString* error) {
    layout::SvgOptions options;
    return writeFile(path, layout::toSvg(m_document.layout(), options), error);
}

QString DesignerWindow::draftPath() const {
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drafts");
    return folder + QLatin1Char('/') + QString::fromStdString(m_document.layout().id) +
           QStringLiteral(".json");
}

bool DesignerWindow::offerDraft() {
    QFile file(draftPath());
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray text = file.readAll();
    file.close();
    auto draft =
        layout::layoutFromJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!draft || draft.value() == m_document.layout()) {
        return false;
    }
    const QDateTime saved = QFileInfo(draftPath()).lastModified();
    if (!confirmRestore || !confirmRestore(QString::fromStdString(draft.value().name), saved)) {
        QFile::remove(draftPath());
        return false;
    }
    m_document.edit(tr("Restore draft"), layout::LayoutParts::everything(),
                    [&](layout::VenueLayout& venue) { venue = std::move(draft.value()); });
    return true;
}

void DesignerWindow::saveDraft() {
    if (!m_document.isModified()) {
        return;
    }
    QDir().mkpath(QFileInfo(draftPath()).absolutePath());
    QString error;
    if (!writeFile(draftPath(), layout::toJsonText(m_document.layout()), &error)) {
        statusBar()->showMessage(error, 10'000);
    }
}

void DesignerWindow::openDialog() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open layout"), QString(), tr("Usher layouts (*.json)"));
    QString error;
    if (!path.isEmpty() && !openFile(path, &error)) {
        QMessageBox::warning(this, tr("Open layout"), error);
    }
}

void DesignerWindow::saveDialog(bool as) {
    QString path = m_path;
    if (as || path.isEmpty()) {
        path = QFileDialog::getSaveFileName(
            this, tr("Save layout"), QString::fromStdString(m_document.layout().id) + QStringLiteral(".json"),
            tr("Usher layouts (*.json)"));
    }
    QString error;
    if (!path.isEmpty() && !saveFile(path, &error)) {
        QMessageBox::warning(this, tr("Save layout"), error);
    }
}

void DesignerWindow::exportDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export SVG"), QString::fromStdString(m_document.layout().id) + QStringLiteral(".svg"),
        tr("SVG images (*.svg)"));
    QString error;
    if (!path.isEmpty() && !exportSvg(path, &error)) {
        QMessageBox::warning(this, tr("Export SVG"), error);
    }
}

void DesignerWindow::setServer(core::ApiClient* client) {
    if (client != nullptr) {
        m_server.emplace(*client);
    } else {
        m_server.reset();
    }
    for (QAction* action : m_serverActions) {
        action->setEnabled(client != nullptr);
    }
}

void DesignerWindow::openFromServer(const QString& venueId, std::function<void(QString)> done) {
    if (!m_server) {
        return;
    }
    m_server->latest(venueId,
                     [this, done = std::move(done)](Expected<LayoutServer::Version, core::ApiError> answer) {
                         if (!answer) {
                             if (done) {
                                 done(answer.error().message);
                             }
                             return;
                         }
                         m_document.reset(std::move(answer->layout));
                         m_serverVenue = answer->venueId;
                         m_serverVersion = answer->version;
                         m_path.clear();
                         offerDraft();
                         statusBar()->showMessage(
                             tr("Version %1 of %2 from the server.").arg(m_serverVersion).arg(m_serverVenue));
                         if (done) {
                             done({});
                         }
                     });
}

void DesignerWindow::publishToServer(const QString& venueId, std::function<void(bool, QString)> done) {
    const auto problems = layout::validate(m_document.layout());
    if (!problems.empty()) {
        const QString why =
            tr("Fix the %n problem(s) in the panel first: a layout with problems is not published.", nullptr,
               static_cast<int>(problems.size()));
        statusBar()->showMessage(why, 10'000);
        if (done) {
            done(false, why);
        }
        return;
    }
    // A layout opened from this venue is published over the version it came from; any other is
    // the venue's first, and the server says so when it is not.
    publishAs(venueId, venueId == m_serverVenue ? m_serverVersion : 0, std::move(done));
}

void DesignerWindow::publishAs(const QString& venueId, std::optional<int> basedOn,
                               std::function<void(bool, QString)> done) {
    if (!m_server) {
        return;
    }
    m_server->publish(
        venueId, m_document.layout(), basedOn,
        [this, venueId, done = std::move(done)](LayoutServer::PublishResult result) {
            if (result.version) {
                m_serverVenue = venueId;
                m_serverVersion = *result.version;
                m_document.undoStack().setClean();
                QFile::remove(draftPath());
                const QString what = tr("Published as version %1 of %2.").arg(*result.version).arg(venueId);
                statusBar()->showMessage(what);
                if (done) {
                    done(true, what);
                }
                return;
            }
            if (!result.conflict) {
                if (done) {
                    done(false, result.error);
                }
                return;
            }
            const ConflictChoice choice = resolveConflict ? resolveConflict(venueId) : ConflictChoice::Cancel;
            if (choice == ConflictChoice::Overwrite) {
                publishAs(venueId, std::nullopt, done);
            } else if (choice == ConflictChoice::Reload) {
                openFromServer(venueId, [done](const QString& error) {
                    if (done) {
                        done(false, error.isEmpty() ? tr("Reloaded the version on the server.") : error);
                    }
                });
            } else if (done) {
                done(false, tr("Not published: someone else published meanwhile."));
            }
        });
}

void DesignerWindow::openFromServerDialog() {
    m_server->venues([this](Expected<protocol::VenueList, core::ApiError> answer) {
        if (!answer) {
            QMessageBox::warning(this, tr("Open from server"), answer.error().message);
            return;
        }
        QStringList names;
        QStringList ids;
        for (const protocol::VenueInfo& venue : answer->venues) {
            if (venue.layoutVersion) {
                names << tr("%1 (%2, version %3)")
                             .arg(QString::fromStdString(venue.name), QString::fromStdString(venue.city))
                             .arg(*venue.layoutVersion);
                ids << QString::fromStdString(venue.id);
            }
        }
        if (ids.isEmpty()) {
            QMessageBox::information(this, tr("Open from server"),
                                     tr("No venue has a published layout yet."));
            return;
        }
        bool ok = false;
        const QString picked =
            QInputDialog::getItem(this, tr("Open from server"), tr("Venue:"), names, 0, false, &ok);
        if (ok) {
            openFromServer(ids.at(names.indexOf(picked)), [this](const QString& error) {
                if (!error.isEmpty()) {
                    QMessageBox::warning(this, tr("Open from server"), error);
                }
            });
        }
    });
}

void DesignerWindow::publishDialog() {
    const auto report = [this](bool published, const QString& what) {
        if (published) {
            QMessageBox::information(this, tr("Publish to server"), what);
        } else {
            QMessageBox::warning(this, tr("Publish to server"), what);
        }
    };
    m_server->venues([this, report](Expected<protocol::VenueList, core::ApiError> answer) {
        if (!answer) {
            QMessageBox::warning(this, tr("Publish to server"), answer.error().message);
            return;
        }
        QStringList names{tr("A new venue...")};
        QStringList ids{QString()};
        for (const protocol::VenueInfo& venue : answer->venues) {
            names << tr("%1 (%2)").arg(QString::fromStdString(venue.name),
                                       QString::fromStdString(venue.city));
            ids << QString::fromStdString(venue.id);
        }
        bool ok = false;
        const qsizetype current = std::max<qsizetype>(0, ids.indexOf(m_serverVenue));
        const QString picked =
            QInputDialog::getItem(this, tr("Publish to server"), tr("Publish as the next version of:"), names,
                                  static_cast<int>(current), false, &ok);
        if (!ok) {
            return;
        }
        const QString venueId = ids.at(names.indexOf(picked));
        if (!venueId.isEmpty()) {
            publishToServer(venueId, report);
            return;
        }
        const QString name =
            QInputDialog::getText(this, tr("New venue"), tr("Venue name:"), QLineEdit::Normal,
                                  QString::fromStdString(m_document.layout().name), &ok);
        const QString city =
            ok ? QInputDialog::getText(this, tr("New venue"), tr("City:"), QLineEdit::Normal, {}, &ok)
               : QString();
        if (!ok || name.trimmed().isEmpty() || city.trimmed().isEmpty()) {
            return;
        }
        protocol::VenueInput venue;
        venue.id = m_document.layout().id;
        venue.name = name.trimmed().toStdString();
        venue.city = city.trimmed().toStdString();
        m_server->createVenue(venue, [this, report](Expected<protocol::VenueInfo, core::ApiError> created) {
            if (!created) {
                QMessageBox::warning(this, tr("New venue"), created.error().message);
                return;
            }
            publishToServer(QString::fromStdString(created->id), report);
        });
    });
}

} // namespace usher::designer
