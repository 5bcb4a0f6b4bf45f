// Declared groups, their authoritative membership, and groups the manifest does not declare
// (issue 9, decision 0023). Only when the manifest has a `groups:` section.
#include <algorithm>
#include <map>

#include "planner.hpp"
#include "roster/model/email.hpp"
#include "roster/plan/guards.hpp"

namespace roster::plan {

// Who a manifest member is on the team once the plan has run: the record's id, or none
// yet (invited by this plan: selected by email), or not on the team at all.
struct Planner::GroupMember {
  const Match* match = nullptr;
  std::string team_member_id;  // empty: invited by this plan
  bool on_team = false;
};

namespace {

std::size_t index_of(const model::ObservedGroup& g, const std::vector<model::ObservedGroup>& all) {
  return static_cast<std::size_t>(&g - all.data());
}

const model::ObservedGroup* find_group(const model::DesiredGroup& want,
                                       const std::vector<model::ObservedGroup>& groups,
                                       const std::vector<bool>& claimed) {
  auto unclaimed = [&](const model::ObservedGroup& g) { return !claimed[index_of(g, groups)]; };
  if (want.external_id && !want.external_id->empty()) {
    for (const auto& g : groups) {
      if (unclaimed(g) && g.external_id == want.external_id) return &g;
    }
  }
  for (const auto& g : groups) {
    if (unclaimed(g) && g.name == want.name) return &g;
  }
  // Dropbox refuses a second group whose name differs only by case (group_name_already_used).
  auto lower = model::normalise_email(want.name);
  for (const auto& g : groups) {
    if (unclaimed(g) && model::normalise_email(g.name) == lower) return &g;
  }
  return nullptr;
}

}  // namespace

void Planner::plan_groups(const Matching& matching) {
  if (!m_desired.manages_groups) return;
  if (!m_observed.groups_read) {
    warn("", "the team's groups were not read, so the groups section was not planned");
    return;
  }
  std::map<std::string_view, GroupMember> members;
  std::unordered_set<std::string_view> removed;  // their memberships go with the removal
  for (const auto& s : m_plan.steps) {
    if (s.action == Action::remove) removed.insert(s.team_member_id);
  }
  for (const auto& match : matching.managed) {
    const auto* o = match.observed;
    GroupMember m{&match, "", false};
    bool usable = o != nullptr && (model::is_live(*o) || model::is_recoverable(*o));
    if (match.desired->state == model::DesiredState::active) {
      m.on_team = true;
      if (usable) m.team_member_id = o->team_member_id;
    } else if (match.desired->state == model::DesiredState::suspended && usable) {
      m.on_team = true;
      m.team_member_id = o->team_member_id;
    }
    members.emplace(match.desired->email, m);
  }
  const auto& groups = m_observed.groups;
  std::vector<bool> claimed(groups.size(), false);
  for (const auto& want : m_desired.groups) {
    const auto* have = find_group(want, groups, claimed);
    if (have != nullptr) claimed[index_of(*have, groups)] = true;
    if (have != nullptr && have->management == model::GroupManagement::system_managed) {
      warn("", "group \"" + want.name +
                   "\" is managed by Dropbox (system_managed): roster does not change it");
      continue;
    }
    plan_group(want, have);
    plan_membership(want, have, members, removed);
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& g = groups[i];
    if (claimed[i] || g.management == model::GroupManagement::system_managed) continue;
    if (m_desired.policy.unmanaged_groups == model::UnmanagedGroupsPolicy::report) {
      DriftItem d;
      d.kind = DriftItem::Kind::unmanaged_group;
      d.group_name = g.name;
      m_plan.drift.push_back(std::move(d));
      continue;
    }
    PlanStep s;
    s.action = Action::delete_group;
    s.reason = Reason::unmanaged_group;
    s.group_id = g.group_id;
    s.group_name = g.name;
    m_plan.steps.push_back(std::move(s));
  }
}

// create_group, or update_group for what differs (name, external id, management type).
void Planner::plan_group(const model::DesiredGroup& want, const model::ObservedGroup* have) {
  PlanStep s;
  s.group_name = want.name;
  if (have == nullptr) {
    s.action = Action::create_group;
    s.reason = Reason::group_declared;
    s.group_external_id = want.external_id;
    if (s.group_external_id && s.group_external_id->empty()) s.group_external_id.reset();
    s.group_management = want.management;
    m_plan.steps.push_back(std::move(s));
    return;
  }
  s.action = Action::update_group;
  s.reason = Reason::group_differs;
  s.group_id = have->group_id;
  if (have->name != want.name) s.changes.push_back({"name", have->name, want.name});
  if (want.external_id && *want.external_id != have->external_id.value_or("")) {
    s.changes.push_back({"external_id", have->external_id.value_or(""), *want.external_id});
    s.group_external_id = want.external_id;
  }
  if (want.management != have->management) {
    s.changes.push_back(
        {"management_type", model::to_string(have->management), model::to_string(want.management)});
    s.group_management = want.management;
  }
  if (!s.changes.empty()) m_plan.steps.push_back(std::move(s));
}

// The declared members with their access; everyone else in the group leaves it, except a
// member being removed, whose memberships go with the removal.
void Planner::plan_membership(const model::DesiredGroup& want, const model::ObservedGroup* have,
                              const std::map<std::string_view, GroupMember>& members,
                              const std::unordered_set<std::string_view>& removed) {
  std::map<std::string_view, model::GroupAccess> now;  // team_member_id → access
  if (have != nullptr && have->members) {
    for (const auto& m : *have->members)
      now.emplace(m.team_member_id, m.access);
  } else if (have != nullptr) {
    warn("", "the members of group \"" + want.name + "\" were not read: membership not planned");
    return;
  }
  auto membership = [&](Action action, const Match& match) {
    PlanStep s = access_step(action, Reason::group_membership, match);
    s.group_id = have != nullptr ? have->group_id : "";
    s.group_name = want.name;
    return s;
  };
  std::unordered_set<std::string_view> wanted_ids;
  for (const auto& dm : want.members) {
    auto it = members.find(dm.email);
    if (it == members.end() || !it->second.on_team) continue;
    const GroupMember& m = it->second;
    if (!m.team_member_id.empty()) wanted_ids.insert(m.team_member_id);
    auto found = m.team_member_id.empty() ? now.end() : now.find(m.team_member_id);
    if (found != now.end() && found->second == dm.access) continue;
    PlanStep s =
        membership(found == now.end() ? Action::add_to_group : Action::set_group_access, *m.match);
    s.group_access = dm.access;
    m_plan.steps.push_back(std::move(s));
  }
  if (have == nullptr) return;
  for (const auto& om : *have->members) {
    if (wanted_ids.count(om.team_member_id) != 0 || removed.count(om.team_member_id) != 0) {
      continue;
    }
    PlanStep s;
    s.action = Action::remove_from_group;
    s.reason = Reason::group_membership;
    s.email = om.email;
    s.team_member_id = om.team_member_id;
    s.observed_email = om.email;
    if (const auto* o = observed_by_id(om.team_member_id)) s.observed_status = o->status;
    s.group_id = have->group_id;
    s.group_name = want.name;
    m_plan.steps.push_back(std::move(s));
  }
}

}  // namespace roster::plan
