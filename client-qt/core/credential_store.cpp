#include "client-qt/core/credential_store.h"

#include <qt6keychain/keychain.h>

namespace usher::core {

namespace {

const QString kService = QStringLiteral("usher-boxoffice");

} // namespace

CredentialStore::CredentialStore(QObject* parent) : QObject(parent) {}

QString CredentialStore::keyFor(const QString& server, const QString& user) {
    return user + QStringLiteral(" on ") + server;
}

void CredentialStore::load(const QString& server, const QString& user,
                           std::function<void(std::optional<QString>)> done) {
    auto* job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(server, user));
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError || job->textData().isEmpty()) {
            done(std::nullopt);
            return;
        }
        done(job->textData());
    });
    job->start();
}

void CredentialStore::save(const QString& server, const QString& user, const QString& refreshToken,
                           std::function<void(bool)> done) {
    auto* job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(server, user));
    job->setTextData(refreshToken);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (done) {
            done(job->error() == QKeychain::NoError);
        }
    });
    job->start();
}

void CredentialStore::forget(const QString& server, const QString& user) {
    auto* job = new QKeychain::DeletePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(server, user));
    job->start();
}

} // namespace usher::core
