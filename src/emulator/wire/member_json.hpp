#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>

#include "store/team_store.hpp"

namespace roster::emulator {

/// `TeamMemberProfile`: MemberProfile + groups, member_folder_id, root_folder_id.
[[nodiscard]] nlohmann::json team_member_profile_json(const TeamStore& store, std::size_t index,
                                                      UnixSeconds now);

/// `TeamMemberInfoV2`: {profile, roles}; roles is [] for a plain member.
[[nodiscard]] nlohmann::json member_info_v2_json(const TeamStore& store, std::size_t index,
                                                 UnixSeconds now);

/// `List(TeamMemberRole)` for a role id (empty id: []).
[[nodiscard]] nlohmann::json roles_json(const TeamInfo& info, const std::string& role_id);

/// `team_common.GroupSummary`.
[[nodiscard]] nlohmann::json group_summary_json(const Group& group);

/// `GroupFullInfo`, with `members` only when asked for (never for system-managed groups).
[[nodiscard]] nlohmann::json group_full_info_json(const TeamStore& store, std::size_t group,
                                                  bool with_members, UnixSeconds now);

/// `UserSelectorArg` as given in a request, echoed in per-user results.
[[nodiscard]] nlohmann::json user_selector_json(const UserSelector& user);

/// `GroupMemberInfo`: {profile: MemberProfile, access_type}.
[[nodiscard]] nlohmann::json group_member_info_json(const TeamStore& store,
                                                    const GroupMember& entry, UnixSeconds now);

[[nodiscard]] const char* status_tag(MemberStatus status);
[[nodiscard]] const char* management_tag(GroupManagement management);
[[nodiscard]] const char* access_tag(GroupAccess access);

}  // namespace roster::emulator
