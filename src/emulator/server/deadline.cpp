#include "server/deadline.hpp"

namespace roster::emulator {

void Deadline::set(std::chrono::milliseconds budget, Shut shut) {
  std::lock_guard lock(m_mutex);
  m_at = Clock::now() + budget;
  m_shut = shut;
}

void Deadline::clear() {
  std::lock_guard lock(m_mutex);
  m_at.reset();
}

std::optional<Deadline::Shut> Deadline::expire(Clock::time_point now) {
  std::lock_guard lock(m_mutex);
  if (!m_at || now < *m_at) return std::nullopt;
  m_at.reset();
  m_expired = true;
  return m_shut;
}

bool Deadline::has_expired() const {
  std::lock_guard lock(m_mutex);
  return m_expired;
}

}  // namespace roster::emulator
