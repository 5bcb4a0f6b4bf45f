#pragma once

#include <optional>
#include <vector>

#include "roster/model/desired.hpp"

namespace roster::render {

/// The `defaults` a written manifest declares so that members need not repeat them:
/// `role: member_only` when every active member's role is managed, `space_limit:
/// team_default` when every active or suspended member's is (decision 0025).
struct MemberDefaults {
  std::optional<model::Role> role;
  std::optional<model::SpaceLimit> space_limit;
};
[[nodiscard]] MemberDefaults member_defaults(const std::vector<model::DesiredMember>& members);

/// True when `defaults` leaves the member's role or space limit out: the loader gives
/// it back from defaults (decision 0024: defaults.role for active members, defaults.space_limit
/// for active and suspended ones).
[[nodiscard]] bool role_from_defaults(const model::DesiredMember& member,
                                      const MemberDefaults& defaults);
[[nodiscard]] bool space_limit_from_defaults(const model::DesiredMember& member,
                                             const MemberDefaults& defaults);

}  // namespace roster::render
