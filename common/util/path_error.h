#pragma once

#include <string>

namespace usher {

// A problem in a document, with the path a person can follow to it, for example
// `sections[2].rows[5].seats[3]: duplicate seat id "S2-F-3"`. Used for JSON decoding and for layout
// validation alike. The document root has an empty path.
struct PathError {
    std::string path;
    std::string message;

    std::string toString() const {
        return (path.empty() ? std::string("(document)") : path) + ": " + message;
    }
    bool operator==(const PathError&) const = default;
};

} // namespace usher
