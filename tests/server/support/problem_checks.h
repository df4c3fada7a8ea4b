#pragma once

// Assertions on problem+json answers, shared by the REST API tests. EXPECT_REJECTED needs the test
// class to have `std::string fingerprint()` (tests/server/support/db_fingerprint.h).

#include "tests/server/support/api_test_server.h"
#include "tests/server/support/json_fields.h"

#include <QString>
#include <QtTest>

#include <string>
#include <string_view>

namespace usher::testing {

inline constexpr std::string_view kProblemPrefix = "https://usher.dev/problems/";

inline std::string header(const ApiResponse& response, boost::beast::http::field name) {
    return std::string(response.raw[name]);
}

// Why `response` is not the problem+json answer expected; empty when it is.
inline std::string problemMismatch(const ApiResponse& response, int status, std::string_view slug) {
    using fields::integer;
    using fields::text;
    const std::string body = response.raw.body().substr(0, 400);
    if (response.status != status) {
        return "status " + std::to_string(response.status) + ", expected " + std::to_string(status) + ": " +
               body;
    }
    if (header(response, boost::beast::http::field::content_type) != "application/problem+json") {
        return "Content-Type is \"" + header(response, boost::beast::http::field::content_type) +
               "\": " + body;
    }
    const std::string type = text(response.json, "type");
    if (type.rfind(kProblemPrefix, 0) != 0) {
        return "type \"" + type + "\" is not an Usher problem: " + body;
    }
    if (!slug.empty() && type != std::string(kProblemPrefix) + std::string(slug)) {
        return "type \"" + type + "\", expected " + std::string(slug) + ": " + body;
    }
    if (integer(response.json, "status") != status || text(response.json, "title").empty()) {
        return "the problem's status or title is wrong: " + body;
    }
    return {};
}

} // namespace usher::testing

// A 4xx problem+json of the given type.
#define EXPECT_PROBLEM(response, status, slug)                                                               \
    do {                                                                                                     \
        const std::string why_ = usher::testing::problemMismatch((response), (status), (slug));              \
        QVERIFY2(why_.empty(), why_.c_str());                                                                \
    } while (false)

// The request is refused with a problem and the database is exactly as before.
#define EXPECT_REJECTED(expression, status, slug)                                                            \
    do {                                                                                                     \
        const std::string before_ = fingerprint();                                                           \
        const usher::testing::ApiResponse rejected_ = (expression);                                          \
        EXPECT_PROBLEM(rejected_, status, slug);                                                             \
        QCOMPARE(QString::fromStdString(fingerprint()), QString::fromStdString(before_));                    \
    } while (false)
