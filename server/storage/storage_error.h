#pragma once

#include <stdexcept>

namespace usher::server::storage {

// The database could not be reached or had no free connection: the request may succeed later, so
// the API answers 503 with Retry-After. Implementations translate their driver's errors into this.
struct StorageUnavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace usher::server::storage
