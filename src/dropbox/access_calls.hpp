#pragma once

#include "dropbox/rpc.hpp"
#include "roster/dropbox/team_api.hpp"

namespace roster::dropbox {

/// The access calls of TeamApi (issue 9), written once over an Rpc: HttpTeamApi derives
/// from this and supplies rpc(). Lists are read page by page to the end; writes are sent
/// once; per-item answers come back in the order asked (decision 0027).
class AccessCalls : public TeamApi {
 public:
  core::Result<void> set_role(const UserRef& user, const std::string& role_id) override;
  core::Result<std::vector<model::ObservedGroup>> list_groups() override;
  core::Result<std::vector<model::ObservedGroupMember>> list_group_members(
      const std::string& group_id) override;
  core::Result<std::string> create_group(const NewGroup& group) override;
  core::Result<void> update_group(const std::string& group_id, const GroupUpdate& update) override;
  core::Result<void> delete_group(const std::string& group_id) override;
  core::Result<void> add_group_members(const std::string& group_id,
                                       const std::vector<GroupMemberAccess>& members) override;
  core::Result<void> remove_group_members(const std::string& group_id,
                                          const std::vector<UserRef>& users) override;
  core::Result<void> set_group_access(const std::string& group_id, const UserRef& user,
                                      model::GroupAccess access) override;
  core::Result<std::vector<ItemOutcome>> add_secondary_emails(
      const std::vector<MemberEmails>& batch) override;
  core::Result<std::vector<ItemOutcome>> delete_secondary_emails(
      const std::vector<MemberEmails>& batch) override;
  core::Result<std::vector<std::optional<std::uint32_t>>> get_custom_quotas(
      const std::vector<UserRef>& users) override;
  core::Result<std::vector<ItemOutcome>> set_custom_quotas(
      const std::vector<MemberQuota>& quotas) override;
  core::Result<std::vector<ItemOutcome>> remove_custom_quotas(
      const std::vector<UserRef>& users) override;
  core::Result<std::vector<std::string>> list_quota_excluded() override;

 protected:
  /// How the calls reach Dropbox.
  virtual Rpc& rpc() = 0;
};

}  // namespace roster::dropbox
