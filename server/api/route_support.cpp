#include "common/protocol/codec.h"
#include "server/api/routes.h"

#include <charconv>

namespace usher::server::api {

services::Outcome<services::Caller> authenticate(const ApiServices& services, const ApiRequest& request) {
    auto header = request.http.find(net::http::field::authorization);
    if (header == request.http.end()) {
        return services::fail(protocol::ProblemKind::Unauthorized,
                              "sign in and send the access token as a Bearer token");
    }
    std::string_view value = header->value();
    constexpr std::string_view kScheme = "Bearer ";
    if (value.size() <= kScheme.size() || value.size() > kScheme.size() + protocol::kMaxTokenLength ||
        value.substr(0, kScheme.size()) != kScheme) {
        return services::fail(protocol::ProblemKind::Unauthorized,
                              "the Authorization header is not a Bearer token");
    }
    return services.auth.authenticate(value.substr(kScheme.size()));
}

services::Outcome<std::string> idempotencyKey(const ApiRequest& request) {
    auto header = request.http.find("Idempotency-Key");
    if (header == request.http.end() || header->value().empty()) {
        return services::fail(
            protocol::ProblemKind::IdempotencyKeyMissing,
            "send an Idempotency-Key header (a fresh UUID per purchase) so a retry cannot pay twice");
    }
    std::string_view key = header->value();
    const bool printable = std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7F; });
    if (key.size() > protocol::kMaxIdempotencyKeyLength || !printable) {
        return unexpected(protocol::validationProblem(
            {{"Idempotency-Key", "must be 1 to " + std::to_string(protocol::kMaxIdempotencyKeyLength) +
                                     " printable ASCII characters"}}));
    }
    return std::string(key);
}

std::optional<std::int64_t> parseInteger(std::string_view text) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return value;
}

} // namespace usher::server::api
