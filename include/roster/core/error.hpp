#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace roster::core {

/// What went wrong, classified once where it was raised (only `dropbox/` maps HTTP).
enum class ErrorKind {
  invalid_input,  // bad file, bad argument, HTTP 400
  unauthorized,   // missing or rejected token (401)
  forbidden,      // 403
  not_found,
  conflict,      // 409 route error: `api_tag` holds the Dropbox error tag
  rate_limited,  // 429: `retry_after` is set
  unavailable,   // 5xx, timeout, dropped connection, unreachable host
  internal,
};

/// An expected runtime failure. `message` is one line for humans and never holds a token.
struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;
  std::optional<int> http_status;
  std::optional<std::chrono::seconds> retry_after;
  std::string api_tag;
  /// Set when roster gave up waiting (a Retry-After past --max-retry-wait, or the run
  /// stopped): retrying this call again, at any level, would not help.
  bool gave_up = false;
  /// Set when the request never left roster (the run stopped, or a Retry-After was too
  /// long before it was sent): the call certainly had no effect.
  bool not_sent = false;
};

/// True for failures worth retrying with backoff: rate limits and unavailability, unless
/// roster already gave up on them.
[[nodiscard]] bool is_retryable(const Error& error);

[[nodiscard]] Error make_error(ErrorKind kind, std::string message);

}  // namespace roster::core
