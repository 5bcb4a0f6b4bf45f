#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "roster/model/desired.hpp"

namespace roster::render {

/// `text` as a YAML double-quoted scalar that libyaml reads back byte for byte: JSON
/// escapes plus DEL, C1 controls, NEL, U+2028/U+2029 and U+FEFF, which YAML would
/// otherwise treat as line breaks or drop.
[[nodiscard]] std::string yaml_quote(std::string_view text);

/// `# header` lines (one per line of `header`).
void write_yaml_header(const std::string& header, std::ostream& out);

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

/// One `members:` entry, writing only what differs from roster's defaults and `defaults`.
void write_member_yaml(const model::DesiredMember& member, std::ostream& out,
                       const MemberDefaults& defaults = {});

/// The `groups:` section (when the team manages groups): each group with its members,
/// `access: owner` written out, `member` left implicit.
void write_groups_yaml(const model::DesiredTeam& team, std::ostream& out);

}  // namespace roster::render
