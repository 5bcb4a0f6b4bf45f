#pragma once

#include <string_view>

#include "routes/token_registry.hpp"
#include "server/http_types.hpp"

namespace roster::emulator {

/// `POST /oauth2/token` with the refresh grant (REFERENCE §3). Parameters come from a
/// form-encoded body or the query string (the JavaScript SDK uses the latter); the app
/// key and secret may also come as HTTP Basic credentials. Errors are OAuth-style 400s.
[[nodiscard]] HttpResponse handle_oauth_token(TokenRegistry& tokens, const HttpRequest& request,
                                              std::string_view query, UnixSeconds now);

}  // namespace roster::emulator
