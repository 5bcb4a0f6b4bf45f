#include "step_text.hpp"

#include <array>

namespace roster::render {

using plan::Action;
using plan::Reason;

namespace {

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

void add(std::string& out, const std::string& part) {
  if (part.empty()) return;
  if (!out.empty()) out += ", ";
  out += part;
}

std::string wipe_text(bool wipe) {
  return wipe ? "WIPES DEVICE DATA" : "no device wipe";
}

}  // namespace

namespace {

constexpr const char* k_green = "\x1b[32m";
constexpr const char* k_red = "\x1b[31m";
constexpr const char* k_cyan = "\x1b[36m";
constexpr const char* k_yellow = "\x1b[33m";
constexpr const char* k_magenta = "\x1b[35m";

// How people see each action: one row per Action, in enum order (checked below), so a new
// action cannot be shown by a default in one view and forgotten in another.
struct ActionView {
  Action action;
  const char* symbol;  // + adds, - takes away, ~ changes, ↺ recovers, ! changes privileges
  const char* word;
  const char* colour;  // ANSI, on a terminal only
};
constexpr std::array<ActionView, plan::k_action_count> k_action_views = {{
    {Action::revoke_role, "!", "revoke role", k_magenta},
    {Action::recover, "↺", "recover", k_cyan},
    {Action::invite, "+", "invite", k_green},
    {Action::resend_welcome_email, "~", "resend invite", k_yellow},
    {Action::unsuspend, "~", "unsuspend", k_yellow},
    {Action::create_group, "+", "create group", k_green},
    {Action::update_group, "~", "update group", k_yellow},
    {Action::set_role, "!", "set role", k_magenta},
    {Action::update_profile, "~", "update", k_yellow},
    {Action::add_to_group, "+", "add to group", k_green},
    {Action::set_group_access, "~", "set access", k_yellow},
    {Action::remove_from_group, "-", "remove from group", k_red},
    {Action::add_secondary_email, "+", "add email", k_green},
    {Action::delete_secondary_email, "-", "delete email", k_red},
    {Action::set_space_limit, "~", "set quota", k_yellow},
    {Action::remove_space_limit, "~", "reset quota", k_yellow},
    {Action::suspend, "~", "suspend", k_yellow},
    {Action::remove, "-", "remove", k_red},
    {Action::delete_group, "-", "delete group", k_red},
}};

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < k_action_views.size(); ++i) {
    if (static_cast<std::size_t>(k_action_views[i].action) != i) return false;
  }
  return true;
}
static_assert(in_enum_order(), "k_action_views: one row per Action, in enum order");

const ActionView& view_of(Action action) {
  return k_action_views[static_cast<std::size_t>(action)];
}

}  // namespace

const char* action_symbol(Action action) {
  return view_of(action).symbol;
}

const char* action_word(Action action) {
  return view_of(action).word;
}

const char* action_colour(Action action) {
  return view_of(action).colour;
}

std::string reason_text(const plan::PlanStep& step) {
  switch (step.reason) {
    case Reason::not_on_team:
      return "not on the team";
    case Reason::no_longer_recoverable:
      return "removed and no longer recoverable";
    case Reason::declared_active:
      return step.action == Action::recover ? "removed, still recoverable; declared active"
                                            : "suspended; declared active";
    case Reason::declared_suspended:
      return step.action == Action::recover
                 ? "removed, still recoverable; declared suspended (suspended next)"
                 : "declared suspended";
    case Reason::declared_removed:
      return "declared removed";
    case Reason::invitation_cancelled:
      return "declared removed; cancels the pending invitation";
    case Reason::profile_differs:
      return "profile differs from the manifest";
    case Reason::email_changed:
      return "email changed; matched by external_id";
    case Reason::unmanaged_suspend:
      return "not in the manifest; policy.unmanaged: suspend";
    case Reason::unmanaged_remove:
      return "not in the manifest; policy.unmanaged: remove";
    case Reason::role_differs:
      return "role differs from the manifest";
    case Reason::leaving_admin:
      return "an admin being suspended or removed loses the role first";
    case Reason::group_declared:
      return "declared in groups, not on the team";
    case Reason::group_differs:
      return "group differs from the manifest";
    case Reason::group_membership:
      return "group membership differs from the manifest";
    case Reason::unmanaged_group:
      return "not in the manifest; policy.unmanaged_groups: delete";
    case Reason::secondary_emails_differ:
      return "secondary emails differ from the manifest";
    case Reason::space_limit_differs:
      return "space limit differs from the manifest";
    case Reason::staged_removal:
      return "to be removed: suspended first, removed after the grace period";
    case Reason::grace_period_over:
      return "suspended for the whole grace period; removed now";
    case Reason::invitation_not_accepted:
      return "invitation not accepted yet";
    case Reason::invitation_expired:
      return "invitation not accepted in time";
  }
  return "";
}

std::string subject_text(const plan::PlanStep& step) {
  if (plan::is_group_step(step)) return quoted(step.group_name);  // after "create group"
  if (step.observed_email.empty() || step.observed_email == step.email) return step.email;
  return step.email + " (on the team as " + step.observed_email + ")";
}

