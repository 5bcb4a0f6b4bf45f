#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace roster::emulator {

/// Wall-clock time as Unix seconds, already shifted by the emulator's clock offset.
using UnixSeconds = std::int64_t;

/// The 7-day window in which a removed member can still be recovered (team.stone, members/remove).
inline constexpr UnixSeconds k_recovery_window_seconds = 7 * 24 * 3600;

/// How far POST /_emulator/clock may move the emulator's time from real time: 100 years,
/// so every time stays a four-digit-year timestamp and arithmetic on it cannot overflow.
inline constexpr std::int64_t k_max_clock_offset_seconds = 3'155'760'000;

/// A member holds at most this many secondary emails (the spec gives no number;
/// docs/decisions/0108-emulator-secondary-emails.md): one more is `reached_limit`.
inline constexpr std::size_t k_max_secondary_emails = 10;

enum class MemberStatus { active, invited, suspended, removed };
enum class GroupAccess { member, owner };
enum class GroupManagement { user_managed, company_managed, system_managed };

/// `secondary_emails.SecondaryEmail`: an extra address of a member's account.
struct SecondaryEmail {
  std::string email;  // as given; compared case-insensitively
  bool verified = false;
};

/// One membership record. Records are never deleted: a removed member stays listed
/// (with `include_removed`), and re-inviting an unrecoverable address creates a new record.
struct Member {
  std::string team_member_id;
  std::string account_id;  // "dbid:" + 35 characters
  std::string email;       // as given; compared case-insensitively
  std::string given_name;
  std::string surname;
  std::optional<std::string> external_id;
  std::optional<std::string> persistent_id;  // only from a seed or snapshot (SAML teams)
  bool limited = false;  // membership_type `limited`: uses no license (team.stone)
  MemberStatus status = MemberStatus::invited;
  std::string role_id;  // empty: a plain member (roles [])
  bool email_verified = false;
  UnixSeconds invited_on = 0;  // 0: not set
  UnixSeconds joined_on = 0;
  UnixSeconds suspended_on = 0;
  UnixSeconds removed_on = 0;
  // A removal that can never be undone (keep_account, invitee, files transferred or
  // deleted) clears this; otherwise the 7-day window decides.
  bool removal_recoverable = true;
  bool is_disconnected = false;
  std::string member_folder_id;
  std::string root_folder_id;
  std::vector<std::size_t> groups;  // indexes into TeamState::groups, derived from them
  std::vector<SecondaryEmail> secondary_emails;  // none while invited; dropped on removal
  std::optional<std::uint32_t> custom_quota_gb;  // member_space_limits custom quota
  bool space_limit_excluded = false;             // on the space limit's excluded users list
};

struct GroupMember {
  std::size_t member = 0;  // index into TeamState::members
  GroupAccess access = GroupAccess::member;
};

struct Group {
  std::string group_id;
  std::string name;
  std::optional<std::string> external_id;
  GroupManagement management = GroupManagement::company_managed;
  std::uint64_t created_ms = 0;
  std::vector<GroupMember> members;
  // groups/delete keeps the record (without members) so that its id still answers
  // group_already_deleted; its name and external id are free for new groups.
  bool deleted = false;
};

/// An asynchronous job (members/add_v2, members/remove). Its effect is applied when it
/// is launched; the job only reports. `result` is the JSON of the `complete` value.
struct Job {
  std::string id;
  std::string route;          // the launching route, e.g. "team/members/remove"
  std::string result;         // JSON text; empty for void results
  int polls_in_progress = 1;  // polls answered `in_progress` before `complete`
};

/// A role the team offers (`team.TeamMemberRole`): Dropbox's admin roles by default, or
/// the `available_roles` of a snapshot. `key` names it in seed and state files.
struct RoleInfo {
  std::string key;  // e.g. "team_admin"; a snapshot's roles use their role_id
  std::string role_id;
  std::string name;
  std::string description;
};

/// The default roles (store/roles.cpp).
[[nodiscard]] std::vector<RoleInfo> default_roles();

/// Team-wide settings and counters.
struct TeamInfo {
  std::string name = "Emulated Team";
  std::string team_id = "dbtid:AAemulatorteam0000000000000000000";
  std::uint32_t num_licensed_users = 1000;
  std::string admin_email;                     // the admin who owns the API token
  std::vector<std::string> other_team_emails;  // lower case
  /// The team's member space limit in GB; none: custom quotas cannot be set.
  std::optional<std::uint32_t> member_space_limit_gb;
  /// Domains whose secondary emails are verified at once (lower case); nullopt: the
  /// domain of admin_email.
  std::optional<std::vector<std::string>> verified_domains;
  bool secondary_emails_enabled = true;  // false: secondary_emails/add is refused
  /// The roles get_available_team_member_roles lists, and which of them is "Team admin"
  /// (last-admin rules apply to its holders).
  std::vector<RoleInfo> roles = default_roles();
  std::string team_admin_role_id = "pid_dbtmr:team_admin";
  std::int64_t clock_offset_seconds = 0;
  std::uint64_t next_member_seq = 1;
  std::uint64_t next_group_seq = 1;
  std::uint64_t next_job_seq = 1;
};

/// Everything the emulator persists.
struct TeamState {
  TeamInfo info;
  std::vector<Member> members;  // creation order, which is also listing order
  std::vector<Group> groups;    // creation order
  std::vector<Job> jobs;
};

}  // namespace roster::emulator
