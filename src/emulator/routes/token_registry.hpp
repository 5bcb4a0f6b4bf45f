#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/team_state.hpp"

namespace roster::emulator {

/// The app credentials and refresh token the OAuth2 refresh grant accepts.
struct OAuthSettings {
  std::string app_key = "roster-emulator-app-key";
  std::string app_secret = "roster-emulator-app-secret";
  std::string refresh_token = "roster-emulator-refresh-token";
  std::int64_t token_lifetime_seconds = 14400;  // Dropbox: 4 hours
};

/// Which bearer tokens the API accepts: the fixed `--token` (never expires) and the
/// short-lived tokens issued by `POST /oauth2/token`. Thread-safe.
class TokenRegistry {
 public:
  enum class Verdict { valid, invalid, expired };

  TokenRegistry(std::string static_token, OAuthSettings settings);

  [[nodiscard]] Verdict check(std::string_view token, UnixSeconds now) const;
  /// A new access token valid for settings().token_lifetime_seconds from `now`.
  [[nodiscard]] std::string issue(UnixSeconds now);
  [[nodiscard]] const OAuthSettings& settings() const noexcept { return m_settings; }

 private:
  std::string m_static_token;
  OAuthSettings m_settings;
  mutable std::mutex m_mutex;
  std::unordered_map<std::string, UnixSeconds> m_expiry;
  std::uint64_t m_issued = 0;
};

}  // namespace roster::emulator
