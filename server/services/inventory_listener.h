#pragma once

#include "server/storage/catalog_repository.h"

namespace usher::server::services {

// Told after a transaction that changed an event's inventory has committed, so the live feed can
// read the new change-log entries at once instead of at its next poll. Broadcasts follow commits,
// never precede them.
class InventoryListener {
public:
    virtual ~InventoryListener() = default;
    virtual void inventoryChanged(storage::EventId event) = 0;
};

// For services used where nobody listens (tests, tools).
class NoInventoryListener final : public InventoryListener {
public:
    void inventoryChanged(storage::EventId) override {}
};

} // namespace usher::server::services
