#include "server/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace roster::emulator {

std::optional<std::uint32_t> RateLimiter::admit(double now_seconds) {
  std::lock_guard lock(m_mutex);
  const double capacity = std::max(1.0, m_rate);
  if (m_last >= 0) m_tokens = std::min(capacity, m_tokens + (now_seconds - m_last) * m_rate);
  m_last = now_seconds;
  if (m_tokens >= 1.0) {
    m_tokens -= 1.0;
    return std::nullopt;
  }
  const double wait = (1.0 - m_tokens) / m_rate;
  return static_cast<std::uint32_t>(std::max(1.0, std::ceil(wait)));
}

}  // namespace roster::emulator
