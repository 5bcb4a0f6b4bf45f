#pragma once

#include <string_view>
#include <vector>

#include "store/team_state.hpp"

namespace roster::emulator {

/// The roles a team offers when nothing else says (no seed, or a seed without roles):
/// Dropbox's admin roles with the emulator's stable ids, in listing order.
[[nodiscard]] std::vector<RoleInfo> default_roles();

/// The team's role with this id, or nullptr.
[[nodiscard]] const RoleInfo* find_role_by_id(const TeamInfo& info, std::string_view role_id);

/// The team's role with this seed-file key, or nullptr ("member_only" is no role at all).
[[nodiscard]] const RoleInfo* find_role_by_key(const TeamInfo& info, std::string_view key);

/// True when the team's roles are the default ones (state files then leave them out).
[[nodiscard]] bool has_default_roles(const TeamInfo& info);

}  // namespace roster::emulator
