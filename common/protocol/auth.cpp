#include "common/protocol/auth.h"

#include <boost/json/object.hpp>

#include <algorithm>
#include <limits>

namespace usher::protocol {

namespace {

constexpr std::string_view kEmailExample = "must be an email address such as \"name@example.com\"";

} // namespace

void decode(json::Decoder& d, const boost::json::value& v, Password password) {
    const auto* s = v.if_string();
    if (s == nullptr) {
        d.fail("expected a string");
        return;
    }
    const std::size_t length = countCharacters(*s);
    if (length < password.minLength) {
        d.fail(password.minLength == 1
                   ? "must not be empty"
                   : "must be at least " + std::to_string(password.minLength) + " characters");
        return;
    }
    if (length > kMaxPasswordLength) {
        d.fail("must be at most " + std::to_string(kMaxPasswordLength) + " characters");
        return;
    }
    password.out.assign(s->data(), s->size());
}

void decode(json::Decoder& d, const boost::json::value& v, Email email) {
    std::string text;
    const std::size_t before = d.errorCount();
    decode(d, v, json::Text{text, 1, kMaxEmailLength});
    if (d.errorCount() != before) {
        return;
    }
    if (!isEmailShaped(text)) {
        d.fail(std::string(kEmailExample));
        return;
    }
    email.out = std::move(text);
}

namespace {

Line token(std::string& out) {
    return {out, 1, kMaxTokenLength};
}

} // namespace

std::string_view toString(Role role) {
    return nameOf(kRoleNames, role);
}

bool isEmailShaped(std::string_view email) {
    const auto at = email.find('@');
    if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    const std::string_view local = email.substr(0, at);
    const std::string_view domain = email.substr(at + 1);
    if (local.empty() || local.size() > 64 || domain.size() < 3 || email.size() > kMaxEmailLength) {
        return false;
    }
    const bool badCharacter = std::any_of(email.begin(), email.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20u || byte == 0x7Fu ||
               std::string_view("()<>,;:\\\"[]").find(c) != std::string_view::npos;
    });
    const auto dot = domain.find('.');
    return !badCharacter && dot != std::string_view::npos && domain.front() != '.' && domain.back() != '.' &&
           domain.find("..") == std::string_view::npos && local.front() != '.' && local.back() != '.';
}

boost::json::value toJson(const LoginRequest& request) {
    return boost::json::object{{"email", request.email}, {"password", request.password}};
}

boost::json::value toJson(const UserInfo& user) {
    return boost::json::object{{"id", user.id}, {"role", toString(user.role)}};
}

boost::json::value toJson(const LoginResponse& response) {
    return boost::json::object{{"access_token", response.accessToken},
                               {"refresh_token", response.refreshToken},
                               {"expires_in", response.expiresIn},
                               {"user", toJson(response.user)}};
}

boost::json::value toJson(const RefreshRequest& request) {
    return boost::json::object{{"refresh_token", request.refreshToken}};
}

boost::json::value toJson(const CreateCustomerRequest& request) {
    return boost::json::object{
        {"email", request.email}, {"password", request.password}, {"name", request.name}};
}

boost::json::value toJson(const CustomerResponse& response) {
    return boost::json::object{{"id", response.id}, {"email", response.email}, {"name", response.name}};
}

void decode(json::Decoder& d, const boost::json::value& v, LoginRequest& out) {
    json::ObjectReader fields(d, v);
    fields.required("email", json::Text{out.email, 1, kMaxEmailLength});
    fields.required("password", Password{out.password, 1});
}

void decode(json::Decoder& d, const boost::json::value& v, UserInfo& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("role", json::oneOf(out.role, kRoleNames));
}

void decode(json::Decoder& d, const boost::json::value& v, LoginResponse& out) {
    json::ObjectReader fields(d, v);
    fields.required("access_token", token(out.accessToken));
    fields.required("refresh_token", token(out.refreshToken));
    fields.required("expires_in", json::inRange(out.expiresIn, 1, std::numeric_limits<std::int32_t>::max()));
    fields.required("user", out.user);
}

void decode(json::Decoder& d, const boost::json::value& v, RefreshRequest& out) {
    json::ObjectReader fields(d, v);
    fields.required("refresh_token", token(out.refreshToken));
}

void decode(json::Decoder& d, const boost::json::value& v, CreateCustomerRequest& out) {
    json::ObjectReader fields(d, v);
    fields.required("email", Email{out.email});
    fields.required("password", Password{out.password, kMinPasswordLength});
    fields.required("name", Line{out.name, 1, kMaxNameLength});
}

void decode(json::Decoder& d, const boost::json::value& v, CustomerResponse& out) {
    json::ObjectReader fields(d, v);
    fields.required("id", id(out.id));
    fields.required("email", json::Text{out.email, 1, kMaxEmailLength});
    fields.required("name", Line{out.name, 1, kMaxNameLength});
}

} // namespace usher::protocol
