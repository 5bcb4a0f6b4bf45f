#pragma once

#include <mutex>
#include <string>

#include "dropbox/transport/http_transport.hpp"
#include "roster/core/clock.hpp"
#include "roster/dropbox/credentials.hpp"

namespace roster::dropbox {

/// Hands out the access token to use now. With a refresh grant it asks
/// POST /oauth2/token (form-encoded, REFERENCE §3) for a new one a minute before the
/// current one expires, and when a request was answered 401 expired_access_token.
class TokenSource {
 public:
  TokenSource(Credentials credentials, HttpTransport& transport, core::Clock& clock)
      : m_credentials(std::move(credentials)), m_transport(transport), m_clock(clock) {}

  /// The token for the next request, refreshed first when needed.
  [[nodiscard]] core::Result<std::string> current();
  /// Called after `rejected` got 401 expired_access_token: refreshes once (other threads
  /// that saw the same token reuse the new one). False when no refresh is possible.
  [[nodiscard]] core::Result<bool> refresh_after_expiry(const std::string& rejected);

  /// Replaces every occurrence of a secret in `text` with "<redacted>".
  [[nodiscard]] std::string redact(std::string text) const;

 private:
  core::Result<void> refresh_locked();
  std::string redact_locked(std::string text) const;

  Credentials m_credentials;
  HttpTransport& m_transport;
  core::Clock& m_clock;
  mutable std::mutex m_mutex;
  core::Clock::time_point m_expires_at{};
};

}  // namespace roster::dropbox
