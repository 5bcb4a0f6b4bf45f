#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roster/model/group.hpp"

namespace roster::model {

/// `TeamMemberStatus` as Dropbox reports it.
enum class MemberStatus { active, invited, suspended, removed };

/// The admin role a member holds, from `TeamMemberInfoV2.roles`, recognised by role_id
/// through the team's role table (model/roles.hpp): the Dropbox-defined roles of
/// `members/get_available_team_member_roles`. `other_admin`: an admin role roster cannot
/// name, or a role_id the table does not know; never declared in a manifest.
enum class Role {
  member_only,
  team_admin,
  user_management_admin,
  support_admin,
  billing_admin,
  content_admin,
  security_admin,
  compliance_admin,
  reporting_admin,
  other_admin,
};

/// One `TeamMemberRole`: in a member's `roles`, or in the team's role list
/// (`members/get_available_team_member_roles`).
struct TeamRole {
  std::string role_id;
  std::string name;
};

/// `secondary_emails.SecondaryEmail`.
struct SecondaryEmail {
  std::string email;  // normalised
  bool is_verified = false;
};

/// Seconds since the Unix epoch (UTC).
using Timestamp = std::int64_t;

/// One member as the live team (or a saved listing of it) reports it.
struct ObservedMember {
  std::string team_member_id;
  std::string email;  // normalised
  std::string given_name;
  std::string surname;
  std::optional<std::string> external_id;
  MemberStatus status = MemberStatus::active;
  bool is_recoverable = false;   // removed only
  bool is_disconnected = false;  // removed only: converted to a Basic account
  Role role = Role::member_only;
  /// `TeamMemberInfoV2.roles`, as listed; `role` is derived from their ids.
  std::vector<TeamRole> roles;
  std::optional<Timestamp> invited_on;
  std::optional<Timestamp> joined_on;
  std::optional<Timestamp> suspended_on;
  /// `TeamMemberProfile.groups`: the ids of the groups the member belongs to.
  std::vector<std::string> group_ids;
  std::vector<SecondaryEmail> secondary_emails;
  /// The custom quota in GB; nullopt: none (the team default), or not read (see
  /// ObservedTeam::quotas_read).
  std::optional<std::uint32_t> custom_quota_gb;
};

/// One member of a group with its access (`GroupMemberInfo`).
struct ObservedGroupMember {
  std::string team_member_id;
  std::string email;  // normalised
  GroupAccess access = GroupAccess::member;
};

/// One group of `groups/list` (`GroupSummary`); its members with their access are read
/// (`groups/members/list`) only for the groups a manifest manages.
struct ObservedGroup {
  std::string group_id;
  std::string name;
  std::optional<std::string> external_id;
  GroupManagement management = GroupManagement::company_managed;
  std::optional<std::uint32_t> member_count;
  std::optional<std::vector<ObservedGroupMember>> members;  // nullopt: not read
};

/// The license counts of `team/get_info` (TeamGetInfoResult), as the team reported them.
struct LicenseCounts {
  std::uint32_t licensed = 0;     // num_licensed_users: licenses the team has
  std::uint32_t provisioned = 0;  // num_provisioned_users: accounts invited or active
  std::uint32_t used = 0;         // num_used_licenses (0 when Dropbox omits it)
};

/// The live team. Team identity and the token's admin are known when read live, or from a
/// snapshot that recorded them.
struct ObservedTeam {
  std::optional<std::string> team_name;
  std::optional<std::string> team_id;
  /// nullopt when unknown (a snapshot without `team_info`): the plan then says nothing about
  /// licenses (decision 0037).
  std::optional<LicenseCounts> licenses;
  std::optional<std::string> authenticated_admin_email;  // normalised
  std::optional<std::string> authenticated_admin_id;     // its team_member_id
  /// The team's role list; empty when unknown (then the members' own entries stand in).
  std::vector<TeamRole> available_roles;
  std::vector<ObservedMember> members;
  /// `groups/list`; empty and `groups_read` false when the team's groups were not read.
  std::vector<ObservedGroup> groups;
  bool groups_read = false;
  /// Custom quotas were read (`member_space_limits/get_custom_quota`): members'
  /// `custom_quota_gb` is meaningful.
  bool quotas_read = false;
  /// `member_space_limits/excluded_users/list` (team_member_ids), when quotas were read.
  std::vector<std::string> quota_excluded_ids;
};

/// True for members who hold a seat now: active, invited or suspended.
[[nodiscard]] bool is_live(const ObservedMember& member) noexcept;

/// True when `members/recover` can restore the member (removed, recoverable, not converted).
[[nodiscard]] bool is_recoverable(const ObservedMember& member) noexcept;

[[nodiscard]] const char* to_string(MemberStatus status) noexcept;
[[nodiscard]] std::optional<MemberStatus> member_status_from_string(std::string_view text);
[[nodiscard]] const char* to_string(Role role) noexcept;

/// Parses `YYYY-MM-DDTHH:MM:SSZ` (Dropbox timestamps): exactly that shape, a real
/// calendar date (no 2026-02-31) and a time from 00:00:00 to 23:59:59; nullopt otherwise.
[[nodiscard]] std::optional<Timestamp> parse_timestamp(std::string_view text);
/// Formats as `YYYY-MM-DDTHH:MM:SSZ`. `t` must lie in the years 0000-9999 (every value
/// parse_timestamp returns does); outside them it throws std::logic_error.
[[nodiscard]] std::string format_timestamp(Timestamp t);
/// The UTC day of `t` as `YYYY-MM-DD`; the same range as format_timestamp.
[[nodiscard]] std::string format_date(Timestamp t);
inline constexpr Timestamp k_seconds_per_day = 86400;

}  // namespace roster::model
