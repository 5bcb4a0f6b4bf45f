// Live members the manifest does not list follow policy.unmanaged (PRODUCT.md §4, §6).
#include <algorithm>

#include "planner.hpp"

namespace roster::plan {

bool Planner::is_untouchable(const model::ObservedMember& member, std::string& why) const {
  const auto& protected_emails = m_desired.policy.protected_emails;
  if (std::binary_search(protected_emails.begin(), protected_emails.end(), member.email)) {
    why = "it is in policy.protected";
    return true;
  }
  bool is_token_admin = m_observed.authenticated_admin_id
                            ? *m_observed.authenticated_admin_id == member.team_member_id
                            : m_observed.authenticated_admin_email == member.email;
  if (is_token_admin) {
    why = "it is the admin whose token roster uses";
    return true;
  }
  return false;
}

void Planner::plan_unmanaged(const model::ObservedMember& member) {
  m_final_status[member.email] = member.status;
  if (expire_invitation(member, member.email)) return;
  auto policy = m_desired.policy.unmanaged;
  if (policy == model::UnmanagedPolicy::report) {
    m_plan.drift.push_back(
        {DriftItem::Kind::unmanaged, member.email, member.status, std::nullopt, {}, std::nullopt});
    return;
  }
  bool suspend = policy == model::UnmanagedPolicy::suspend;
  if (suspend && member.status == model::MemberStatus::suspended) return;
  std::string why;
  if (is_untouchable(member, why)) {
    warn(member.email, std::string("not in the manifest, but not ") +
                           (suspend ? "suspended" : "removed") +
                           " as policy.unmanaged says: " + why);
    return;
  }
  if (suspend && member.status == model::MemberStatus::invited) {
    warn(member.email,
         "not in the manifest and only invited: Dropbox cannot suspend an invited "
         "member, so policy.unmanaged: suspend leaves the invitation open");
    m_plan.drift.push_back(
        {DriftItem::Kind::unmanaged, member.email, member.status, std::nullopt, {}, std::nullopt});
    return;
  }
  if (suspend) {
    PlanStep s = step(Action::suspend, Reason::unmanaged_suspend, member.email, &member);
    s.wipe_data = m_desired.default_suspend.wipe_data;
    m_plan.steps.push_back(std::move(s));
    m_final_status[member.email] = model::MemberStatus::suspended;
    return;
  }
  // One key, one rule: defaults.remove.after_suspended_days stages these too (decision 0031).
  remove_member(member, member.email, m_desired.default_remove, m_desired.default_suspend,
                Reason::unmanaged_remove);
}

}  // namespace roster::plan
