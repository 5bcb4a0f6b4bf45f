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
  std::unordered_map<std::string_view, const model::ObservedMember*> by_id;
  std::unordered_map<std::string_view, const model::ObservedMember*> by_email;

  explicit Index(const model::ObservedTeam& team) {
    for (const auto& m : team.members) {
      by_id.emplace(m.team_member_id, &m);
      if (model::is_live(m) || model::is_recoverable(m)) by_email.emplace(m.email, &m);
    }
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

}  // namespace

std::string Precondition::fingerprint() const {
  std::string canonical = std::string(on_team ? "1" : "0") + '\n' + team_member_id + '\n' + email +
                          '\n' + status + '\n' + (is_recoverable ? "1" : "0") + '\n' + given_name +
                          '\n' + surname + '\n' + external_id + '\n' + role;
  return "sha256:" + core::sha256_hex(canonical);
}

std::vector<Precondition> make_preconditions(const plan::Plan& plan,
                                             const model::ObservedTeam& observed) {
  Index index(observed);
  std::vector<Precondition> out;
  out.reserve(plan.steps.size());
  for (const auto& step : plan.steps)
    out.push_back(facts_of(index.subject(step)));
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
    const model::ObservedMember* record = index.subject(step);
    Precondition now = facts_of(record);
    if (now.fingerprint() == was.fingerprint()) continue;
    if (!reported.insert(step.email).second) continue;
    stale.push_back({step.email, describe_change(was, now, record)});
  }
  return stale;
}

}  // namespace roster::planfile
