#pragma once

#include <optional>
#include <string>
#include <vector>

#include "roster/core/result.hpp"
#include "roster/model/observed.hpp"

namespace roster::apply {

/// The team's role table (`members/get_available_team_member_roles`), read once per apply
/// and only when the plan grants or changes a role; shared read-only by every worker.
struct TeamRoles {
  std::optional<core::Result<std::vector<model::TeamRole>>> table;  // nullopt: not read
};

/// The role_id `members/set_admin_permissions_v2` takes for `role`: "" for member_only (an
/// empty `new_roles`), else the one id whose name the team lists for that role. An Error
/// naming the role when the team offers none, or more than one id claims it (roster does
/// not guess), or when the table could not be read.
[[nodiscard]] core::Result<std::string> role_id_for(const TeamRoles& roles, model::Role role);

}  // namespace roster::apply
