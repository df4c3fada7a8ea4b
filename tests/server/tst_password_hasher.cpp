#include "server/security/password_hasher.h"

#include <QtTest>

#include <stdexcept>
#include <string>

using usher::server::security::PasswordHasher;

namespace {

// Made once with libsodium's crypto_pwhash_str_alg(ALG_ARGON2I13) at Argon2i's minimum cost; its
// password is "pw". An older algorithm the verifier still accepts.
constexpr const char* kArgon2iHashOfPw =
    "$argon2i$v=19$m=8,t=3,p=1$TwY67A7KTl8ghH3Zd2ufeA$H5fXVD3cdftOtSHGYpFhGaWvgzRujrH6pZiz9uu4+I8";

} // namespace

class TestPasswordHasher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presets();
    void hashAndVerify();
    void saltsDiffer();
    void wrongPassword();
    void malformedHashes_data();
    void malformedHashes();
    void costTravelsWithTheHash();
    void needsRehash();
    void olderAlgorithmVerifiesButNeedsRehash();
    void dummyHash();
    void rejectsInvalidCost();
};

void TestPasswordHasher::presets() {
    const auto interactive = PasswordHasher::interactiveCost();
    QCOMPARE(interactive.opsLimit, 2ULL);
    QCOMPARE(interactive.memLimit, std::size_t{64} * 1024 * 1024);
    const auto fast = PasswordHasher::fastForTestsCost();
    QCOMPARE(fast.opsLimit, 1ULL);
    QCOMPARE(fast.memLimit, std::size_t{8192});
    QVERIFY(PasswordHasher::fastForTests().cost() == fast);
}

void TestPasswordHasher::hashAndVerify() {
    const auto hasher = PasswordHasher::fastForTests();
    const std::string hash = hasher.hash("correct horse battery staple");
    QVERIFY2(hash.starts_with("$argon2id$v=19$m=8,t=1,p=1$"), hash.c_str());
    QVERIFY(hasher.verify(hash, "correct horse battery staple"));
    // Non-ASCII passwords are bytes like any other.
    const std::string unicode = hasher.hash("pässwörd-密码");
    QVERIFY(hasher.verify(unicode, "pässwörd-密码"));
}

void TestPasswordHasher::saltsDiffer() {
    const auto hasher = PasswordHasher::fastForTests();
    const std::string first = hasher.hash("same password");
    const std::string second = hasher.hash("same password");
    QVERIFY(first != second);
    QVERIFY(hasher.verify(first, "same password"));
    QVERIFY(hasher.verify(second, "same password"));
}

void TestPasswordHasher::wrongPassword() {
    const auto hasher = PasswordHasher::fastForTests();
    const std::string hash = hasher.hash("secret-password");
    QVERIFY(!hasher.verify(hash, "secret-passwore"));
    QVERIFY(!hasher.verify(hash, "Secret-password"));
    QVERIFY(!hasher.verify(hash, "secret-password "));
    QVERIFY(!hasher.verify(hash, ""));
    QVERIFY(!hasher.verify(hash, std::string_view()));
    QVERIFY(hasher.verify(hasher.hash(std::string_view()), ""));
    // A NUL inside the password is part of it, not its end.
    QVERIFY(!hasher.verify(hash, std::string("secret-password\0x", 17)));
}

void TestPasswordHasher::malformedHashes_data() {
    QTest::addColumn<QByteArray>("stored");
    const std::string good = PasswordHasher::fastForTests().hash("pw");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("not a hash");
    QTest::newRow("bcrypt") << QByteArray("$2y$10$abcdefghijklmnopqrstuuIhEnCRLvpMyLOIVNtCjQJ2KPAuRV2xC");
    QTest::newRow("truncated") << QByteArray::fromStdString(good.substr(0, good.size() - 10));
    QTest::newRow("prefix only") << QByteArray("$argon2id$");
    std::string badParameters = good;
    badParameters.replace(badParameters.find("m=8"), 3, "m=x");
    QTest::newRow("bad parameters") << QByteArray::fromStdString(badParameters);
    QTest::newRow("embedded NUL") << QByteArray::fromStdString(good.substr(0, 20) + '\0' + good.substr(21));
    QTest::newRow("oversize") << QByteArray(4096, 'a');
}

void TestPasswordHasher::malformedHashes() {
    QFETCH(QByteArray, stored);
    const auto hasher = PasswordHasher::fastForTests();
    QVERIFY(!hasher.verify(stored.toStdString(), "pw"));
    QVERIFY(hasher.needsRehash(stored.toStdString()));
}

void TestPasswordHasher::costTravelsWithTheHash() {
    // A hash made at one cost verifies under a hasher configured with another.
    const std::string hash = PasswordHasher::fastForTests().hash("pw-123456");
    const PasswordHasher other(PasswordHasher::Cost{3, 16 * 1024});
    QVERIFY(other.verify(hash, "pw-123456"));
    const std::string stronger = other.hash("pw-123456");
    QVERIFY2(stronger.starts_with("$argon2id$v=19$m=16,t=3,p=1$"), stronger.c_str());
    QVERIFY(PasswordHasher::fastForTests().verify(stronger, "pw-123456"));
}

void TestPasswordHasher::needsRehash() {
    const auto fast = PasswordHasher::fastForTests();
    const std::string hash = fast.hash("pw-123456");
    QVERIFY(!fast.needsRehash(hash));
    const PasswordHasher stronger(PasswordHasher::Cost{2, 16 * 1024});
    QVERIFY(stronger.needsRehash(hash));
    QVERIFY(!stronger.needsRehash(stronger.hash("pw-123456")));
    // The production preset flags the test cost for an upgrade.
    QVERIFY(PasswordHasher::interactive().needsRehash(hash));
}

void TestPasswordHasher::olderAlgorithmVerifiesButNeedsRehash() {
    const auto hasher = PasswordHasher::fastForTests();
    QVERIFY(hasher.verify(kArgon2iHashOfPw, "pw"));
    QVERIFY(!hasher.verify(kArgon2iHashOfPw, "px"));
    QVERIFY(hasher.needsRehash(kArgon2iHashOfPw));
}

void TestPasswordHasher::dummyHash() {
    const auto hasher = PasswordHasher::fastForTests();
    const std::string& dummy = hasher.dummyHash();
    // The dummy is a real hash at the hasher's own cost, so verifying against it costs the same.
    QVERIFY2(dummy.starts_with("$argon2id$v=19$m=8,t=1,p=1$"), dummy.c_str());
    QVERIFY(!hasher.needsRehash(dummy));
    QVERIFY(!hasher.verifyDummy(""));
    QVERIFY(!hasher.verifyDummy("password"));
    QVERIFY(!hasher.verify(dummy, "password"));
    // Stable for the hasher's lifetime.
    QCOMPARE(hasher.dummyHash(), dummy);
}

void TestPasswordHasher::rejectsInvalidCost() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, PasswordHasher(PasswordHasher::Cost{0, 8192}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, PasswordHasher(PasswordHasher::Cost{1, 1024}));
}

QTEST_APPLESS_MAIN(TestPasswordHasher)
#include "tst_password_hasher.moc"
