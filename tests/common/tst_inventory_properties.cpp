#include "common/inventory/ga_inventory.h"
#include "common/inventory/inventory_error.h"
#include "common/inventory/seat_inventory.h"

#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace usher;
using namespace std::chrono_literals;

// Random operation sequences against the seat and GA state machines, each checked step by step
// against an independent model: a per-seat ledger of layers (sale, block, allotment, hold) and, for
// GA, one token per place. The models share no code with common/inventory; they only agree with it
// on the rules of DESIGN.md section 3.
namespace {

// Sized to run in a few seconds in a Debug build; a GA step costs about twice a seat step.
constexpr int kSeatSequences = 5000;
constexpr int kGaSequences = 2000;
constexpr int kOperations = 200;
constexpr int kSeats = 6;
// Broken implementations must be caught well within this many sequences.
constexpr int kMutantSequences = 200;
constexpr std::uint64_t kDefaultSeed = 20250601;
const Timestamp kStart = Timestamp(std::chrono::sys_days(std::chrono::June / 1 / 2025) + 18h);

const std::vector<std::string> kChannels{"web", "clerk-1", "clerk-2"};
const std::vector<std::string> kOwners{"device-a", "device-b"};
const std::vector<std::string> kActors{"web", "clerk-1", "clerk-2", "device-a", "device-b"};

std::uint64_t baseSeed() {
    bool ok = false;
    const qulonglong fromEnvironment = qEnvironmentVariable("USHER_PROPERTY_SEED").toULongLong(&ok, 0);
    return ok ? static_cast<std::uint64_t>(fromEnvironment) : kDefaultSeed;
}

// Sequence i replays alone from its own seed.
std::uint64_t sequenceSeed(std::uint64_t base, int sequence) {
    constexpr std::uint64_t kSpread = 0x9E3779B97F4A7C15U;
    return base + kSpread * static_cast<std::uint64_t>(sequence);
}

class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}

    std::int64_t between(std::int64_t low, std::int64_t high) {
        return std::uniform_int_distribution<std::int64_t>(low, high)(m_engine);
    }
    bool percent(int chance) { return between(0, 99) < chance; }
    std::size_t index(std::size_t size) {
        return static_cast<std::size_t>(between(0, static_cast<std::int64_t>(size) - 1));
    }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[index(items.size())];
    }

private:
    std::mt19937_64 m_engine;
};

bool isOwner(const std::string& actor) {
    return std::find(kOwners.begin(), kOwners.end(), actor) != kOwners.end();
}

std::string show(Timestamp t) {
    return "t+" + std::to_string((t - kStart).count()) + "us";
}

