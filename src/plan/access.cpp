// Access of manifest members (issue 9, decision 0023): admin roles, secondary emails and
// space limits. Runs after the lifecycle steps are settled, because who is leaving decides
// who loses a role first.
#include <algorithm>

#include "planner.hpp"
#include "roster/model/roles.hpp"
#include "roster/plan/guards.hpp"

namespace roster::plan {

namespace {

// The member is invited by this plan: not on the team, or removed beyond recovery.
bool invited_now(const model::ObservedMember* o) {
  return o == nullptr || (o->status == model::MemberStatus::removed && !model::is_recoverable(*o));
}

}  // namespace

PlanStep Planner::access_step(Action action, Reason reason, const Match& match) const {
  PlanStep s = step(action, reason, match);
  if (invited_now(match.observed)) {  // selected by email once the invitation exists
    s.team_member_id.clear();
    s.observed_email.clear();
    s.observed_status.reset();
  }
  return s;
}

void Planner::plan_access(const Matching& matching) {
  // Copies, not views: revoke_leaving_roles() below grows m_plan.steps, which moves them.
  std::unordered_set<std::string> leaving;
  for (const auto& s : m_plan.steps) {
    if (takes_away_access(s)) leaving.insert(s.team_member_id);
  }
  revoke_leaving_roles();
  for (const auto& match : matching.managed) {
    const auto& d = *match.desired;
    if (d.state == model::DesiredState::removed) continue;
    if (match.observed != nullptr && leaving.count(match.observed->team_member_id) != 0) continue;
    if (d.state == model::DesiredState::suspended && match.observed == nullptr) continue;
    plan_role(match);
    plan_secondary_emails(match);
    plan_space_limit(match);
  }
}

// An active admin the plan suspends or removes loses the role first, whether or not the
// manifest manages roles: an offboarding must not leave admin rights behind if the apply
// stops part-way.
void Planner::revoke_leaving_roles() {
  std::vector<PlanStep> revokes;
  for (const auto& s : m_plan.steps) {
    if (!takes_away_access(s)) continue;
    const auto* o = observed_by_id(s.team_member_id);
    // Only an active member's role can change; removing a suspended admin takes the role.
    if (o == nullptr || !model::is_admin(o->role) || o->status != model::MemberStatus::active) {
      continue;
    }
    PlanStep r;
    r.action = Action::revoke_role;
    r.reason = Reason::leaving_admin;
    r.email = s.email;
    r.team_member_id = s.team_member_id;
    r.observed_email = s.observed_email;
    r.observed_status = s.observed_status;
    r.role = model::Role::member_only;
    r.changes.push_back({"role", model::to_string(o->role), "member_only"});
    revokes.push_back(std::move(r));
  }
  for (auto& r : revokes)
    m_plan.steps.push_back(std::move(r));
}

void Planner::plan_role(const Match& match) {
  const auto& d = *match.desired;
  const auto* o = match.observed;
  if (!d.role) return;
  model::Role target = *d.role;
  model::Role current = invited_now(o) ? model::Role::member_only : o->role;
  if (d.state == model::DesiredState::suspended) {
    // The validator allows only member_only here; a suspended admin cannot be changed.
    if (o->status == model::MemberStatus::suspended && current != target) {
      warn(d.email, std::string("keeps its admin role ") + model::to_string(current) +
                        " while suspended: Dropbox cannot change the role of a suspended member");
    }
    return;
  }
  if (current == target) return;
  if (invited_now(o) && target == model::Role::member_only) return;
  bool revoke = target == model::Role::member_only && o != nullptr && !invited_now(o) &&
                o->status == model::MemberStatus::active;
  PlanStep s =
      access_step(revoke ? Action::revoke_role : Action::set_role, Reason::role_differs, match);
  s.role = target;
  s.changes.push_back({"role", model::to_string(current), model::to_string(target)});
  m_plan.steps.push_back(std::move(s));
}

void Planner::plan_secondary_emails(const Match& match) {
  const auto& d = *match.desired;
  const auto* o = match.observed;
  if (!d.secondary_emails) return;
  const auto& want = *d.secondary_emails;
  if (invited_now(o) || o->status == model::MemberStatus::invited) {
    if (!want.empty()) {
      warn(d.email,
           "secondary emails wait until the member joins: Dropbox answers placeholder_user "
           "for invited members");
    }
    return;
  }
  std::vector<std::string> have;
  for (const auto& e : o->secondary_emails)
    have.push_back(e.email);
  std::sort(have.begin(), have.end());
  for (const auto& e : want) {
    if (std::binary_search(have.begin(), have.end(), e)) continue;
    PlanStep s = access_step(Action::add_secondary_email, Reason::secondary_emails_differ, match);
    s.secondary_email = e;
    m_plan.steps.push_back(std::move(s));
  }
  for (const auto& e : have) {
    if (std::binary_search(want.begin(), want.end(), e)) continue;
    PlanStep s =
        access_step(Action::delete_secondary_email, Reason::secondary_emails_differ, match);
    s.secondary_email = e;
    m_plan.steps.push_back(std::move(s));
  }
}

void Planner::plan_space_limit(const Match& match) {
  const auto& d = *match.desired;
  const auto* o = match.observed;
  if (!d.space_limit || !m_observed.quotas_read) return;
  const auto& want = *d.space_limit;
  if (!invited_now(o)) {
    const auto& excluded = m_observed.quota_excluded_ids;
    if (std::find(excluded.begin(), excluded.end(), o->team_member_id) != excluded.end()) {
      warn(d.email,
           "is on the team's excluded users list for space limits: Dropbox refuses a custom "
           "quota (some_users_are_excluded); remove it from the list first");
      return;
    }
  }
  std::optional<std::uint32_t> current = invited_now(o) ? std::nullopt : o->custom_quota_gb;
  if (want.team_default) {
    if (!current) return;
    m_plan.steps.push_back(
        access_step(Action::remove_space_limit, Reason::space_limit_differs, match));
    return;
  }
  if (current == want.gb) return;
  PlanStep s = access_step(Action::set_space_limit, Reason::space_limit_differs, match);
  s.quota_gb = want.gb;
  m_plan.steps.push_back(std::move(s));
}

const model::ObservedMember* Planner::observed_by_id(std::string_view id) const {
  auto it = m_by_id.find(id);
  return it == m_by_id.end() ? nullptr : it->second;
}

}  // namespace roster::plan
