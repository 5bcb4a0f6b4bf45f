#include "manifest_defaults.hpp"

namespace roster::render {

MemberDefaults member_defaults(const std::vector<model::DesiredMember>& members) {
  bool any_active = false, all_roles = true;
  bool any_seat = false, all_limits = true;
  for (const auto& m : members) {
    if (m.state == model::DesiredState::removed) continue;
    any_seat = true;
    all_limits = all_limits && m.space_limit.has_value();
    if (m.state != model::DesiredState::active) continue;
    any_active = true;
    all_roles = all_roles && m.role.has_value();
  }
  MemberDefaults defaults;
  if (any_active && all_roles) defaults.role = model::Role::member_only;
  if (any_seat && all_limits) defaults.space_limit = model::SpaceLimit{true, 0};
  return defaults;
}

bool role_from_defaults(const model::DesiredMember& m, const MemberDefaults& defaults) {
  return defaults.role && m.state == model::DesiredState::active && m.role == defaults.role;
}

bool space_limit_from_defaults(const model::DesiredMember& m, const MemberDefaults& defaults) {
  return defaults.space_limit && m.state != model::DesiredState::removed &&
         m.space_limit == defaults.space_limit;
}

}  // namespace roster::render
