#include "roster/plan/plan.hpp"

#include <algorithm>

namespace roster::plan {

namespace {

// One name table per enumeration, in enum order: every renderer and reader spells values
// through to_string() and the *_from_string() readers below, so a new value cannot be
// forgotten in one place (a static_assert checks each table's length).
constexpr std::array<const char*, k_action_count> k_action_names = {"revoke_role",
                                                                    "recover",
                                                                    "invite",
                                                                    "resend_welcome_email",
                                                                    "unsuspend",
                                                                    "create_group",
                                                                    "update_group",
                                                                    "set_role",
                                                                    "update_profile",
                                                                    "add_to_group",
                                                                    "set_group_access",
                                                                    "remove_from_group",
                                                                    "add_secondary_email",
                                                                    "delete_secondary_email",
                                                                    "set_space_limit",
                                                                    "remove_space_limit",
                                                                    "suspend",
                                                                    "remove",
                                                                    "delete_group"};

constexpr std::array k_reason_names = {"not_on_team",
                                       "no_longer_recoverable",
                                       "declared_active",
                                       "declared_suspended",
                                       "declared_removed",
                                       "invitation_cancelled",
                                       "profile_differs",
                                       "email_changed",
                                       "unmanaged_suspend",
                                       "unmanaged_remove",
                                       "role_differs",
                                       "leaving_admin",
                                       "group_declared",
                                       "group_differs",
                                       "group_membership",
                                       "unmanaged_group",
                                       "secondary_emails_differ",
                                       "space_limit_differs",
                                       "staged_removal",
                                       "grace_period_over",
                                       "invitation_not_accepted",
                                       "invitation_expired"};
static_assert(k_reason_names.size() == static_cast<std::size_t>(Reason::invitation_expired) + 1);

constexpr std::array k_drift_names = {"unmanaged", "pending_invite", "removed_outside",
                                      "unmanaged_group", "removed_recoverable"};
static_assert(k_drift_names.size() ==
              static_cast<std::size_t>(DriftItem::Kind::removed_recoverable) + 1);

constexpr std::array k_guard_status_names = {"passed", "refused", "not_checked"};
static_assert(k_guard_status_names.size() ==
              static_cast<std::size_t>(GuardResult::Status::not_checked) + 1);

template <typename Enum, std::size_t N>
const char* name_of(const std::array<const char*, N>& names, Enum value) noexcept {
  auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<const char*, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (text == names[i]) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

bool Plan::is_refused() const noexcept {
  return std::any_of(guards.begin(), guards.end(),
                     [](const GuardResult& g) { return g.status == GuardResult::Status::refused; });
}

bool Plan::has_drift() const noexcept {
  return std::any_of(drift.begin(), drift.end(), [](const DriftItem& d) {
    // Both are what the manifest asked for, not someone else's change.
    return d.kind != DriftItem::Kind::pending_invite &&
           d.kind != DriftItem::Kind::removed_recoverable;
  });
}

bool is_privilege_change(const PlanStep& step) noexcept {
  return step.action == Action::set_role || step.action == Action::revoke_role;
}

bool is_group_step(const PlanStep& step) noexcept {
  return step.action == Action::create_group || step.action == Action::update_group ||
         step.action == Action::delete_group;
}

const char* to_string(Action action) noexcept {
  return name_of(k_action_names, action);
}
const char* to_string(Reason reason) noexcept {
  return name_of(k_reason_names, reason);
}
const char* to_string(DriftItem::Kind kind) noexcept {
  return name_of(k_drift_names, kind);
}
const char* to_string(GuardResult::Status status) noexcept {
  return name_of(k_guard_status_names, status);
}

std::optional<Action> action_from_string(std::string_view text) {
  return value_of<Action>(k_action_names, text);
}
std::optional<Reason> reason_from_string(std::string_view text) {
  return value_of<Reason>(k_reason_names, text);
}
std::optional<DriftItem::Kind> drift_kind_from_string(std::string_view text) {
  return value_of<DriftItem::Kind>(k_drift_names, text);
}
std::optional<GuardResult::Status> guard_status_from_string(std::string_view text) {
  return value_of<GuardResult::Status>(k_guard_status_names, text);
}

}  // namespace roster::plan
