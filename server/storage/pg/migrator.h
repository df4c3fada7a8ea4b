#pragma once

#include <string>

namespace usher::server::pg {

struct MigrationReport {
    int applied = 0;       // migrations applied by this call
    int schemaVersion = 0; // the version the database is at now
};

// Applies the migrations in server/migrations/ that the database does not have yet, in order, each
// in its own transaction, under a session advisory lock: several instances starting at once apply
// each migration exactly once. Throws when the database has a newer schema than this binary knows.
MigrationReport migrate(const std::string& databaseUrl);

// True when the database answers and has every migration this binary knows (readiness).
bool isSchemaCurrent(const std::string& databaseUrl);

int latestSchemaVersion();

} // namespace usher::server::pg
