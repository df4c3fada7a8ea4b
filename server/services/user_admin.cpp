#include "server/services/user_admin.h"

#include "server/services/admin_support.h"

#include <charconv>

namespace usher::server::services {
namespace {

protocol::StaffInfo infoOf(const storage::UserRecord& user) {
    return {std::to_string(user.id), user.email, user.name, user.role, user.disabled};
}

} // namespace

Outcome<protocol::StaffList> UserAdmin::list(const Caller& caller) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    protocol::StaffList list;
    for (const storage::UserRecord& user : m_admin.listUsers()) {
        list.users.push_back(infoOf(user));
    }
    return list;
}

Outcome<protocol::StaffInfo> UserAdmin::create(const Caller& caller, const protocol::StaffInput& input) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    json::DecodeErrors errors;
    for (const auto& [name, present] :
         {std::pair{"email", input.email.has_value()}, std::pair{"name", input.name.has_value()},
          std::pair{"role", input.role.has_value()}, std::pair{"password", input.password.has_value()}}) {
        if (!present) {
            errors.push_back({name, "missing required field"});
        }
    }
    if (input.role && *input.role == protocol::Role::Customer) {
        errors.push_back({"role", "staff accounts are admins or clerks; customers sign up themselves"});
    }
    if (!errors.empty()) {
        return unexpected(protocol::validationProblem(std::move(errors)));
    }
    auto created =
        m_users.createUser({*input.email, *input.name, *input.role, m_hasher.hash(*input.password)});
    if (!created) {
        return fail(protocol::ProblemKind::EmailTaken, "an account with this email exists");
    }
    if (input.disabled && *input.disabled) {
        storage::UserChange change;
        change.id = created->id;
        change.disabled = true;
        m_admin.updateUser(change, caller.id);
        created->disabled = true;
    }
    return infoOf(*created);
}

Outcome<protocol::StaffInfo> UserAdmin::update(const Caller& caller, std::string_view userId,
                                               const protocol::StaffInput& input) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    storage::UserId id = 0;
    const auto parsed = std::from_chars(userId.data(), userId.data() + userId.size(), id);
    if (parsed.ec != std::errc() || parsed.ptr != userId.data() + userId.size() || id <= 0) {
        return fail(protocol::ProblemKind::NotFound, "no user with this id");
    }
    if (input.email) {
        return badInput("email", "an account's email never changes; create another account");
    }
    if (input.role == protocol::Role::Customer) {
        return badInput("role", "staff accounts are admins or clerks");
    }
    if (id == caller.id &&
        ((input.disabled && *input.disabled) || (input.role && *input.role != protocol::Role::Admin))) {
        return badInput(input.role ? "role" : "disabled", "you cannot lock yourself out; ask another admin");
    }
    storage::UserChange change;
    change.id = id;
    change.name = input.name;
    change.role = input.role;
    change.disabled = input.disabled;
    if (input.password) {
        change.passwordHash = m_hasher.hash(*input.password);
    }
    const auto existing = m_users.findById(id);
    if (!existing || existing->role == protocol::Role::Customer) {
        return fail(protocol::ProblemKind::NotFound, "no staff account with this id");
    }
    auto updated = m_admin.updateUser(change, caller.id);
    if (!updated) {
        return fail(protocol::ProblemKind::NotFound, "no staff account with this id");
    }
    return infoOf(*updated);
}

} // namespace usher::server::services
