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

const char* action_symbol(Action action) {
  switch (action) {
    case Action::recover:
      return "↺";
    case Action::invite:
      return "+";
    case Action::remove:
      return "-";
    case Action::unsuspend:
    case Action::update_profile:
    case Action::suspend:
      return "~";
  }
  return "?";
}

const char* action_word(Action action) {
  switch (action) {
    case Action::recover:
      return "recover";
    case Action::invite:
      return "invite";
    case Action::unsuspend:
      return "unsuspend";
    case Action::update_profile:
      return "update";
    case Action::suspend:
      return "suspend";
    case Action::remove:
      return "remove";
  }
  return "?";
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
  }
  return "";
}

std::string subject_text(const plan::PlanStep& step) {
  if (step.observed_email.empty() || step.observed_email == step.email) return step.email;
  return step.email + " (on the team as " + step.observed_email + ")";
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
      }
      break;
    case Action::recover:
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
      return "removed outside roster, not in the manifest (still recoverable)";
  }
  return "";
}

std::string summary_text(const plan::Plan& plan) {
  if (!plan.has_changes()) return "No changes: the team matches the manifest.";
  static constexpr std::array<Action, plan::k_action_count> k_order = {
      Action::recover,        Action::invite,  Action::unsuspend,
      Action::update_profile, Action::suspend, Action::remove};
  std::string out;
  for (auto action : k_order) {
    auto n = plan.summary.steps_by_action[static_cast<std::size_t>(action)];
    if (n == 0) continue;
    add(out, std::to_string(n) + " to " + action_word(action));
  }
  return "Plan: " + out + ".";
}

}  // namespace roster::render
