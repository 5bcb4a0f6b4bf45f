#pragma once

#include <functional>
#include <optional>
#include <string>

#include "roster/core/result.hpp"

namespace roster::dropbox {

/// How roster authenticates: a fixed access token, or an OAuth2 refresh grant that
/// yields short-lived access tokens. Held only by the Dropbox client; never printed.
struct Credentials {
  std::string access_token;
  std::string refresh_token;
  std::string app_key;
  std::string app_secret;
  /// Where they came from, for messages: "--token-file FILE", "DROPBOX_TOKEN", or
  /// "DROPBOX_REFRESH_TOKEN" (with the app key and secret). Never the value.
  std::string source;
  [[nodiscard]] bool uses_refresh() const noexcept { return !refresh_token.empty(); }
};

/// Picks credentials by precedence: `--token-file`, then DROPBOX_TOKEN, then
/// DROPBOX_REFRESH_TOKEN with DROPBOX_APP_KEY and DROPBOX_APP_SECRET. `getenv`
/// returns "" for unset variables. Errors never contain a token.
[[nodiscard]] core::Result<Credentials> load_credentials(
    const std::function<std::string(const char*)>& getenv,
    const std::optional<std::string>& token_file);

}  // namespace roster::dropbox
