#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "roster/model/observed.hpp"

namespace roster::plan {

/// The kind of a step. The order is the execution phase order: a member is
/// recovered before anything else touches it, removals come last.
enum class Action { recover, invite, unsuspend, update_profile, suspend, remove };
inline constexpr std::size_t k_action_count = 6;

/// Why a step exists. For display and JSON only: the executor must not branch on it.
enum class Reason {
  not_on_team,            // invite: declared active, not on the team
  no_longer_recoverable,  // invite: removed and past the recovery window
  declared_active,        // recover / unsuspend
  declared_suspended,     // recover (then suspend) / suspend
  declared_removed,       // remove
  invitation_cancelled,   // remove of an invited member
  profile_differs,        // update_profile
  email_changed,          // update_profile carrying new_email (matched by external_id)
  unmanaged_suspend,      // policy.unmanaged: suspend
  unmanaged_remove,       // policy.unmanaged: remove
};

/// One profile field an update_profile step sets (`field` is the manifest key).
struct FieldChange {
  std::string field;  // "email", "given_name", "surname" or "external_id"
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

  std::string note;  // extra context for people, e.g. why options were dropped
};

/// Something the plan cannot or will not do, for people to read. Never a step.
struct PlanWarning {
  std::string email;
  std::string message;
};

/// A difference between manifest and team that the plan leaves alone.
struct DriftItem {
  enum class Kind {
    unmanaged,        // a live member the manifest does not list (policy.unmanaged: report)
    pending_invite,   // declared active, invited, has not joined yet
    removed_outside,  // not in the manifest, removed recently (still recoverable)
  };
  Kind kind = Kind::unmanaged;
  std::string email;
  model::MemberStatus status = model::MemberStatus::active;
  std::optional<std::int64_t> age_days;  // pending_invite: days since the invitation
};

/// The verdict of one safety guard (PRODUCT.md §6).
struct GuardResult {
  enum class Status { passed, refused, not_checked };
  /// "removal_fraction", "last_admin", "token_admin", "protected", "external_id_match",
  /// "team_name"
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
};

/// The whole plan: a plain value, rendered by render/ and executed by apply/.
struct Plan {
  std::vector<PlanStep> steps;  // ordered by (action, email)
  std::vector<PlanWarning> warnings;
  std::vector<DriftItem> drift;
  std::vector<GuardResult> guards;
  PlanSummary summary;

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

}  // namespace roster::plan
