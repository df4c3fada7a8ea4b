#pragma once

#include "common/protocol/admin.h"
#include "server/services/caller.h"
#include "server/services/event_catalog.h"
#include "server/services/inventory_listener.h"
#include "server/services/order_service.h"
#include "server/services/outcome.h"
#include "server/services/venue_admin.h"
#include "server/storage/admin_repository.h"
#include "server/storage/catalog_repository.h"

#include <optional>
#include <string>

namespace usher::server::services {

// Events as admins set them up: details, sale window, limits, prices per category x ticket type,
// the venue layout version, and status (draft, on sale, cancelled). Edits name the revision they
// started from (If-Match, 412 when stale). A new layout version is taken only when every sold,
// held or allotted seat of the event is in it (409 layout-change-refused with the seats otherwise).
// Cancelling refunds every order (audited, each as an ordinary refund with the given reason).
class EventAdmin {
public:
    EventAdmin(storage::AdminRepository& admin, storage::CatalogRepository& catalog, EventCatalog& events,
               OrderService& orders, InventoryListener& listener)
        : m_admin(admin), m_catalog(catalog), m_events(events), m_orders(orders), m_listener(listener) {}

    Outcome<protocol::EventAdminList> list(const Caller& caller);
    Outcome<Tagged<protocol::EventAdminView>> event(const Caller& caller, std::string_view eventId);
    // 201 as a draft unless the request says otherwise later; 400 with the field at fault.
    Outcome<Tagged<protocol::EventAdminView>> create(const Caller& caller, const protocol::EventInput& input);
    Outcome<Tagged<protocol::EventAdminView>> update(const Caller& caller, std::string_view eventId,
                                                     const std::optional<std::string>& ifMatch,
                                                     const protocol::EventInput& input);
    Outcome<Tagged<protocol::EventStatusResponse>> setStatus(const Caller& caller, std::string_view eventId,
                                                             const std::optional<std::string>& ifMatch,
                                                             const protocol::EventStatusRequest& request);

private:
    Outcome<storage::EventRecord> find(std::string_view eventId);

    storage::AdminRepository& m_admin;
    storage::CatalogRepository& m_catalog;
    EventCatalog& m_events;
    OrderService& m_orders;
    InventoryListener& m_listener;
};

protocol::EventAdminView adminViewOf(const storage::EventRecord& record);

} // namespace usher::server::services
