#pragma once

#include <cstdint>
#include <mutex>
#include <optional>

namespace roster::emulator {

/// A token bucket: `rate` requests per second with bursts of up to `rate` (at least 1).
/// Thread-safe. Times are seconds on a monotonic clock, passed in by the caller.
class RateLimiter {
 public:
  explicit RateLimiter(double rate) : m_rate(rate), m_tokens(rate < 1 ? 1 : rate) {}

  /// nullopt when the request may proceed, else the whole seconds to wait (Retry-After).
  std::optional<std::uint32_t> admit(double now_seconds);

 private:
  std::mutex m_mutex;
  double m_rate;
  double m_tokens;
  double m_last = -1;
};

}  // namespace roster::emulator
