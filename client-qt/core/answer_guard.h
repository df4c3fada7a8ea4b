#pragma once

#include <memory>
#include <utility>

namespace usher::core {

// Drops answers that arrive after its owner is gone. The ApiClient outlives the windows that use
// it; a window that closes with a request in flight must never be called back. Members of the
// window wrap their callbacks with guard(done).
class AnswerGuard {
public:
    template <typename Callback>
    auto operator()(Callback done) const {
        return [alive = std::weak_ptr<const int>(m_alive), done = std::move(done)](auto&&... answer) {
            if (alive.lock()) {
                done(std::forward<decltype(answer)>(answer)...);
            }
        };
    }

private:
    std::shared_ptr<const int> m_alive = std::make_shared<const int>(0);
};

} // namespace usher::core
