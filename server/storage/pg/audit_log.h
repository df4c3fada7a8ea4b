#pragma once

#include "server/storage/user_repository.h"

#include <boost/json/value.hpp>

#include <pqxx/pqxx>
#include <string>
#include <vector>

namespace usher::server::pg {

// One row of the hash-chained audit log.
struct AuditEntry {
    storage::UserId actor = 0;
    std::string subject;
    boost::json::value details;
};

// Appends the entries in order under one action, in the caller's transaction. Takes the audit
// head row's lock until the transaction ends: call it last.
void auditAppendAll(pqxx::transaction_base& tx, const std::string& action,
                    const std::vector<AuditEntry>& entries);
void auditAppend(pqxx::transaction_base& tx, storage::UserId actor, const std::string& action,
                 const std::string& subject, const boost::json::value& details);

} // namespace usher::server::pg
