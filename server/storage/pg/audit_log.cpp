#include "server/storage/pg/audit_log.h"

#include "server/storage/pg/sql_values.h"

#include <boost/json/serialize.hpp>

namespace usher::server::pg {

void auditAppendAll(pqxx::transaction_base& tx, const std::string& action,
                    const std::vector<AuditEntry>& entries) {
    std::vector<std::string> actors, subjects, details;
    for (const AuditEntry& entry : entries) {
        actors.push_back(std::to_string(entry.actor));
        subjects.push_back(entry.subject);
        details.push_back(boost::json::serialize(entry.details));
    }
    tx.exec_params("SELECT audit_append_all($1, $2::bigint[], $3::text[], $4::jsonb[])", action,
                   textArray(actors), textArray(subjects), textArray(details));
}

void auditAppend(pqxx::transaction_base& tx, storage::UserId actor, const std::string& action,
                 const std::string& subject, const boost::json::value& details) {
    auditAppendAll(tx, action, {{actor, subject, details}});
}

} // namespace usher::server::pg
