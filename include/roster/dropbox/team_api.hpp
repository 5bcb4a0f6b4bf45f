#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/core/result.hpp"
#include "roster/model/observed.hpp"

namespace roster::dropbox {

/// `team/get_info`, the parts roster uses.
struct TeamInfo {
  std::string name;
  std::string team_id;
  std::uint32_t num_licensed_users = 0;
  std::uint32_t num_provisioned_users = 0;
  std::uint32_t num_used_licenses = 0;  // `= 0` in the spec: absent reads as 0
  bool has_license_counts = false;      // num_licensed_users was present (snapshots may omit it)
};

/// The admin who owns the token (`team/token/get_authenticated_admin`).
struct AdminIdentity {
  std::string team_member_id;
  std::string email;  // normalised
};

/// One exchange with the API, timed: what it says about the connection, not the team.
/// Any HTTP status counts: a 401 proves the server is reachable as well as a 200 does.
struct ApiPing {
  int status = 0;
  std::chrono::milliseconds latency{0};          // request sent to answer read
  std::optional<std::chrono::sys_seconds> date;  // the server's clock (its Date header)
};

/// One member for `members/add_v2`.
struct NewMember {
  std::string email;
  std::optional<std::string> given_name;
  std::optional<std::string> surname;
  std::optional<std::string> external_id;
  bool send_welcome_email = true;
};

/// The outcome for one member of an add_v2 batch: success, or the Dropbox tag.
struct AddOutcome {
  std::string email;
  std::string error_tag;  // empty on success ("user_already_on_team", ...)
  [[nodiscard]] bool ok() const noexcept { return error_tag.empty(); }
};

/// A finished add_v2 call: one outcome per requested member, in order, and the async
/// job id when Dropbox answered with a job (empty when it answered at once).
struct AddBatch {
  std::vector<AddOutcome> outcomes;
  std::string job_id;
};

/// `members/remove` arguments; emails select the transfer destination and admin.
struct RemoveArgs {
  bool wipe_data = false;
  bool keep_account = false;
  bool retain_team_shares = false;
  std::string transfer_to;
  std::string transfer_admin;
};

/// `members/set_profile_v2` arguments; unset fields are not sent.
struct ProfileUpdate {
  std::optional<std::string> new_email;
  std::optional<std::string> new_given_name;
  std::optional<std::string> new_surname;
  std::optional<std::string> new_external_id;
};

/// A member chosen by team_member_id, or by email when it has none yet (a member this
/// apply has just invited). `UserSelectorArg` on the wire.
struct UserRef {
  std::string team_member_id;  // wins when set
  std::string email;
};

/// `groups/create` arguments.
struct NewGroup {
  std::string name;
  std::optional<std::string> external_id;
  model::GroupManagement management = model::GroupManagement::company_managed;
};

/// `groups/update` arguments; unset fields are not sent ("" external id clears it).
struct GroupUpdate {
  std::optional<std::string> new_name;
  std::optional<std::string> new_external_id;
  std::optional<model::GroupManagement> new_management;
};

/// One member joining a group with an access type (`MemberAccess`).
struct GroupMemberAccess {
  UserRef user;
  model::GroupAccess access = model::GroupAccess::member;
};

/// The secondary emails to add to, or delete from, one member (`UserSecondaryEmailsArg`).
struct MemberEmails {
  UserRef user;
  std::vector<std::string> emails;
};

/// The outcome for one (member, email) pair of a secondary-email call, or for one member of
/// a quota call (`email` empty): success, or Dropbox's tag ("placeholder_user",
/// "unavailable", "already_owned_by_user", "invalid_user", ...).
struct ItemOutcome {
  UserRef user;
  std::string email;
  std::string error_tag;  // empty on success
  [[nodiscard]] bool ok() const noexcept { return error_tag.empty(); }
};

/// One member's custom quota for `member_space_limits/set_custom_quota`.
struct MemberQuota {
  UserRef user;
  std::uint32_t quota_gb = 0;
};

/// One row of a `members/bulk_suspend` launch (BulkSuspendMemberTarget).
struct BulkSuspendTarget {
  std::string client_item_id;  // unique within the launch; Dropbox's report row names it
  std::string team_member_id;
  bool wipe_data = false;
};

/// A finished `members/bulk_suspend` job. Dropbox reports counts only: which rows failed
/// goes to the admin by email, so a caller reads the members back to learn it.
struct BulkSuspendJob {
  std::string job_id;
  std::string failure;  // the job failed as a whole (BulkSuspendTaskFailure tag); else ""
  std::int64_t requested = 0;
  std::int64_t suspended = 0;
  std::int64_t failed = 0;
  std::int64_t unknown = 0;
  std::string report_delivery;  // BulkSuspendReportDeliveryStatus tag
};

/// The kinds of change TeamApi can make, for asking in advance whether the token may.
enum class Write {
  add_members,
  suspend,
  unsuspend,
  send_welcome_email,
  recover,
  set_profile,
  remove,
  set_role,
  groups,            // create, update, delete, members add/remove/access
  secondary_emails,  // add, delete
  space_limits,      // set, remove custom quotas
};

/// Every Write, for asking about all of them (`roster doctor`).
inline constexpr Write k_all_writes[] = {
    Write::add_members, Write::suspend,          Write::unsuspend,    Write::send_welcome_email,
    Write::recover,     Write::set_profile,      Write::remove,       Write::set_role,
    Write::groups,      Write::secondary_emails, Write::space_limits,
};

/// One method per Dropbox operation roster uses. Members are selected by
/// team_member_id. Paging (list_v2 + continue_v2) and async jobs (add_v2, remove) are
/// completed inside: a call returns when the work is done or has failed.
/// Implementations are safe to call from several threads at once. Reads and job polls
/// are retried inside (rate limits, 5xx, dropped connections); a mutating request is sent
/// once and its failure returned, so that the caller, who knows what the step means,
/// decides whether to retry (core::is_retryable) and how to read a repeated answer.
class TeamApi {
 public:
  virtual ~TeamApi() = default;

