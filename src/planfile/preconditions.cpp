#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "roster/core/sha256.hpp"
#include "roster/planfile/saved_plan.hpp"

namespace roster::planfile {

namespace {

Precondition facts_of(const model::ObservedMember* m) {
  Precondition p;
  // An unrecoverable removal counts as absent: nothing can act on that record any more.
  if (m == nullptr || !(model::is_live(*m) || model::is_recoverable(*m))) return p;
  p.on_team = true;
  p.team_member_id = m->team_member_id;
  p.email = m->email;
  p.status = model::to_string(m->status);
  p.is_recoverable = model::is_recoverable(*m);
  p.given_name = m->given_name;
  p.surname = m->surname;
  p.external_id = m->external_id.value_or("");
  p.role = model::to_string(m->role);
  return p;
}

// The record a step acts on: by id when it has one; an invite's email must be free.
struct Index {
  const model::ObservedTeam& team;
  std::unordered_map<std::string_view, const model::ObservedMember*> by_id;
  std::unordered_map<std::string_view, const model::ObservedMember*> by_email;

  explicit Index(const model::ObservedTeam& observed) : team(observed) {
    for (const auto& m : team.members) {
      by_id.emplace(m.team_member_id, &m);
      if (model::is_live(m) || model::is_recoverable(m)) by_email.emplace(m.email, &m);
    }
  }

  // The group a step names: by id, or by name for a group the plan creates.
  const model::ObservedGroup* group(const plan::PlanStep& step) const {
    for (const auto& g : team.groups) {
      if (step.group_id.empty() ? g.name == step.group_name : g.group_id == step.group_id) {
        return &g;
      }
    }
    return nullptr;
  }