// Often no time passes, mostly seconds do, sometimes minutes (past every hold), and sometimes the
// clock lands exactly on a hold's last active microsecond or on the one after it.
Timestamp advance(Random& random, Timestamp now, const std::vector<Timestamp>& untils) {
    const auto roll = random.between(0, 99);
    if (roll < 35) {
        return now;
    }
    if (roll < 70) {
        return now + std::chrono::seconds(random.between(1, 20)) + Duration(random.between(0, 999'999));
    }
    if (roll < 82) {
        return now + std::chrono::minutes(random.between(1, 5));
    }
    if (roll < 88) {
        return now + std::chrono::minutes(random.between(10, 30));
    }
    std::vector<Timestamp> ahead;
    std::copy_if(untils.begin(), untils.end(), std::back_inserter(ahead),
                 [now](Timestamp t) { return t >= now; });
    if (ahead.empty()) {
        return now;
    }
    return random.pick(ahead) + Duration(random.between(0, 1));
}

// Mostly a valid TTL; sometimes one that is not in the future, which must be refused.
Timestamp holdUntil(Random& random, Timestamp now) {
    if (random.percent(4)) {
        return now - std::chrono::seconds(random.between(0, 3));
    }
    return now + std::chrono::seconds(random.between(20, 600));
}

// Mostly a sensible GA quantity; sometimes zero, negative or absurd.
std::int64_t quantity(Random& random) {
    const auto roll = random.between(0, 99);
    if (roll < 2) {
        return 0;
    }
    if (roll < 4) {
        return -random.between(1, 5);
    }
    if (roll < 5) {
        return std::numeric_limits<std::int64_t>::max();
    }
    return random.between(1, 6);
}

std::string errorText(InventoryError error) {
    return std::string(toString(error));
}

template <typename T>
std::string outcome(const Expected<T, InventoryError>& result) {
    return result ? std::string("ok") : errorText(result.error());
}

// Keeps the first violated property; later checks are skipped once one failed.
class Verdict {
public:
    template <typename Detail>
    void require(bool condition, const char* property, Detail&& detail) {
        if (!condition && m_failure.empty()) {
            m_failure = std::string(property) + ": " + detail();
        }
    }
    bool failed() const { return !m_failure.empty(); }
    const std::string& failure() const { return m_failure; }

private:
    std::string m_failure;
};

std::string context(std::uint64_t seed, int step, Timestamp now, const std::string& failure) {
    return "sequence seed " + std::to_string(seed) + ", step " + std::to_string(step) + " at " + show(now) +
           ": " + failure;
}

// ---- Seats ------------------------------------------------------------------------------------

// One seat as layers: a sale, a block, an allotment (kept while its owner holds the seat) and a hold.
struct ModelSeat {
    std::string soldTo;
    bool blocked = false;
    std::string allottedTo;
    std::string holdId;
    Timestamp holdUntil{};

    bool holdActive(Timestamp now) const { return !holdId.empty() && now <= holdUntil; }
    void dropHold() {
        holdId.clear();
        holdUntil = {};
    }
    std::string dump() const {
        return " [model: sold=" + soldTo + " blocked=" + (blocked ? "yes" : "no") +
               " allotted=" + allottedTo + " hold=" + holdId + " until " + show(holdUntil) + "]";
    }
};

// Why the model says a hold from `allotment` (empty: the general pool) cannot have the seat; empty
// when it can.
std::string holdObstacle(const ModelSeat& seat, const std::string& allotment, Timestamp now) {
    if (!seat.soldTo.empty()) {
        return "sold to " + seat.soldTo;
    }
    if (seat.blocked) {
        return "blocked";
    }
    if (seat.holdActive(now)) {
        return "held by " + seat.holdId + " until " + show(seat.holdUntil);
    }
    if (seat.allottedTo != allotment) {
        return seat.allottedTo.empty() ? "not in allotment " + allotment : "allotted to " + seat.allottedTo;
    }
    return {};
}

struct Sale {
    std::size_t seat;
    std::string order;
    bool refunded = false;
};

Sale* currentSale(std::vector<Sale>& ledger, std::size_t seat) {
    const auto it = std::find_if(ledger.begin(), ledger.end(),
                                 [seat](const Sale& sale) { return sale.seat == seat && !sale.refunded; });
    return it == ledger.end() ? nullptr : &*it;
}

// The transitions a sequence drives; tests swap in broken ones to prove the checks bite.
struct SeatOps {
    decltype(&usher::hold) hold = &usher::hold;
    decltype(&usher::commit) commit = &usher::commit;
};

struct SeatStats {
    long holds = 0;
    long holdsOverExpiredHold = 0;
    long holdsRefusedByActiveHold = 0;
    long allotmentHolds = 0;
    long commits = 0;
    long commitsTooLate = 0;
    long refunds = 0;
    long expiriesBackToAllotment = 0;
    long clockOnHoldBoundary = 0;
};

std::string checkSeatViews(const std::vector<SeatState>& seats, const std::vector<ModelSeat>& model,
                           Timestamp now) {
    for (std::size_t i = 0; i < seats.size(); ++i) {
        const SeatState& actual = seats[i];
        const SeatStatus status = effectiveStatus(actual, now);
        const ModelSeat& m = model[i];
        bool same = false;
        if (!m.soldTo.empty()) {
            same = status == SeatStatus::Sold && actual.orderId == m.soldTo;
        } else if (m.blocked) {
            same = status == SeatStatus::Blocked;
        } else if (m.holdActive(now)) {
            same = status == SeatStatus::Held && actual.holdId == m.holdId &&
                   actual.heldUntil == m.holdUntil && actual.allotment == m.allottedTo;
        } else if (!m.allottedTo.empty()) {
            // Allotted, or held from the allotment by an expired hold: the owner is in `allotment` either
            // way.
            same = status == SeatStatus::Allotted && actual.allotment == m.allottedTo;
        } else {
            same = status == SeatStatus::Available;
        }
        if (!same) {
            return "seat " + std::to_string(i) + " is " + std::string(toString(status)) + " (stored " +
                   std::string(toString(actual.status)) + ", hold " + actual.holdId + ", order " +
                   actual.orderId + ", allotment " + actual.allotment + ")" + m.dump();
        }
    }
    return {};
}

std::string runSeatSequence(std::uint64_t seed, const SeatOps& ops, SeatStats& stats) {
    Random random(seed);
    std::vector<SeatState> seats(kSeats);
    std::vector<ModelSeat> model(kSeats);
    std::vector<Sale> ledger;
    std::vector<Timestamp> untils;
    long unrefunded = 0;
    Timestamp now = kStart;
    int nextId = 0;
    Verdict verdict;

    // A hold id the caller might send: usually the seat's own, sometimes a stale or foreign one.
    auto pickHoldId = [&](const ModelSeat& m) {
        if (!m.holdId.empty() && random.percent(75)) {
            return m.holdId;
        }
        return "h" + std::to_string(random.between(0, nextId));
    };

    for (int step = 0; step < kOperations; ++step) {
        untils.clear();
        for (const ModelSeat& m : model) {
            if (!m.holdId.empty()) {
                untils.push_back(m.holdUntil);
            }
        }
        now = advance(random, now, untils);
        if (std::find(untils.begin(), untils.end(), now) != untils.end()) {
            ++stats.clockOnHoldBoundary;
        }

        const std::size_t index = random.index(kSeats);
        SeatState& seat = seats[index];
        ModelSeat& m = model[index];
        const auto where = [index] { return " on seat " + std::to_string(index); };
        const auto roll = random.between(0, 99);

        if (roll < 30) {
            const std::string& actor = random.pick(kActors);
            const bool fromAllotment = isOwner(actor) && random.percent(60);
            const std::string allotment = fromAllotment ? actor : std::string();
            const HoldRequest request{"h" + std::to_string(nextId++), holdUntil(random, now),
                                      fromAllotment ? std::optional<std::string>(actor) : std::nullopt};
            const std::string obstacle = request.until <= now ? std::string("expiry not in the future")
                                                              : holdObstacle(m, allotment, now);
            auto result = ops.hold(seat, request, now);
            verdict.require(result || !obstacle.empty(),
                            "(2) an expired hold never blocks a new one: a refused hold had a real obstacle",
                            [&] {
                                return "hold " + request.holdId + " by " + actor + where() +
                                       " refused with " + outcome(result) +
                                       " but the model has the seat free" + m.dump();
                            });
            verdict.require(!result || obstacle.empty(), "a hold is only granted on a free seat", [&] {
                return "hold " + request.holdId + where() + " granted although " + obstacle;
            });
            if (result) {
                ++stats.holds;
                stats.holdsOverExpiredHold += m.holdId.empty() ? 0 : 1;
                stats.allotmentHolds += fromAllotment ? 1 : 0;
                m.holdId = request.holdId;
                m.holdUntil = request.until;
                seat = std::move(result).value();
            } else if (m.holdActive(now)) {
                ++stats.holdsRefusedByActiveHold;
            }
        } else if (roll < 45) {
            const std::string holdId = pickHoldId(m);
            const std::string order = "o" + std::to_string(nextId++);
            const bool expected = m.holdId == holdId && m.holdActive(now);
            auto result = ops.commit(seat, holdId, order, now);
            if (result) {
                const Sale* owner = currentSale(ledger, index);
                verdict.require(owner == nullptr, "(1) a seat is never sold twice", [&] {
                    return "commit of " + order + where() + " succeeded while " + owner->order + " owns it";
                });
                ledger.push_back({index, order});
                ++unrefunded;
                ++stats.commits;
            } else if (m.holdId == holdId && !m.holdActive(now)) {
                ++stats.commitsTooLate;
            }
            verdict.require(
                result.hasValue() == expected, "commit succeeds exactly for the active holder",
                [&] { return "commit by " + holdId + where() + ": " + outcome(result) + m.dump(); });
            if (result) {
                m.soldTo = order;
                m.allottedTo.clear();
                m.dropHold();
                seat = std::move(result).value();
            }
        } else if (roll < 52) {
            const std::string holdId = pickHoldId(m);
            const Timestamp newUntil =
                (m.holdId.empty() ? now : m.holdUntil) + std::chrono::seconds(random.between(-60, 600));
            const bool expected = m.holdId == holdId && m.holdActive(now) && newUntil > m.holdUntil;
            auto result = extend(seat, holdId, newUntil, now);
            verdict.require(result.hasValue() == expected, "extend matches the model", [&] {
                return "extend " + holdId + " to " + show(newUntil) + where() + ": " + outcome(result) +
                       m.dump();
            });
            if (result) {
                m.holdUntil = newUntil;
                seat = std::move(result).value();
            }
        } else if (roll < 60) {
            const std::string holdId = pickHoldId(m);
            const bool expected = m.holdId == holdId && m.holdActive(now);
            auto result = release(seat, holdId, now);
            verdict.require(result.hasValue() == expected, "release matches the model", [&] {
                return "release " + holdId + where() + ": " + outcome(result) + m.dump();
            });
            if (result) {
                m.dropHold();
                seat = std::move(result).value();
            }
        } else if (roll < 67) {
            const bool expected = !m.holdId.empty() && !m.holdActive(now);
            auto result = expire(seat, now);
            verdict.require(result.hasValue() == expected, "expire matches the model",
                            [&] { return "expire" + where() + ": " + outcome(result) + m.dump(); });
            if (result) {
                stats.expiriesBackToAllotment += m.allottedTo.empty() ? 0 : 1;
                m.dropHold();
                seat = std::move(result).value();
            }
        } else if (roll < 75) {
            std::string order = "o-unknown";
            if (!m.soldTo.empty() && random.percent(70)) {
                order = m.soldTo;
            } else if (!ledger.empty()) {
                order = random.pick(ledger).order;
            }
            const bool expected = !m.soldTo.empty() && m.soldTo == order;
            auto result = refund(seat, order);
            if (result) {
                Sale* sale = currentSale(ledger, index);
                verdict.require(sale != nullptr && sale->order == order,
                                "(1) only the order that owns a seat can refund it",
                                [&] { return "refund of " + order + where() + " succeeded" + m.dump(); });
                if (sale != nullptr) {
                    sale->refunded = true;
                    --unrefunded;
                }
                ++stats.refunds;
            }
            verdict.require(result.hasValue() == expected, "refund matches the model",
                            [&] { return "refund " + order + where() + ": " + outcome(result) + m.dump(); });
            if (result) {
                m.soldTo.clear();
                seat = std::move(result).value();
            }
        } else if (roll < 81) {
            const bool expected = holdObstacle(m, {}, now).empty();
            auto result = block(seat, "kill", now);
            verdict.require(result.hasValue() == expected, "block matches the model",
                            [&] { return "block" + where() + ": " + outcome(result) + m.dump(); });
            if (result) {
                m.blocked = true;
                m.dropHold();
                seat = std::move(result).value();
            }
        } else if (roll < 86) {
            auto result = unblock(seat);
            verdict.require(result.hasValue() == m.blocked, "unblock matches the model",
                            [&] { return "unblock" + where() + ": " + outcome(result) + m.dump(); });
            if (result) {
                m.blocked = false;
                seat = std::move(result).value();
            }
        } else if (roll < 93) {
            const std::string& owner = random.pick(kOwners);
            const bool expected = holdObstacle(m, {}, now).empty();
            auto result = allot(seat, owner, now);
            verdict.require(result.hasValue() == expected, "allot matches the model", [&] {
                return "allot to " + owner + where() + ": " + outcome(result) + m.dump();
            });
            if (result) {
                m.allottedTo = owner;
                m.dropHold();
                seat = std::move(result).value();
            }
        } else {
            const std::string& owner = random.pick(kOwners);
            const bool expected =
                m.soldTo.empty() && !m.blocked && m.allottedTo == owner && !m.holdActive(now);
            auto result = returnAllotment(seat, owner, now);
            verdict.require(result.hasValue() == expected, "return of an allotment matches the model", [&] {
                return "return by " + owner + where() + ": " + outcome(result) + m.dump();
            });
            if (result) {
                m.allottedTo.clear();
                m.dropHold();
                seat = std::move(result).value();
            }
        }

        const std::string mismatch = checkSeatViews(seats, model, now);
        verdict.require(mismatch.empty(), "every seat is what the model says", [&] { return mismatch; });
        const long sold = std::count_if(seats.begin(), seats.end(),
                                        [](const SeatState& s) { return s.status == SeatStatus::Sold; });
        verdict.require(sold == unrefunded, "(1) sold seats match the ledger of commits minus refunds", [&] {
            return std::to_string(sold) + " seats sold, ledger says " + std::to_string(unrefunded);
        });
        if (verdict.failed()) {
            return context(seed, step, now, verdict.failure());
        }
    }
    return {};
}

// ---- General admission ------------------------------------------------------------------------

enum class Place { Pool, Held, Sold, Blocked, Allotted };

// One token per place, so a place can only move, never appear or vanish.
struct Token {
    Place place = Place::Pool;
    std::string holdId;
    Timestamp until{}; // held: the hold's until
    std::string owner; // allotted: its owner; held: the allotment it came from
};

struct ModelHold {
    std::int64_t quantity = 0;
    Timestamp until;
    std::string owner;
};

class GaModel {
public:
    explicit GaModel(std::int64_t capacity) : m_tokens(static_cast<std::size_t>(capacity)) {}

    const std::map<std::string, ModelHold>& holds() const { return m_holds; }
    std::int64_t ledgerSold = 0; // successful commits minus refunds

    // A place in an expired hold is back where the hold took it from.
    static Place placeAt(const Token& token, Timestamp now) {
        if (token.place == Place::Held && now > token.until) {
            return token.owner.empty() ? Place::Pool : Place::Allotted;
        }
        return token.place;
    }

    std::int64_t count(Place place, Timestamp now, const std::string* owner = nullptr) const {
        return std::count_if(m_tokens.begin(), m_tokens.end(), [&](const Token& token) {
            return placeAt(token, now) == place && (owner == nullptr || token.owner == *owner);
        });
    }

    // Moves `n` places that are at `from` (of `owner`, if given) to `to`; false if there are fewer.
    bool move(std::int64_t n, Place from, Timestamp now, const std::string* owner, const Token& to) {
        for (Token& token : m_tokens) {
            if (n > 0 && placeAt(token, now) == from && (owner == nullptr || token.owner == *owner)) {
                token = to;
                --n;
            }
        }
        return n == 0;
    }

    bool hold(const std::string& holdId, std::int64_t n, Timestamp until, const std::string& owner,
              Timestamp now) {
        m_holds[holdId] = {n, until, owner};
        return move(n, owner.empty() ? Place::Pool : Place::Allotted, now, owner.empty() ? nullptr : &owner,
                    Token{Place::Held, holdId, until, owner});
    }

    void extend(const std::string& holdId, Timestamp until) {
        m_holds[holdId].until = until;
        for (Token& token : m_tokens) {
            if (token.place == Place::Held && token.holdId == holdId) {
                token.until = until;
            }
        }
    }

    // Ends a hold: its places go to `to`, or back where they came from.
    void endHold(const std::string& holdId, std::optional<Place> to) {
        for (Token& token : m_tokens) {
            if (token.place == Place::Held && token.holdId == holdId) {
                const Place back = token.owner.empty() ? Place::Pool : Place::Allotted;
                token = Token{to.value_or(back), {}, {}, to ? std::string() : token.owner};
            }
        }
        m_holds.erase(holdId);
    }

    GaCounts counts(Timestamp now) const {
        GaCounts c;
        for (const Token& token : m_tokens) {
            switch (placeAt(token, now)) {
            case Place::Pool:
                ++c.available;
                break;
            case Place::Held:
                ++c.held;
                break;
            case Place::Sold:
                ++c.sold;
                break;
            case Place::Blocked:
                ++c.blocked;
                break;
            case Place::Allotted:
                ++c.allotted;
                break;
            }
        }
        return c;
    }

private:
    std::vector<Token> m_tokens;
    std::map<std::string, ModelHold> m_holds;
};

std::string show(const GaCounts& c) {
    return "{available " + std::to_string(c.available) + ", held " + std::to_string(c.held) + ", sold " +
           std::to_string(c.sold) + ", blocked " + std::to_string(c.blocked) + ", allotted " +
           std::to_string(c.allotted) + "}";
}

struct GaOps {
    decltype(&usher::commitGa) commit = &usher::commitGa;
    decltype(&usher::expireGa) expire = &usher::expireGa;
};

struct GaStats {
    long holds = 0;
    long holdsOnlyPossibleThanksToExpiry = 0;
    long allotmentHolds = 0;
    long refusedForCapacity = 0;
    long commits = 0;
    long refunds = 0;
    long placesFreedBySweeper = 0;
};

std::string runGaSequence(std::uint64_t seed, const GaOps& ops, GaStats& stats) {
    Random random(seed);
    const std::int64_t capacity = random.between(5, 40);
    GaState state;
    state.capacity = capacity;
    GaModel model(capacity);
    std::vector<Timestamp> untils;
    Timestamp now = kStart;
    int nextId = 0;
    Verdict verdict;

    auto pickHoldId = [&]() {
        if (!model.holds().empty() && random.percent(80)) {
            auto it = model.holds().begin();
            std::advance(it, static_cast<std::ptrdiff_t>(random.index(model.holds().size())));
            return it->first;
        }
        return "h" + std::to_string(random.between(0, nextId));
    };
    auto activeHold = [&](const std::string& holdId) -> const ModelHold* {
        const auto it = model.holds().find(holdId);
        return it != model.holds().end() && now <= it->second.until ? &it->second : nullptr;
    };

    for (int step = 0; step < kOperations; ++step) {
        untils.clear();
        for (const auto& [id, hold] : model.holds()) {
            untils.push_back(hold.until);
        }
        now = advance(random, now, untils);
        const auto roll = random.between(0, 99);

        if (roll < 30) {
            const std::string& actor = random.pick(kActors);
            const bool fromAllotment = isOwner(actor) && random.percent(60);
            const std::string allotment = fromAllotment ? actor : std::string();
            const std::string holdId = random.percent(5) ? pickHoldId() : "h" + std::to_string(nextId++);
            const GaHoldRequest request{holdId, quantity(random), holdUntil(random, now),
                                        fromAllotment ? std::optional<std::string>(actor) : std::nullopt};
            const Place source = fromAllotment ? Place::Allotted : Place::Pool;
            const std::int64_t free = model.count(source, now, fromAllotment ? &allotment : nullptr);
            const bool valid =
                request.quantity >= 1 && request.until > now && !model.holds().contains(holdId);
            auto result = holdGa(state, request, now);
            verdict.require(result || !valid || free < request.quantity,
                            "(2) an expired GA hold never blocks a new one", [&] {
                                return "hold " + holdId + " of " + std::to_string(request.quantity) +
                                       " refused with " + outcome(result) + " but the model has " +
                                       std::to_string(free) + " free";
                            });
            verdict.require(!result || (valid && free >= request.quantity),
                            "a GA hold only takes free places", [&] {
                                return "hold " + holdId + " of " + std::to_string(request.quantity) +
                                       " granted with " + std::to_string(free) + " free";
                            });
            if (result) {
                ++stats.holds;
                stats.allotmentHolds += fromAllotment ? 1 : 0;
                // Would the hold have failed if expired holds still counted?
                std::int64_t expiredPlaces = 0;
                for (const auto& [id, hold] : model.holds()) {
                    if (now > hold.until && hold.owner == allotment) {
                        expiredPlaces += hold.quantity;
                    }
                }
                stats.holdsOnlyPossibleThanksToExpiry += free - expiredPlaces < request.quantity ? 1 : 0;
                verdict.require(model.hold(holdId, request.quantity, request.until, allotment, now),
                                "model: enough places to hold", [] { return std::string(); });
                state = std::move(result).value();
            } else if (valid) {
                ++stats.refusedForCapacity;
            }
        } else if (roll < 45) {
            const std::string holdId = pickHoldId();
            const ModelHold* hold = activeHold(holdId);
            const std::int64_t placesSold = hold != nullptr ? hold->quantity : 0;
            auto result = ops.commit(state, holdId, now);
            verdict.require(result.hasValue() == (hold != nullptr),
                            "GA commit succeeds exactly for an active hold",
                            [&] { return "commit " + holdId + ": " + outcome(result); });
            if (result && hold != nullptr) {
                ++stats.commits;
                model.ledgerSold += placesSold;
                model.endHold(holdId, Place::Sold);
                state = std::move(result).value();
            }
        } else if (roll < 52) {
            const std::string holdId = pickHoldId();
            const ModelHold* hold = activeHold(holdId);
            const Timestamp newUntil =
                (hold != nullptr ? hold->until : now) + std::chrono::seconds(random.between(-60, 600));
            const bool expected = hold != nullptr && newUntil > hold->until;
            auto result = extendGa(state, holdId, newUntil, now);
            verdict.require(result.hasValue() == expected, "GA extend matches the model", [&] {
                return "extend " + holdId + " to " + show(newUntil) + ": " + outcome(result);
            });
            if (result && expected) {
                model.extend(holdId, newUntil);
                state = std::move(result).value();
            }
        } else if (roll < 60) {
            const std::string holdId = pickHoldId();
            const bool expected = activeHold(holdId) != nullptr;
            auto result = releaseGa(state, holdId, now);
            verdict.require(result.hasValue() == expected, "GA release matches the model",
                            [&] { return "release " + holdId + ": " + outcome(result); });
            if (result && expected) {
                model.endHold(holdId, std::nullopt);
                state = std::move(result).value();
            }
        } else if (roll < 67) {
            std::int64_t expectedFreed = 0;
            std::vector<std::string> expired;
            for (const auto& [id, hold] : model.holds()) {
                if (now > hold.until) {
                    expectedFreed += hold.quantity;
                    expired.push_back(id);
                }
            }
            GaExpiry expiry = ops.expire(state, now);
            verdict.require(expiry.freed == expectedFreed && expiry.expired.size() == expired.size(),
                            "(3) the sweeper frees exactly the places of expired holds", [&] {
                                return "freed " + std::to_string(expiry.freed) + " from " +
                                       std::to_string(expiry.expired.size()) + " holds, model " +
                                       std::to_string(expectedFreed) + " from " +
                                       std::to_string(expired.size());
                            });
            for (const std::string& id : expired) {
                model.endHold(id, std::nullopt);
            }
            stats.placesFreedBySweeper += expiry.freed;
            state = std::move(expiry.state);
        } else if (roll < 75) {
            const std::int64_t n = quantity(random);
            const bool expected = n >= 1 && model.count(Place::Sold, now) >= n;
            auto result = refundGa(state, n);
            verdict.require(result.hasValue() == expected, "GA refund matches the model",
                            [&] { return "refund " + std::to_string(n) + ": " + outcome(result); });
            if (result && expected) {
                ++stats.refunds;
                model.ledgerSold -= n;
                verdict.require(model.move(n, Place::Sold, now, nullptr, Token{}),
                                "model: enough sold places", [] { return std::string(); });
                state = std::move(result).value();
            }
        } else if (roll < 81) {
            const std::int64_t n = quantity(random);
            const bool expected = n >= 1 && model.count(Place::Pool, now) >= n;
            auto result = blockGa(state, n, now);
            verdict.require(result.hasValue() == expected, "GA block matches the model",
                            [&] { return "block " + std::to_string(n) + ": " + outcome(result); });
            if (result && expected) {
                verdict.require(model.move(n, Place::Pool, now, nullptr, Token{Place::Blocked, {}, {}, {}}),
                                "model: enough places to block", [] { return std::string(); });
                state = std::move(result).value();
            }
        } else if (roll < 86) {
            const std::int64_t n = quantity(random);
            const bool expected = n >= 1 && model.count(Place::Blocked, now) >= n;
            auto result = unblockGa(state, n);
            verdict.require(result.hasValue() == expected, "GA unblock matches the model",
                            [&] { return "unblock " + std::to_string(n) + ": " + outcome(result); });
            if (result && expected) {
                verdict.require(model.move(n, Place::Blocked, now, nullptr, Token{}),
                                "model: enough blocked places", [] { return std::string(); });
                state = std::move(result).value();
            }
        } else if (roll < 93) {
            const std::string& owner = random.pick(kOwners);
            const std::int64_t n = quantity(random);
            const bool expected = n >= 1 && model.count(Place::Pool, now) >= n;
            auto result = allotGa(state, owner, n, now);
            verdict.require(result.hasValue() == expected, "GA allot matches the model", [&] {
                return "allot " + std::to_string(n) + " to " + owner + ": " + outcome(result);
            });
            if (result && expected) {
                verdict.require(
                    model.move(n, Place::Pool, now, nullptr, Token{Place::Allotted, {}, {}, owner}),
                    "model: enough places to allot", [] { return std::string(); });
                state = std::move(result).value();
            }
        } else {
            const std::string& owner = random.pick(kOwners);
            const std::int64_t n = quantity(random);
            const bool expected = n >= 1 && model.count(Place::Allotted, now, &owner) >= n;
            auto result = returnGaAllotment(state, owner, n, now);
            verdict.require(
                result.hasValue() == expected, "GA return of an allotment matches the model",
                [&] { return "return " + std::to_string(n) + " by " + owner + ": " + outcome(result); });
            if (result && expected) {
                verdict.require(model.move(n, Place::Allotted, now, &owner, Token{}),
                                "model: enough allotted places to return", [] { return std::string(); });
                state = std::move(result).value();
            }
        }

        const GaCounts actual = countGa(state, now);
        verdict.require(actual.available >= 0 && actual.held >= 0 && actual.sold >= 0 &&
                            actual.blocked >= 0 && actual.allotted >= 0,
                        "(3) no GA count is negative", [&] { return show(actual); });
        verdict.require(state.capacity == capacity &&
                            actual.available + actual.held + actual.sold + actual.blocked + actual.allotted ==
                                capacity,
                        "(3) capacity == available + held + sold + blocked + allotted",
                        [&] { return show(actual) + " for capacity " + std::to_string(capacity); });
        verdict.require(actual.sold == model.ledgerSold,
                        "(3) places sold match the ledger of commits minus refunds",
                        [&] { return show(actual) + ", ledger " + std::to_string(model.ledgerSold); });
        const GaCounts expected = model.counts(now);
        verdict.require(actual == expected, "(3) every place is where the model put it",
                        [&] { return show(actual) + ", model " + show(expected); });
        if (verdict.failed()) {
            return context(seed, step, now, verdict.failure());
        }
    }
    return {};
}

// ---- Broken implementations the properties must catch -----------------------------------------

SeatResult holdForgettingExpiry(const SeatState& state, const HoldRequest& request, Timestamp now) {
    if (state.status == SeatStatus::Held) {
        return unexpected(InventoryError::SeatUnavailable);
    }
    return usher::hold(state, request, now);
}

SeatResult commitReplayingIntoResale(const SeatState& state, std::string_view holdId, std::string orderId,
                                     Timestamp now) {
    if (state.status == SeatStatus::Sold) {
        return SeatState::sold(std::move(orderId));
    }
    return usher::commit(state, holdId, std::move(orderId), now);
}

GaResult commitSellingOneMore(const GaState& state, std::string_view holdId, Timestamp now) {
    auto result = usher::commitGa(state, holdId, now);
    if (result) {
        ++result->sold;
    }
    return result;
}

GaExpiry expiryReturningAllotmentsToPool(const GaState& state, Timestamp now) {
    GaExpiry expiry = usher::expireGa(state, now);
    for (const GaHold& hold : expiry.expired) {
        const auto it = expiry.state.allotments.find(hold.allotment);
        if (it != expiry.state.allotments.end()) {
            it->second -= std::min(it->second, hold.quantity);
        }
    }
    return expiry;
}

template <typename Run>
std::string firstFailure(Run run) {
    for (int sequence = 0; sequence < kMutantSequences; ++sequence) {
        std::string failure = run(sequenceSeed(kDefaultSeed, sequence));
        if (!failure.empty()) {
            return failure;
        }
    }
    return {};
}

} // namespace

class TestInventoryProperties : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seatsAreNeverSoldTwiceAndExpiredHoldsNeverBlock();
    void gaNeverLosesOrInventsAPlace();
    void brokenSeatRulesAreCaught();
    void brokenGaRulesAreCaught();
};

