#include "client-qt/admin/staff_window.h"

#include "common/protocol/auth.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableWidget>

namespace usher::admin {
namespace {

QString roleName(protocol::Role role) {
    switch (role) {
    case protocol::Role::Admin:
        return StaffWindow::tr("admin");
    case protocol::Role::Clerk:
        return StaffWindow::tr("clerk");
    case protocol::Role::Customer:
        return StaffWindow::tr("customer");
    }
    return {};
}

// The password rules the server applies, checked before anything is sent.
std::optional<QString> passwordProblem(const QString& password, const QString& repeated) {
    if (static_cast<std::size_t>(password.toUcs4().size()) < protocol::kMinPasswordLength) {
        return NewAccountDialog::tr("A password needs at least %1 characters.")
            .arg(protocol::kMinPasswordLength);
    }
    if (password != repeated) {
        return NewAccountDialog::tr("The two passwords differ.");
    }
    return std::nullopt;
}

QLineEdit* hiddenField(QWidget* parent) {
    auto* field = new QLineEdit(parent);
    field->setEchoMode(QLineEdit::Password);
    return field;
}

} // namespace

NewAccountDialog::NewAccountDialog(QWidget* parent)
    : QDialog(parent), m_email(new QLineEdit(this)), m_name(new QLineEdit(this)), m_role(new QComboBox(this)),
      m_password(hiddenField(this)), m_repeat(hiddenField(this)) {
    setWindowTitle(tr("New staff account"));
    m_role->addItem(roleName(protocol::Role::Clerk), static_cast<int>(protocol::Role::Clerk));
    m_role->addItem(roleName(protocol::Role::Admin), static_cast<int>(protocol::Role::Admin));
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("First &password:"), m_password);
    form->addRow(tr("&Repeat it:"), m_repeat);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewAccountDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewAccountDialog::reject);
    form->addRow(buttons);
}

protocol::StaffInput NewAccountDialog::input() const {
    protocol::StaffInput input;
    input.email = m_email->text().trimmed().toStdString();
    input.name = m_name->text().trimmed().toStdString();
    input.role = static_cast<protocol::Role>(m_role->currentData().toInt());
    input.password = m_password->text().toStdString();
    return input;
}

std::optional<QString> NewAccountDialog::problem() const {
    if (!protocol::isEmailShaped(m_email->text().trimmed().toStdString())) {
        return tr("\"%1\" is not an email address.").arg(m_email->text().trimmed());
    }
    if (m_name->text().trimmed().isEmpty()) {
        return tr("Give the account a name.");
    }
    return passwordProblem(m_password->text(), m_repeat->text());
}

void NewAccountDialog::accept() {
    if (const auto reason = problem()) {
        QMessageBox::warning(this, windowTitle(), *reason);
        return;
    }
    QDialog::accept();
}

StaffWindow::StaffWindow(core::ApiClient& client, QWidget* parent)
    : QMainWindow(parent), m_api(client), m_list(new QTableWidget(this)) {
    setWindowTitle(tr("Usher users and roles"));
    m_list->setColumnCount(4);
    m_list->setHorizontalHeaderLabels({tr("Name"), tr("Email"), tr("Role"), tr("Status")});
    m_list->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->setAccessibleName(tr("Accounts"));
    setCentralWidget(m_list);
    buildActions();
    resize(760, 480);
    reload();
}

void StaffWindow::buildActions() {
    QMenu* accounts = menuBar()->addMenu(tr("&Accounts"));
    const auto add = [this, accounts](const QString& text, const QKeySequence& key,
                                      std::function<void()> run) {
        QAction* action = accounts->addAction(text);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, std::move(run));
        m_actions << action;
    };
    add(tr("New account..."), QKeySequence(QStringLiteral("Ctrl+N")), [this] { newAccountDialog(); });
    add(tr("Reset password..."), QKeySequence(QStringLiteral("Ctrl+R")), [this] { resetPasswordDialog(); });
    add(tr("Disable or enable the account"), QKeySequence(QStringLiteral("Ctrl+D")), [this] {
        if (const auto account = selectedAccount()) {
            setDisabled(!account->disabled);
        }
    });
    add(tr("Make admin or clerk"), QKeySequence(QStringLiteral("Ctrl+Shift+R")), [this] {
        if (const auto account = selectedAccount()) {
            setRole(account->role == protocol::Role::Admin ? protocol::Role::Clerk : protocol::Role::Admin);
        }
    });
    add(tr("Reload"), QKeySequence(QStringLiteral("F5")), [this] { reload(); });
    add(tr("Close"), QKeySequence(QStringLiteral("Ctrl+W")), [this] { close(); });
}

