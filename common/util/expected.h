#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace usher {

// Wraps an error so that Expected<T, E> can be built from it unambiguously, even when T and E are
// the same type.
template <typename E>
struct Unexpected {
    E error;
};

template <typename E>
Unexpected<std::decay_t<E>> unexpected(E&& error) {
    return {std::forward<E>(error)};
}

// A value or the reason there is none. Domain outcomes (a seat already sold, a price that overflows)
// are returned this way instead of thrown; exceptions are kept for broken invariants and I/O.
// std::expected is C++23; this is the small subset Usher needs.
template <typename T, typename E>
class [[nodiscard]] Expected {
public:
    Expected(const T& value) : m_state(std::in_place_index<0>, value) {}
    Expected(T&& value) : m_state(std::in_place_index<0>, std::move(value)) {}
    template <typename G>
    Expected(Unexpected<G> error) : m_state(std::in_place_index<1>, std::move(error.error)) {}

    bool hasValue() const { return m_state.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T& value() & {
        assert(hasValue());
        return std::get<0>(m_state);
    }
    const T& value() const& {
        assert(hasValue());
        return std::get<0>(m_state);
    }
    T&& value() && {
        assert(hasValue());
        return std::get<0>(std::move(m_state));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const E& error() const {
        assert(!hasValue());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, E> m_state;
};

// For operations that return nothing on success.
struct Done {
    bool operator==(const Done&) const = default;
};

} // namespace usher
