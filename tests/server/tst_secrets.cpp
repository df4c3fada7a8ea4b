#include "server/security/secrets.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <vector>

using namespace usher::server::security;

namespace {

std::filesystem::path pathIn(const QTemporaryDir& dir, const char* name) {
    return std::filesystem::path(dir.path().toStdString()) / name;
}

void writeFile(const std::filesystem::path& file, const QByteArray& content) {
    QFile out(QString::fromStdString(file.string()));
    QVERIFY(out.open(QIODevice::WriteOnly));
    QCOMPARE(out.write(content), content.size());
}

QByteArray readFile(const std::filesystem::path& file) {
    QFile in(QString::fromStdString(file.string()));
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

std::vector<unsigned char> bytesOf(const QByteArray& data) {
    return {data.begin(), data.end()};
}

QByteArray knownBytes(int count) {
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        out.append(static_cast<char>(i * 7 + 3));
    }
    return out;
}

// Restores the process umask when a test is done with it.
class UmaskGuard {
public:
    explicit UmaskGuard(mode_t mask) : m_previous(::umask(mask)) {}
    ~UmaskGuard() { ::umask(m_previous); }
    UmaskGuard(const UmaskGuard&) = delete;
    UmaskGuard& operator=(const UmaskGuard&) = delete;

private:
    mode_t m_previous;
};

} // namespace

class TestSecrets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createsFileWithMode0600();
    void createdFileIsOneBase64Line();
    void reloadsSameBytes();
    void eachFileGetsItsOwnSecret();
    void readsOperatorFiles_data();
    void readsOperatorFiles();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void rejectsMissingDirectory();
    void rejectsDirectory();
    void refusesShortRequest();
};

void TestSecrets::createsFileWithMode0600() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto file = pathIn(dir, "jwt.secret");
    const UmaskGuard permissive(0); // the mode must not depend on the caller's umask
    const auto secret = loadOrCreateSecretFile(file, 48);
    QVERIFY2(secret, secret ? "" : secret.error().c_str());
    QCOMPARE(secret->size(), std::size_t{48});
    struct stat info {};
    QCOMPARE(::stat(file.c_str(), &info), 0);
    QVERIFY(S_ISREG(info.st_mode));
    QCOMPARE(info.st_mode & 07777, mode_t{0600});
    // No temporary file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"jwt.secret"});
}

void TestSecrets::createdFileIsOneBase64Line() {
    QTemporaryDir dir;
    const auto file = pathIn(dir, "ticket.seed");
    const auto secret = loadOrCreateSecretFile(file, 32);
    QVERIFY(secret);
    QCOMPARE(secret->size(), std::size_t{32});
    const QByteArray text = readFile(file);
    QVERIFY(text.endsWith('\n'));
    QCOMPARE(text.count('\n'), 1);
    QCOMPARE(bytesOf(QByteArray::fromBase64(text.trimmed())), *secret);
    QVERIFY(*secret != std::vector<unsigned char>(32, 0));
}

void TestSecrets::reloadsSameBytes() {
    QTemporaryDir dir;
    const auto file = pathIn(dir, "jwt.secret");
    const auto created = loadOrCreateSecretFile(file, 48);
    QVERIFY(created);
    const QByteArray text = readFile(file);
    const auto reloaded = loadOrCreateSecretFile(file, 48);
    QVERIFY(reloaded);
    QCOMPARE(*reloaded, *created);
    // An existing file is read as it is, whatever size a new one would get.
    const auto other = loadOrCreateSecretFile(file, 64);
    QVERIFY(other);
    QCOMPARE(*other, *created);
    QCOMPARE(readFile(file), text);
}

void TestSecrets::eachFileGetsItsOwnSecret() {
    QTemporaryDir dir;
    const auto first = loadOrCreateSecretFile(pathIn(dir, "a.secret"), 32);
    const auto second = loadOrCreateSecretFile(pathIn(dir, "b.secret"), 32);
    QVERIFY(first && second);
    QVERIFY(*first != *second);
}

