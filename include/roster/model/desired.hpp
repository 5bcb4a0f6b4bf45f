#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roster/core/diagnostic.hpp"
#include "roster/model/group.hpp"
#include "roster/model/observed.hpp"

namespace roster::model {

/// The state a manifest declares for a member (PRODUCT.md §4 columns).
enum class DesiredState { active, suspended, removed };

/// What `members/suspend` is sent for this member. roster's default is no wipe.
struct SuspendOptions {
  bool wipe_data = false;
};

/// What `members/remove` is sent for this member. Emails are normalised; empty means unset.
struct RemoveOptions {
  bool wipe_data = false;
  bool keep_account = false;
  bool retain_team_shares = false;
  std::string transfer_to;
  std::string transfer_admin;
  /// `remove.after_suspended_days` (decision 0031): not sent to Dropbox. 0 removes at once;
  /// N > 0 suspends a live member first and removes it once suspended for N days.
  std::uint32_t after_suspended_days = 0;
};
inline constexpr std::uint32_t k_max_policy_days = 3650;

/// `space_limit`: a custom quota in GB (at least 2, Dropbox's `UserQuota`), or the team's
/// default (no custom quota).
struct SpaceLimit {
  bool team_default = false;
  std::uint32_t gb = 0;  // set when !team_default

  friend bool operator==(const SpaceLimit&, const SpaceLimit&) = default;
};
inline constexpr std::uint32_t k_min_quota_gb = 2;

/// One member as the manifest declares it. Unset optional fields are not managed.
struct DesiredMember {
  std::string email;  // normalised
  std::optional<std::string> given_name;
  std::optional<std::string> surname;
  std::optional<std::string> external_id;
  DesiredState state = DesiredState::active;
  bool send_welcome_email = true;
  SuspendOptions suspend;
  RemoveOptions remove;
  /// The admin role (`member_only` for none), from the member or `defaults.role`.
  std::optional<Role> role;
  /// Every secondary email the member should have, normalised and sorted; nullopt: not managed.
  std::optional<std::vector<std::string>> secondary_emails;
  std::optional<SpaceLimit> space_limit;  // from the member or `defaults.space_limit`
  /// `reinvite: true`: invite again although policy.invitations cancelled an earlier
  /// invitation (decision 0033).
  bool reinvite = false;
  core::SourceLocation location;  // where the entry starts, for messages
};

/// One member of a declared group, with its access; the loader has resolved every way the
/// manifest can say it (the group's `members`, the member's `groups`, `defaults.groups`).
struct DesiredGroupMember {
  std::string email;  // normalised; a manifest member declared active or suspended
  GroupAccess access = GroupAccess::member;
  core::SourceLocation location;  // where the membership is declared
};

/// A group roster manages: its membership is authoritative (members not listed are
/// removed from it), and its name, external id and management type are kept in step.
struct DesiredGroup {
  std::string name;
  std::optional<std::string> external_id;  // nullopt: not managed; "" clears it
  GroupManagement management = GroupManagement::company_managed;
  std::vector<DesiredGroupMember> members;  // sorted by email, one entry per email
  core::SourceLocation location;
};

/// What to do with live members the manifest does not list.
enum class UnmanagedPolicy { report, suspend, remove };

/// What to do with groups the manifest does not declare (system_managed ones are never
/// touched).
enum class UnmanagedGroupsPolicy { report, remove };  // manifest values: report, delete

/// `policy.invitations` (decision 0033): what happens to invitations nobody accepts, by
/// their age in whole days. Both unset by default; when both are set, cancel > resend.
struct InvitationPolicy {
  std::optional<std::uint32_t> resend_after_days;
  std::optional<std::uint32_t> cancel_after_days;
};

/// The manifest's `policy:` section with roster's safe defaults.
struct Policy {
  UnmanagedPolicy unmanaged = UnmanagedPolicy::report;
  double max_removal_fraction = 0.10;
  std::vector<std::string> protected_emails;  // normalised
  UnmanagedGroupsPolicy unmanaged_groups = UnmanagedGroupsPolicy::report;
  /// How many admins one plan may demote; nullopt: max(1, 10% of the admins).
  std::optional<std::size_t> max_demotions;
  InvitationPolicy invitations;
};

/// Everything a (possibly multi-file) manifest declares, after defaults are applied.
struct DesiredTeam {
  std::optional<std::string> team_name;
  Policy policy;
  /// `defaults.remove` / `defaults.suspend`, used for unmanaged members under a policy.
  SuspendOptions default_suspend;
  RemoveOptions default_remove;
  bool default_send_welcome_email = true;
  std::vector<DesiredMember> members;
  std::vector<DesiredGroup> groups;  // in manifest order
  /// The manifest has a `groups:` section (even an empty one): the team's groups are read,
  /// and groups it does not declare follow policy.unmanaged_groups. Without it, roster
  /// leaves groups alone entirely.
  bool manages_groups = false;
};

[[nodiscard]] const char* to_string(DesiredState state) noexcept;
[[nodiscard]] const char* to_string(UnmanagedPolicy policy) noexcept;
[[nodiscard]] const char* to_string(UnmanagedGroupsPolicy policy) noexcept;
/// Names read back through to_string(), the one table of each enumeration; nullopt for
/// any other text. `*_choices()` lists the names for messages: "active, suspended or removed".
[[nodiscard]] std::optional<DesiredState> desired_state_from_string(std::string_view text);
[[nodiscard]] std::string desired_state_choices();
[[nodiscard]] std::optional<UnmanagedPolicy> unmanaged_policy_from_string(std::string_view text);
[[nodiscard]] std::string unmanaged_policy_choices();
[[nodiscard]] std::optional<UnmanagedGroupsPolicy> unmanaged_groups_policy_from_string(
    std::string_view text);
[[nodiscard]] std::string unmanaged_groups_policy_choices();

}  // namespace roster::model
