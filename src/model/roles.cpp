#include "roster/model/roles.hpp"

#include <array>
#include <map>
#include <set>

#include "roster/model/email.hpp"

namespace roster::model {

namespace {

struct RoleName {
  Role role;
  std::string_view name;  // Dropbox's name for the role, lower-case
};

constexpr std::array k_role_names = {
    RoleName{Role::team_admin, "team admin"},
    RoleName{Role::user_management_admin, "user management admin"},
    RoleName{Role::support_admin, "support admin"},
};

// Which of several roles a member holds counts: team_admin above all (the last-admin guard
// asks about it), then a named admin role, then an admin role roster cannot name.
int strength(Role role) {
  switch (role) {
    case Role::team_admin:
      return 3;
    case Role::user_management_admin:
    case Role::support_admin:
      return 2;
    case Role::other_admin:
      return 1;
    case Role::member_only:
      return 0;
  }
  return 0;
}

std::string trimmed_lower(std::string_view text) {
  auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  auto end = text.find_last_not_of(" \t");
  return normalise_email(text.substr(begin, end - begin + 1));
}

}  // namespace

Role role_from_name(std::string_view name) {
  std::string lower = trimmed_lower(name);
  for (const auto& entry : k_role_names) {
    if (lower == entry.name) return entry.role;
  }
  if (lower.empty() || lower == "member only" || lower == "member") return Role::member_only;
  return Role::other_admin;
}

RoleTable::RoleTable(const std::vector<TeamRole>& roles) {
  std::map<std::string, std::set<Role>> roles_of_id;
  std::map<Role, std::set<std::string>> ids_of_role;
  for (const auto& r : roles) {
    if (r.role_id.empty()) continue;
    Role role = role_from_name(r.name);
    roles_of_id[r.role_id].insert(role);
    ids_of_role[role].insert(r.role_id);
  }
  for (const auto& [id, found] : roles_of_id) {
    Role role = *found.begin();
    bool ambiguous =
        found.size() != 1 || (role != Role::other_admin && ids_of_role[role].size() != 1);
    m_by_id.emplace(id, ambiguous ? Role::other_admin : role);
  }
}

Role RoleTable::classify(const std::vector<TeamRole>& roles) const {
  Role strongest = Role::member_only;
  for (const auto& r : roles) {
    auto it = m_by_id.find(r.role_id);
    Role role = it == m_by_id.end() ? Role::other_admin : it->second;
    if (strength(role) > strength(strongest)) strongest = role;
  }
  return strongest;
}

void recognise_roles(ObservedTeam& team) {
  std::vector<TeamRole> listed;
  if (team.available_roles.empty()) {
    for (const auto& member : team.members)
      listed.insert(listed.end(), member.roles.begin(), member.roles.end());
  }
  RoleTable table(team.available_roles.empty() ? listed : team.available_roles);
  for (auto& member : team.members) {
    if (!member.roles.empty()) member.role = table.classify(member.roles);
  }
}

}  // namespace roster::model
