#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roster/model/group.hpp"
#include "roster/model/observed.hpp"

namespace roster::plan {

/// The kind of a step. The order is the execution phase order (docs/decisions/0023):
/// privileges of members who lose them go first; a member is recovered, invited or
/// unsuspended before anything else touches it (Dropbox refuses roles for suspended
/// members); groups exist before members join them; removals come last, and groups are
/// deleted after everything that could still use them.
enum class Action {
  revoke_role,  // admin → member_only, before anything else happens to the member
  recover,
  invite,
  resend_welcome_email,  // members/send_welcome_email to a pending invitee (decision 0033)
  unsuspend,
  create_group,
  update_group,  // name, external id, management type
  set_role,      // grants or changes an admin role (a privilege change)
  update_profile,
  add_to_group,
  set_group_access,
  remove_from_group,
  add_secondary_email,
  delete_secondary_email,
  set_space_limit,     // a custom quota
  remove_space_limit,  // back to the team's default
  suspend,
  remove,
  delete_group,
};
inline constexpr std::size_t k_action_count = 19;

/// Why a step exists. For display and JSON only: the executor must not branch on it.
enum class Reason {
  not_on_team,              // invite: declared active, not on the team
  no_longer_recoverable,    // invite: removed and past the recovery window
  declared_active,          // recover / unsuspend
  declared_suspended,       // recover (then suspend) / suspend
  declared_removed,         // remove
  invitation_cancelled,     // remove of an invited member
  profile_differs,          // update_profile
  email_changed,            // update_profile carrying new_email (matched by external_id)
  unmanaged_suspend,        // policy.unmanaged: suspend
  unmanaged_remove,         // policy.unmanaged: remove
  role_differs,             // set_role / revoke_role: the declared role differs
  leaving_admin,            // revoke_role before a suspension or removal
  group_declared,           // create_group: declared, not on the team
  group_differs,            // update_group
  group_membership,         // add_to_group / set_group_access / remove_from_group
  unmanaged_group,          // delete_group: policy.unmanaged_groups: delete
  secondary_emails_differ,  // add/delete_secondary_email
  space_limit_differs,      // set/remove_space_limit
  staged_removal,           // suspend: removed later, after a grace period (decision 0031)
  grace_period_over,        // remove: suspended for the whole grace period (decision 0031)
  invitation_not_accepted,  // resend_welcome_email: policy.invitations.resend_after_days
  invitation_expired,       // remove of an invitee: policy.invitations.cancel_after_days
};

/// One field a step changes (`field` is the manifest key), for people and the JSON plan:
/// update_profile ("email", "given_name", "surname", "external_id"), update_group
/// ("name", "external_id", "management_type"), set_role / revoke_role ("role").
struct FieldChange {
  std::string field;
  std::string before;
  std::string after;
};

/// One planned change. Carries exactly what apply will send; fields that do not
/// belong to `action` keep their defaults.
struct PlanStep {
  Action action = Action::invite;
  Reason reason = Reason::not_on_team;
  std::string email;           // the member's email once the step is done
  std::string team_member_id;  // empty for invites
  /// The email the record has on the team now; empty for invites. It differs from `email`
  /// only for a member matched by external_id: views show both, guards judge this one.
  std::string observed_email;
  std::optional<model::MemberStatus> observed_status;  // nullopt: not on the team

  // invite
  std::optional<std::string> given_name;
  std::optional<std::string> surname;
  std::optional<std::string> external_id;
  bool send_welcome_email = false;

  // update_profile
  std::vector<FieldChange> changes;

  // suspend, remove
  bool wipe_data = false;

  // remove
  bool keep_account = false;
  bool retain_team_shares = false;
  std::string transfer_to;     // empty: no transfer
  std::string transfer_admin;  // set whenever transfer_to is
  /// Until when the removed record can be recovered if apply runs now: plan time + 7 days
  /// (decision 0032). nullopt: nothing to recover (an invitee, a kept account).
  std::optional<model::Timestamp> recoverable_until;

  // set_role, revoke_role: the role after the step (member_only for revoke_role)
  std::optional<model::Role> role;

  // create_group, update_group, delete_group; and the group of add_to_group,
  // set_group_access, remove_from_group. `group_id` is empty for a group this plan
  // creates: apply resolves it by `group_name` once create_group has run.
  std::string group_id;
  std::string group_name;
  std::optional<std::string> group_external_id;                  // create_group / update_group
  std::optional<model::GroupManagement> group_management;        // create_group / update_group
  model::GroupAccess group_access = model::GroupAccess::member;  // add_to_group, set_group_access

  // add_secondary_email, delete_secondary_email
  std::string secondary_email;

  // set_space_limit
  std::uint32_t quota_gb = 0;

