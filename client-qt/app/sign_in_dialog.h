#pragma once

#include "client-qt/core/api_client.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace usher::app {

// Server address, user and password. Signing in happens here, so a wrong password or an unreachable
// server is said in the dialog and the clerk tries again without losing what was typed.
class SignInDialog : public QDialog {
    Q_OBJECT

public:
    SignInDialog(const QString& server, const QString& user, QWidget* parent = nullptr);

    // After accept(): the client, signed in, and who signed in.
    std::unique_ptr<core::ApiClient> takeClient() { return std::move(m_client); }
    const protocol::LoginResponse& login() const { return m_login; }
    QString server() const;
    QString user() const;
    QString error() const;
    void setPassword(const QString& password);
    void signIn();

private:
    QLineEdit* m_server;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    std::unique_ptr<core::ApiClient> m_client;
    protocol::LoginResponse m_login;
};

} // namespace usher::app
