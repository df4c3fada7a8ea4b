#include "server/storage/pg/sql_values.h"

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

} // namespace usher::server::pg
