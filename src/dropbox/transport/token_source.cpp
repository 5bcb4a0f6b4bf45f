#include "dropbox/transport/token_source.hpp"

#include <cctype>

#include "dropbox/wire/error_mapping.hpp"
#include "roster/core/json.hpp"
#include "roster/core/json_fields.hpp"

namespace roster::dropbox {

namespace {

constexpr auto k_refresh_margin = std::chrono::seconds(60);
// Dropbox's tokens live 4 hours; a year is far beyond any real answer.
constexpr auto k_max_token_lifetime = std::chrono::seconds(365 * 24 * 3600);

std::string form_encode(const std::string& value) {
  static const char* k_hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : value) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 15];
    }
  }
  return out;
}

}  // namespace

core::Result<std::string> TokenSource::current() {
  std::lock_guard lock(m_mutex);
  if (m_credentials.uses_refresh() &&
      (m_credentials.access_token.empty() || m_clock.now() + k_refresh_margin >= m_expires_at)) {
    if (auto refreshed = refresh_locked(); !refreshed) return refreshed.error();
  }
  return m_credentials.access_token;
}

core::Result<bool> TokenSource::refresh_after_expiry(const std::string& rejected) {
  std::lock_guard lock(m_mutex);
  if (!m_credentials.uses_refresh()) return false;
  if (m_credentials.access_token != rejected) return true;  // another thread refreshed
  if (auto refreshed = refresh_locked(); !refreshed) return refreshed.error();
  return true;
}

core::Result<void> TokenSource::refresh_locked() {
  std::string body =
      "grant_type=refresh_token&refresh_token=" + form_encode(m_credentials.refresh_token) +
      "&client_id=" + form_encode(m_credentials.app_key) +
      "&client_secret=" + form_encode(m_credentials.app_secret);
  auto response = m_transport.post("/oauth2/token", body, "application/x-www-form-urlencoded", {},
                                   Connection::pooled);  // a second grant is harmless
  if (!response) {
    return core::make_error(response.error().kind, redact_locked(response.error().message));
  }
  if (response->status != 200) {
    // The endpoint may quote the form it got (refresh token, app secret) in its error.
    std::string tag = error_tag(redact_locked(response->body));
    auto kind =
        response->status >= 500 ? core::ErrorKind::unavailable : core::ErrorKind::unauthorized;
    core::Error error = core::make_error(
        kind, "the OAuth2 refresh was refused (" + std::to_string(response->status) + " " +
                  (tag.empty() ? std::string("no error tag") : tag) +
                  "): check DROPBOX_REFRESH_TOKEN, DROPBOX_APP_KEY and DROPBOX_APP_SECRET");
    error.http_status = response->status;
    error.api_tag = tag;
    return error;
  }
  core::json::Value value;
  std::string parse_error;
  const core::json::Value* token = nullptr;
  if (core::json::parse(response->body, value, parse_error)) token = value.find("access_token");
  if (token == nullptr || !token->is_string() || token->as_string().empty()) {
    return core::make_error(core::ErrorKind::internal,
                            "the OAuth2 refresh answer has no access_token");
  }
  m_credentials.access_token = token->as_string();
  auto lifetime = std::chrono::seconds(14400);
  if (const auto* expires = value.find("expires_in"); expires != nullptr) {
    auto seconds = core::json::to_integer(*expires, 0, k_max_token_lifetime.count());
    if (!seconds) {
      return core::make_error(core::ErrorKind::internal,
                              "the OAuth2 refresh answer has an invalid expires_in (expected "
                              "whole seconds from 0 to " +
                                  std::to_string(k_max_token_lifetime.count()) + ")");
    }
    lifetime = std::chrono::seconds(*seconds);
  }
  m_expires_at = m_clock.now() + lifetime;
  return {};
}

std::string TokenSource::redact(std::string text) const {
  std::lock_guard lock(m_mutex);
  return redact_locked(std::move(text));
}

std::string TokenSource::redact_locked(std::string text) const {
  for (const std::string* secret :
       {&m_credentials.access_token, &m_credentials.refresh_token, &m_credentials.app_secret}) {
    if (secret->size() < 4) continue;
    for (auto at = text.find(*secret); at != std::string::npos; at = text.find(*secret, at)) {
      text.replace(at, secret->size(), "<redacted>");
    }
  }
  return text;
}

}  // namespace roster::dropbox
