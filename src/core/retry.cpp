#include "roster/core/retry.hpp"

#include <algorithm>
#include <random>

namespace roster::core {

void RateGate::hold_until(Clock::time_point until) {
  std::lock_guard lock(m_mutex);
  m_open_at = std::max(m_open_at, until);
}

void RateGate::wait(Clock& clock) {
  Clock::time_point open_at;
  {
    std::lock_guard lock(m_mutex);
    open_at = m_open_at;
  }
  auto now = clock.now();
  if (open_at > now) {
    clock.sleep_for(std::chrono::ceil<std::chrono::milliseconds>(open_at - now));
  }
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int attempt, const Error& error,
                                        double jitter) {
  if (error.retry_after) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(*error.retry_after);
  }
  // Full jitter (AWS architecture blog): uniform in [0, min(cap, base * 2^attempt)],
  // with a floor of half the base so retries never hammer the server.
  auto ceiling = policy.initial_backoff * (1LL << std::min(attempt - 1, 20));
  ceiling = std::min<std::chrono::milliseconds>(ceiling, policy.max_backoff);
  auto floor = policy.initial_backoff / 2;
  auto span = std::max<std::int64_t>(0, (ceiling - floor).count());
  return floor +
         std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(span) * jitter));
}

double next_jitter() {
  static std::mutex mutex;
  static std::mt19937_64 engine{std::random_device{}()};
  std::lock_guard lock(mutex);
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace roster::core
