#include "server/security/ticket_signer.h"

#include <QtTest>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace usher::server::security;

namespace {

std::vector<unsigned char> seed(unsigned char first) {
    std::vector<unsigned char> out(32);
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = static_cast<unsigned char>(first + i);
    }
    return out;
}

TicketFields seated() {
    return {"T-1001", "0K3X9ZQ7M2N4P6R8S0T1V3W5XY", "E-42", "O-7", std::string("S1-A-12"), std::nullopt,
            "adult"};
}

TicketFields generalAdmission() {
    return {"T-1002",     "1ABCDEFGHJKMNPQRSTVWXYZ012", "E-42", "O-7",
            std::nullopt, std::string("floor"),         "child"};
}

} // namespace

class TestTicketSigner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void canonicalPayloadFormat();
    void canonicalPayloadEscapes();
    void signAndVerify();
    void deterministicForASeed();
    void anyChangedFieldFails();
    void otherKeyFails();
    void badEncodingsFail();
    void seedMustBe32Bytes();
};

void TestTicketSigner::canonicalPayloadFormat() {
    QCOMPARE(canonicalTicketPayload(seated()), std::string("usher-ticket-v1\n"
                                                           "ticket_id=T-1001\n"
                                                           "code=0K3X9ZQ7M2N4P6R8S0T1V3W5XY\n"
                                                           "event_id=E-42\n"
                                                           "order_id=O-7\n"
                                                           "seat=S1-A-12\n"
                                                           "ticket_type=adult"));
    QCOMPARE(canonicalTicketPayload(generalAdmission()), std::string("usher-ticket-v1\n"
                                                                     "ticket_id=T-1002\n"
                                                                     "code=1ABCDEFGHJKMNPQRSTVWXYZ012\n"
                                                                     "event_id=E-42\n"
                                                                     "order_id=O-7\n"
                                                                     "ga_area=floor\n"
                                                                     "ticket_type=child"));
    // A present but empty optional keeps its line, so it differs from an absent one.
    TicketFields empty = generalAdmission();
    empty.seat = std::string();
    QVERIFY(canonicalTicketPayload(empty).find("\nseat=\n") != std::string::npos);
}

void TestTicketSigner::canonicalPayloadEscapes() {
    TicketFields fields = generalAdmission();
    fields.ticketType = std::string("a\nb%c\r\x7f", 7);
    QVERIFY(canonicalTicketPayload(fields).ends_with("\nticket_type=a%0Ab%25c%0D%7F"));
    fields.ticketType = std::string("x\0y", 3);
    QVERIFY(canonicalTicketPayload(fields).ends_with("\nticket_type=x%00y"));

    // A value cannot forge another field's line.
    TicketFields forged = generalAdmission();
    forged.orderId = "O-7\nseat=S1-A-1";
    TicketFields honest = generalAdmission();
    honest.seat = "S1-A-1";
    QVERIFY(canonicalTicketPayload(forged) != canonicalTicketPayload(honest));
    // Nor can an escape sequence typed literally pass for the byte it stands for.
    TicketFields literal = generalAdmission();
    literal.orderId = "O-7%0Aseat=S1-A-1";
    QVERIFY(canonicalTicketPayload(literal) != canonicalTicketPayload(forged));
}

void TestTicketSigner::signAndVerify() {
    const auto signer = TicketSigner::fromSeed(seed(1));
    for (const TicketFields& fields : {seated(), generalAdmission()}) {
        const std::string signature = signer.sign(fields);
        QCOMPARE(signature.size(), std::size_t{86}); // 64 bytes, base64url without padding
        QVERIFY(TicketSigner::verify(signer.publicKeyBase64(), fields, signature));
    }
    QCOMPARE(signer.publicKeyBase64().size(), std::size_t{43});
}