std::string progress_subject(const plan::PlanStep& step) {
  switch (step.action) {
    case Action::add_to_group:
    case Action::set_group_access:
    case Action::remove_from_group:
      return subject_text(step) + " (group " + quoted(step.group_name) + ")";
    default:
      return subject_text(step);
  }
}

std::string details_text(const plan::PlanStep& step) {
  std::string out;
  switch (step.action) {
    case Action::invite:
      add(out, step.send_welcome_email ? "welcome email" : "no welcome email");
      if (step.given_name) add(out, "given_name " + quoted(*step.given_name));
      if (step.surname) add(out, "surname " + quoted(*step.surname));
      if (step.external_id) add(out, "external_id " + quoted(*step.external_id));
      break;
    case Action::update_profile:
      for (const auto& c : step.changes) {
        add(out, c.field + " " + quoted(c.before) + " → " + quoted(c.after));
      }
      break;
    case Action::suspend:
      add(out, wipe_text(step.wipe_data));
      break;
    case Action::remove:
      if (step.observed_status != model::MemberStatus::invited) {
        add(out, wipe_text(step.wipe_data));
        if (step.keep_account) add(out, "keeps the account as Basic");
        if (step.retain_team_shares) add(out, "retains team shares");
        if (!step.transfer_to.empty()) {
          add(out, "files → " + step.transfer_to + " (transfer admin " + step.transfer_admin + ")");
        }
        if (step.recoverable_until) {
          add(out, "recoverable until " + model::format_date(*step.recoverable_until));
        }
      }
      break;
    case Action::revoke_role:
    case Action::set_role:
    case Action::update_group:
      for (const auto& c : step.changes) {
        add(out, c.field + " " + quoted(c.before) + " → " + quoted(c.after));
      }
      break;
    case Action::create_group:
      add(out, std::string(model::to_string(
                   step.group_management.value_or(model::GroupManagement::company_managed))));
      if (step.group_external_id) add(out, "external_id " + quoted(*step.group_external_id));
      break;
    case Action::add_to_group:
    case Action::set_group_access:
      add(out, "group " + quoted(step.group_name) + " as " + model::to_string(step.group_access));
      break;
    case Action::remove_from_group:
      add(out, "group " + quoted(step.group_name));
      break;
    case Action::add_secondary_email:
    case Action::delete_secondary_email:
      add(out, step.secondary_email);
      break;
    case Action::set_space_limit:
      add(out, std::to_string(step.quota_gb) + " GB");
      break;
    case Action::remove_space_limit:
      add(out, "team default");
      break;
    case Action::delete_group:
    case Action::recover:
    case Action::resend_welcome_email:
    case Action::unsuspend:
      break;
  }
  add(out, step.note);
  return out;
}

std::string drift_text(const plan::DriftItem& item) {
  switch (item.kind) {
    case plan::DriftItem::Kind::unmanaged:
      return std::string(model::to_string(item.status)) + " on the team, not in the manifest";
    case plan::DriftItem::Kind::pending_invite:
      if (item.age_days) {
        return "invited " + std::to_string(*item.age_days) +
               (*item.age_days == 1 ? " day" : " days") + " ago, has not joined yet";
      }
      return "invited, has not joined yet";
    case plan::DriftItem::Kind::removed_outside:
      if (item.recoverable_until) {
        return "removed outside roster, not in the manifest; recoverable until " +
               model::format_date(*item.recoverable_until) + " at the latest";
      }
      return "removed outside roster, not in the manifest (still recoverable)";
    case plan::DriftItem::Kind::removed_recoverable:
      return "declared removed, already removed; recoverable until " +
             model::format_date(item.recoverable_until.value_or(0)) + " at the latest";
    case plan::DriftItem::Kind::unmanaged_group:
      return "group on the team, not in the manifest";
  }
  return "";
}

std::string scheduled_text(const plan::ScheduledRemoval& item) {
  std::string why = item.reason == Reason::unmanaged_remove
                        ? "not in the manifest; defaults.remove.after_suspended_days: "
                        : "declared removed; remove.after_suspended_days: ";
  why += std::to_string(item.after_suspended_days);
  if (!item.due) return "remove once the suspension date is known (" + why + ")";
  return "remove on " + model::format_date(*item.due) + ", in " + std::to_string(item.days_left) +
         (item.days_left == 1 ? " day" : " days") + " (" + why + ")";
}

std::string drift_subject(const plan::DriftItem& item) {
  if (item.kind == plan::DriftItem::Kind::unmanaged_group)
    return "group \"" + item.group_name + "\"";
  return item.email;
}

std::string warning_text(const plan::PlanWarning& warning) {
  return warning.email.empty() ? warning.message : warning.email + ": " + warning.message;
}

std::string summary_text(const plan::Plan& plan) {
  if (!plan.has_changes()) return "No changes: the team matches the manifest.";
  std::string out;
  for (std::size_t a = 0; a < plan::k_action_count; ++a) {
    auto action = static_cast<Action>(a);
    auto n = plan.summary.steps_by_action[a];
    if (n == 0) continue;
    add(out, std::to_string(n) + " to " + action_word(action));
  }
  return "Plan: " + out + ".";
}

std::string scheduled_summary(const plan::Plan& plan) {
  auto n = plan.scheduled.size();
  if (n == 0) return "";
  return std::to_string(n) + (n == 1 ? " removal" : " removals") + " scheduled.";
}

}  // namespace roster::render