void TestSecrets::readsOperatorFiles_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray forty8 = knownBytes(48);
    const QByteArray ninety6 = knownBytes(96);
    QTest::newRow("openssl rand -base64 48") << forty8.toBase64() + '\n' << forty8;
    QTest::newRow("no trailing newline") << forty8.toBase64() << forty8;
    QTest::newRow("CRLF") << forty8.toBase64() + "\r\n" << forty8;
    QTest::newRow("padded, exactly 32") << knownBytes(32).toBase64() + '\n' << knownBytes(32);
    // openssl wraps output longer than 64 columns.
    const QByteArray wrapped = ninety6.toBase64();
    QTest::newRow("wrapped at 64 columns") << wrapped.left(64) + '\n' + wrapped.mid(64) + '\n' << ninety6;
}

void TestSecrets::readsOperatorFiles() {
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, expected);
    QTemporaryDir dir;
    const auto file = pathIn(dir, "jwt.secret");
    writeFile(file, content);
    const auto secret = loadOrCreateSecretFile(file, 48);
    QVERIFY2(secret, secret ? "" : secret.error().c_str());
    QCOMPARE(*secret, bytesOf(expected));
    QCOMPARE(readFile(file), content); // never rewritten
}

void TestSecrets::rejectsBadFiles_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    QTest::newRow("16 bytes") << knownBytes(16).toBase64() + '\n'
                              << "holds 16 bytes; a secret needs at least 32";
    QTest::newRow("31 bytes") << knownBytes(31).toBase64() + '\n' << "holds 31 bytes";
    QTest::newRow("empty") << QByteArray() << "holds 0 bytes";
    QTest::newRow("only a newline") << QByteArray("\n") << "holds 0 bytes";
    QTest::newRow("garbage") << QByteArray("this is not base64 at all!\n") << "is not base64 text";
    QTest::newRow("missing padding") << knownBytes(47).toBase64().chopped(1) << "is not base64 text";
    QTest::newRow("base64url") << QByteArray(48, '\xff').toBase64(QByteArray::Base64UrlEncoding)
                               << "is not base64 text";
    QTest::newRow("binary") << knownBytes(48) << "is not base64 text";
    QTest::newRow("huge") << QByteArray(100 * 1024, 'A') << "too large";
}

void TestSecrets::rejectsBadFiles() {
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    const auto file = pathIn(dir, "jwt.secret");
    writeFile(file, content);
    const auto secret = loadOrCreateSecretFile(file, 48);
    QVERIFY(!secret);
    const QString message = QString::fromStdString(secret.error());
    QVERIFY2(message.contains(QString::fromStdString(file.string())), qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
    QCOMPARE(readFile(file), content); // a bad file is reported, never replaced
}

void TestSecrets::rejectsMissingDirectory() {
    QTemporaryDir dir;
    const auto file = pathIn(dir, "missing/jwt.secret");
    const auto secret = loadOrCreateSecretFile(file, 48);
    QVERIFY(!secret);
    QVERIFY2(secret.error().find(file.string()) != std::string::npos, secret.error().c_str());
    QVERIFY2(secret.error().find("does not exist") != std::string::npos, secret.error().c_str());
    QVERIFY(!std::filesystem::exists(file.parent_path()));
}

void TestSecrets::rejectsDirectory() {
    QTemporaryDir dir;
    const auto file = pathIn(dir, "jwt.secret");
    std::filesystem::create_directory(file);
    const auto secret = loadOrCreateSecretFile(file, 48);
    QVERIFY(!secret);
    QVERIFY2(secret.error().find(file.string()) != std::string::npos, secret.error().c_str());
}

void TestSecrets::refusesShortRequest() {
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             static_cast<void>(loadOrCreateSecretFile(pathIn(dir, "x"), 16)));
    QVERIFY(!std::filesystem::exists(pathIn(dir, "x")));
}

QTEST_APPLESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
