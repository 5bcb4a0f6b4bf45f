#pragma once

#include <span>
#include <string>
#include <string_view>

namespace roster::emulator {

/// A Dropbox-defined admin role (`team.TeamMemberRole`). Ids are stable across runs.
struct RoleInfo {
  std::string_view key;  // seed-file name, e.g. "team_admin"
  std::string_view role_id;
  std::string_view name;
  std::string_view description;
};

/// Every role the emulated team offers, in the order get_available_team_member_roles lists them.
[[nodiscard]] std::span<const RoleInfo> available_roles();

/// The role with this id, or nullptr.
[[nodiscard]] const RoleInfo* find_role_by_id(std::string_view role_id);

/// The role with this seed-file key, or nullptr ("member_only" is no role at all).
[[nodiscard]] const RoleInfo* find_role_by_key(std::string_view key);

/// The id of the "Team admin" role: last-admin rules apply to its holders.
[[nodiscard]] std::string_view team_admin_role_id();

}  // namespace roster::emulator
