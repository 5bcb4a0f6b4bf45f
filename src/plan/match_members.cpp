#include "match_members.hpp"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace roster::plan {

namespace {

// Several records may share an email (a removed account and a newer invitation);
// the one that matters is live, then recoverable, then any; ties by team_member_id.
int rank(const model::ObservedMember& m) {
  if (model::is_live(m)) return 0;
  if (model::is_recoverable(m)) return 1;
  return 2;
}

bool better(const model::ObservedMember& a, const model::ObservedMember& b) {
  if (rank(a) != rank(b)) return rank(a) < rank(b);
  return a.team_member_id < b.team_member_id;
}

bool usable(const model::ObservedMember* m) {
  return m != nullptr && (model::is_live(*m) || model::is_recoverable(*m));
}

}  // namespace

Matching match_members(const model::DesiredTeam& desired, const model::ObservedTeam& observed) {
  std::unordered_map<std::string_view, const model::ObservedMember*> by_email;
  std::unordered_map<std::string_view, const model::ObservedMember*> by_external_id;
  by_email.reserve(observed.members.size());
  for (const auto& m : observed.members) {
    auto [it, fresh] = by_email.emplace(m.email, &m);
    if (!fresh && better(m, *it->second)) it->second = &m;
    if (m.external_id && !m.external_id->empty() &&
        (model::is_live(m) || model::is_recoverable(m))) {
      auto [ext, first] = by_external_id.emplace(*m.external_id, &m);
      if (!first && better(m, *ext->second)) ext->second = &m;
    }
  }
  std::unordered_set<std::string_view> desired_emails;
  desired_emails.reserve(desired.members.size());
  for (const auto& d : desired.members)
    desired_emails.insert(d.email);

  Matching result;
  result.managed.reserve(desired.members.size());
  std::unordered_set<const model::ObservedMember*> claimed;
  for (const auto& d : desired.members) {
    Match match{&d, nullptr, false};
    if (auto it = by_email.find(d.email); it != by_email.end()) match.observed = it->second;
    if (!usable(match.observed) && d.external_id) {
      auto it = by_external_id.find(*d.external_id);
      if (it != by_external_id.end() && !desired_emails.count(it->second->email) &&
          !claimed.count(it->second)) {
        match = {&d, it->second, true};
      }
    }
    if (match.observed != nullptr) claimed.insert(match.observed);
    result.managed.push_back(match);
  }
  for (const auto& m : observed.members) {
    if (model::is_live(m) && !claimed.count(&m)) result.unmanaged.push_back(&m);
    if (model::is_recoverable(m) && !claimed.count(&m) && !desired_emails.count(m.email)) {
      result.removed_unmanaged.push_back(&m);
    }
  }
  return result;
}

}  // namespace roster::plan
