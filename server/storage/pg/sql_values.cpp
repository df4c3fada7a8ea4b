#include "server/storage/pg/sql_values.h"

#include <stdexcept>

namespace usher::server::pg {

std::string textArray(std::span<const std::string> items) {
    std::string out = "{";
    for (const std::string& item : items) {
        if (out.size() > 1) {
            out += ',';
        }
        out += '"';
        for (char c : item) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

std::string bigintArray(std::span<const std::int64_t> items) {
    std::string out = "{";
    for (std::int64_t item : items) {
        if (out.size() > 1) {
            out += ',';
        }
        out += std::to_string(item);
    }
    out += '}';
    return out;
}

Currency currencyOf(const pqxx::field& field) {
    const auto currency = Currency::fromCode(field.as<std::string>());
    if (!currency) {
        throw std::runtime_error("unknown currency " + field.as<std::string>() + " in the database");
    }
    return *currency;
}

std::optional<std::string> optionalText(const pqxx::field& field) {
    if (field.is_null()) {
        return std::nullopt;
    }
    return field.as<std::string>();
}

} // namespace usher::server::pg
