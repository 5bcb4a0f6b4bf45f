#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "roster/model/observed.hpp"

namespace roster::model {

/// The Dropbox-defined role a `TeamMemberRole.name` stands for ("Team admin" →
/// team_admin); names roster cannot place are `other_admin`. Only used to find each
/// role's id once per team: members are then judged by the ids they hold.
[[nodiscard]] Role role_from_name(std::string_view name);

/// The role a tag names ("team_admin", ..., "member_only", "other_admin"), as manifests,
/// plan files and the JSON output spell it; nullopt for anything else.
[[nodiscard]] std::optional<Role> role_from_tag(std::string_view tag);

/// True for every role but member_only.
[[nodiscard]] bool is_admin(Role role) noexcept;

/// role_id → Role for one team (decision 0009). Built from the team's role list
/// (`members/get_available_team_member_roles`). An id that more than one name claims, or a
/// Role that more than one id claims, is not trusted: it maps to `other_admin`, so that
/// nobody is counted as a team admin on a guess.
class RoleTable {
 public:
  explicit RoleTable(const std::vector<TeamRole>& roles);

  /// The strongest role among `roles`, judged by role_id only (team_admin wins);
  /// member_only when empty; other_admin for an id the table does not know.
  [[nodiscard]] Role classify(const std::vector<TeamRole>& roles) const;

 private:
  std::unordered_map<std::string, Role> m_by_id;
};

/// Sets every member's `role` from the ids of its `roles` through the team's table:
/// `available_roles` when the team has one, otherwise the (id, name) pairs the members'
/// own entries carry. Members without roles keep the role they were decoded with (v1
/// `AdminTier` listings).
void recognise_roles(ObservedTeam& team);

}  // namespace roster::model
