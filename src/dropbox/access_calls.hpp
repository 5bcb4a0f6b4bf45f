#pragma once

#include "roster/dropbox/team_api.hpp"
#include "rpc.hpp"

namespace roster::dropbox {

/// The access calls of TeamApi (issue 9) over an Rpc: HttpTeamApi forwards to these.
/// Lists are read page by page to the end; writes are sent once; per-item answers come
/// back in the order asked.
class AccessCalls {
 public:
  explicit AccessCalls(Rpc& rpc) : m_rpc(rpc) {}

  core::Result<void> set_role(const UserRef& user, const std::string& role_id);
  core::Result<std::vector<model::ObservedGroup>> list_groups();
  core::Result<std::vector<model::ObservedGroupMember>> list_group_members(
      const std::string& group_id);
  core::Result<std::string> create_group(const NewGroup& group);
  core::Result<void> update_group(const std::string& group_id, const GroupUpdate& update);
  core::Result<void> delete_group(const std::string& group_id);
  core::Result<void> add_group_members(const std::string& group_id,
                                       const std::vector<GroupMemberAccess>& members);
  core::Result<void> remove_group_members(const std::string& group_id,
                                          const std::vector<UserRef>& users);
  core::Result<void> set_group_access(const std::string& group_id, const UserRef& user,
                                      model::GroupAccess access);
  core::Result<std::vector<ItemOutcome>> add_secondary_emails(
      const std::vector<MemberEmails>& batch);
  core::Result<std::vector<ItemOutcome>> delete_secondary_emails(
      const std::vector<MemberEmails>& batch);
  core::Result<std::vector<std::optional<std::uint32_t>>> get_custom_quotas(
      const std::vector<UserRef>& users);
  core::Result<std::vector<ItemOutcome>> set_custom_quotas(const std::vector<MemberQuota>& quotas);
  core::Result<std::vector<ItemOutcome>> remove_custom_quotas(const std::vector<UserRef>& users);
  core::Result<std::vector<std::string>> list_quota_excluded();

 private:
  Rpc& m_rpc;
};

}  // namespace roster::dropbox
