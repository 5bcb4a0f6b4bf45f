#pragma once

#include <optional>
#include <string>
#include <vector>

#include "roster/core/diagnostic.hpp"

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
};

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
  core::SourceLocation location;  // where the entry starts, for messages
};

/// What to do with live members the manifest does not list.
enum class UnmanagedPolicy { report, suspend, remove };

/// The manifest's `policy:` section with roster's safe defaults.
struct Policy {
  UnmanagedPolicy unmanaged = UnmanagedPolicy::report;
  double max_removal_fraction = 0.10;
  std::vector<std::string> protected_emails;  // normalised
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
};

[[nodiscard]] const char* to_string(DesiredState state) noexcept;
[[nodiscard]] const char* to_string(UnmanagedPolicy policy) noexcept;

}  // namespace roster::model
