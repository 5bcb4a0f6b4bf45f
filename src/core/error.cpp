#include "roster/core/error.hpp"

namespace roster::core {

bool is_retryable(const Error& error) {
  if (error.gave_up) return false;
  return error.kind == ErrorKind::rate_limited || error.kind == ErrorKind::unavailable;
}

Error make_error(ErrorKind kind, std::string message) {
  Error error;
  error.kind = kind;
  error.message = std::move(message);
  return error;
}

}  // namespace roster::core
