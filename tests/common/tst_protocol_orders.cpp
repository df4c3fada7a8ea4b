#include "common/protocol/orders.h"
#include "tests/common/support/json_checks.h"
#include "tests/common/support/money_checks.h"

#include <QTest>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>

using namespace usher;
using namespace usher::testing;
using namespace usher::protocol;

namespace {

OrderResponse sampleOrder() {
    using namespace std::chrono;
    OrderResponse order;
    order.orderId = "o-9";
    order.number = "2025-000123";
    order.eventId = "e-1";
    order.status = OrderStatus::Paid;
    order.total = eur(7000);
    order.tickets = {
        {"t-1", "K7Q2M4XW9PZC3R5T", "A-1", std::nullopt, "adult", eur(4500), TicketStatus::Valid,
         "c2lnbmF0dXJl"},
        {"t-2", "B3N8V6YH2JD4F7GQ", std::nullopt, "floor", "child", eur(2500), TicketStatus::CheckedIn,
         std::nullopt},
    };
    order.change = eur(3000);
    order.createdAt = sys_days{2025y / March / 1} + 19h + 31min + 5s;
    return order;
}

} // namespace

class TestProtocolOrders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void commitWireShapes() {
        const CommitRequest cash{.payments = {CashPayment{eur(10000)}}};
        QVERIFY(
            sameJson(toJson(cash),
                     R"({"payment": {"method": "cash", "tendered": {"amount": 10000, "currency": "EUR"}}})"));
        const CommitRequest card{.payments = {CardPresentPayment{.reference = "TRM-7781"}},
                                 .ticketTypes = {{"A-1", "adult"}, {"floor", "child"}}};
        QVERIFY(sameJson(toJson(card), R"({"payment": {"method": "card_present", "reference": "TRM-7781"},
                                          "ticket_types": {"A-1": "adult", "floor": "child"}})"));
        const CommitRequest online{.payments = {TestCardPayment{"tok_visa"}}};
        QVERIFY(sameJson(toJson(online), R"({"payment": {"method": "test_card", "token": "tok_visa"}})"));
        for (const CommitRequest& request : {cash, card, online}) {
            QVERIFY(survivesRoundTrip(request));
        }
        QVERIFY(methodOf(cash.payments.front()) == PaymentMethod::Cash);
        QVERIFY(methodOf(card.payments.front()) == PaymentMethod::CardPresent);
        QVERIFY(methodOf(online.payments.front()) == PaymentMethod::TestCard);
    }

    void splitTenderWireShape() {
        const CommitRequest split{
            .payments = {CardPresentPayment{"TRM-1", eur(3000)}, CashPayment{eur(5000)}},
            .shiftId = "s-1",
            .customerName = "Ada Lovelace",
            .customerEmail = "ada@example.com"};
        QVERIFY(sameJson(toJson(split), R"({"payments": [
            {"method": "card_present", "reference": "TRM-1", "amount": {"amount": 3000, "currency": "EUR"}},
            {"method": "cash", "tendered": {"amount": 5000, "currency": "EUR"}}],
            "shift_id": "s-1", "customer_name": "Ada Lovelace", "customer_email": "ada@example.com"})"));
        QVERIFY(survivesRoundTrip(split));

        const std::string cash = R"({"method": "cash", "tendered": {"amount": 5000, "currency": "EUR"}})";
        QCOMPARE(errorsOf<CommitRequest>(R"({"payments": [)" + cash + "]}"),
                 QStringList{"payments: must have at least 2 items"});
        QCOMPARE(errorsOf<CommitRequest>(R"({"payment": )" + cash + R"(, "payments": [)" + cash + ", " +
                                         cash + "]}"),
                 QStringList{R"((document): expected exactly one of "payment" or "payments")"});
        QCOMPARE(
            errorsOf<CommitRequest>(
                R"({"payment": {"method": "card_present", "reference": "T", "amount": {"amount": 0, "currency": "EUR"}}})"),
            QStringList{"payment.amount.amount: must be between 1 and 1000000000000"});
        QCOMPARE(errorsOf<CommitRequest>(R"({"payment": )" + cash + R"(, "customer_email": "ada"})"),
                 QStringList{R"(customer_email: must be an email address such as "name@example.com")"});
        QCOMPARE(errorsOf<CommitRequest>(R"({"payment": )" + cash + R"(, "customer_name": ""})"),
                 QStringList{"customer_name: must not be empty"});
    }

    void orderSummaryAndPaymentLines() {
        OrderResponse order = sampleOrder();
        order.payments = {{PaymentMethod::Cash, eur(7000), eur(10000), std::nullopt},
                          {PaymentMethod::CardPresent, eur(0), std::nullopt, "TRM-2"}};
        order.customerName = "Ada";
        QVERIFY(survivesRoundTrip(order));
        const OrderSearchResult found{{{"o-9", "U-000123", "e-1", "Hamlet", OrderStatus::PartiallyRefunded,
                                        eur(7000), 2, "Ada", std::nullopt, sampleOrder().createdAt}}};
        QVERIFY(survivesRoundTrip(found));
        RefundResponse refund{.refundId = "r-1", .orderId = "o-9", .amount = eur(100), .tickets = {"t-1"}};
        refund.payments = {{PaymentMethod::Cash, eur(100), std::nullopt, std::nullopt}};
        QVERIFY(survivesRoundTrip(refund));
    }

    void paymentMethodRules() {
        QCOMPARE(errorsOf<CommitRequest>("{}"), QStringList{"payment: missing required field"});
        QCOMPARE(errorsOf<CommitRequest>(R"({"payment": {}})"),
                 QStringList{"payment.method: missing required field"});
        // Without a known method the other fields are not judged, so there is one error, not three.
        QCOMPARE(
            errorsOf<CommitRequest>(R"({"payment": {"method": "bitcoin", "token": "x", "tendered": 5}})"),
            QStringList{R"(payment.method: expected one of "cash", "card_present", "test_card")"});
        QCOMPARE(errorsOf<CommitRequest>(R"({"payment": {"method": "cash"}})"),
                 QStringList{"payment.tendered: missing required field"});
        QCOMPARE(errorsOf<CommitRequest>(R"({"payment": {"method": "cash", "token": "tok_visa",
                                                         "tendered": {"amount": 500, "currency": "EUR"}}})"),
                 QStringList{"payment.token: unknown field"});
        QCOMPARE(errorsOf<CommitRequest>(R"({"payment": {"method": "test_card", "reference": "r"}})"),
                 (QStringList{"payment.token: missing required field", "payment.reference: unknown field"}));
        QCOMPARE(errorsOf<CommitRequest>(R"({"payment": {"method": "card_present", "reference": ""}})"),
                 QStringList{"payment.reference: must not be empty"});
        QCOMPARE(errorsOf<CommitRequest>(R"({"payment": {"method": "test_card", "token": 42}})"),
                 QStringList{"payment.token: expected a string"});
        QCOMPARE(errorsOf<CommitRequest>(R"({"payment": "cash"})"),
                 QStringList{"payment: expected an object"});
    }

    void cashTenderLimits() {
        QCOMPARE(errorsOf<CommitRequest>(
                     R"({"payment": {"method": "cash", "tendered": {"amount": -1, "currency": "EUR"}}})"),
                 QStringList{"payment.tendered.amount: must be between 0 and 1000000000000"});
        QCOMPARE(
            errorsOf<CommitRequest>(
                R"({"payment": {"method": "cash", "tendered": {"amount": 1000000000001, "currency": "EUR"}}})"),
            QStringList{"payment.tendered.amount: must be between 0 and 1000000000000"});
        QVERIFY(
            errorsOf<CommitRequest>(
                R"({"payment": {"method": "cash", "tendered": {"amount": 1000000000000, "currency": "EUR"}}})")
                .isEmpty());
        QCOMPARE(errorsOf<CommitRequest>(
                     R"({"payment": {"method": "cash", "tendered": {"amount": 10.5, "currency": "EUR"}}})"),
                 QStringList{"payment.tendered.amount: expected an integer"});
        QCOMPARE(errorsOf<CommitRequest>(
                     R"({"payment": {"method": "cash", "tendered": {"amount": 100, "currency": "eur"}}})"),
                 QStringList{R"(payment.tendered.currency: unknown ISO 4217 currency "eur")"});
    }

    void ticketTypeRules() {
        const std::string payment = R"("payment": {"method": "test_card", "token": "tok_visa"})";
        const auto commit = [&](std::string_view ticketTypes) {
            return errorsOf<CommitRequest>("{" + payment + R"(, "ticket_types": )" +
                                           std::string(ticketTypes) + "}");
        };
        QVERIFY(commit("null").isEmpty());
        QCOMPARE(commit(R"(["adult"])"), QStringList{"ticket_types: expected an object"});
        QCOMPARE(commit("{}"), QStringList{"ticket_types: must not be empty"});
        QCOMPARE(commit(R"({"A-1": ""})"), QStringList{"ticket_types.A-1: must not be empty"});
        QCOMPARE(commit(R"({"A-1": 3})"), QStringList{"ticket_types.A-1: expected a string"});
        QCOMPARE(commit(R"({"": "adult"})"),
                 QStringList{"ticket_types: keys must be seat ids or GA areas of 1 to 64 characters without "
                             "control characters"});
        boost::json::object many;
        for (int i = 0; i < 51; ++i) {
            many["S-" + std::to_string(i)] = "adult";
        }
        QCOMPARE(commit(boost::json::serialize(many)),
                 QStringList{"ticket_types: must have at most 50 entries"});
    }

    void orderWireShape() {
        QVERIFY(sameJson(toJson(sampleOrder()), R"({
            "order_id": "o-9", "number": "2025-000123", "event_id": "e-1", "status": "paid",
            "total": {"amount": 7000, "currency": "EUR"},
            "tickets": [
                {"id": "t-1", "code": "K7Q2M4XW9PZC3R5T", "seat": "A-1", "ticket_type": "adult",
                 "price": {"amount": 4500, "currency": "EUR"}, "status": "valid", "signature": "c2lnbmF0dXJl"},
                {"id": "t-2", "code": "B3N8V6YH2JD4F7GQ", "ga_area": "floor", "ticket_type": "child",
                 "price": {"amount": 2500, "currency": "EUR"}, "status": "checked_in"}
            ],
            "change": {"amount": 3000, "currency": "EUR"},
            "created_at": "2025-03-01T19:31:05Z"
        })"));
        QVERIFY(survivesRoundTrip(sampleOrder()));
        OrderResponse card = sampleOrder();
        card.change.reset();
        card.status = OrderStatus::PartiallyRefunded;
        QVERIFY(!toJson(card).as_object().contains("change"));
        QVERIFY(toJson(card).as_object().at("status") == "partially_refunded");
        QVERIFY(survivesRoundTrip(card));
        card.status = OrderStatus::Refunded;
        QVERIFY(survivesRoundTrip(card));
    }

    void ticketNamesExactlyOneLine() {
        auto order = toJson(sampleOrder());
        auto& ticket = order.as_object()["tickets"].as_array()[0].as_object();
        ticket["ga_area"] = "floor";
        auto decoded = json::decodeValue<OrderResponse>(order);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().size(), std::size_t{1});
        QCOMPARE(decoded.error()[0].toString(),
                 std::string(R"(tickets[0]: expected exactly one of "seat" or "ga_area")"));
        ticket.erase("ga_area");
        ticket.erase("seat");
        decoded = json::decodeValue<OrderResponse>(order);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error()[0].toString(),
                 std::string(R"(tickets[0]: expected exactly one of "seat" or "ga_area")"));
        // null means absent: a ticket with a null seat and no GA area names nothing.
        ticket["seat"] = nullptr;
        decoded = json::decodeValue<OrderResponse>(order);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error()[0].toString(),
                 std::string(R"(tickets[0]: expected exactly one of "seat" or "ga_area")"));
        ticket["seat"] = "A-1";
        ticket["status"] = "used";
        decoded = json::decodeValue<OrderResponse>(order);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error()[0].toString(),
                 std::string(R"(tickets[0].status: expected one of "valid", "checked_in", "refunded")"));
    }

    void refundRequest() {
        const RefundRequest full{.reason = "customer cannot attend"};
        QVERIFY(sameJson(toJson(full), R"({"reason": "customer cannot attend"})"));
        const RefundRequest partial{.reason = "seat broken", .tickets = {"t-1", "t-2"}};
        QVERIFY(sameJson(toJson(partial), R"({"reason": "seat broken", "tickets": ["t-1", "t-2"]})"));
        QVERIFY(survivesRoundTrip(full));
        QVERIFY(survivesRoundTrip(partial));

        QCOMPARE(errorsOf<RefundRequest>(R"({"tickets": ["t-1"]})"),
                 QStringList{"reason: missing required field"});
        QCOMPARE(errorsOf<RefundRequest>(R"({"reason": ""})"), QStringList{"reason: must not be empty"});
        QCOMPARE(errorsOf<RefundRequest>(R"({"reason": "x", "tickets": []})"),
                 QStringList{"tickets: must not be empty"});
        QCOMPARE(errorsOf<RefundRequest>(R"({"reason": "x", "tickets": ["t-1", "t-1"]})"),
                 QStringList{R"(tickets[1]: duplicate ticket id "t-1")"});
        QCOMPARE(errorsOf<RefundRequest>(R"({"reason": "x", "amount": 500})"),
                 QStringList{"amount: unknown field"});
        const std::string longReason =
            boost::json::serialize(boost::json::object{{"reason", std::string(501, 'r')}});
        QCOMPARE(errorsOf<RefundRequest>(longReason), QStringList{"reason: must be at most 500 characters"});
    }

    void refundResponse() {
        const RefundResponse response{
            .refundId = "r-1", .orderId = "o-9", .amount = eur(4500), .tickets = {"t-1"}};
        QVERIFY(sameJson(toJson(response), R"({"refund_id": "r-1", "order_id": "o-9",
                                               "amount": {"amount": 4500, "currency": "EUR"}, "tickets": ["t-1"]})"));
        QVERIFY(survivesRoundTrip(response));
    }
};

QTEST_APPLESS_MAIN(TestProtocolOrders)
#include "tst_protocol_orders.moc"
