// flash-sale: the server's address and reading its answers.
#pragma once

#include "tests/load/flash_sale/basics.h"

namespace usher::tools::flash_sale {

// The server's address.

struct Target {
    std::string host;
    std::string port;
    std::string basePath; // without a trailing slash; prefixed to every request target
};

inline std::optional<Target> parseUrl(std::string_view url) {
    constexpr std::string_view kScheme = "http://";
    if (!url.starts_with(kScheme)) {
        return std::nullopt;
    }
    url.remove_prefix(kScheme.size());
    const std::size_t slash = url.find('/');
    std::string_view authority = url.substr(0, slash);
    std::string_view path = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
    while (!path.empty() && path.back() == '/') {
        path.remove_suffix(1);
    }
    Target target;
    target.basePath = std::string(path);
    if (authority.starts_with('[')) { // [::1]:8080
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        target.host = std::string(authority.substr(1, close - 1));
        authority.remove_prefix(close + 1);
        if (authority.starts_with(':')) {
            target.port = std::string(authority.substr(1));
        } else if (!authority.empty()) {
            return std::nullopt;
        }
    } else {
        const std::size_t colon = authority.rfind(':');
        target.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) {
            target.port = std::string(authority.substr(colon + 1));
        }
    }
    if (target.port.empty()) {
        target.port = "80";
    }
    if (target.host.empty()) {
        return std::nullopt;
    }
    return target;
}

inline std::string urlEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0F];
        }
    }
    return out;
}

// Reading the server's answers. Leniently: the benchmark needs a few fields and must not break when
// the server adds others.

inline std::optional<boost::json::value> parseBody(std::string_view body) {
    error_code ec;
    boost::json::value value = boost::json::parse(body, ec);
    if (ec) {
        return std::nullopt;
    }
    return value;
}

inline const boost::json::value* member(const boost::json::value& value, std::string_view key) {
    const auto* object = value.if_object();
    if (object == nullptr) {
        return nullptr;
    }
    return object->if_contains(key);
}

// Ids are strings on the wire; a number is accepted too.
inline std::optional<std::string> idMember(const boost::json::value& value, std::string_view key) {
    const auto* field = member(value, key);
    if (field == nullptr) {
        return std::nullopt;
    }
    if (const auto* text = field->if_string()) {
        return std::string(*text);
    }
    if (field->is_int64() || field->is_uint64()) {
        return boost::json::serialize(*field);
    }
    return std::nullopt;
}

inline std::optional<std::int64_t> intMember(const boost::json::value& value, std::string_view key) {
    const auto* field = member(value, key);
    if (field == nullptr) {
        return std::nullopt;
    }
    if (const auto* number = field->if_int64()) {
        return *number;
    }
    if (const auto* number = field->if_uint64()) {
        return static_cast<std::int64_t>(*number);
    }
    return std::nullopt;
}

inline const boost::json::array* arrayMember(const boost::json::value& value, std::string_view key) {
    const auto* field = member(value, key);
    return field == nullptr ? nullptr : field->if_array();
}

// A problem+json answer; unknown members are skipped by the protocol's decoder.
inline std::optional<protocol::Problem> readProblem(std::string_view body) {
    auto value = parseBody(body);
    if (!value) {
        return std::nullopt;
    }
    auto problem = json::decodeValue<protocol::Problem>(*value);
    if (!problem) {
        return std::nullopt;
    }
    return std::move(*problem);
}

inline std::string bodyExcerpt(std::string_view body) {
    constexpr std::size_t kMax = 300;
    std::string text(body.substr(0, kMax));
    if (body.size() > kMax) {
        text += "...";
    }
    return text;
}

} // namespace usher::tools::flash_sale