  [[nodiscard]] virtual core::Result<TeamInfo> get_team_info() = 0;
  /// One `team/get_info` request, sent once and timed; any HTTP answer is an ApiPing. An
  /// Error only when there is no answer (unreachable, timed out) or no token to send.
  [[nodiscard]] virtual core::Result<ApiPing> ping() = 0;
  /// The admin who owns the token (`team/token/get_authenticated_admin`).
  [[nodiscard]] virtual core::Result<AdminIdentity> get_authenticated_admin() = 0;
  /// The team's roles (`members/get_available_team_member_roles`): how role ids are read.
  [[nodiscard]] virtual core::Result<std::vector<model::TeamRole>> get_available_roles() = 0;
  /// One page of `members/list_v2` (cursor empty) or `members/list/continue_v2`,
  /// with removed members included. `next_cursor` is empty after the last page.
  [[nodiscard]] virtual core::Result<std::vector<model::ObservedMember>> list_members_page(
      const std::string& cursor, std::string& next_cursor) = 0;
  /// At most 20 members; one outcome per member, in order. Polls an async job.
  [[nodiscard]] virtual core::Result<AddBatch> add_members(
      const std::vector<NewMember>& members) = 0;
  [[nodiscard]] virtual core::Result<void> suspend(const std::string& team_member_id,
                                                   bool wipe_data) = 0;
  [[nodiscard]] virtual core::Result<void> unsuspend(const std::string& team_member_id) = 0;
  /// members/send_welcome_email: a no-op unless the member is still invited.
  [[nodiscard]] virtual core::Result<void> send_welcome_email(
      const std::string& team_member_id) = 0;
  /// Launches `members/bulk_suspend` (1..500 rows) and returns its async job id. Sent once;
  /// a launch rejection is a conflict Error whose api_tag is the BulkSuspendError tag
  /// (`last_admin`, `acting_admin`, `duplicate_team_member_id`, ...): nothing was suspended.
  [[nodiscard]] virtual core::Result<std::string> launch_bulk_suspend(
      const std::vector<BulkSuspendTarget>& targets) = 0;
  /// Polls `members/bulk_suspend/job_status/check` until the job is no longer in progress
  /// (bounded like every job wait); a job that failed as a whole is a BulkSuspendJob with
  /// `failure` set, not an Error.
  [[nodiscard]] virtual core::Result<BulkSuspendJob> wait_bulk_suspend(
      const std::string& job_id) = 0;
  /// `members/get_info_v2` for at most k_max_get_info_per_call members, by team_member_id:
  /// per member, in order, what Dropbox knows of it, or nullopt (`id_not_found`).
  [[nodiscard]] virtual core::Result<std::vector<std::optional<model::ObservedMember>>> get_members(
      const std::vector<std::string>& team_member_ids) = 0;
  /// Waits for the removal job to finish; returns its async job id ("" if none).
  [[nodiscard]] virtual core::Result<std::string> remove(const std::string& team_member_id,
                                                         const RemoveArgs& args) = 0;
  [[nodiscard]] virtual core::Result<void> recover(const std::string& team_member_id) = 0;
  [[nodiscard]] virtual core::Result<void> set_profile(const std::string& team_member_id,
                                                       const ProfileUpdate& update) = 0;