  const model::ObservedMember* subject(const plan::PlanStep& step) const {
    const auto& table = step.team_member_id.empty() ? by_email : by_id;
    auto it = table.find(step.team_member_id.empty() ? step.email : step.team_member_id);
    return it == table.end() ? nullptr : it->second;
  }
};

void compare(std::vector<std::string>& out, const char* what, const std::string& was,
             const std::string& now) {
  if (was != now) out.push_back(std::string(what) + " was \"" + was + "\", is now \"" + now + "\"");
}

std::string group_facts(const model::ObservedGroup* g) {
  if (g == nullptr) return "not on the team";
  return "id " + g->group_id + ", name " + g->name + ", external_id " +
         g->external_id.value_or("") + ", " + model::to_string(g->management);
}

std::string access_in(const model::ObservedGroup* g, const std::string& team_member_id) {
  if (g == nullptr) return "group not on the team";
  if (!g->members) return "not read";
  for (const auto& m : *g->members) {
    if (m.team_member_id == team_member_id) return model::to_string(m.access);
  }
  return "none";
}

std::string secondary_emails_of(const model::ObservedMember* m) {
  std::vector<std::string> emails;
  if (m != nullptr) {
    for (const auto& e : m->secondary_emails)
      emails.push_back(e.email);
  }
  std::sort(emails.begin(), emails.end());
  std::string out;
  for (const auto& e : emails)
    out += (out.empty() ? "" : ", ") + e;
  return out;
}

std::string space_limit_of(const model::ObservedMember* m, const model::ObservedTeam& team) {
  if (!team.quotas_read) return "not read";
  if (m == nullptr) return "team_default";
  const auto& excluded = team.quota_excluded_ids;
  if (std::find(excluded.begin(), excluded.end(), m->team_member_id) != excluded.end()) {
    return "excluded";
  }
  return m->custom_quota_gb ? std::to_string(*m->custom_quota_gb) : "team_default";
}

// What an access step depends on besides the member record (issue 9): the group, the
// member's access in it, its secondary emails or its space limit.
std::vector<std::pair<std::string, std::string>> access_facts(const plan::PlanStep& step,
                                                              const model::ObservedMember* m,
                                                              const Index& index) {
  using plan::Action;
  switch (step.action) {
    case Action::create_group:
    case Action::update_group:
    case Action::delete_group:
      return {{"group " + step.group_name, group_facts(index.group(step))}};
    case Action::add_to_group:
    case Action::set_group_access:
    case Action::remove_from_group:
      return {{"access in group " + step.group_name,
               access_in(index.group(step), m != nullptr ? m->team_member_id : "")}};
    case Action::add_secondary_email:
    case Action::delete_secondary_email:
      return {{"secondary_emails", secondary_emails_of(m)}};
    case Action::set_space_limit:
    case Action::remove_space_limit:
      return {{"space_limit", space_limit_of(m, index.team)}};
    default:
      return {};
  }
}

Precondition facts_for(const plan::PlanStep& step, const Index& index) {
  const model::ObservedMember* record = plan::is_group_step(step) ? nullptr : index.subject(step);
  Precondition p = facts_of(record);
  p.access = access_facts(step, record, index);
  return p;
}

}  // namespace

std::string Precondition::fingerprint() const {
  std::string canonical = std::string(on_team ? "1" : "0") + '\n' + team_member_id + '\n' + email +
                          '\n' + status + '\n' + (is_recoverable ? "1" : "0") + '\n' + given_name +
                          '\n' + surname + '\n' + external_id + '\n' + role;
  for (const auto& [field, value] : access)
    canonical += '\n' + field + '=' + value;
  return "sha256:" + core::sha256_hex(canonical);
}

std::vector<Precondition> make_preconditions(const plan::Plan& plan,
                                             const model::ObservedTeam& observed) {
  Index index(observed);
  std::vector<Precondition> out;
  out.reserve(plan.steps.size());
  for (const auto& step : plan.steps)
    out.push_back(facts_for(step, index));
  return out;
}

namespace {

// What changed about one step's member, for people: "status was active, is now suspended".
std::string describe_change(const Precondition& was, const Precondition& now,
                            const model::ObservedMember* record) {
  std::vector<std::string> changes;
  if (was.on_team && !now.on_team) {
    // facts_of() counts an unrecoverable removal as absent; say which it is.
    if (record != nullptr && record->status == model::MemberStatus::removed) {
      changes.push_back(was.status == "removed"
                            ? "is no longer recoverable"
                            : "status was " + was.status + ", is now removed beyond recovery");
    } else {
      changes.push_back("no longer on the team");
    }
  } else if (!was.on_team && now.on_team) {
    changes.push_back("now on the team (" + now.status + ")");
  } else {
    compare(changes, "email", was.email, now.email);
    compare(changes, "status", was.status, now.status);
    if (was.status == now.status && was.is_recoverable != now.is_recoverable) {
      changes.push_back(now.is_recoverable ? "is recoverable now" : "is no longer recoverable");
    }
    compare(changes, "given_name", was.given_name, now.given_name);
    compare(changes, "surname", was.surname, now.surname);
    compare(changes, "external_id", was.external_id, now.external_id);
    compare(changes, "role", was.role, now.role);
  }
  for (std::size_t i = 0; i < was.access.size() && i < now.access.size(); ++i)
    compare(changes, was.access[i].first.c_str(), was.access[i].second, now.access[i].second);
  std::string joined;
  for (const auto& c : changes)
    joined += (joined.empty() ? "" : "; ") + c;
  return joined;
}

}  // namespace

std::vector<StaleMember> find_stale_members(const SavedPlan& saved,
                                            const model::ObservedTeam& live) {
  Index index(live);
  std::vector<StaleMember> stale;
  std::unordered_set<std::string_view> reported;  // several steps may touch one member
  for (std::size_t i = 0; i < saved.plan.steps.size() && i < saved.preconditions.size(); ++i) {
    const auto& step = saved.plan.steps[i];
    const auto& was = saved.preconditions[i];
    const model::ObservedMember* record = plan::is_group_step(step) ? nullptr : index.subject(step);
    Precondition now = facts_for(step, index);
    if (now.fingerprint() == was.fingerprint()) continue;
    // A group step has no member: it is named by its group.
    const std::string& who = plan::is_group_step(step) ? step.group_name : step.email;
    if (!reported.insert(who).second) continue;
    stale.push_back(
        {plan::is_group_step(step) ? "group " + who : who, describe_change(was, now, record)});
  }
  return stale;
}

}  // namespace roster::planfile