void TestInventoryProperties::seatsAreNeverSoldTwiceAndExpiredHoldsNeverBlock() {
    const std::uint64_t seed = baseSeed();
    qInfo("seat properties: base seed %llu, %d sequences x %d operations (USHER_PROPERTY_SEED replays)",
          static_cast<unsigned long long>(seed), kSeatSequences, kOperations);
    SeatStats stats;
    for (int sequence = 0; sequence < kSeatSequences; ++sequence) {
        const std::string failure = runSeatSequence(sequenceSeed(seed, sequence), SeatOps{}, stats);
        QVERIFY2(failure.empty(), failure.c_str());
    }
    qInfo("holds %ld (over an expired hold %ld, from an allotment %ld), refused by an active hold %ld, "
          "commits %ld "
          "(too late %ld), refunds %ld, expiries back to an allotment %ld, clock on a hold boundary %ld",
          stats.holds, stats.holdsOverExpiredHold, stats.allotmentHolds, stats.holdsRefusedByActiveHold,
          stats.commits, stats.commitsTooLate, stats.refunds, stats.expiriesBackToAllotment,
          stats.clockOnHoldBoundary);
    // The sequences must reach the situations the properties are about.
    QVERIFY(stats.holdsOverExpiredHold > 1000);
    QVERIFY(stats.holdsRefusedByActiveHold > 1000);
    QVERIFY(stats.allotmentHolds > 1000);
    QVERIFY(stats.commits > 1000);
    QVERIFY(stats.commitsTooLate > 100);
    QVERIFY(stats.refunds > 1000);
    QVERIFY(stats.expiriesBackToAllotment > 100);
    QVERIFY(stats.clockOnHoldBoundary > 1000);
}

