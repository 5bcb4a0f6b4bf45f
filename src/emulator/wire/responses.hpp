#pragma once

#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "server/http_types.hpp"
#include "store/team_store.hpp"

namespace roster::emulator {

inline constexpr std::string_view k_json_type = "application/json";
inline constexpr std::string_view k_text_type = "text/plain; charset=utf-8";

/// 200 with the JSON body (a Void result is `nullptr`, sent as `null`).
[[nodiscard]] HttpResponse json_response(const nlohmann::json& body, int status = 200);

/// 400 plain text: `Error in call to API function "<route>": <detail>`.
[[nodiscard]] HttpResponse bad_request(std::string_view route, std::string_view detail);

/// 409 `{"error_summary": "<tag>/..", "error": {".tag": <tag>, ...}}`.
[[nodiscard]] HttpResponse route_error(const ApiError& error);

/// 401 `{"error_summary": "<tag>/..", "error": {".tag": <tag>}}`.
[[nodiscard]] HttpResponse auth_error(std::string_view tag);

/// 401 `{"error_summary": "missing_scope/..", "error": {".tag": "missing_scope",
/// "required_scope": <scope>}}` (auth.AuthError, TokenScopeError flattened).
[[nodiscard]] HttpResponse missing_scope(std::string_view scope);

/// 429 with Retry-After and an `auth.RateLimitError` body.
[[nodiscard]] HttpResponse too_many_requests(std::uint32_t retry_after_seconds);

/// `{".tag": tag}`: how servers emit a void union member.
[[nodiscard]] nlohmann::json tag_only(std::string_view tag);

/// The JSON of a route error value, also used inside per-item results.
[[nodiscard]] nlohmann::json error_json(const ApiError& error);

}  // namespace roster::emulator
