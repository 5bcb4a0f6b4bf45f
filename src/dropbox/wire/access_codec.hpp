#pragma once

#include <string>
#include <vector>

#include "roster/dropbox/team_api.hpp"

namespace roster::dropbox {

/// JSON argument bodies of the access routes (REFERENCE §6.11, §6.14, §6.15, §7;
/// team.stone), exactly as Stone encodes them: members chosen by `UserSelectorArg`
/// (team_member_id, or email for a member just invited), groups by `GroupSelector`
/// group_id, void union members as `{".tag": ...}`. Every route that takes
/// `return_members` gets `false`: answers stay small, whatever the group's size.
[[nodiscard]] std::string encode_set_role(const UserRef& user, const std::string& role_id);
[[nodiscard]] std::string encode_groups_list();
[[nodiscard]] std::string encode_group_members_list(const std::string& group_id);
[[nodiscard]] std::string encode_group_create(const NewGroup& group);
[[nodiscard]] std::string encode_group_update(const std::string& group_id,
                                              const GroupUpdate& update);
/// `groups/delete` takes the bare `GroupSelector` union.
[[nodiscard]] std::string encode_group_selector(const std::string& group_id);
[[nodiscard]] std::string encode_group_members_add(const std::string& group_id,
                                                   const std::vector<GroupMemberAccess>& members);
[[nodiscard]] std::string encode_group_members_remove(const std::string& group_id,
                                                      const std::vector<UserRef>& users);
[[nodiscard]] std::string encode_group_set_access(const std::string& group_id, const UserRef& user,
                                                  model::GroupAccess access);
/// `AddSecondaryEmailsArg` (`new_secondary_emails`) or `DeleteSecondaryEmailsArg`
/// (`emails_to_delete`): the same `UserSecondaryEmailsArg` list under another key.
[[nodiscard]] std::string encode_secondary_emails(const char* list_key,
                                                  const std::vector<MemberEmails>& batch);
/// `CustomQuotaUsersArg` (get and remove custom quota).
[[nodiscard]] std::string encode_quota_users(const std::vector<UserRef>& users);
[[nodiscard]] std::string encode_set_quotas(const std::vector<MemberQuota>& quotas);
[[nodiscard]] std::string encode_excluded_list();

}  // namespace roster::dropbox
