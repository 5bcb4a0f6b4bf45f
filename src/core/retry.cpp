#include "roster/core/retry.hpp"

#include <algorithm>
#include <random>
#include <string>

namespace roster::core {

namespace {

using std::chrono::ceil;
using std::chrono::milliseconds;
using std::chrono::seconds;

std::string too_long_text(seconds wait, const RetryPolicy& policy) {
  return "Dropbox asked to wait " + std::to_string(wait.count()) +
         " s (Retry-After), longer than the " + std::to_string(policy.max_retry_wait.count()) +
         " s roster waits at most (--max-retry-wait)";
}

// The error to report when a call is not (re)sent: the last failure, if any, with why.
Error not_sent(const Error* last, const std::string& why) {
  Error error = last != nullptr ? *last : make_error(ErrorKind::unavailable, "not sent");
  error.message += last != nullptr ? "; not retried: " + why : ": " + why;
  error.gave_up = true;
  error.not_sent = last == nullptr;
  return error;
}

}  // namespace

namespace {
thread_local int t_attempt = 1;
}  // namespace

int current_attempt() noexcept {
  return t_attempt;
}

detail::AttemptScope::AttemptScope(int attempt) noexcept : m_previous(t_attempt) {
  t_attempt = attempt;
}

detail::AttemptScope::~AttemptScope() {
  t_attempt = m_previous;
}

void RateGate::hold_until(Clock::time_point until) {
  std::lock_guard lock(m_mutex);
  m_open_at = std::max(m_open_at, until);
}

std::chrono::steady_clock::duration RateGate::remaining(Clock::time_point now) {
  std::lock_guard lock(m_mutex);
  return m_open_at - now;
}

milliseconds backoff_delay(const RetryPolicy& policy, int attempt, const Error& error,
                           double jitter) {
  if (error.retry_after) {
    return milliseconds(
        std::clamp<seconds>(*error.retry_after, seconds(0), seconds(1'000'000'000)));
  }
  // Full jitter (AWS architecture blog): uniform in [0, min(cap, base * 2^attempt)],
  // with a floor of half the base so retries never hammer the server.
  auto ceiling = policy.initial_backoff * (1LL << std::min(attempt - 1, 20));
  ceiling = std::min<milliseconds>(ceiling, policy.max_backoff);
  auto floor = policy.initial_backoff / 2;
  auto span = std::max<std::int64_t>(0, (ceiling - floor).count());
  return floor + milliseconds(static_cast<std::int64_t>(static_cast<double>(span) * jitter));
}

double next_jitter() {
  static std::mutex mutex;
  static std::mt19937_64 engine{std::random_device{}()};
  std::lock_guard lock(mutex);
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

namespace detail {

std::optional<Error> wait_for_gate(const RetryPolicy& policy, RunStop& stop, RateGate& gate,
                                   const Error* last) {
  while (true) {
    if (auto reason = stop.reason()) return not_sent(last, describe(*reason));
    auto left = ceil<milliseconds>(gate.remaining(stop.clock().now()));
    if (left.count() <= 0) return std::nullopt;
    if (left > policy.max_retry_wait) {
      Error error = not_sent(last, too_long_text(ceil<seconds>(left), policy));
      error.kind = ErrorKind::rate_limited;
      error.retry_after = ceil<seconds>(left);
      return error;
    }
    (void)stop.sleep_for(left);  // a stop is reported at the top of the loop
  }
}

std::optional<Error> wait_to_retry(const RetryPolicy& policy, RunStop& stop, RateGate& gate,
                                   int attempt, const Error& error) {
  auto now = stop.clock().now();
  if (error.retry_after && *error.retry_after > policy.max_retry_wait) {
    // Hold the gate anyway: every other request would be refused the same way.
    gate.hold_until(now + std::min<seconds>(*error.retry_after, seconds(1'000'000'000)));
    if (error.kind == ErrorKind::rate_limited) {  // its message already says how long
      return not_sent(&error, "longer than the " + std::to_string(policy.max_retry_wait.count()) +
                                  " s roster waits at most (--max-retry-wait)");
    }
    return not_sent(&error, too_long_text(*error.retry_after, policy));
  }
  auto delay = backoff_delay(policy, attempt, error, next_jitter());
  if (error.retry_after) gate.hold_until(now + delay);
  if (!stop.sleep_for(delay)) return not_sent(&error, describe(*stop.reason()));
  return std::nullopt;
}

}  // namespace detail

}  // namespace roster::core
