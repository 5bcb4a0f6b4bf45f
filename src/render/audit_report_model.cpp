// The audit report's counts and member table (issue 12), from a plan and the team it was
// planned from, or from a saved plan alone (decision 0050). Counting only: what the plan
// does to a member is the plan's; this file lists it next to the member.
#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "roster/render/audit_report.hpp"

namespace roster::render {

namespace {

// Pending invitations by age in whole days; the last bin is "unknown".
constexpr std::array<std::pair<std::int64_t, const char*>, 6> k_age_bins = {{
    {7, "0-6 days"},
    {14, "7-13 days"},
    {30, "14-29 days"},
    {60, "30-59 days"},
    {90, "60-89 days"},
    {-1, "90+ days"},
}};

std::vector<AuditCount> empty_age_bins() {
  std::vector<AuditCount> bins;
  for (const auto& [limit, label] : k_age_bins)
    bins.push_back({label, 0});
  bins.push_back({"age unknown", 0});
  return bins;
}

void count_age(std::vector<AuditCount>& bins, std::optional<std::int64_t> age_days) {
  if (!age_days) {
    ++bins.back().count;
    return;
  }
  for (std::size_t i = 0; i < k_age_bins.size(); ++i) {
    if (k_age_bins[i].first < 0 || *age_days < k_age_bins[i].first) {
      ++bins[i].count;
      return;
    }
  }
}

// "invite, set_role" for every step about the member (by record id, else by email).
using PlanByMember = std::map<std::string, std::string>;

PlanByMember plan_by_member(const plan::Plan& plan) {
  PlanByMember by_member;
  for (const auto& step : plan.steps) {
    if (plan::is_group_step(step)) continue;
    auto& text = by_member[step.team_member_id.empty() ? step.email : step.team_member_id];
    std::string action = plan::to_string(step.action);
    if (!step.group_name.empty()) action += " " + step.group_name;
    text += (text.empty() ? "" : ", ") + action;
  }
  return by_member;
}

std::string take(PlanByMember& plan, const std::string& key) {
  auto it = plan.find(key);
  if (it == plan.end()) return "";
  std::string text = std::move(it->second);
  plan.erase(it);
  return text;
}

std::string full_name(const std::string& given, const std::string& surname) {
  if (given.empty() || surname.empty()) return given + surname;
  return given + " " + surname;
}

std::string group_names(const model::ObservedMember& member,
                        const std::map<std::string, std::string>& names) {
  std::string text;
  for (const auto& id : member.group_ids) {
    auto it = names.find(id);
    text += (text.empty() ? "" : ", ") + (it == names.end() ? id : it->second);
  }
  return text;
}

void sort_by_email(std::vector<AuditMember>& members) {
  std::sort(members.begin(), members.end(),
            [](const AuditMember& a, const AuditMember& b) { return a.email < b.email; });
}

}  // namespace

AuditReport make_audit_report(const planfile::SavedPlan& saved,
                              const model::ObservedTeam& observed) {
  AuditReport report;
  report.whole_team = true;
  report.invitation_ages = empty_age_bins();
  std::array<std::size_t, 4> by_state{};
  std::map<model::Role, std::size_t> by_role;
  std::map<std::string, std::string> names;
  for (const auto& group : observed.groups)
    names[group.group_id] = group.name;
  auto now = model::parse_timestamp(saved.created_at);
  auto plan = plan_by_member(saved.plan);
  report.members.reserve(observed.members.size());
  for (const auto& m : observed.members) {
    ++by_state[static_cast<std::size_t>(m.status)];
    if (model::is_live(m)) ++by_role[m.role];
    if (m.status == model::MemberStatus::invited) {
      std::optional<std::int64_t> age;
      if (m.invited_on && now) age = (*now - *m.invited_on) / model::k_seconds_per_day;
      count_age(report.invitation_ages, age);
    }
    std::string actions = take(plan, m.team_member_id);
    report.members.push_back({m.email, full_name(m.given_name, m.surname),
                              model::to_string(m.status), model::to_string(m.role),
                              group_names(m, names), m.external_id.value_or(""), actions});
  }
  for (auto& [email, actions] : plan) {  // invitations: not on the team yet
    report.members.push_back({email, "", "not on team", "", "", "", std::move(actions)});
  }
  for (auto status : {model::MemberStatus::active, model::MemberStatus::invited,
                      model::MemberStatus::suspended, model::MemberStatus::removed}) {
    report.by_state.push_back(
        {model::to_string(status), by_state[static_cast<std::size_t>(status)]});
  }
  for (const auto& [role, count] : by_role)
    report.by_role.push_back({model::to_string(role), count});
  sort_by_email(report.members);
  return report;
}

AuditReport make_audit_report(const planfile::SavedPlan& saved) {
  AuditReport report;
  report.invitation_ages = empty_age_bins();
  report.by_state = {{"live", saved.plan.summary.live_members},
                     {"removed", saved.plan.summary.removed_members}};
  std::map<std::string, AuditMember> members;
  const auto& steps = saved.plan.steps;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (plan::is_group_step(steps[i])) continue;
    auto& row = members[steps[i].email];
    row.email = steps[i].email;
    if (i < saved.preconditions.size() && saved.preconditions[i].on_team) {
      const auto& p = saved.preconditions[i];
      row.name = full_name(p.given_name, p.surname);
      row.state = p.status;
      row.role = p.role;
      row.external_id = p.external_id;
    } else if (row.state.empty()) {
      row.state = "not on team";
    }
    std::string action = plan::to_string(steps[i].action);
    if (!steps[i].group_name.empty()) action += " " + steps[i].group_name;
    row.plan += (row.plan.empty() ? "" : ", ") + action;
  }
  for (const auto& item : saved.plan.drift) {
    if (item.kind == plan::DriftItem::Kind::pending_invite)
      count_age(report.invitation_ages, item.age_days);
    if (item.email.empty()) continue;
    auto& row = members[item.email];
    row.email = item.email;
    if (row.state.empty()) row.state = model::to_string(item.status);
  }
  for (auto& [email, row] : members)
    report.members.push_back(std::move(row));
  return report;
}

}  // namespace roster::render
