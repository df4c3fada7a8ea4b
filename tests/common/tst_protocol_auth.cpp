#include "common/protocol/auth.h"
#include "tests/common/support/json_checks.h"

#include <QTest>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

using namespace usher;
using namespace usher::testing;
using namespace usher::protocol;

namespace {

std::string signUp(std::string_view email, std::string_view password, std::string_view name = "Ada") {
    return boost::json::serialize(
        boost::json::object{{"email", email}, {"password", password}, {"name", name}});
}

} // namespace

class TestProtocolAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void loginWireNames() {
        const LoginRequest request{"clerk@demo.usher", "correct horse"};
        QVERIFY(sameJson(toJson(request), R"({"email": "clerk@demo.usher", "password": "correct horse"})"));
        QVERIFY(survivesRoundTrip(request));

        const LoginResponse response{"eyJ.a.b", "r-123", 900, {"u-1", Role::Clerk}};
        QVERIFY(sameJson(toJson(response), R"({
            "access_token": "eyJ.a.b", "refresh_token": "r-123", "expires_in": 900,
            "user": {"id": "u-1", "role": "clerk"}
        })"));
        QVERIFY(survivesRoundTrip(response));
        QVERIFY(survivesRoundTrip(RefreshRequest{"r-123"}));
        QVERIFY(sameJson(toJson(RefreshRequest{"r-123"}), R"({"refresh_token": "r-123"})"));
    }

    void rolesHaveFixedNames() {
        QCOMPARE(toString(Role::Admin), "admin");
        QCOMPARE(toString(Role::Clerk), "clerk");
        QCOMPARE(toString(Role::Customer), "customer");
        for (const auto& [name, role] : kRoleNames) {
            QVERIFY(survivesRoundTrip(UserInfo{"u", role}));
        }
        QCOMPARE(errorsOf<UserInfo>(R"({"id": "u", "role": "root"})"),
                 QStringList{R"(role: expected one of "admin", "clerk", "customer")"});
    }

    void loginChecksOnlyLengths() {
        // A short password set under an older policy must still be able to log in.
        QVERIFY(errorsOf<LoginRequest>(R"({"email": "a@b.c", "password": "short"})").isEmpty());
        QVERIFY(errorsOf<LoginRequest>(R"({"email": "not an email", "password": "x"})").isEmpty());
        QCOMPARE(errorsOf<LoginRequest>(R"({"email": "", "password": ""})"),
                 (QStringList{"email: must not be empty", "password: must not be empty"}));
        QCOMPARE(errorsOf<LoginRequest>(R"({"email": "a@b.c"})"),
                 QStringList{"password: missing required field"});
        QCOMPARE(errorsOf<LoginRequest>(R"({"email": "a@b.c", "password": 12345678})"),
                 QStringList{"password: expected a string"});
        QCOMPARE(errorsOf<LoginRequest>(R"({"email": "a@b.c", "password": "x", "remember": true})"),
                 QStringList{"remember: unknown field"});
        QCOMPARE(errorsOf<LoginRequest>(signUp("a@b.c", std::string(1025, 'p'))),
                 (QStringList{"password: must be at most 1024 characters", "name: unknown field"}));
    }

    void signUpRoundTrip() {
        const CreateCustomerRequest request{"ada@example.com", "correct horse", "Ada Lovelace"};
        QVERIFY(
            sameJson(toJson(request),
                     R"({"email": "ada@example.com", "password": "correct horse", "name": "Ada Lovelace"})"));
        QVERIFY(survivesRoundTrip(request));
        const CustomerResponse response{"c-1", "ada@example.com", "Ada Lovelace"};
        QVERIFY(sameJson(toJson(response),
                         R"({"id": "c-1", "email": "ada@example.com", "name": "Ada Lovelace"})"));
        QVERIFY(survivesRoundTrip(response));
    }

    void signUpPasswordPolicyCountsCharacters() {
        QCOMPARE(errorsOf<CreateCustomerRequest>(signUp("a@b.co", "1234567")),
                 QStringList{"password: must be at least 8 characters"});
        QVERIFY(errorsOf<CreateCustomerRequest>(signUp("a@b.co", "12345678")).isEmpty());
        // Eight "é" are sixteen bytes but eight characters; seven are fourteen bytes but too short.
        QVERIFY(errorsOf<CreateCustomerRequest>(signUp("a@b.co",
                                                       "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                                                       "\xC3\xA9\xC3\xA9"))
                    .isEmpty());
        QCOMPARE(errorsOf<CreateCustomerRequest>(
                     signUp("a@b.co", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9")),
                 QStringList{"password: must be at least 8 characters"});
        QVERIFY(errorsOf<CreateCustomerRequest>(signUp("a@b.co", std::string(1024, 'p'))).isEmpty());
        QCOMPARE(errorsOf<CreateCustomerRequest>(signUp("a@b.co", std::string(1025, 'p'))),
                 QStringList{"password: must be at most 1024 characters"});
    }

    void signUpEmailShape_data() {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "ada@example.com" << true;
        QTest::newRow("plus and subdomain") << "ada+tickets@mail.example.co.uk" << true;
        QTest::newRow("international") << QString::fromUtf8("jos\xC3\xA9@exampl\xC3\xA9.fr") << true;
        QTest::newRow("no at") << "ada.example.com" << false;
        QTest::newRow("two ats") << "ada@lovelace@example.com" << false;
        QTest::newRow("empty local part") << "@example.com" << false;
        QTest::newRow("no domain dot") << "ada@localhost" << false;
        QTest::newRow("domain starts with dot") << "ada@.example.com" << false;
        QTest::newRow("domain ends with dot") << "ada@example.com." << false;
        QTest::newRow("double dot") << "ada@example..com" << false;
        QTest::newRow("space") << "ada lovelace@example.com" << false;
        QTest::newRow("display name") << "Ada <ada@example.com>" << false;
        QTest::newRow("local part too long") << QString(65, 'a') + "@example.com" << false;
        QTest::newRow("too long") << "a@" + QString(250, 'b') + ".com" << false;
    }
    void signUpEmailShape() {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        const std::string text = email.toStdString();
        QCOMPARE(isEmailShaped(text), valid);
        const QStringList errors = errorsOf<CreateCustomerRequest>(signUp(text, "long enough"));
        if (valid) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        } else {
            QCOMPARE(errors.size(), 1);
            QVERIFY2(errors[0] == R"(email: must be an email address such as "name@example.com")" ||
                         errors[0] == "email: must be at most 254 characters",
                     qPrintable(errors[0]));
        }
    }

    void signUpReportsEverythingAtOnce() {
        QCOMPARE(
            errorsOf<CreateCustomerRequest>(R"({"email": 7, "password": "short", "name": "", "age": 3})"),
            (QStringList{"email: expected a string", "password: must be at least 8 characters",
                         "name: must not be empty", "age: unknown field"}));
        QCOMPARE(errorsOf<CreateCustomerRequest>(
                     R"({"email": "a@b.co", "password": "long enough", "name": "A\nB"})"),
                 QStringList{"name: must not contain control characters"});
        QCOMPARE(errorsOf<CreateCustomerRequest>("{}"),
                 (QStringList{"email: missing required field", "password: missing required field",
                              "name: missing required field"}));
    }

    void loginResponseLimits() {
        QCOMPARE(
            errorsOf<LoginResponse>(
                R"({"access_token": "a", "refresh_token": "r", "expires_in": 0, "user": {"id": "u", "role": "admin"}})"),
            QStringList{"expires_in: must be between 1 and 2147483647"});
        QCOMPARE(
            errorsOf<LoginResponse>(
                R"({"access_token": "a", "refresh_token": "r", "expires_in": 900, "user": {"role": "admin"}})"),
            QStringList{"user.id: missing required field"});
    }
};

QTEST_APPLESS_MAIN(TestProtocolAuth)
#include "tst_protocol_auth.moc"
