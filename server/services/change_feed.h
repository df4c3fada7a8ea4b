#pragma once

#include "common/protocol/events.h"
#include "server/services/inventory_listener.h"
#include "server/storage/catalog_repository.h"
#include "server/storage/inventory_notifications.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace usher::server::services {

// Someone who wants an event's inventory changes as they are committed (a WebSocket session).
class FeedSubscriber {
public:
    virtual ~FeedSubscriber() = default;
    // Entries in seq order, each newer than every entry delivered before for this event. Called on
    // the feed's thread: must not block.
    virtual void onChanges(storage::EventId event, const std::vector<protocol::ChangeEntry>& entries) = 0;
};

struct ChangeFeedOptions {
    // After a wake-up the feed waits this long before reading, so a burst of commits reaches
    // subscribers as one message rather than hundreds.
    std::chrono::milliseconds coalesce{30};
    // Changes made elsewhere (another server instance, the sweeper) wake the feed through the
    // database's notifications when it has them; as a safety net, and without them, it also reads
    // the log of every subscribed event this often.
    std::chrono::milliseconds poll{250};
};

// Reads the inventory change log (DESIGN.md invariant 6) and fans new entries out to subscribers.
// Services of this instance tell it when they committed a change (InventoryListener), the
// database's notifications tell it about every instance's commits (and the sweeper's); either way
// it reads the log itself, so what subscribers see is exactly what the database committed, in seq
// order, with no gaps.
class ChangeFeed final : public InventoryListener {
public:
    // `notifications` (optional) must outlive the feed; a thread of the feed waits on it.
    ChangeFeed(storage::CatalogRepository& catalog, ChangeFeedOptions options = {},
               storage::InventoryNotifications* notifications = nullptr);
    ~ChangeFeed() override;
    ChangeFeed(const ChangeFeed&) = delete;
    ChangeFeed& operator=(const ChangeFeed&) = delete;

    // From now on every entry after the feed's position for the event reaches `subscriber`
    // (entries up to that position may be delivered too: subscribers skip what they have). Returns
    // false for an unknown event. Throws StorageUnavailable.
    bool subscribe(storage::EventId event, const std::shared_ptr<FeedSubscriber>& subscriber);
    void unsubscribe(storage::EventId event, const FeedSubscriber* subscriber);

    void inventoryChanged(storage::EventId event) override;
    void stop();

private:
    struct EventFeed {
        std::int64_t position = 0; // seq of the last entry delivered
        std::vector<std::weak_ptr<FeedSubscriber>> subscribers;
    };

    void run();
    void listen();
    void deliver(storage::EventId event);

    storage::CatalogRepository& m_catalog;
    const ChangeFeedOptions m_options;
    storage::InventoryNotifications* const m_notifications;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<storage::EventId, EventFeed> m_events;
    std::set<storage::EventId> m_dirty;
    bool m_stopping = false;
    std::thread m_thread;
    std::thread m_listener; // only with notifications
};

} // namespace usher::server::services