void TestInventoryProperties::gaNeverLosesOrInventsAPlace() {
    const std::uint64_t seed = baseSeed();
    qInfo("GA properties: base seed %llu, %d sequences x %d operations (USHER_PROPERTY_SEED replays)",
          static_cast<unsigned long long>(seed), kGaSequences, kOperations);
    GaStats stats;
    for (int sequence = 0; sequence < kGaSequences; ++sequence) {
        const std::string failure = runGaSequence(sequenceSeed(seed, sequence), GaOps{}, stats);
        QVERIFY2(failure.empty(), failure.c_str());
    }
    qInfo("holds %ld (only possible thanks to expiry %ld, from an allotment %ld), refused for capacity %ld, "
          "commits %ld, refunds %ld, places freed by the sweeper %ld",
          stats.holds, stats.holdsOnlyPossibleThanksToExpiry, stats.allotmentHolds, stats.refusedForCapacity,
          stats.commits, stats.refunds, stats.placesFreedBySweeper);
    QVERIFY(stats.holdsOnlyPossibleThanksToExpiry > 1000);
    QVERIFY(stats.allotmentHolds > 1000);
    QVERIFY(stats.refusedForCapacity > 1000);
    QVERIFY(stats.commits > 1000);
    QVERIFY(stats.refunds > 1000);
    QVERIFY(stats.placesFreedBySweeper > 1000);
}

