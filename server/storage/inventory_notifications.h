#pragma once

#include "server/storage/catalog_repository.h"

#include <chrono>
#include <vector>

namespace usher::server::storage {

// Wake-ups for committed inventory changes from any server instance on the same database (DESIGN.md
// invariant 6: the change log is the truth, notifications only say where to look).
class InventoryNotifications {
public:
    virtual ~InventoryNotifications() = default;
    // Waits up to `timeout` and returns the events whose inventory changed meanwhile (each once,
    // possibly none). Throws StorageUnavailable when the database cannot be reached; the next call
    // tries again. Called from one thread at a time.
    virtual std::vector<EventId> waitForChanges(std::chrono::milliseconds timeout) = 0;
};

} // namespace usher::server::storage