  // Access (issue 9). Limits per call are Dropbox's; callers split batches to fit them
  // (k_max_* below), implementations send each call once.

  /// `members/set_admin_permissions_v2`: `role_id` empty makes the member a plain member.
  [[nodiscard]] virtual core::Result<void> set_role(const UserRef& user,
                                                    const std::string& role_id) = 0;
  /// Every page of `groups/list` + `groups/list/continue`; `members` left unread.
  [[nodiscard]] virtual core::Result<std::vector<model::ObservedGroup>> list_groups() = 0;
  /// Every page of `groups/members/list` + continue for one group.
  [[nodiscard]] virtual core::Result<std::vector<model::ObservedGroupMember>> list_group_members(
      const std::string& group_id) = 0;
  /// `groups/create`; returns the new group's id.
  [[nodiscard]] virtual core::Result<std::string> create_group(const NewGroup& group) = 0;
  [[nodiscard]] virtual core::Result<void> update_group(const std::string& group_id,
                                                        const GroupUpdate& update) = 0;
  /// `groups/delete`, waiting for its job (`groups/job_status/get`).
  [[nodiscard]] virtual core::Result<void> delete_group(const std::string& group_id) = 0;
  /// `groups/members/add`: all or nothing (Dropbox fails the whole call on duplicate_user).
  [[nodiscard]] virtual core::Result<void> add_group_members(
      const std::string& group_id, const std::vector<GroupMemberAccess>& members) = 0;
  /// `groups/members/remove`: all or nothing (member_not_in_group fails the call).
  [[nodiscard]] virtual core::Result<void> remove_group_members(
      const std::string& group_id, const std::vector<UserRef>& users) = 0;
  /// `groups/members/set_access_type`, one member.
  [[nodiscard]] virtual core::Result<void> set_group_access(const std::string& group_id,
                                                            const UserRef& user,
                                                            model::GroupAccess access) = 0;
  /// `members/secondary_emails/add` / `delete`: one outcome per (member, email), in order.
  [[nodiscard]] virtual core::Result<std::vector<ItemOutcome>> add_secondary_emails(
      const std::vector<MemberEmails>& batch) = 0;
  [[nodiscard]] virtual core::Result<std::vector<ItemOutcome>> delete_secondary_emails(
      const std::vector<MemberEmails>& batch) = 0;
  /// `member_space_limits/get_custom_quota`: per member, in order, the quota in GB or
  /// nullopt (none: the team default).
  [[nodiscard]] virtual core::Result<std::vector<std::optional<std::uint32_t>>> get_custom_quotas(
      const std::vector<UserRef>& users) = 0;
  /// `member_space_limits/set_custom_quota` / `remove_custom_quota`: one outcome per member.
  [[nodiscard]] virtual core::Result<std::vector<ItemOutcome>> set_custom_quotas(
      const std::vector<MemberQuota>& quotas) = 0;
  [[nodiscard]] virtual core::Result<std::vector<ItemOutcome>> remove_custom_quotas(
      const std::vector<UserRef>& users) = 0;
  /// Every page of `member_space_limits/excluded_users/list` + continue: team_member_ids.
  [[nodiscard]] virtual core::Result<std::vector<std::string>> list_quota_excluded() = 0;
  /// Checks, changing nothing, that the token has the scopes `writes` need. Dropbox has no
  /// call that lists a token's scopes; docs/decisions/0012 says how it is asked instead.
  /// An unauthorized Error (api_tag missing_scope) naming the scope and the routes that
  /// need it; success when granted.
  [[nodiscard]] virtual core::Result<void> check_scopes(const std::vector<Write>& writes) = 0;
};

/// Dropbox's per-call limits (REFERENCE §6.14, §7, team.stone).
inline constexpr std::size_t k_max_secondary_emails_per_call = 20;
inline constexpr std::size_t k_max_quota_users_per_call = 1000;
inline constexpr std::size_t k_max_bulk_suspend_per_call = 500;  // BulkSuspendArg.members
/// members/get_info_v2 has no limit in the spec; 100 keeps each answer small (decision 0035).
inline constexpr std::size_t k_max_get_info_per_call = 100;

}  // namespace roster::dropbox