void StaffWindow::report(const QString& message, bool problem) {
    m_lastMessage = message;
    statusBar()->showMessage(message, problem ? 0 : 8000);
}

std::optional<protocol::StaffInfo> StaffWindow::selectedAccount() const {
    const int row = m_list->currentRow();
    if (row < 0 || static_cast<std::size_t>(row) >= m_accounts.size()) {
        return std::nullopt;
    }
    return m_accounts[static_cast<std::size_t>(row)];
}

void StaffWindow::select(const std::string& accountId) {
    for (std::size_t row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts[row].id == accountId) {
            m_list->selectRow(static_cast<int>(row));
        }
    }
}

void StaffWindow::reload(std::function<void(bool)> done) {
    m_api.staff([this, done = std::move(done)](Expected<protocol::StaffList, core::ApiError> answer) {
        if (!answer) {
            report(answer.error().message, true);
        } else {
            m_accounts = std::move(answer->users);
            showAccounts();
        }
        if (done) {
            done(answer.hasValue());
        }
    });
}

void StaffWindow::showAccounts() {
    const auto selected = selectedAccount();
    QSignalBlocker quiet(m_list);
    m_list->setRowCount(static_cast<int>(m_accounts.size()));
    for (int row = 0; row < static_cast<int>(m_accounts.size()); ++row) {
        const protocol::StaffInfo& account = m_accounts[static_cast<std::size_t>(row)];
        m_list->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(account.name)));
        m_list->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(account.email)));
        m_list->setItem(row, 2, new QTableWidgetItem(roleName(account.role)));
        m_list->setItem(row, 3, new QTableWidgetItem(account.disabled ? tr("disabled") : tr("active")));
    }
    if (selected) {
        select(selected->id);
    }
}

void StaffWindow::create(const protocol::StaffInput& input, std::function<void(bool)> done) {
    m_api.createStaff(input,
                      [this, done = std::move(done)](Expected<protocol::StaffInfo, core::ApiError> answer) {
                          if (!answer) {
                              report(answer.error().message, true);
                              if (done) {
                                  done(false);
                              }
                              return;
                          }
                          report(tr("%1 can sign in now.").arg(QString::fromStdString(answer->email)), false);
                          const std::string id = answer->id;
                          reload([this, id, done](bool ok) {
                              select(id);
                              if (done) {
                                  done(ok);
                              }
                          });
                      });
}

void StaffWindow::update(const protocol::StaffInput& change, const QString& doneText,
                         std::function<void(bool)> done) {
    const auto account = selectedAccount();
    if (!account) {
        report(tr("Choose an account in the list first."), true);
        if (done) {
            done(false);
        }
        return;
    }
    m_api.updateStaff(
        QString::fromStdString(account->id), change,
        [this, doneText, done = std::move(done)](Expected<protocol::StaffInfo, core::ApiError> answer) {
            if (!answer) {
                report(answer.error().message, true);
                if (done) {
                    done(false);
                }
                return;
            }
            report(doneText.arg(QString::fromStdString(answer->name)), false);
            reload(done);
        });
}

void StaffWindow::resetPassword(const QString& password, std::function<void(bool)> done) {
    protocol::StaffInput change;
    change.password = password.toStdString();
    update(change, tr("%1 has a new password."), std::move(done));
}

void StaffWindow::setDisabled(bool disabled, std::function<void(bool)> done) {
    protocol::StaffInput change;
    change.disabled = disabled;
    update(change, disabled ? tr("%1 can no longer sign in.") : tr("%1 can sign in again."), std::move(done));
}

void StaffWindow::setRole(protocol::Role role, std::function<void(bool)> done) {
    protocol::StaffInput change;
    change.role = role;
    update(change, role == protocol::Role::Admin ? tr("%1 is an admin now.") : tr("%1 is a clerk now."),
           std::move(done));
}

void StaffWindow::newAccountDialog() {
    NewAccountDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) {
        create(dialog.input());
    }
}

void StaffWindow::resetPasswordDialog() {
    const auto account = selectedAccount();
    if (!account) {
        report(tr("Choose an account in the list first."), true);
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Reset password"));
    QLineEdit* password = hiddenField(&dialog);
    QLineEdit* repeat = hiddenField(&dialog);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("New password for %1:").arg(QString::fromStdString(account->name)), password);
    form->addRow(tr("&Repeat it:"), repeat);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (const auto reason = passwordProblem(password->text(), repeat->text())) {
            QMessageBox::warning(&dialog, dialog.windowTitle(), *reason);
        } else {
            dialog.accept();
        }
    });
    if (dialog.exec() == QDialog::Accepted) {
        resetPassword(password->text());
    }
}

} // namespace usher::admin
