#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "store/team_store.hpp"

namespace roster::emulator {

/// Appends `text` as a JSON string literal.
void append_json_string(std::string& out, std::string_view text);

/// Appends `MemberProfile` (with_team_fields = false) or `TeamMemberProfile` as JSON.
/// The one place member profiles are encoded: listing 100,000 members must not build a
/// DOM per member (docs/performance.md), so this writes text directly.
void append_profile(std::string& out, const TeamStore& store, std::size_t index, UnixSeconds now,
                    bool with_team_fields);

/// Appends `TeamMemberInfoV2`; with a non-empty `tag` it is flattened beside ".tag"
/// (as in `MembersGetInfoItemV2.member_info` and `MemberAddV2Result.success`).
void append_member_info_v2(std::string& out, const TeamStore& store, std::size_t index,
                           UnixSeconds now, std::string_view tag = {});

/// Appends `List(TeamMemberRole)` for a role id (empty id: []).
void append_roles(std::string& out, const TeamInfo& info, const std::string& role_id);

}  // namespace roster::emulator
