#pragma once

#include "common/util/time.h"
#include "server/storage/catalog_repository.h"
#include "server/storage/user_repository.h"

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace usher::server::services {

// Who took each hold through this server instance, and for which event. Neither ever changes, so
// releasing such a hold needs no database read first: the release itself checks in the database
// that the hold is still active. Holds taken through other instances are not here; callers look
// those up. Thread-safe.
class HoldOwners {
public:
    struct Owner {
        storage::EventId event = 0;
        storage::UserId user = 0;
    };

    // `forgetAfter`: when the hold cannot be active any more (its longest possible life).
    void remember(const std::string& holdId, Owner owner, Timestamp forgetAfter) {
        std::lock_guard lock(m_mutex);
        if (m_entries.size() < kMaxEntries) {
            m_entries.insert_or_assign(holdId, Entry{owner, forgetAfter});
        }
    }
    std::optional<Owner> find(const std::string& holdId) const {
        std::lock_guard lock(m_mutex);
        const auto found = m_entries.find(holdId);
        return found == m_entries.end() ? std::nullopt : std::optional(found->second.owner);
    }
    void forget(const std::string& holdId) {
        std::lock_guard lock(m_mutex);
        m_entries.erase(holdId);
    }
    // Drops the holds whose time is over (the sweeper calls this).
    void forgetEnded(Timestamp now) {
        std::lock_guard lock(m_mutex);
        std::erase_if(m_entries, [now](const auto& entry) { return entry.second.forgetAfter < now; });
    }

private:
    struct Entry {
        Owner owner;
        Timestamp forgetAfter;
    };
    // A bound on memory: beyond it holds are looked up in the database like other instances' holds.
    static constexpr std::size_t kMaxEntries = 1'000'000;

    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
};

} // namespace usher::server::services
