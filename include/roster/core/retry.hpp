#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>

#include "roster/core/clock.hpp"
#include "roster/core/result.hpp"
#include "roster/core/stop.hpp"

namespace roster::core {

/// How retryable failures (is_retryable) are retried: exponential backoff with full
/// jitter, capped, honouring Retry-After up to `max_retry_wait`; at most `max_attempts`
/// tries in all.
struct RetryPolicy {
  int max_attempts = 6;
  std::chrono::milliseconds initial_backoff{200};
  std::chrono::milliseconds max_backoff{10'000};
  /// A server that asks for a longer wait (Retry-After) fails the call with that reason
  /// instead of being waited for (--max-retry-wait).
  std::chrono::seconds max_retry_wait{300};
};

/// Shared by every request of one run: when the server said "retry after", no request
/// starts before that moment (rate limits apply to the whole team, not one call).
class RateGate {
 public:
  void hold_until(Clock::time_point until);
  /// How long from `now` until the gate opens; zero or less when it is open.
  [[nodiscard]] std::chrono::steady_clock::duration remaining(Clock::time_point now);

 private:
  std::mutex m_mutex;
  Clock::time_point m_open_at{};
};

/// The outcome of with_retries: the last answer and how it was reached.
template <typename T>
struct Retried {
  Result<T> result;
  int attempts = 0;  // requests sent; 0 when none was (the run stopped, the gate refused)
  /// An attempt before the last one failed without saying whether it took effect
  /// (ErrorKind::unavailable: 5xx, timeout, dropped connection). A 429 is not ambiguous:
  /// the server did nothing.
  bool ambiguous = false;
};

/// The delay before attempt `attempt + 1` (attempt counts from 1), given a jitter
/// source in [0, 1). Honours `error.retry_after` when present.
[[nodiscard]] std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int attempt,
                                                      const Error& error, double jitter);

/// A thread-safe source of jitter in [0, 1) (the only randomness in roster).
[[nodiscard]] double next_jitter();

/// The attempt with_retries is making on this thread (1, 2, ...); 1 outside any. The
/// request log reads it, so that a retried call's requests say which try they are.
[[nodiscard]] int current_attempt() noexcept;

namespace detail {
/// Sets current_attempt() for its lifetime; restores the enclosing one after (a job
/// poll's own retries inside a retried write).
class AttemptScope {
 public:
  explicit AttemptScope(int attempt) noexcept;
  ~AttemptScope();
  AttemptScope(const AttemptScope&) = delete;
  AttemptScope& operator=(const AttemptScope&) = delete;

 private:
  int m_previous;
};

/// Waits until the gate is open. An Error (what to report instead of sending) when it
/// stays closed longer than the policy allows or the run stops; `last` is the previous
/// attempt's failure, if any.
[[nodiscard]] std::optional<Error> wait_for_gate(const RetryPolicy& policy, RunStop& stop,
                                                 RateGate& gate, const Error* last);
/// Waits before retrying after `error`; an Error to report instead when it may not.
[[nodiscard]] std::optional<Error> wait_to_retry(const RetryPolicy& policy, RunStop& stop,
                                                 RateGate& gate, int attempt, const Error& error);
}  // namespace detail

/// Runs `call` until it succeeds, fails with a non-retryable error, runs out of attempts,
/// is asked to wait longer than the policy allows, or the run stops.
template <typename T>
Retried<T> with_retries(const RetryPolicy& policy, RunStop& stop, RateGate& gate,
                        const std::function<Result<T>()>& call) {
  Retried<T> out{make_error(ErrorKind::internal, "not attempted")};
  for (int attempt = 1;; ++attempt) {
    const Error* last = attempt == 1 ? nullptr : &out.result.error();
    if (auto refused = detail::wait_for_gate(policy, stop, gate, last)) {
      out.result = std::move(*refused);
      return out;
    }
    {
      detail::AttemptScope scope(attempt);
      out.result = call();
    }
    // A call that says it sent nothing (it was stopped first) is not an attempt.
    out.attempts = out.result.has_value() || !out.result.error().not_sent ? attempt : attempt - 1;
    if (out.result.has_value() || !is_retryable(out.result.error()) ||
        attempt >= policy.max_attempts) {
      return out;
    }
    if (auto refused = detail::wait_to_retry(policy, stop, gate, attempt, out.result.error())) {
      out.result = std::move(*refused);
      return out;
    }
    out.ambiguous = out.ambiguous || out.result.error().kind == ErrorKind::unavailable;
  }
}

}  // namespace roster::core
