#include "roster/core/stop.hpp"

#include <algorithm>

namespace roster::core {

const char* to_string(StopReason reason) noexcept {
  switch (reason) {
    case StopReason::timeout:
      return "timeout";
    case StopReason::interrupted:
      return "interrupted";
    case StopReason::refused:
      return "token_refused";
  }
  return "?";
}

const char* describe(StopReason reason) noexcept {
  switch (reason) {
    case StopReason::timeout:
      return "the run's time limit (--timeout) was reached";
    case StopReason::interrupted:
      return "roster was interrupted";
    case StopReason::refused:
      return "Dropbox refused the token on an earlier step";
  }
  return "?";
}

void RunStop::set_deadline(Clock::time_point deadline) {
  std::lock_guard lock(m_mutex);
  m_deadline = deadline;
}

std::optional<Clock::time_point> RunStop::deadline() const {
  std::lock_guard lock(m_mutex);
  return m_deadline;
}

void RunStop::request(StopReason reason) {
  {
    std::lock_guard lock(m_mutex);
    if (!m_reason) m_reason = reason;
  }
  m_source.request_stop();  // outside the lock: it runs the waiters' wake-up callbacks
}

std::optional<StopReason> RunStop::reason() {
  bool expired = false;
  {
    std::lock_guard lock(m_mutex);
    if (m_reason) return m_reason;
    expired = m_deadline && m_clock.now() >= *m_deadline;
  }
  if (!expired) return std::nullopt;
  request(StopReason::timeout);
  std::lock_guard lock(m_mutex);
  return m_reason;
}

bool RunStop::sleep_for(std::chrono::milliseconds duration) {
  if (reason()) return false;
  duration = std::max(duration, std::chrono::milliseconds(0));
  if (auto until = deadline()) {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(*until - m_clock.now());
    duration = std::clamp(left, std::chrono::milliseconds(0), duration);
  }
  m_clock.sleep_for(duration, token());
  return !reason();
}

}  // namespace roster::core
