#pragma once

#include "common/protocol/holds.h"
#include "common/protocol/problem.h"
#include "common/util/expected.h"
#include "common/util/time.h"
#include "server/storage/catalog_repository.h"
#include "server/storage/user_repository.h"

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace usher::server::storage {

// One hold to take, decided by the service: the seats (with their price category from the layout)
// and GA quantities, for whom and for how long.
struct HoldPlan {
    std::string holdId; // a fresh UUID
    UserId user = 0;
    std::vector<SeatRow> seats;
    std::vector<protocol::GaQuantity> ga;
    std::chrono::seconds ttl{600};
    // The most tickets this user may hold and own for the event, counting this hold; 0: no limit.
    int maxTicketsPerCustomer = 0;
};

struct HoldCreated {
    Timestamp expiresAt;
};

// Why a hold was refused as a whole; nothing of it was taken.
struct HoldRefused {
    std::vector<std::string> unavailableSeats;
    std::vector<protocol::GaShortfall> unavailableGa;
    bool customerLimit = false;
};

using HoldOutcome = std::variant<HoldCreated, HoldRefused>;

enum class HoldState { Active, Released, Expired, Committed };

struct StoredHold {
    std::string id;
    EventId eventId = 0;
    UserId user = 0;
    HoldState state = HoldState::Active; // Active also while expired but not yet swept: see expired
    bool expired = false;                // expires_at has passed (at the database's now)
    Timestamp expiresAt;
    int extendCount = 0;
    std::vector<SeatRow> seats;
    std::vector<protocol::GaQuantity> ga;
};

enum class HoldChangeError { NotFound, NotActive, Expired, ExtendLimit };
using ReleaseOutcome = Expected<Done, HoldChangeError>;

struct ExtendPolicy {
    int maxExtensions = 2;
    std::chrono::seconds maxLifetime{std::chrono::minutes(30)}; // from creation
};

// Seats to add to and remove from an active hold, decided by the service.
struct SeatChange {
    std::vector<SeatRow> add;
    std::vector<std::string> remove;
    std::vector<protocol::GaQuantity> ga; // the hold's new quantity per area; 0 takes the area out
    // As in HoldPlan: the most tickets the hold's owner may hold and own for the event; 0: none.
    int maxTicketsPerCustomer = 0;
};

// Why a hold's seats were not changed; nothing of the change was made.
struct SeatChangeRefused {
    std::optional<HoldChangeError> hold{};              // the hold itself cannot change
    std::vector<std::string> unavailableSeats{};        // seats to add that are not free
    std::vector<std::string> notInHold{};               // seats to remove that the hold does not have
    std::vector<protocol::GaShortfall> unavailableGa{}; // areas without enough places (for this hold)
    bool customerLimit = false;
};
using SeatChangeOutcome = Expected<StoredHold, SeatChangeRefused>;

// The hold statement's state condition. Only the race tests use the unsafe variant, to prove they
// can see a double sale; nothing in the server can select it.
enum class HoldCondition { Safe, UnsafeWithoutStateCondition };

class InventoryRepository {
public:
    virtual ~InventoryRepository() = default;

    // Takes every plan in one transaction, in order; each is all-or-nothing. Every seat and GA
    // change goes to the event's change log in the same transaction.
    virtual std::vector<HoldOutcome> createHolds(EventId event, std::span<const HoldPlan> plans) = 0;
    virtual std::optional<StoredHold> findHold(std::string_view holdId) = 0;
    virtual Expected<Timestamp, HoldChangeError> extendHold(std::string_view holdId, std::chrono::seconds by,
                                                            const ExtendPolicy& policy) = 0;
    // Releases every hold of the event in one transaction, each on its own: NotFound for an id that
    // is not a hold of this event, NotActive for one no longer active, Expired for one whose time is up.
    virtual std::vector<ReleaseOutcome> releaseHolds(EventId event, std::span<const std::string> holdIds) = 0;
    // Adds and removes seats of an active, unexpired hold in one transaction (all or nothing); the
    // added seats are held until the hold's expiry, the removed ones go back on sale, both logged.
    // Answers the hold as it is now.
    virtual SeatChangeOutcome changeHoldSeats(std::string_view holdId, const SeatChange& change) = 0;
    ReleaseOutcome releaseHold(EventId event, const std::string& holdId) {
        return std::move(releaseHolds(event, std::span(&holdId, 1)).front());
    }
    // Marks holds whose time is up as expired and puts their seats and places back, at most
    // `limit` holds per call; returns the number of holds expired.
    virtual int expireHolds(int limit) = 0;
    // Available seat ids of an event (at the database's now), for best available.
    virtual std::vector<std::string> availableSeats(EventId event) = 0;
};

} // namespace usher::server::storage
