#include "server/services/change_feed.h"

#include "server/services/catalog_service.h"
#include "server/storage/storage_error.h"

#include <algorithm>

namespace usher::server::services {

namespace {
// How long the listener waits for notifications at a time (and so at most for stop()), and how long
// it pauses after the database could not be reached.
constexpr std::chrono::milliseconds kListenSlice{500};
constexpr std::chrono::seconds kListenRetry{1};
} // namespace

ChangeFeed::ChangeFeed(storage::CatalogRepository& catalog, ChangeFeedOptions options,
                       storage::InventoryNotifications* notifications)
    : m_catalog(catalog), m_options(options), m_notifications(notifications), m_thread([this] { run(); }) {
    if (m_notifications != nullptr) {
        m_listener = std::thread([this] { listen(); });
    }
}

ChangeFeed::~ChangeFeed() {
    stop();
}

void ChangeFeed::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
    if (m_listener.joinable()) {
        m_listener.join();
    }
}

void ChangeFeed::listen() {
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) {
                return;
            }
        }
        try {
            for (storage::EventId event : m_notifications->waitForChanges(kListenSlice)) {
                inventoryChanged(event);
            }
        } catch (const std::exception&) {
            // StorageUnavailable: the poll covers the gap; listening starts again after a pause.
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, kListenRetry, [&] { return m_stopping; });
        }
    }
}

bool ChangeFeed::subscribe(storage::EventId event, const std::shared_ptr<FeedSubscriber>& subscriber) {
    std::unique_lock lock(m_mutex);
    auto found = m_events.find(event);
    if (found == m_events.end()) {
        lock.unlock();
        std::optional<std::int64_t> seq = m_catalog.lastSeq(event);
        if (!seq) {
            return false;
        }
        lock.lock();
        // Starting at the current end is safe: a subscriber takes its snapshot after subscribing,
        // so everything after this position is either in its snapshot or delivered to it.
        found = m_events.try_emplace(event, EventFeed{*seq, {}}).first;
    }
    found->second.subscribers.push_back(subscriber);
    return true;
}

void ChangeFeed::unsubscribe(storage::EventId event, const FeedSubscriber* subscriber) {
    std::lock_guard lock(m_mutex);
    auto found = m_events.find(event);
    if (found == m_events.end()) {
        return;
    }
    auto& subscribers = found->second.subscribers;
    std::erase_if(subscribers, [&](const std::weak_ptr<FeedSubscriber>& entry) {
        auto alive = entry.lock();
        return !alive || alive.get() == subscriber;
    });
    if (subscribers.empty()) {
        m_events.erase(found);
    }
}

void ChangeFeed::inventoryChanged(storage::EventId event) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_events.contains(event)) {
            return; // nobody is watching
        }
        m_dirty.insert(event);
    }
    m_wake.notify_all(); // the feed's thread (the listener may be pausing on the same condition)
}

void ChangeFeed::run() {
    auto nextPoll = std::chrono::steady_clock::now() + m_options.poll;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_until(lock, nextPoll, [&] { return m_stopping || !m_dirty.empty(); });
        if (m_stopping) {
            break;
        }
        std::set<storage::EventId> events;
        if (std::chrono::steady_clock::now() >= nextPoll) {
            for (const auto& entry : m_events) {
                events.insert(entry.first);
            }
            nextPoll = std::chrono::steady_clock::now() + m_options.poll;
        } else {
            // Let the burst that woke us finish before reading it.
            m_wake.wait_for(lock, m_options.coalesce, [&] { return m_stopping; });
        }
        events.merge(m_dirty);
        m_dirty.clear();
        lock.unlock();
        for (storage::EventId event : events) {
            try {
                deliver(event);
            } catch (const storage::StorageUnavailable&) {
                // The next poll tries again; subscribers only see the changes later.
            }
        }
        lock.lock();
    }
}

void ChangeFeed::deliver(storage::EventId event) {
    for (;;) {
        std::int64_t position = 0;
        {
            std::lock_guard lock(m_mutex);
            auto found = m_events.find(event);
            if (found == m_events.end()) {
                return;
            }
            position = found->second.position;
        }
        std::optional<storage::ChangePage> page = m_catalog.changesSince(event, position, kMaxChangesPerPage);
        if (!page || page->changes.empty()) {
            return;
        }
        std::vector<std::shared_ptr<FeedSubscriber>> subscribers;
        {
            std::lock_guard lock(m_mutex);
            auto found = m_events.find(event);
            if (found == m_events.end()) {
                return;
            }
            found->second.position = page->changes.back().seq;
            for (const auto& weak : found->second.subscribers) {
                if (auto subscriber = weak.lock()) {
                    subscribers.push_back(std::move(subscriber));
                }
            }
        }
        for (const auto& subscriber : subscribers) {
            subscriber->onChanges(event, page->changes);
        }
        if (page->changes.size() < static_cast<std::size_t>(kMaxChangesPerPage)) {
            return;
        }
    }
}

} // namespace usher::server::services
