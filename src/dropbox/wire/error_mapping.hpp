#pragma once

#include <string>

#include "dropbox/transport/http_transport.hpp"
#include "roster/core/error.hpp"

namespace roster::dropbox {

/// Classifies a non-200 answer of an API route (REFERENCE §2), once, for everyone:
/// 400 invalid_input, 401 unauthorized (api_tag = AuthError tag), 403 forbidden,
/// 409 conflict (api_tag = the route error's tag), 429 rate_limited (retry_after),
/// 5xx unavailable.
[[nodiscard]] core::Error classify_response(const std::string& route, const HttpResponse& response);

/// The `.tag` of the `error` member of a Dropbox JSON error body, or "".
[[nodiscard]] std::string error_tag(const std::string& body);

}  // namespace roster::dropbox
