// Removal after a grace period (decision 0031): a live member who is to be removed is
// suspended first and removed once it has been suspended for `after_suspended_days`,
// counted from `suspended_on` in the listing and `now`, the plan's only clock. And the
// recovery window of removed records (decision 0032).
#include <fmt/format.h>

#include "planner.hpp"

namespace roster::plan {

namespace {

// Whole days from `now` until `due`, rounded up: 30 for exactly 30 days, 1 for an hour.
std::int64_t days_until(model::Timestamp now, model::Timestamp due) {
  auto seconds = due - now;
  if (seconds <= 0) return 0;
  return (seconds + model::k_seconds_per_day - 1) / model::k_seconds_per_day;
}

// The manifest key that set the grace period, for notes and warnings.
const char* grace_key(Reason reason) {
  return reason == Reason::unmanaged_remove ? "defaults.remove.after_suspended_days"
                                            : "remove.after_suspended_days";
}

}  // namespace

model::Timestamp Planner::recovery_deadline() const {
  return m_options.now + k_recovery_days * model::k_seconds_per_day;
}

void Planner::note_removed(const model::ObservedMember& member, const std::string& email,
                           DriftItem::Kind kind) {
  DriftItem item{kind, email, member.status, std::nullopt, {}, std::nullopt};
  if (model::is_recoverable(member)) item.recoverable_until = recovery_deadline();
  if (kind == DriftItem::Kind::removed_recoverable && !item.recoverable_until) return;
  m_plan.drift.push_back(std::move(item));
}

// `reason` is declared_removed (a manifest member) or unmanaged_remove (policy.unmanaged).
void Planner::remove_member(const model::ObservedMember& member, const std::string& email,
                            const model::RemoveOptions& options,
                            const model::SuspendOptions& suspend, Reason reason) {
  const auto days = options.after_suspended_days;
  if (days == 0 || member.status == model::MemberStatus::invited) {
    PlanStep s = removal(member, options, reason);
    s.email = email;
    if (days != 0) s.note = "an invitee has no data to keep: removed at once";
    m_pending_removals.push_back(std::move(s));
    return;
  }
  if (member.status == model::MemberStatus::suspended) {
    remove_after_suspension(member, email, options, reason);
    return;
  }
  const auto due = m_options.now + days * model::k_seconds_per_day;
  PlanStep s = step(Action::suspend, Reason::staged_removal, email, &member);
  s.wipe_data = suspend.wipe_data;
  s.note = fmt::format("removed on {}, after {} days suspended", model::format_date(due), days);
  m_plan.steps.push_back(std::move(s));
  m_final_status[email] = model::MemberStatus::suspended;
  schedule_removal(member, email, due, days, reason);
}

void Planner::remove_after_suspension(const model::ObservedMember& member, const std::string& email,
                                      const model::RemoveOptions& options, Reason reason) {
  const auto days = options.after_suspended_days;
  m_final_status[email] = model::MemberStatus::suspended;
  if (!member.suspended_on) {
    // Never earlier than declared: with no state between runs, an unknown start cannot
    // be counted from anywhere safe (decision 0031).
    warn(email, fmt::format("suspended since a date Dropbox does not report, so roster cannot "
                            "tell when its {} days suspended end and does not remove it; {}",
                            days,
                            reason == Reason::unmanaged_remove
                                ? "to remove it now, add it to the manifest as removed with "
                                  "remove: {after_suspended_days: 0}"
                                : "to remove it now, set remove: {after_suspended_days: 0} "
                                  "on the member"));
    schedule_removal(member, email, std::nullopt, days, reason);
    return;
  }
  const auto due = *member.suspended_on + days * model::k_seconds_per_day;
  if (m_options.now < due) {
    schedule_removal(member, email, due, days, reason);
    return;
  }
  PlanStep s = removal(member, options, Reason::grace_period_over);
  s.email = email;
  auto suspended_for = (m_options.now - *member.suspended_on) / model::k_seconds_per_day;
  s.note = fmt::format("suspended for {} days ({}: {}){}", suspended_for, grace_key(reason), days,
                       reason == Reason::unmanaged_remove ? "; not in the manifest" : "");
  m_pending_removals.push_back(std::move(s));
}

void Planner::schedule_removal(const model::ObservedMember& member, const std::string& email,
                               std::optional<model::Timestamp> due, std::uint32_t days,
                               Reason reason) {
  ScheduledRemoval item;
  item.email = email;
  item.team_member_id = member.team_member_id;
  item.due = due;
  item.days_left = due ? days_until(m_options.now, *due) : 0;
  item.after_suspended_days = days;
  item.reason = reason;
  m_plan.scheduled.push_back(std::move(item));
}

}  // namespace roster::plan