void TestInventoryProperties::brokenSeatRulesAreCaught() {
    SeatStats stats;
    SeatOps forgetful;
    forgetful.hold = &holdForgettingExpiry;
    const std::string expiry =
        firstFailure([&](std::uint64_t s) { return runSeatSequence(s, forgetful, stats); });
    qInfo("hold that forgets expiry: %s", expiry.c_str());
    QVERIFY(expiry.find("(2)") != std::string::npos);

    SeatOps reselling;
    reselling.commit = &commitReplayingIntoResale;
    const std::string resale =
        firstFailure([&](std::uint64_t s) { return runSeatSequence(s, reselling, stats); });
    qInfo("commit that resells: %s", resale.c_str());
    QVERIFY(resale.find("(1) a seat is never sold twice") != std::string::npos);
}

void TestInventoryProperties::brokenGaRulesAreCaught() {
    GaStats stats;
    GaOps inventing;
    inventing.commit = &commitSellingOneMore;
    const std::string invented =
        firstFailure([&](std::uint64_t s) { return runGaSequence(s, inventing, stats); });
    qInfo("commit that sells one place more: %s", invented.c_str());
    QVERIFY(invented.find("(3)") != std::string::npos);

    GaOps leaking;
    leaking.expire = &expiryReturningAllotmentsToPool;
    const std::string leaked =
        firstFailure([&](std::uint64_t s) { return runGaSequence(s, leaking, stats); });
    qInfo("sweeper that returns allotment holds to the pool: %s", leaked.c_str());
    QVERIFY(leaked.find("(3)") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestInventoryProperties)
#include "tst_inventory_properties.moc"
