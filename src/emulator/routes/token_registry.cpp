#include "routes/token_registry.hpp"

#include <random>

#include "store/ids.hpp"

namespace roster::emulator {

TokenRegistry::TokenRegistry(std::string static_token, OAuthSettings settings)
    : m_static_token(std::move(static_token)), m_settings(std::move(settings)) {}

TokenRegistry::Verdict TokenRegistry::check(std::string_view token, UnixSeconds now) const {
  if (!m_static_token.empty() && token == m_static_token) return Verdict::valid;
  std::lock_guard lock(m_mutex);
  const auto it = m_expiry.find(std::string(token));
  if (it == m_expiry.end()) return Verdict::invalid;
  return now < it->second ? Verdict::valid : Verdict::expired;
}

std::string TokenRegistry::issue(UnixSeconds now) {
  std::lock_guard lock(m_mutex);
  // Unpredictable across restarts so an old token never becomes valid again.
  static thread_local std::mt19937_64 random{std::random_device{}()};
  auto token = "sl.emu." + make_request_id(random()) + make_request_id(++m_issued);
  m_expiry[token] = now + m_settings.token_lifetime_seconds;
  return token;
}

}  // namespace roster::emulator
