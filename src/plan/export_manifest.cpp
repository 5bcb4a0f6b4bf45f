#include "roster/plan/export_manifest.hpp"

#include <algorithm>
#include <unordered_map>

namespace roster::plan {

namespace {

model::DesiredState state_of(const model::ObservedMember& m) {
  return m.status == model::MemberStatus::suspended ? model::DesiredState::suspended
         : m.status == model::MemberStatus::removed ? model::DesiredState::removed
                                                    : model::DesiredState::active;
}

// Role, secondary emails and space limit, as a manifest may declare them (decision 0025):
// roles of active and invited members roster can name; a suspended member's role cannot be
// set, so it is left unmanaged.
void export_access(const model::ObservedMember& m, bool quotas_read, model::DesiredMember& d) {
  if (d.state == model::DesiredState::removed) return;
  if (d.state == model::DesiredState::active && m.role != model::Role::other_admin) d.role = m.role;
  if (!m.secondary_emails.empty()) {
    auto& emails = d.secondary_emails.emplace();
    for (const auto& e : m.secondary_emails) {
      if (e.email != d.email) emails.push_back(e.email);
    }
    std::sort(emails.begin(), emails.end());
    emails.erase(std::unique(emails.begin(), emails.end()), emails.end());
  }
  if (quotas_read) {
    d.space_limit = m.custom_quota_gb ? model::SpaceLimit{false, *m.custom_quota_gb}
                                      : model::SpaceLimit{true, 0};
  }
}

bool case_less(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) < lower(y);
  });
}

// The groups section: every group but system_managed ones, with the members read. Only
// when the team's groups and every such group's members were read; otherwise groups stay
// unmanaged (an incomplete section would remove people from groups).
void export_groups(const model::ObservedTeam& observed, model::DesiredTeam& team) {
  if (!observed.groups_read) return;
  std::unordered_map<std::string_view, const model::DesiredMember*> by_id;
  std::unordered_map<std::string_view, const model::DesiredMember*> by_email;
  for (const auto& m : observed.members) {
    auto found = std::lower_bound(team.members.begin(), team.members.end(), m.email,
                                  [](const auto& d, const std::string& e) { return d.email < e; });
    if (found == team.members.end() || found->email != m.email) continue;
    if (found->state == model::DesiredState::removed) continue;
    by_id.emplace(m.team_member_id, &*found);
    by_email.emplace(found->email, &*found);
  }
  std::vector<model::DesiredGroup> groups;
  for (const auto& g : observed.groups) {
    if (g.management == model::GroupManagement::system_managed) continue;
    if (!g.members) return;
    auto& d = groups.emplace_back();
    d.name = g.name;
    if (g.external_id && !g.external_id->empty()) d.external_id = g.external_id;
    d.management = g.management;
    for (const auto& gm : *g.members) {
      auto found = by_id.find(gm.team_member_id);
      const model::DesiredMember* member = found != by_id.end() ? found->second : nullptr;
      if (!member) {
        auto by_mail = by_email.find(gm.email);
        if (by_mail != by_email.end()) member = by_mail->second;
      }
      if (!member) continue;  // not a member the export declares
      // Dropbox: only active members own groups; a suspended owner is declared a member.
      auto access =
          member->state == model::DesiredState::suspended ? model::GroupAccess::member : gm.access;
      d.members.push_back({member->email, access, {}});
    }
    std::sort(d.members.begin(), d.members.end(),
              [](const auto& a, const auto& b) { return a.email < b.email; });
    d.members.erase(std::unique(d.members.begin(), d.members.end(),
                                [](const auto& a, const auto& b) { return a.email == b.email; }),
                    d.members.end());
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const auto& a, const auto& b) { return case_less(a.name, b.name); });
  team.groups = std::move(groups);
  team.manages_groups = true;
}

}  // namespace

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
    d.state = state_of(m);
    export_access(m, observed.quotas_read, d);
    team.members.push_back(std::move(d));
  }
  std::sort(team.members.begin(), team.members.end(),
            [](const auto& a, const auto& b) { return a.email < b.email; });
  // Records sharing an email (rare) would make an invalid manifest: keep the first.
  team.members.erase(std::unique(team.members.begin(), team.members.end(),
                                 [](const auto& a, const auto& b) { return a.email == b.email; }),
                     team.members.end());
  export_groups(observed, team);
  return team;
}

}  // namespace roster::plan
