#include "store/roles.hpp"

namespace roster::emulator {

std::vector<RoleInfo> default_roles() {
  return {
      {"team_admin", "pid_dbtmr:team_admin", "Team admin",
       "User can do most user provisioning, de-provisioning and management."},
      {"user_management_admin", "pid_dbtmr:user_management_admin", "User management admin",
       "Add, remove, and manage member accounts."},
      {"support_admin", "pid_dbtmr:support_admin", "Support admin",
       "Help members with limited tasks, including password reset."},
      {"billing_admin", "pid_dbtmr:billing_admin", "Billing admin",
       "Make payments and renew contracts."},
      {"content_admin", "pid_dbtmr:content_admin", "Content admin",
       "Manage team folders and content settings."},
      {"security_admin", "pid_dbtmr:security_admin", "Security admin",
       "Manage security settings and devices."},
      {"compliance_admin", "pid_dbtmr:compliance_admin", "Compliance admin",
       "Manage legal holds and data governance."},
      {"reporting_admin", "pid_dbtmr:reporting_admin", "Reporting admin",
       "View activity reports and insights."},
  };
}

const RoleInfo* find_role_by_id(const TeamInfo& info, std::string_view role_id) {
  for (const auto& role : info.roles) {
    if (role.role_id == role_id) return &role;
  }
  return nullptr;
}

const RoleInfo* find_role_by_key(const TeamInfo& info, std::string_view key) {
  for (const auto& role : info.roles) {
    if (role.key == key) return &role;
  }
  return nullptr;
}

bool has_default_roles(const TeamInfo& info) {
  const auto defaults = default_roles();
  if (info.roles.size() != defaults.size() || info.team_admin_role_id != defaults[0].role_id) {
    return false;
  }
  for (std::size_t i = 0; i < defaults.size(); ++i) {
    const auto& a = info.roles[i];
    const auto& b = defaults[i];
    if (a.key != b.key || a.role_id != b.role_id || a.name != b.name ||
        a.description != b.description) {
      return false;
    }
  }
  return true;
}

}  // namespace roster::emulator
