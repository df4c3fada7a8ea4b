#include "client-qt/app/sign_in_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace usher::app {

SignInDialog::SignInDialog(const QString& server, const QString& user, QWidget* parent)
    : QDialog(parent), m_server(new QLineEdit(server, this)), m_user(new QLineEdit(user, this)),
      m_password(new QLineEdit(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Sign in to Usher"));
    m_password->setEchoMode(QLineEdit::Password);
    m_server->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
    m_user->setPlaceholderText(tr("you@example.org"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c"));
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(m_error);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    (m_user->text().isEmpty() ? m_user : m_password)->setFocus();
}

QString SignInDialog::server() const {
    return m_server->text().trimmed();
}

QString SignInDialog::user() const {
    return m_user->text().trimmed();
}

QString SignInDialog::error() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInDialog::setPassword(const QString& password) {
    m_password->setText(password);
}

void SignInDialog::signIn() {
    const QUrl url = QUrl::fromUserInput(server());
    if (!url.isValid() || url.host().isEmpty()) {
        m_error->setText(tr("The server address is not valid."));
        m_error->show();
        return;
    }
    m_buttons->setEnabled(false);
    m_error->hide();
    // A new client per attempt (the address may have changed); never replaced inside its own callback.
    m_client = std::make_unique<core::ApiClient>(url);
    m_client->login(
        user(), m_password->text(), [this](Expected<protocol::LoginResponse, core::ApiError> answer) {
            m_buttons->setEnabled(true);
            if (!answer) {
                m_error->setText(answer.error().status == 401 ? tr("The user or the password is wrong.")
                                                              : answer.error().message);
                m_error->show();
                m_password->selectAll();
                m_password->setFocus();
                return;
            }
            m_login = std::move(*answer);
            accept();
        });
}

} // namespace usher::app
