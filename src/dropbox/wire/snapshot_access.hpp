#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "roster/core/json.hpp"
#include "roster/dropbox/member_codec.hpp"
#include "roster/model/observed.hpp"

namespace roster::dropbox {

/// The access facts a snapshot may carry beside its members (issue 9; docs/cli.md), each as
/// Dropbox answers the route, pages concatenated:
/// - `groups`: `[GroupSummary, ...]` (groups/list `groups`);
/// - `group_members`: `{group_id: [GroupMemberInfo, ...]}` (groups/members/list `members`
///   of that group), for some or all of the listed groups;
/// - `custom_quotas`: `[CustomQuotaResult, ...]` (member_space_limits/get_custom_quota),
///   one per live member; a live member without one has no custom quota;
/// - `quota_excluded`: `[MemberProfile, ...]` (excluded_users/list `users`).
class SnapshotAccess {
 public:
  [[nodiscard]] static bool is_access_key(const std::string& key);
  /// Decodes one of the keys above; false with a located error when it is malformed.
  bool decode(const std::string& key, const core::json::Value& value, DecodeError& error);
  /// Puts what was read into `team` once every key is known: false with a located error
  /// when `group_members` names a group `groups` does not list, or `custom_quotas` a member
  /// the snapshot does not have.
  bool apply(model::ObservedTeam& team, DecodeError& error);

 private:
  struct Quota {
    std::string selector_tag;  // team_member_id or email
    std::string selector;
    std::optional<std::uint32_t> gb;
    std::uint32_t offset = 0;
  };
  struct Members {
    std::string group_id;
    std::vector<model::ObservedGroupMember> members;
    std::uint32_t offset = 0;
  };
  bool decode_groups(const core::json::Value& value, DecodeError& error);
  bool decode_group_members(const core::json::Value& value, DecodeError& error);
  bool decode_quotas(const core::json::Value& value, DecodeError& error);
  bool decode_excluded(const core::json::Value& value, DecodeError& error);

  std::optional<std::vector<model::ObservedGroup>> m_groups;
  std::vector<Members> m_group_members;
  std::optional<std::vector<Quota>> m_quotas;
  std::vector<std::string> m_excluded;
};

}  // namespace roster::dropbox
