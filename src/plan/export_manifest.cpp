#include "roster/plan/export_manifest.hpp"

#include <algorithm>

namespace roster::plan {

model::DesiredTeam export_manifest(const model::ObservedTeam& observed) {
  model::DesiredTeam team;
  team.team_name = observed.team_name;
  if (observed.authenticated_admin_email) {
    team.policy.protected_emails.push_back(*observed.authenticated_admin_email);
  }
  for (const auto& m : observed.members) {
    // Recently removed (recoverable) members are declared removed, so that planning the
    // export finds no drift; older removals are history and left out.
    if (!model::is_live(m) && !model::is_recoverable(m)) continue;
    model::DesiredMember d;
    d.email = m.email;
    if (!m.given_name.empty()) d.given_name = m.given_name;
    if (!m.surname.empty()) d.surname = m.surname;
    if (m.external_id && !m.external_id->empty()) d.external_id = m.external_id;
    d.state = m.status == model::MemberStatus::suspended ? model::DesiredState::suspended
              : m.status == model::MemberStatus::removed ? model::DesiredState::removed
                                                         : model::DesiredState::active;
    team.members.push_back(std::move(d));
  }
  std::sort(team.members.begin(), team.members.end(),
            [](const auto& a, const auto& b) { return a.email < b.email; });
  // Records sharing an email (rare) would make an invalid manifest: keep the first.
  team.members.erase(std::unique(team.members.begin(), team.members.end(),
                                 [](const auto& a, const auto& b) { return a.email == b.email; }),
                     team.members.end());
  return team;
}

}  // namespace roster::plan
