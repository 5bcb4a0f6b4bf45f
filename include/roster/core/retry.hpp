#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>

#include "roster/core/clock.hpp"
#include "roster/core/result.hpp"

namespace roster::core {

/// How retryable failures (is_retryable) are retried: exponential backoff with full
/// jitter, capped, honouring Retry-After; at most `max_attempts` tries in all.
struct RetryPolicy {
  int max_attempts = 6;
  std::chrono::milliseconds initial_backoff{200};
  std::chrono::milliseconds max_backoff{10'000};
};

/// Shared by every request of one run: when the server said "retry after", no request
/// starts before that moment (rate limits apply to the whole team, not one call).
class RateGate {
 public:
  void hold_until(Clock::time_point until);
  /// Sleeps on `clock` until the gate is open.
  void wait(Clock& clock);

 private:
  std::mutex m_mutex;
  Clock::time_point m_open_at{};
};

/// The delay before attempt `attempt + 1` (attempt counts from 1), given a jitter
/// source in [0, 1). Honours `error.retry_after` when present.
[[nodiscard]] std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int attempt,
                                                      const Error& error, double jitter);

/// Runs `call` until it succeeds, fails with a non-retryable error, or runs out of
/// attempts. `attempts` (optional) receives how many tries were made.
template <typename T>
Result<T> with_retries(const RetryPolicy& policy, Clock& clock, RateGate& gate,
                       const std::function<Result<T>()>& call, int* attempts = nullptr);

/// A thread-safe source of jitter in [0, 1) (the only randomness in roster).
[[nodiscard]] double next_jitter();

template <typename T>
Result<T> with_retries(const RetryPolicy& policy, Clock& clock, RateGate& gate,
                       const std::function<Result<T>()>& call, int* attempts) {
  for (int attempt = 1;; ++attempt) {
    gate.wait(clock);
    Result<T> result = call();
    if (attempts != nullptr) *attempts = attempt;
    if (result.has_value() || !is_retryable(result.error()) || attempt >= policy.max_attempts) {
      return result;
    }
    auto delay = backoff_delay(policy, attempt, result.error(), next_jitter());
    if (result.error().retry_after) gate.hold_until(clock.now() + delay);
    clock.sleep_for(delay);
  }
}

}  // namespace roster::core
