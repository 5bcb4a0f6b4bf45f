// The lifecycle table of PRODUCT.md §4: desired state × observed status → steps.
#include "roster/plan/make_plan.hpp"

#include <algorithm>
#include <tuple>

#include "planner.hpp"

namespace roster::plan {

Plan make_plan(const model::DesiredTeam& desired, const model::ObservedTeam& observed,
               const PlanOptions& options) {
  return Planner(desired, observed, options).run();
}

Plan Planner::run() {
  for (const auto& m : m_observed.members) {
    m_by_id.emplace(m.team_member_id, &m);
    if (model::is_live(m)) m_live_by_email.emplace(m.email, &m);
    if (m.external_id && (model::is_live(m) || model::is_recoverable(m))) {
      m_by_external_id.emplace(*m.external_id, &m);
    }
  }
  Matching matching = match_members(m_desired, m_observed);
  for (const auto& match : matching.managed)
    plan_member(match);
  for (const auto* member : matching.unmanaged)
    plan_unmanaged(*member);
  for (const auto* member : matching.removed_unmanaged)
    note_removed(*member, member->email, DriftItem::Kind::removed_outside);
  settle_removals();
  plan_access(matching);
  plan_groups(matching);
  keep_targets();
  check_guards();
  finish();
  forecast_licenses();
  return std::move(m_plan);
}

void Planner::warn(const std::string& email, std::string message) {
  m_plan.warnings.push_back({email, std::move(message)});
}

PlanStep Planner::step(Action action, Reason reason, const std::string& email,
                       const model::ObservedMember* observed) const {
  PlanStep s;
  s.action = action;
  s.reason = reason;
  s.email = email;
  if (observed != nullptr) {  // the record the step changes: guards judge this one
    s.team_member_id = observed->team_member_id;
    s.observed_email = observed->email;
    s.observed_status = observed->status;
  }
  return s;
}

PlanStep Planner::step(Action action, Reason reason, const Match& match) const {
  return step(action, reason, match.desired->email, match.observed);
}

PlanStep Planner::removal(const model::ObservedMember& member, const model::RemoveOptions& options,
                          Reason reason) const {
  PlanStep s = step(Action::remove, reason, member.email, &member);
  if (member.status == model::MemberStatus::invited) {
    // Nobody joined, so there is no account to keep, no data to wipe or transfer; the
    // API refuses keep_account for invited members (cannot_keep_invited_user_account).
    if (reason == Reason::declared_removed) s.reason = Reason::invitation_cancelled;
    return s;
  }
  s.wipe_data = options.wipe_data;
  s.keep_account = options.keep_account;
  s.retain_team_shares = options.retain_team_shares;
  s.transfer_to = options.transfer_to;
  s.transfer_admin = options.transfer_to.empty() ? std::string() : options.transfer_admin;
  // Dropbox cannot restore a kept (Basic) account or one whose files were transferred.
  if (!s.keep_account && s.transfer_to.empty()) s.recoverable_until = recovery_deadline();
  return s;
}

void Planner::plan_member(const Match& match) {
  const auto& d = *match.desired;
  m_plan.summary.desired_members++;
  switch (d.state) {
    case model::DesiredState::active:
      plan_active(match);
      break;
    case model::DesiredState::suspended:
      plan_suspended(match);
      break;
    case model::DesiredState::removed:
      plan_removed(match);
      break;
  }
}

void Planner::plan_active(const Match& match) {
  const auto& d = *match.desired;
  const auto* o = match.observed;
  if (o == nullptr || (o->status == model::MemberStatus::removed && !model::is_recoverable(*o))) {
    if (blocks_reinvite(match)) return;
    // Only for someone who had an account (joined_on is listed): not for an invitation that
    // was never accepted, nor for a converted account (its files stay with the person).
    if (o != nullptr && o->joined_on && !o->is_disconnected) {
      warn(d.email,
           "removed and no longer recoverable: the invitation creates a new, empty account "
           "(the old files are gone or were transferred)");
    }
    PlanStep s = step(Action::invite,
                      o == nullptr ? Reason::not_on_team : Reason::no_longer_recoverable, match);
    s.team_member_id.clear();  // an invitation makes a new record; it selects by email
    s.observed_email.clear();
    s.given_name = d.given_name;
    s.surname = d.surname;
    s.external_id = d.external_id;
    s.send_welcome_email = d.send_welcome_email;
    if (d.external_id) {
      if (auto holder = m_by_external_id.find(*d.external_id); holder != m_by_external_id.end()) {
        warn(d.email, "external_id \"" + *d.external_id + "\" belongs to " + holder->second->email +
                          " on the team: the invitation will fail with "
                          "duplicate_external_member_id until it is freed");
      }
    }
    m_final_status[d.email] = model::MemberStatus::invited;
    m_plan.steps.push_back(std::move(s));
    return;
  }
  switch (o->status) {
    case model::MemberStatus::removed:
      // Never re-invite a recoverable member: add fails (user_already_on_team) and the
      // member's data would be lost; recover keeps it.
      m_plan.steps.push_back(step(Action::recover, Reason::declared_active, match));
      break;
    case model::MemberStatus::suspended:
      m_plan.steps.push_back(step(Action::unsuspend, Reason::declared_active, match));
      break;
    case model::MemberStatus::invited:
      if (expire_invitation(*o, d.email)) return;
      resend_invitation(match);
      if (o->invited_on) {
        m_plan.drift.push_back({DriftItem::Kind::pending_invite,
                                d.email,
                                o->status,
                                std::max<std::int64_t>(0, (m_options.now - *o->invited_on) / 86400),
                                {},
                                std::nullopt});
      } else {
        m_plan.drift.push_back(
            {DriftItem::Kind::pending_invite, d.email, o->status, std::nullopt, {}, std::nullopt});
      }
      break;
    case model::MemberStatus::active:
      break;
  }
  m_final_status[d.email] = o->status == model::MemberStatus::invited ? model::MemberStatus::invited
                                                                      : model::MemberStatus::active;
  plan_profile(match);
}

void Planner::plan_suspended(const Match& match) {
  const auto& d = *match.desired;
  const auto* o = match.observed;
  if (o == nullptr) {
    warn(d.email,
         "declared suspended but not on the team: nothing to do (roster does not invite "
         "a member only to suspend them)");
    return;
  }
  PlanStep suspend = step(Action::suspend, Reason::declared_suspended, match);
  suspend.wipe_data = d.suspend.wipe_data;
  switch (o->status) {
    case model::MemberStatus::invited:
      warn(d.email,
           "declared suspended but only invited: Dropbox cannot suspend an invited "
           "member; declare it removed to cancel the invitation");
      m_final_status[d.email] = o->status;
      plan_profile(match);
      return;
    case model::MemberStatus::removed:
      if (!model::is_recoverable(*o)) {
        warn(d.email, "declared suspended but removed and no longer recoverable: nothing to do");
        return;
      }
      m_plan.steps.push_back(step(Action::recover, Reason::declared_suspended, match));
      suspend.note = "after recovery";
      m_plan.steps.push_back(std::move(suspend));
      break;
    case model::MemberStatus::active:
      m_plan.steps.push_back(std::move(suspend));
      break;
    case model::MemberStatus::suspended:
      break;
  }
  m_final_status[d.email] = model::MemberStatus::suspended;
  plan_profile(match);
}

void Planner::plan_removed(const Match& match) {
  const auto& d = *match.desired;
  const auto* o = match.observed;
  if (o == nullptr) return;  // not on the team
  if (!model::is_live(*o)) {
    note_removed(*o, d.email, DriftItem::Kind::removed_recoverable);
    return;
  }
  remove_member(*o, d.email, d.remove, d.suspend, Reason::declared_removed);
}

// Profile drift (and an email change found by external_id) for a member who stays.
void Planner::plan_profile(const Match& match) {
  const auto& d = *match.desired;
  const auto& o = *match.observed;
  PlanStep s = step(Action::update_profile,
                    match.by_external_id ? Reason::email_changed : Reason::profile_differs, match);
  if (match.by_external_id) s.changes.push_back({"email", o.email, d.email});
  if (d.given_name && *d.given_name != o.given_name) {
    s.changes.push_back({"given_name", o.given_name, *d.given_name});
  }
  if (d.surname && *d.surname != o.surname) s.changes.push_back({"surname", o.surname, *d.surname});
  if (d.external_id && *d.external_id != o.external_id.value_or("")) {
    s.changes.push_back({"external_id", o.external_id.value_or(""), *d.external_id});
  }
  if (!s.changes.empty()) m_plan.steps.push_back(std::move(s));
}

void Planner::finish() {
  auto& p = m_plan;
  std::stable_sort(p.steps.begin(), p.steps.end(), [](const PlanStep& a, const PlanStep& b) {
    return std::tie(a.action, a.group_name, a.email, a.secondary_email) <
           std::tie(b.action, b.group_name, b.email, b.secondary_email);
  });
  std::stable_sort(p.warnings.begin(), p.warnings.end(),
                   [](const PlanWarning& a, const PlanWarning& b) {
                     return std::tie(a.email, a.message) < std::tie(b.email, b.message);
                   });
  std::stable_sort(p.drift.begin(), p.drift.end(), [](const DriftItem& a, const DriftItem& b) {
    return std::tie(a.kind, a.email, a.group_name) < std::tie(b.kind, b.email, b.group_name);
  });
  std::stable_sort(p.scheduled.begin(), p.scheduled.end(),
                   [](const ScheduledRemoval& a, const ScheduledRemoval& b) {
                     // Dated items first, soonest first; undated ones last.
                     return std::tuple(!a.due, a.due.value_or(0), a.email) <
                            std::tuple(!b.due, b.due.value_or(0), b.email);
                   });
  for (const auto& s : p.steps)
    p.summary.steps_by_action[static_cast<std::size_t>(s.action)]++;
  for (const auto& m : m_observed.members) {
    (model::is_live(m) ? p.summary.live_members : p.summary.removed_members)++;
  }
}

}  // namespace roster::plan
