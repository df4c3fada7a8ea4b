#pragma once

#include "client-qt/admin/admin_api.h"

#include <QDialog>
#include <QMainWindow>

#include <functional>
#include <optional>
#include <vector>

class QComboBox;
class QLineEdit;
class QTableWidget;

namespace usher::admin {

// A new staff account as the admin types it: email, name, role and a first password typed twice.
class NewAccountDialog : public QDialog {
    Q_OBJECT

public:
    explicit NewAccountDialog(QWidget* parent = nullptr);

    protocol::StaffInput input() const;
    QLineEdit& emailField() { return *m_email; }
    QLineEdit& nameField() { return *m_name; }
    QComboBox& roleField() { return *m_role; }
    QLineEdit& passwordField() { return *m_password; }
    QLineEdit& repeatField() { return *m_repeat; }
    // Why the entries cannot be sent, in words for the admin, or nothing when they can.
    std::optional<QString> problem() const;
    void accept() override;

private:
    QLineEdit* m_email;
    QLineEdit* m_name;
    QComboBox* m_role;
    QLineEdit* m_password;
    QLineEdit* m_repeat;
};

// Users and roles (admins): every account with its role and whether it may sign in; creating clerks
// and admins, resetting a password, disabling and enabling an account, switching its role. The
// server refuses an admin disabling or demoting themself.
class StaffWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit StaffWindow(core::ApiClient& client, QWidget* parent = nullptr);

    const std::vector<protocol::StaffInfo>& accounts() const { return m_accounts; }
    std::optional<protocol::StaffInfo> selectedAccount() const;
    void select(const std::string& accountId);
    QString lastMessage() const { return m_lastMessage; }
    const QList<QAction*>& shortcutActions() const { return m_actions; }

    // The steps as the actions run them, with `done(ok)` when the server answered.
    void reload(std::function<void(bool)> done = {});
    void create(const protocol::StaffInput& input, std::function<void(bool)> done = {});
    void resetPassword(const QString& password, std::function<void(bool)> done = {});
    void setDisabled(bool disabled, std::function<void(bool)> done = {});
    void setRole(protocol::Role role, std::function<void(bool)> done = {});

private:
    void buildActions();
    void showAccounts();
    void update(const protocol::StaffInput& change, const QString& doneText, std::function<void(bool)> done);
    void report(const QString& message, bool problem);
    void newAccountDialog();
    void resetPasswordDialog();

    AdminApi m_api;
    std::vector<protocol::StaffInfo> m_accounts;
    QTableWidget* m_list;
    QString m_lastMessage;
    QList<QAction*> m_actions;
};

} // namespace usher::admin
