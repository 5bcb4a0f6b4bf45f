// Invitations nobody accepts (decision 0033): policy.invitations resends the welcome
// email on the day an invitation turns `resend_after_days` old and cancels it once it is
// `cancel_after_days` old, by the invitation's age (`invited_on`) and `now` alone.
#include <fmt/format.h>

#include "planner.hpp"

namespace roster::plan {

namespace {

// A removed record that never joined: an invitation that was cancelled. Dropbox lists
// invited_on only while a member is invited (team.stone), so joined_on alone tells.
bool never_joined(const model::ObservedMember& m) {
  return !m.joined_on;
}

}  // namespace

std::optional<std::int64_t> Planner::invitation_age(const model::ObservedMember& m) const {
  if (m.status != model::MemberStatus::invited || !m.invited_on) return std::nullopt;
  if (m_options.now < *m.invited_on) return 0;
  return (m_options.now - *m.invited_on) / model::k_seconds_per_day;
}

// True when the plan removes the invitee (or a warning says why it cannot).
bool Planner::expire_invitation(const model::ObservedMember& member, const std::string& email) {
  const auto& cancel = m_desired.policy.invitations.cancel_after_days;
  auto age = invitation_age(member);
  if (!cancel || !age || *age < *cancel) return false;
  std::string why;
  if (is_untouchable(member, why)) {
    warn(email, fmt::format("invited {} days ago, but the invitation is not cancelled as "
                            "policy.invitations.cancel_after_days says: {}",
                            *age, why));
    return false;
  }
  PlanStep s = removal(member, {}, Reason::invitation_expired);
  s.email = email;
  s.note =
      fmt::format("invited {} days ago (policy.invitations.cancel_after_days: {})", *age, *cancel);
  m_pending_removals.push_back(std::move(s));
  return true;
}

// Fires on one day only, so that a nightly plan resends once (decision 0033).
void Planner::resend_invitation(const Match& match) {
  const auto& resend = m_desired.policy.invitations.resend_after_days;
  auto age = invitation_age(*match.observed);
  if (!resend || !age || *age != *resend) return;
  PlanStep s = step(Action::resend_welcome_email, Reason::invitation_not_accepted, match);
  s.note =
      fmt::format("invited {} days ago (policy.invitations.resend_after_days: {})", *age, *resend);
  m_plan.steps.push_back(std::move(s));
}

// A cancelled invitation is not sent again night after night: only `reinvite: true` does.
bool Planner::blocks_reinvite(const Match& match) {
  const auto& d = *match.desired;
  const auto* o = match.observed;
  if (!m_desired.policy.invitations.cancel_after_days || d.reinvite || o == nullptr ||
      o->status != model::MemberStatus::removed || !never_joined(*o)) {
    return false;
  }
  warn(d.email,
       "never accepted an invitation that was cancelled; while "
       "policy.invitations.cancel_after_days is set, roster does not invite it again; set "
       "reinvite: true on the member to send a new invitation");
  return true;
}

}  // namespace roster::plan
