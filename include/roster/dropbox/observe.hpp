#pragma once

#include <optional>
#include <string>
#include <vector>

#include "roster/core/result.hpp"
#include "roster/dropbox/team_api.hpp"
#include "roster/model/observed.hpp"

namespace roster::dropbox {

/// A group whose members (with their access) are worth reading: a group matches when its
/// id equals a non-empty `group_id` (a saved plan's step), its external id equals a
/// non-empty `external_id`, or its name equals `name` ignoring case (Dropbox refuses two
/// names that differ only by case).
struct GroupKey {
  std::string name;
  std::optional<std::string> external_id;
  std::string group_id;
};

/// What to read beyond the members (decision 0023, "Observing"). Roles, group ids and
/// secondary emails come with members/list_v2 at no extra cost; the rest costs calls, so it
/// is read only when the plan needs it.
struct ObserveOptions {
  /// `groups/list` (+continue): the manifest declares a `groups:` section.
  bool groups = false;
  /// `groups/members/list` for the existing groups these keys match (needs `groups`).
  std::vector<GroupKey> members_of;
  /// `groups/members/list` for every group that is not system_managed (export).
  bool all_group_members = false;
  /// `member_space_limits/get_custom_quota` for every live member (1,000 a call) and
  /// `excluded_users/list`: some member's space limit is managed.
  bool quotas = false;

  /// Everything: groups with their members, quotas (export).
  [[nodiscard]] static ObserveOptions everything();
};

/// Reads the live team: team/get_info (name, id), the token's admin, the team's roles,
/// every members/list_v2 page with removed members, then what `options` asks for. If any
/// read fails (after retries), the whole read fails: no plan is ever made from part of a
/// team.
[[nodiscard]] core::Result<model::ObservedTeam> observe_team(TeamApi& api,
                                                             const ObserveOptions& options = {});

}  // namespace roster::dropbox
