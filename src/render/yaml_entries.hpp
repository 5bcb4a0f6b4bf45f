#pragma once

#include <vector>

#include "manifest_defaults.hpp"
#include "roster/model/desired.hpp"

namespace YAML {
class Emitter;
}

namespace roster::render {

/// `members:` and its list (`[]` when empty), each member writing only what differs
/// from roster's defaults and `defaults`: on one line as a flow mapping when that line
/// fits in 100 columns, as a block mapping otherwise.
void write_members_yaml(YAML::Emitter& out, const std::vector<model::DesiredMember>& members,
                        const MemberDefaults& defaults = {});

/// The `groups:` section (when the team manages groups): each group with its members,
/// `access: owner` written out, `member` left implicit.
void write_groups_yaml(YAML::Emitter& out, const model::DesiredTeam& team);

}  // namespace roster::render