  std::string note;  // extra context for people, e.g. why options were dropped
};

/// True for a step that grants, changes or revokes an admin role: views list these
/// first and mark them.
[[nodiscard]] bool is_privilege_change(const PlanStep& step) noexcept;

/// True for steps about a group as a whole (create, update, delete): `email` is empty.
[[nodiscard]] bool is_group_step(const PlanStep& step) noexcept;

/// Something the plan cannot or will not do, for people to read. Never a step.
struct PlanWarning {
  std::string email;
  std::string message;
};

/// A difference between manifest and team that the plan leaves alone.
struct DriftItem {
  enum class Kind {
    unmanaged,            // a live member the manifest does not list (policy.unmanaged: report)
    pending_invite,       // declared active, invited, has not joined yet
    removed_outside,      // not in the manifest, removed recently (still recoverable)
    unmanaged_group,      // a group the manifest does not declare (policy.unmanaged_groups: report)
    removed_recoverable,  // declared removed, already removed, still recoverable (not drift)
  };
  Kind kind = Kind::unmanaged;
  std::string email;  // empty for unmanaged_group
  model::MemberStatus status = model::MemberStatus::active;
  std::optional<std::int64_t> age_days;  // pending_invite: days since the invitation
  std::string group_name;                // unmanaged_group only
  /// removed_outside, removed_recoverable: the latest day the record can be recovered
  /// (plan time + 7 days: Dropbox does not say when it was removed; decision 0032).
  std::optional<model::Timestamp> recoverable_until;
};

/// Dropbox keeps a removed member recoverable for 7 days (REFERENCE §9).
inline constexpr std::int64_t k_recovery_days = 7;

/// A removal that a later plan will make (decision 0031): not a step, not drift.
struct ScheduledRemoval {
  std::string email;
  std::string team_member_id;
  /// When the removal falls due; nullopt when it cannot be dated (suspended_on unknown).
  std::optional<model::Timestamp> due;
  std::int64_t days_left = 0;  // whole days from the plan's `now` to `due`, rounded up
  std::uint32_t after_suspended_days = 0;
  Reason reason = Reason::declared_removed;  // or unmanaged_remove
};

/// The verdict of one safety guard (PRODUCT.md §6).
struct GuardResult {
  enum class Status { passed, refused, not_checked };
  /// "removal_fraction", "max_demotions", "last_admin", "token_admin", "protected",
  /// "external_id_match", "team_name"
  std::string name;
  Status status = Status::passed;
  std::string message;  // one line: what was measured against what limit
};

/// Counts the renderers show; computed here so that views make no decisions.
struct PlanSummary {
  std::array<std::size_t, k_action_count> steps_by_action{};
  std::size_t desired_members = 0;
  std::size_t live_members = 0;     // active, invited or suspended
  std::size_t removed_members = 0;  // listed as removed
  std::size_t removals = 0;         // suspends + removes of live members (the guarded number)
  std::size_t demotions = 0;        // admins who lose or lower their role (max_demotions)
  std::size_t group_deletions = 0;  // delete_group steps (counted by removal_fraction)
};

/// Licenses before and after the plan (decision 0037). Invited, active and suspended
/// members hold one; an invitation or a recovery takes one, a removal of a live member frees
/// one, a suspension frees none.
struct LicenseForecast {
  std::size_t licensed = 0;       // num_licensed_users
  std::size_t provisioned = 0;    // num_provisioned_users, as reported (display only)
  std::size_t reported_used = 0;  // num_used_licenses, as reported (0: not reported)
  std::size_t before = 0;         // held now, counted from the listing
  std::size_t after = 0;          // held once every step has succeeded
  std::size_t free = 0;           // licensed - after (0 when the plan needs more than that)
  /// The invitations and recoveries fit only if the removals that free licenses run
  /// first: apply makes them wait for those removals (src/apply/schedule.cpp).
  bool removals_first = false;
  /// Invitations and recoveries that will fail with team_license_limit, in plan order.
  std::vector<std::string> failing;
};

/// A plan restricted to named members with --target (decision 0038): what was kept and how
/// much of the whole plan was left out.
struct TargetScope {
  std::vector<std::string> emails;  // normalised, sorted, unique
  std::size_t left_out = 0;         // steps of the whole plan that are not in this one
  std::size_t left_out_drift = 0;   // drift items about other members and groups
  std::size_t left_out_warnings = 0;
  std::size_t left_out_scheduled = 0;  // scheduled removals of other members
};

/// The whole plan: a plain value, rendered by render/ and executed by apply/.
struct Plan {
  std::vector<PlanStep> steps;  // ordered by (action, email)
  std::vector<PlanWarning> warnings;
  std::vector<DriftItem> drift;
  std::vector<ScheduledRemoval> scheduled;  // by (due, email); undated last
  std::vector<GuardResult> guards;
  PlanSummary summary;
  std::optional<LicenseForecast> licenses;  // nullopt: the team's license counts are unknown
  std::optional<TargetScope> targets;       // nullopt: the whole plan

  [[nodiscard]] bool has_changes() const noexcept { return !steps.empty(); }
  /// True when the team differs from the manifest in ways the plan leaves alone:
  /// unmanaged or recently removed members. Pending invitations do not count: they are
  /// the expected aftermath of an invite, not someone's click in the admin console.
  [[nodiscard]] bool has_drift() const noexcept;
  /// True when any guard refused: apply must not run it, plan exits 3.
  [[nodiscard]] bool is_refused() const noexcept;
};

[[nodiscard]] const char* to_string(Action action) noexcept;
[[nodiscard]] const char* to_string(Reason reason) noexcept;
[[nodiscard]] const char* to_string(DriftItem::Kind kind) noexcept;
[[nodiscard]] const char* to_string(GuardResult::Status status) noexcept;

/// The readers of the names above (plan files); nullopt for an unknown name.
[[nodiscard]] std::optional<Action> action_from_string(std::string_view text);
[[nodiscard]] std::optional<Reason> reason_from_string(std::string_view text);
[[nodiscard]] std::optional<DriftItem::Kind> drift_kind_from_string(std::string_view text);
[[nodiscard]] std::optional<GuardResult::Status> guard_status_from_string(std::string_view text);

}  // namespace roster::plan
