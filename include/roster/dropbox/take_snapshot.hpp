#pragma once

#include <cstddef>
#include <string>

#include "roster/core/json.hpp"
#include "roster/core/result.hpp"

namespace roster::dropbox {

/// Reads of `/2/team/<route>` whose answers stay as Dropbox sent them (already redacted of
/// secrets, retried on rate limits and unavailability): what a snapshot is made of.
/// HttpTeamApi is one (make_http_wire_reads in http_team_api.hpp).
class WireReads {
 public:
  virtual ~WireReads() = default;
  [[nodiscard]] virtual core::Result<core::json::Value> read(const std::string& route,
                                                             const std::string& body) = 0;
};

/// The snapshot_format a snapshot carries, and the only one read_snapshot accepts.
inline constexpr int k_snapshot_format = 1;

/// A snapshot document, and how many member records it holds.
struct TakenSnapshot {
  std::string text;
  std::size_t members = 0;
};

/// Reads the live team and returns it as a snapshot document (docs/cli.md, `roster
/// snapshot`): `snapshot_format`, `taken_at` (as given, "YYYY-MM-DDTHH:MM:SSZ"), then each
/// answer as Dropbox sent it, unknown fields kept: `team_info`, `authenticated_admin`,
/// `available_roles`, `members` (every members/list_v2 page, removed members included),
/// `groups`, `group_members` (every group that is not system_managed), `custom_quotas`
/// (every live member) and `quota_excluded`. One member per line. Fails as a whole when any
/// read fails or an answer is not the route's shape; holds no secret (the reads redact).
[[nodiscard]] core::Result<TakenSnapshot> take_snapshot(WireReads& reads,
                                                        const std::string& taken_at);

}  // namespace roster::dropbox
