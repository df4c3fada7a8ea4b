#include "common/protocol/codec.h"
#include "server/security/access_tokens.h"
#include "tests/common/support/expected_checks.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QtTest>

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

using namespace usher;
using namespace usher::server::security;
using namespace usher::testing;
using namespace std::chrono_literals;
using usher::protocol::Role;

Q_DECLARE_METATYPE(usher::server::security::TokenError)

namespace {

const QByteArray kSecret = "0123456789abcdef0123456789abcdef-usher-test";
const std::string kIssuer = "usher-test";
// 2023-11-14T22:13:20.25Z: the fraction checks that iat is rounded down to the second.
const Timestamp kNow = Timestamp(std::chrono::seconds(1'700'000'000)) + 250'000us;
const Timestamp kIssued = Timestamp(std::chrono::seconds(1'700'000'000));

std::vector<unsigned char> bytes(const QByteArray& data) {
    return {data.begin(), data.end()};
}

AccessTokenCodec codec(const QByteArray& secret = kSecret, const std::string& issuer = kIssuer) {
    return AccessTokenCodec(bytes(secret), issuer);
}

QByteArray b64url(const QByteArray& data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray unb64url(const QByteArray& data) {
    return QByteArray::fromBase64(data, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A token made without libjwt or Usher: header and payload as given, signed with Qt's HMAC.
std::string craft(const QByteArray& header, const QByteArray& payload,
                  QCryptographicHash::Algorithm hmac = QCryptographicHash::Sha256,
                  const QByteArray& key = kSecret) {
    const QByteArray signingInput = b64url(header) + '.' + b64url(payload);
    const QByteArray signature = QMessageAuthenticationCode::hash(signingInput, key, hmac);
    return (signingInput + '.' + b64url(signature)).toStdString();
}

const QByteArray kHs256Header = R"({"alg":"HS256","typ":"JWT"})";
const QByteArray kValidPayload =
    R"({"iss":"usher-test","sub":"user-7","role":"clerk","iat":1700000000,"exp":1700000900,"jti":"abc"})";

QList<QByteArray> parts(const std::string& token) {
    return QByteArray::fromStdString(token).split('.');
}

} // namespace

class TestAccessTokens : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void everyRole();
    void headerIsPinned();
    void tokenIdsAreUnique();
    void customTtl();
    void expiryBoundary();
    void handCraftedHs256IsAccepted();
    void algNoneRejected_data();
    void algNoneRejected();
    void otherAlgorithmsRejected_data();
    void otherAlgorithmsRejected();
    void duplicateAlgHeaderRejected();
    void tamperedPayloadRejected();
    void tamperedSignatureRejected();
    void otherSecretRejected();
    void wrongIssuerRejected();
    void oversizeRejected();
    void malformedRejected_data();
    void malformedRejected();
    void badClaimsRejected_data();
    void badClaimsRejected();
    void constructorPreconditions();
};

void TestAccessTokens::roundTrip() {
    const auto tokens = codec();
    QCOMPARE(tokens.ttl(), 15min);
    const std::string token = tokens.issue("user-42", Role::Clerk, kNow);
    QVERIFY(token.size() < protocol::kMaxTokenLength);
    const auto claims = tokens.verify(token, kNow);
    QVERIFY2(claims, errorOf(claims).constData());
    QCOMPARE(claims->userId, std::string("user-42"));
    QVERIFY(claims->role == Role::Clerk);
    QVERIFY(claims->issuedAt == kIssued);
    QVERIFY(claims->expiresAt == kIssued + 15min);
    QCOMPARE(claims->tokenId.size(), std::size_t{22}); // 16 random bytes, base64url

    // The payload holds exactly the documented claims.
    const QJsonObject payload = QJsonDocument::fromJson(unb64url(parts(token)[1])).object();
    QCOMPARE(payload.keys(), (QStringList{"exp", "iat", "iss", "jti", "role", "sub"}));
    QCOMPARE(payload["iss"].toString(), QString("usher-test"));
    QCOMPARE(payload["sub"].toString(), QString("user-42"));
    QCOMPARE(payload["role"].toString(), QString("clerk"));
    QCOMPARE(payload["iat"].toInteger(), 1'700'000'000LL);
    QCOMPARE(payload["exp"].toInteger(), 1'700'000'900LL);
    QCOMPARE(payload["jti"].toString().toStdString(), claims->tokenId);
}

void TestAccessTokens::everyRole() {
    const auto tokens = codec();
    for (const Role role : {Role::Admin, Role::Clerk, Role::Customer}) {
        const auto claims = tokens.verify(tokens.issue("u1", role, kNow), kNow);
        QVERIFY2(claims, errorOf(claims).constData());
        QVERIFY(claims->role == role);
    }
}

void TestAccessTokens::headerIsPinned() {
    const std::string token = codec().issue("user-42", Role::Admin, kNow);
    const QJsonObject header = QJsonDocument::fromJson(unb64url(parts(token)[0])).object();
    QCOMPARE(header["alg"].toString(), QString("HS256"));
    QCOMPARE(header["typ"].toString(), QString("JWT"));
    QCOMPARE(header.size(), 2);
}

void TestAccessTokens::tokenIdsAreUnique() {
    const auto tokens = codec();
    const auto first = tokens.verify(tokens.issue("u1", Role::Customer, kNow), kNow);
    const auto second = tokens.verify(tokens.issue("u1", Role::Customer, kNow), kNow);
    QVERIFY(first && second);
    QVERIFY(first->tokenId != second->tokenId);
}

void TestAccessTokens::customTtl() {
    const AccessTokenCodec tokens(bytes(kSecret), kIssuer, 60s);
    QCOMPARE(tokens.ttl(), 60s);
    const auto claims = tokens.verify(tokens.issue("u1", Role::Customer, kNow), kNow);
    QVERIFY(claims);
    QVERIFY(claims->expiresAt == kIssued + 60s);
}

void TestAccessTokens::expiryBoundary() {
    const auto tokens = codec();
    const std::string token = tokens.issue("u1", Role::Customer, kNow);
    const Timestamp expiresAt = kIssued + 15min;
    QVERIFY(tokens.verify(token, expiresAt - 1us));
    QCOMPARE(errorOf(tokens.verify(token, expiresAt)), code(TokenError::Expired));
    QCOMPARE(errorOf(tokens.verify(token, expiresAt + 1s)), code(TokenError::Expired));
    QCOMPARE(errorOf(tokens.verify(token, expiresAt + 24h * 365)), code(TokenError::Expired));
}

void TestAccessTokens::handCraftedHs256IsAccepted() {
    // The control for the rejection tests below: the crafting helper makes tokens the codec
    // accepts, so each rejection is due to the one thing the test changes.
    const auto claims = codec().verify(craft(kHs256Header, kValidPayload), kNow);
    QVERIFY2(claims, errorOf(claims).constData());
    QCOMPARE(claims->userId, std::string("user-7"));
    QVERIFY(claims->role == Role::Clerk);
    QCOMPARE(claims->tokenId, std::string("abc"));
}

void TestAccessTokens::algNoneRejected_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("withSignature");
    QTest::newRow("none, empty signature") << QByteArray(R"({"alg":"none","typ":"JWT"})") << false;
    QTest::newRow("none, HS256 signature") << QByteArray(R"({"alg":"none","typ":"JWT"})") << true;
    QTest::newRow("None") << QByteArray(R"({"alg":"None","typ":"JWT"})") << false;
    QTest::newRow("NONE") << QByteArray(R"({"alg":"NONE"})") << false;
    QTest::newRow("empty alg") << QByteArray(R"({"alg":"","typ":"JWT"})") << false;
    QTest::newRow("lowercase hs256") << QByteArray(R"({"alg":"hs256","typ":"JWT"})") << true;
}

void TestAccessTokens::algNoneRejected() {
    QFETCH(QByteArray, header);
    QFETCH(bool, withSignature);
    std::string token = (b64url(header) + '.' + b64url(kValidPayload) + '.').toStdString();
    if (withSignature) {
        token += parts(craft(header, kValidPayload))[2].toStdString();
    }
    QCOMPARE(errorOf(codec().verify(token, kNow)), code(TokenError::WrongAlgorithm));
}

void TestAccessTokens::otherAlgorithmsRejected_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("hmac");
    // A genuine HS512 token under the same secret: valid, but not the pinned algorithm.
    QTest::newRow("HS512") << QByteArray(R"({"alg":"HS512","typ":"JWT"})") << int(QCryptographicHash::Sha512);
    QTest::newRow("HS384") << QByteArray(R"({"alg":"HS384","typ":"JWT"})") << int(QCryptographicHash::Sha384);
    // Key confusion: an RS256 header over an HMAC made with the secret as if it were a public key.
    QTest::newRow("RS256") << QByteArray(R"({"alg":"RS256","typ":"JWT"})") << int(QCryptographicHash::Sha256);
    QTest::newRow("ES256") << QByteArray(R"({"alg":"ES256","typ":"JWT"})") << int(QCryptographicHash::Sha256);
    QTest::newRow("EdDSA") << QByteArray(R"({"alg":"EdDSA","typ":"JWT"})") << int(QCryptographicHash::Sha256);
}

void TestAccessTokens::otherAlgorithmsRejected() {
    QFETCH(QByteArray, header);
    QFETCH(int, hmac);
    const std::string token = craft(header, kValidPayload, QCryptographicHash::Algorithm(hmac));
    QCOMPARE(errorOf(codec().verify(token, kNow)), code(TokenError::WrongAlgorithm));
}

void TestAccessTokens::duplicateAlgHeaderRejected() {
    // Whichever duplicate a JSON parser keeps, an unsigned token must not get through.
    for (const QByteArray& header :
         {QByteArray(R"({"alg":"none","alg":"HS256"})"), QByteArray(R"({"alg":"HS256","alg":"none"})")}) {
        const std::string token = (b64url(header) + '.' + b64url(kValidPayload) + '.').toStdString();
        QVERIFY(!codec().verify(token, kNow));
    }
}

void TestAccessTokens::tamperedPayloadRejected() {
    const auto tokens = codec();
    const QList<QByteArray> original = parts(tokens.issue("user-42", Role::Customer, kNow));
    QJsonObject payload = QJsonDocument::fromJson(unb64url(original[1])).object();
    payload["role"] = "admin";
    const QByteArray forged =
        original[0] + '.' + b64url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.' + original[2];
    QCOMPARE(errorOf(tokens.verify(forged.toStdString(), kNow)), code(TokenError::BadSignature));

    // Extending the expiry is tampering too.
    payload = QJsonDocument::fromJson(unb64url(original[1])).object();
    payload["exp"] = 1'900'000'000LL;
    const QByteArray extended =
        original[0] + '.' + b64url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.' + original[2];
    QCOMPARE(errorOf(tokens.verify(extended.toStdString(), kNow)), code(TokenError::BadSignature));
}

void TestAccessTokens::tamperedSignatureRejected() {
    const auto tokens = codec();
    const std::string token = tokens.issue("user-42", Role::Customer, kNow);
    std::string flipped = token;
    flipped[flipped.size() - 5] = flipped[flipped.size() - 5] == 'A' ? 'B' : 'A';
    QCOMPARE(errorOf(tokens.verify(flipped, kNow)), code(TokenError::BadSignature));
    const std::string unsigned_ = token.substr(0, token.rfind('.') + 1);
    QCOMPARE(errorOf(tokens.verify(unsigned_, kNow)), code(TokenError::BadSignature));
}

void TestAccessTokens::otherSecretRejected() {
    const std::string token = codec().issue("user-42", Role::Admin, kNow);
    const auto other = codec("another-secret-of-at-least-32-bytes!!");
    QCOMPARE(errorOf(other.verify(token, kNow)), code(TokenError::BadSignature));
    // And a hand-made token under another key.
    const std::string crafted = craft(kHs256Header, kValidPayload, QCryptographicHash::Sha256,
                                      "another-secret-of-at-least-32-bytes!!");
    QCOMPARE(errorOf(codec().verify(crafted, kNow)), code(TokenError::BadSignature));
}

void TestAccessTokens::wrongIssuerRejected() {
    const std::string token = codec().issue("user-42", Role::Admin, kNow);
    QCOMPARE(errorOf(codec(kSecret, "usher-staging").verify(token, kNow)), code(TokenError::WrongIssuer));
}

void TestAccessTokens::oversizeRejected() {
    // Correctly signed, well-formed, but longer than any token Usher issues.
    const QByteArray padding(protocol::kMaxTokenLength, 'x');
    QByteArray payload = kValidPayload;
    payload.insert(1, R"("pad":")" + padding + R"(",)");
    const std::string big = craft(kHs256Header, payload);
    QVERIFY(big.size() > protocol::kMaxTokenLength);
    QCOMPARE(errorOf(codec().verify(big, kNow)), code(TokenError::Malformed));

    // Just under the limit the same construction is accepted: the size alone decided.
    payload = kValidPayload;
    const std::size_t overhead = craft(kHs256Header, R"({"pad":"",)" + kValidPayload.mid(1)).size();
    const auto room = static_cast<qsizetype>((protocol::kMaxTokenLength - overhead) / 4 * 3);
    payload.insert(1, R"("pad":")" + QByteArray(room, 'x') + R"(",)");
    const std::string fits = craft(kHs256Header, payload);
    QVERIFY(fits.size() <= protocol::kMaxTokenLength);
    QVERIFY2(codec().verify(fits, kNow), errorOf(codec().verify(fits, kNow)).constData());
}

void TestAccessTokens::malformedRejected_data() {
    QTest::addColumn<QByteArray>("token");
    const QByteArray header = b64url(kHs256Header);
    const QByteArray payload = b64url(kValidPayload);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one part") << QByteArray("abc");
    QTest::newRow("two parts") << header + '.' + payload;
    QTest::newRow("four parts") << header + '.' + payload + ".sig.more";
    QTest::newRow("padding") << header + "=." + payload + ".c2ln";
    QTest::newRow("space") << header + ". " + payload + ".c2ln";
    QTest::newRow("header not JSON") << b64url("alg=HS256") + '.' + payload + ".c2ln";
    QTest::newRow("header array") << b64url(R"(["HS256"])") + '.' + payload + ".c2ln";
    QTest::newRow("header without alg") << b64url(R"({"typ":"JWT"})") + '.' + payload + ".c2ln";
    QTest::newRow("alg not a string") << b64url(R"({"alg":256})") + '.' + payload + ".c2ln";
    QTest::newRow("typ not JWT") << b64url(R"({"alg":"HS256","typ":"JWE"})") + '.' + payload + ".c2ln";
    QTest::newRow("crit") << b64url(R"({"alg":"HS256","crit":["exp"]})") + '.' + payload + ".c2ln";
    QTest::newRow("payload not JSON") << header + '.' + b64url("sub=user-7") + ".c2ln";
    QTest::newRow("payload empty") << header + ".." + "c2ln";
}

void TestAccessTokens::malformedRejected() {
    QFETCH(QByteArray, token);
    QCOMPARE(errorOf(codec().verify(token.toStdString(), kNow)), code(TokenError::Malformed));
}

void TestAccessTokens::badClaimsRejected_data() {
    // Every row is correctly signed with the right secret: only the claims are wrong.
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<TokenError>("expected");
    auto row = [](const char* name, const char* payload, TokenError expected) {
        QTest::newRow(name) << QByteArray(payload) << expected;
    };
    row("iss missing", R"({"sub":"u","role":"clerk","iat":1700000000,"exp":1700000900,"jti":"j"})",
        TokenError::WrongIssuer);
    row("iss a number", R"({"iss":7,"sub":"u","role":"clerk","iat":1700000000,"exp":1700000900,"jti":"j"})",
        TokenError::WrongIssuer);
    row("sub missing", R"({"iss":"usher-test","role":"clerk","iat":1700000000,"exp":1700000900,"jti":"j"})",
        TokenError::Malformed);
    row("sub empty",
        R"({"iss":"usher-test","sub":"","role":"clerk","iat":1700000000,"exp":1700000900,"jti":"j"})",
        TokenError::Malformed);
    row("sub a number",
        R"({"iss":"usher-test","sub":7,"role":"clerk","iat":1700000000,"exp":1700000900,"jti":"j"})",
        TokenError::Malformed);
    row("sub with control character",
        R"({"iss":"usher-test","sub":"u\n1","role":"clerk","iat":1700000000,"exp":1700000900,"jti":"j"})",
        TokenError::Malformed);
    row("role missing", R"({"iss":"usher-test","sub":"u","iat":1700000000,"exp":1700000900,"jti":"j"})",
        TokenError::Malformed);
    row("role a number",
        R"({"iss":"usher-test","sub":"u","role":1,"iat":1700000000,"exp":1700000900,"jti":"j"})",
        TokenError::Malformed);
    row("role unknown",
        R"({"iss":"usher-test","sub":"u","role":"superuser","iat":1700000000,"exp":1700000900,"jti":"j"})",
        TokenError::UnknownRole);
    row("role wrong case",
        R"({"iss":"usher-test","sub":"u","role":"Admin","iat":1700000000,"exp":1700000900,"jti":"j"})",
        TokenError::UnknownRole);
    row("exp missing", R"({"iss":"usher-test","sub":"u","role":"clerk","iat":1700000000,"jti":"j"})",
        TokenError::Malformed);
    row("exp a string",
        R"({"iss":"usher-test","sub":"u","role":"clerk","iat":1700000000,"exp":"1700000900","jti":"j"})",
        TokenError::Malformed);
    row("exp fractional",
        R"({"iss":"usher-test","sub":"u","role":"clerk","iat":1700000000,"exp":1700000900.5,"jti":"j"})",
        TokenError::Malformed);
    row("exp absurd",
        R"({"iss":"usher-test","sub":"u","role":"clerk","iat":1700000000,"exp":9223372036854775807,"jti":"j"})",
        TokenError::Malformed);
    row("iat missing", R"({"iss":"usher-test","sub":"u","role":"clerk","exp":1700000900,"jti":"j"})",
        TokenError::Malformed);
    row("jti missing", R"({"iss":"usher-test","sub":"u","role":"clerk","iat":1700000000,"exp":1700000900})",
        TokenError::Malformed);
    row("expired",
        R"({"iss":"usher-test","sub":"u","role":"clerk","iat":1600000000,"exp":1600000900,"jti":"j"})",
        TokenError::Expired);
}

void TestAccessTokens::badClaimsRejected() {
    QFETCH(QByteArray, payload);
    QFETCH(TokenError, expected);
    QCOMPARE(errorOf(codec().verify(craft(kHs256Header, payload), kNow)), code(expected));
}

void TestAccessTokens::constructorPreconditions() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, AccessTokenCodec(bytes(QByteArray(31, 'k')), kIssuer));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, AccessTokenCodec(bytes(kSecret), ""));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, AccessTokenCodec(bytes(kSecret), kIssuer, 0s));
    // Exactly 32 bytes is enough.
    const AccessTokenCodec minimal(bytes(QByteArray(32, 'k')), kIssuer);
    QVERIFY(minimal.verify(minimal.issue("u1", Role::Admin, kNow), kNow));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, minimal.issue("", Role::Admin, kNow));
}

QTEST_APPLESS_MAIN(TestAccessTokens)
#include "tst_access_tokens.moc"
