#pragma once

#include <optional>
#include <string>

#include "roster/core/json.hpp"
#include "roster/dropbox/member_codec.hpp"
#include "roster/model/observed.hpp"

namespace roster::dropbox {

/// Decoders of the group answers roster reads (REFERENCE §7), shared by the HTTP client and
/// the snapshot reader. Unknown keys are ignored; a missing required field or a wrong type
/// is an error located at the offending value. `path` prefixes messages, e.g. "groups[2]".

/// One `GroupSummary` (groups/list) or `GroupFullInfo` (groups/create, groups/update, whose
/// extra `members` and `created` are not read): `members` is left unread (nullopt).
/// `group_management_type` is an open union: a tag roster does not know is read as
/// system_managed, so that roster never touches a group it cannot classify.
[[nodiscard]] std::optional<model::ObservedGroup> decode_group_summary(
    const core::json::Value& value, const std::string& path, DecodeError& error);

/// One `GroupMemberInfo` (groups/members/list): `profile` (a MemberProfile: its
/// team_member_id and email) and `access_type` (member or owner; a closed union).
[[nodiscard]] std::optional<model::ObservedGroupMember> decode_group_member(
    const core::json::Value& value, const std::string& path, DecodeError& error);

}  // namespace roster::dropbox
