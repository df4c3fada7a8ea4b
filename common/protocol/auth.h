#pragma once

#include "common/json/decoder.h"
#include "common/protocol/codec.h"

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace usher::protocol {

enum class Role { Admin, Clerk, Customer };
inline constexpr NameTable<Role, 3> kRoleNames{{
    {"admin", Role::Admin},
    {"clerk", Role::Clerk},
    {"customer", Role::Customer},
}};
std::string_view toString(Role role);

// Passwords are counted in characters (code points), not bytes. The upper bound keeps Argon2 work
// per request bounded.
inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 1024;

// Decode targets for the account rules every message shares. A password is counted in characters
// so that "ééééé" is five, as a person would count; an email must look like one (isEmailShaped).
struct Password {
    std::string& out;
    std::size_t minLength;
};
void decode(json::Decoder& d, const boost::json::value& v, Password password);
struct Email {
    std::string& out;
};
void decode(json::Decoder& d, const boost::json::value& v, Email email);
inline constexpr std::size_t kMaxEmailLength = 254;

// A shape check, not RFC 5322: one "@", a non-empty local part of at most 64 bytes, a dotted
// domain, no spaces or control characters. Whether the address works is for a confirmation mail.
bool isEmailShaped(std::string_view email);

// POST /api/v1/auth/login. Only lengths are checked: a password set under an older policy must
// still be able to log in, and a malformed email simply fails as wrong credentials.
struct LoginRequest {
    std::string email;
    std::string password;

    bool operator==(const LoginRequest&) const = default;
};

struct UserInfo {
    std::string id;
    Role role = Role::Customer;

    bool operator==(const UserInfo&) const = default;
};

// The answer to login and to refresh (refresh rotates both tokens).
struct LoginResponse {
    std::string accessToken;
    std::string refreshToken;
    std::int64_t expiresIn = 0; // seconds until the access token expires
    UserInfo user;

    bool operator==(const LoginResponse&) const = default;
};

// POST /api/v1/auth/refresh.
struct RefreshRequest {
    std::string refreshToken;

    bool operator==(const RefreshRequest&) const = default;
};

// POST /api/v1/customers: the full password policy and the email shape apply here.
struct CreateCustomerRequest {
    std::string email;
    std::string password;
    std::string name;

    bool operator==(const CreateCustomerRequest&) const = default;
};

// 201 answer to sign-up; never echoes the password.
struct CustomerResponse {
    std::string id;
    std::string email;
    std::string name;

    bool operator==(const CustomerResponse&) const = default;
};

boost::json::value toJson(const LoginRequest& request);
boost::json::value toJson(const UserInfo& user);
boost::json::value toJson(const LoginResponse& response);
boost::json::value toJson(const RefreshRequest& request);
boost::json::value toJson(const CreateCustomerRequest& request);
boost::json::value toJson(const CustomerResponse& response);

void decode(json::Decoder& d, const boost::json::value& v, LoginRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, UserInfo& out);
void decode(json::Decoder& d, const boost::json::value& v, LoginResponse& out);
void decode(json::Decoder& d, const boost::json::value& v, RefreshRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, CreateCustomerRequest& out);
void decode(json::Decoder& d, const boost::json::value& v, CustomerResponse& out);

} // namespace usher::protocol
