#pragma once

#include "common/money/money.h"
#include "common/util/time.h"

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace usher::server::pg {

// A PostgreSQL array literal ('{"a","b"}') for a text[] parameter: libpqxx 6 has no array
// parameters, so every element is quoted and escaped here.
std::string textArray(std::span<const std::string> items);
std::string bigintArray(std::span<const std::int64_t> items);

// A nullable text parameter: libpqxx 6 sends a null `const char*` as SQL NULL. The pointer is into
// `value`, which must outlive the statement.
inline const char* nullable(const std::optional<std::string>& value) {
    return value ? value->c_str() : nullptr;
}

// Runs `sql` as a statement prepared on this connection under `name` (pqxx declares it on first use
// and again after a reconnect; the same name with the same SQL is a no-op). For the statements the
// sale runs many times a second: PostgreSQL then parses and plans each once per connection instead
// of once per call (planning the hold lookup cost more than running it).
template <typename... Args>
pqxx::result execPrepared(pqxx::transaction_base& tx, const char* name, const std::string& sql,
                          Args&&... args) {
    tx.conn().prepare(name, sql);
    return tx.exec_prepared(name, std::forward<Args>(args)...);
}

// Timestamps travel as microseconds since the epoch (usher_us / usher_ts in the schema).
inline std::int64_t micros(Timestamp t) {
    return t.time_since_epoch().count();
}
// A nullable timestamp parameter, as text for nullable().
inline std::optional<std::string> microsText(const std::optional<Timestamp>& t) {
    return t ? std::optional(std::to_string(micros(*t))) : std::nullopt;
}
inline Timestamp timestampOf(const pqxx::field& field) {
    return Timestamp(Duration(field.as<std::int64_t>()));
}

// A char(3) currency column; an unknown code is corrupt data.
Currency currencyOf(const pqxx::field& field);
// A nullable text column.
std::optional<std::string> optionalText(const pqxx::field& field);

} // namespace usher::server::pg
