#include "roster/model/roles.hpp"

#include <array>
#include <map>
#include <set>

#include "roster/model/email.hpp"

namespace roster::model {

namespace {

// The one name table of Role: the manifest's and JSON's tag, and Dropbox's name for the
// role in `members/get_available_team_member_roles` (lower-case).
struct RoleName {
  Role role;
  std::string_view tag;
  std::string_view name;
};

constexpr std::array k_role_names = {
    RoleName{Role::member_only, "member_only", "member only"},
    RoleName{Role::team_admin, "team_admin", "team admin"},
    RoleName{Role::user_management_admin, "user_management_admin", "user management admin"},
    RoleName{Role::support_admin, "support_admin", "support admin"},
    RoleName{Role::billing_admin, "billing_admin", "billing admin"},
    RoleName{Role::content_admin, "content_admin", "content admin"},
    RoleName{Role::security_admin, "security_admin", "security admin"},
    RoleName{Role::compliance_admin, "compliance_admin", "compliance admin"},
    RoleName{Role::reporting_admin, "reporting_admin", "reporting admin"},
    RoleName{Role::other_admin, "other_admin", ""},
};

// Which of several roles a member holds counts: team_admin above all (the last-admin guard
// asks about it), then a named admin role, then an admin role roster cannot name.
int strength(Role role) {
  if (role == Role::team_admin) return 3;
  if (role == Role::other_admin) return 1;
  return role == Role::member_only ? 0 : 2;
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
    if (!entry.name.empty() && lower == entry.name) return entry.role;
  }
  if (lower.empty() || lower == "member") return Role::member_only;
  return Role::other_admin;
}

const char* to_string(Role role) noexcept {
  for (const auto& entry : k_role_names) {
    if (entry.role == role) return entry.tag.data();
  }
  return "?";
}

std::optional<Role> role_from_tag(std::string_view tag) {
  for (const auto& entry : k_role_names) {
    if (entry.tag == tag) return entry.role;
  }
  return std::nullopt;
}

bool is_admin(Role role) noexcept {
  return role != Role::member_only;
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