void TestTicketSigner::deterministicForASeed() {
    const auto first = TicketSigner::fromSeed(seed(1));
    const auto second = TicketSigner::fromSeed(seed(1));
    QCOMPARE(first.sign(seated()), first.sign(seated()));
    QCOMPARE(first.sign(seated()), second.sign(seated()));
    QCOMPARE(first.publicKeyBase64(), second.publicKeyBase64());
    QVERIFY(TicketSigner::verify(second.publicKeyBase64(), seated(), first.sign(seated())));
    // Copies sign the same.
    const TicketSigner copy = first;
    QCOMPARE(copy.sign(generalAdmission()), first.sign(generalAdmission()));
    const auto other = TicketSigner::fromSeed(seed(2));
    QVERIFY(other.publicKeyBase64() != first.publicKeyBase64());
    QVERIFY(other.sign(seated()) != first.sign(seated()));
}

void TestTicketSigner::anyChangedFieldFails() {
    const auto signer = TicketSigner::fromSeed(seed(1));
    const std::string key = signer.publicKeyBase64();
    const std::string signature = signer.sign(seated());
    const std::vector<std::pair<const char*, std::function<void(TicketFields&)>>> changes = {
        {"ticketId", [](TicketFields& f) { f.ticketId = "T-1003"; }},
        {"code", [](TicketFields& f) { f.code[25] = 'Z'; }},
        {"eventId", [](TicketFields& f) { f.eventId = "E-43"; }},
        {"orderId", [](TicketFields& f) { f.orderId = "O-8"; }},
        {"seat changed", [](TicketFields& f) { f.seat = "S1-A-13"; }},
        {"seat removed", [](TicketFields& f) { f.seat.reset(); }},
        {"seat emptied", [](TicketFields& f) { f.seat = std::string(); }},
        {"seat moved to gaArea",
         [](TicketFields& f) {
             f.gaArea = f.seat;
             f.seat.reset();
         }},
        {"gaArea added", [](TicketFields& f) { f.gaArea = "floor"; }},
        {"ticketType", [](TicketFields& f) { f.ticketType = "child"; }},
        {"trailing space", [](TicketFields& f) { f.ticketType += ' '; }},
    };
    QVERIFY(TicketSigner::verify(key, seated(), signature));
    for (const auto& [name, change] : changes) {
        TicketFields fields = seated();
        change(fields);
        QVERIFY2(!TicketSigner::verify(key, fields, signature), name);
    }
}

void TestTicketSigner::otherKeyFails() {
    const auto signer = TicketSigner::fromSeed(seed(1));
    const auto other = TicketSigner::fromSeed(seed(2));
    QVERIFY(!TicketSigner::verify(other.publicKeyBase64(), seated(), signer.sign(seated())));
    QVERIFY(!TicketSigner::verify(signer.publicKeyBase64(), seated(), other.sign(seated())));
}

void TestTicketSigner::badEncodingsFail() {
    const auto signer = TicketSigner::fromSeed(seed(1));
    const std::string key = signer.publicKeyBase64();
    const std::string signature = signer.sign(seated());
    QVERIFY(!TicketSigner::verify(key, seated(), ""));
    QVERIFY(!TicketSigner::verify(key, seated(), signature.substr(0, 85)));
    QVERIFY(!TicketSigner::verify(key, seated(), signature + "AA"));
    QVERIFY(!TicketSigner::verify(key, seated(), signature + "="));
    QVERIFY(!TicketSigner::verify(key, seated(), "not a signature"));
    QVERIFY(!TicketSigner::verify("", seated(), signature));
    QVERIFY(!TicketSigner::verify(key.substr(0, 42), seated(), signature));
    QVERIFY(!TicketSigner::verify("!!!!", seated(), signature));
    // Standard base64 ('+', '/', padding) is not the published encoding.
    QVERIFY(!TicketSigner::verify(key + "=", seated(), signature));
}

void TestTicketSigner::seedMustBe32Bytes() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TicketSigner::fromSeed(std::vector<unsigned char>(31)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TicketSigner::fromSeed(std::vector<unsigned char>(48)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TicketSigner::fromSeed({}));
}

QTEST_APPLESS_MAIN(TestTicketSigner)
#include "tst_ticket_signer.moc"
