#include "role_ids.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "roster/model/roles.hpp"

namespace roster::apply {

core::Result<std::string> role_id_for(const TeamRoles& roles, model::Role role) {
  if (role == model::Role::member_only) return std::string();
  const char* tag = model::to_string(role);
  if (role == model::Role::other_admin) {
    return core::make_error(core::ErrorKind::invalid_input,
                            "other_admin names no role roster can set");
  }
  if (!roles.table) {
    return core::make_error(core::ErrorKind::internal,
                            fmt::format("the team's roles were not read (needed for {})", tag));
  }
  if (!*roles.table) {
    auto error = roles.table->error();
    error.message = fmt::format("cannot read the team's roles to set {}: {}", tag, error.message);
    return error;
  }
  std::vector<std::string> ids;
  for (const auto& offered : **roles.table) {
    if (model::role_from_name(offered.name) != role) continue;
    if (std::find(ids.begin(), ids.end(), offered.role_id) == ids.end())
      ids.push_back(offered.role_id);
  }
  if (ids.size() == 1) return ids.front();
  return core::make_error(
      core::ErrorKind::conflict,
      ids.empty() ? fmt::format("the team does not offer the role {} "
                                "(members/get_available_team_member_roles lists no such role)",
                                tag)
                  : fmt::format("the team lists more than one id for the role {} ({}): roster will "
                                "not guess which to set",
                                tag, fmt::join(ids, ", ")));
}

}  // namespace roster::apply
