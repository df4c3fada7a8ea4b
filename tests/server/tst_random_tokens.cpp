#include "server/security/random_tokens.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QtTest>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

using namespace usher::server::security;

class TestRandomTokens : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refreshTokenShape();
    void refreshTokensAreUnique();
    void hashTokenKnownAnswer();
    void hashTokenIsStableHex();
    void ticketCodeShape();
    void uuidsAreVersion4AndDistinct();
    void ticketCodesAreUniqueAndUseTheWholeAlphabet();
    void ticketCodeShapeCheck_data();
    void ticketCodeShapeCheck();
};

void TestRandomTokens::refreshTokenShape() {
    const std::string token = newRefreshToken();
    QCOMPARE(token.size(), std::size_t{43});
    for (const char c : token) {
        QVERIFY2(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_', token.c_str());
    }
    const QByteArray decoded = QByteArray::fromBase64(
        QByteArray::fromStdString(token), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(decoded.size(), 32);
}

void TestRandomTokens::refreshTokensAreUnique() {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        QVERIFY(seen.insert(newRefreshToken()).second);
    }
}

void TestRandomTokens::hashTokenKnownAnswer() {
    // FIPS 180-2 test vectors for SHA-256.
    QCOMPARE(hashToken("abc"),
             std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(hashToken(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

void TestRandomTokens::hashTokenIsStableHex() {
    const std::string token = newRefreshToken();
    const std::string hash = hashToken(token);
    QCOMPARE(hash.size(), std::size_t{64});
    for (const char c : hash) {
        QVERIFY2((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'), hash.c_str());
    }
    QCOMPARE(hashToken(token), hash);
    QCOMPARE(QByteArray::fromStdString(hash),
             QCryptographicHash::hash(QByteArray::fromStdString(token), QCryptographicHash::Sha256).toHex());
    QVERIFY(hashToken(newRefreshToken()) != hash);
}

void TestRandomTokens::uuidsAreVersion4AndDistinct() {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = newUuid();
        QCOMPARE(id.size(), std::size_t{36});
        for (std::size_t p : {8U, 13U, 18U, 23U}) {
            QCOMPARE(id[p], '-');
        }
        QCOMPARE(id[14], '4');
        QVERIFY(std::string("89ab").find(id[19]) != std::string::npos);
        QVERIFY(std::all_of(id.begin(), id.end(), [](char c) {
            return c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }));
        QVERIFY(seen.insert(id).second);
    }
}

void TestRandomTokens::ticketCodeShape() {
    const std::string code = newTicketCode();
    QCOMPARE(code.size(), kTicketCodeLength);
    QCOMPARE(code.size(), std::size_t{26});
    for (const char c : code) {
        QVERIFY2(kTicketCodeAlphabet.find(c) != std::string_view::npos, code.c_str());
    }
    QVERIFY2(code.front() >= '0' && code.front() <= '7', code.c_str());
    QVERIFY(isTicketCodeShaped(code));
}

void TestRandomTokens::ticketCodesAreUniqueAndUseTheWholeAlphabet() {
    std::set<std::string> seen;
    std::set<char> firstCharacters;
    std::set<char> otherCharacters;
    for (int i = 0; i < 1000; ++i) {
        const std::string code = newTicketCode();
        QVERIFY2(isTicketCodeShaped(code), code.c_str());
        QVERIFY2(seen.insert(code).second, code.c_str());
        firstCharacters.insert(code.front());
        otherCharacters.insert(code.begin() + 1, code.end());
    }
    // 25,000 random symbols: each of the 32 turns up (a miss has odds below 1e-300), and the
    // first character carries the top 3 of 128 bits, so it takes all of 0-7 and nothing else.
    QCOMPARE(otherCharacters.size(), std::size_t{32});
    QCOMPARE(firstCharacters, (std::set<char>{'0', '1', '2', '3', '4', '5', '6', '7'}));
}

void TestRandomTokens::ticketCodeShapeCheck_data() {
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<bool>("shaped");
    QTest::newRow("valid") << QByteArray("7ZZZZZZZZZZZZZZZZZZZZZZZZZ") << true;
    QTest::newRow("zeros") << QByteArray("00000000000000000000000000") << true;
    QTest::newRow("every letter") << QByteArray("0ABCDEFGHJKMNPQRSTVWXYZ123") << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("25 characters") << QByteArray("0ZZZZZZZZZZZZZZZZZZZZZZZZ") << false;
    QTest::newRow("27 characters") << QByteArray("0ZZZZZZZZZZZZZZZZZZZZZZZZZZ") << false;
    QTest::newRow("first above 7") << QByteArray("8ZZZZZZZZZZZZZZZZZZZZZZZZZ") << false;
    QTest::newRow("lowercase") << QByteArray("0abcdefghjkmnpqrstvwxyz123") << false;
    QTest::newRow("I") << QByteArray("0IZZZZZZZZZZZZZZZZZZZZZZZZ") << false;
    QTest::newRow("L") << QByteArray("0LZZZZZZZZZZZZZZZZZZZZZZZZ") << false;
    QTest::newRow("O") << QByteArray("0OZZZZZZZZZZZZZZZZZZZZZZZZ") << false;
    QTest::newRow("U") << QByteArray("0UZZZZZZZZZZZZZZZZZZZZZZZZ") << false;
    QTest::newRow("hyphen") << QByteArray("0ZZZZ-ZZZZZZZZZZZZZZZZZZZZ") << false;
    QTest::newRow("NUL") << QByteArray("0ZZZZZZZZZZZZZZZZZZZZZZZZ\0", 26) << false;
}

void TestRandomTokens::ticketCodeShapeCheck() {
    QFETCH(QByteArray, code);
    QFETCH(bool, shaped);
    QCOMPARE(isTicketCodeShaped(std::string_view(code.constData(), static_cast<std::size_t>(code.size()))),
             shaped);
}

QTEST_APPLESS_MAIN(TestRandomTokens)
#include "tst_random_tokens.moc"
