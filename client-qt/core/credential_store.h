#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace usher::core {

// A clerk's refresh token per server and user, in the system keychain (QtKeychain: the Secret
// Service, KWallet, macOS Keychain or the Windows credential store). There is deliberately no
// fallback: where no keychain service runs, nothing is stored and the app asks for the password
// again, instead of writing the secret to disk.
class CredentialStore : public QObject {
    Q_OBJECT

public:
    explicit CredentialStore(QObject* parent = nullptr);

    // The stored token, or nothing (none stored, or no keychain).
    void load(const QString& server, const QString& user, std::function<void(std::optional<QString>)> done);
    // `done(true)` once the keychain holds it; false without a keychain.
    void save(const QString& server, const QString& user, const QString& refreshToken,
              std::function<void(bool)> done = {});
    void forget(const QString& server, const QString& user);

    static QString keyFor(const QString& server, const QString& user);
};

} // namespace usher::core
