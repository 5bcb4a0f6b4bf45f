#pragma once

#include <string>

#include "roster/core/json.hpp"
#include "roster/core/result.hpp"

namespace roster::dropbox {

/// The three ways HttpTeamApi talks to `/2/team/<route>`, for the code that builds calls on
/// them (access_calls.cpp). Failures are already classified (error_mapping.cpp) and redacted.
class Rpc {
 public:
  virtual ~Rpc() = default;
  /// A write: sent once (plus one resend after refreshing an expired token).
  [[nodiscard]] virtual core::Result<core::json::Value> send(const std::string& route,
                                                             const std::string& body) = 0;
  /// A read: retried on rate limits and unavailability.
  [[nodiscard]] virtual core::Result<core::json::Value> read(const std::string& route,
                                                             const std::string& body) = 0;
  /// Polls the job `launched` names (`async_job_id`) on `route` until it is no longer
  /// in progress, within the bounded wait of other jobs; returns the final answer.
  [[nodiscard]] virtual core::Result<core::json::Value> poll(const std::string& route,
                                                             const core::json::Value& launched) = 0;
};

}  // namespace roster::dropbox
