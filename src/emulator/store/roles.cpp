#include "store/roles.hpp"

#include <array>

namespace roster::emulator {

namespace {

constexpr std::array<RoleInfo, 8> k_roles{{
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
}};

}  // namespace

std::span<const RoleInfo> available_roles() {
  return k_roles;
}

const RoleInfo* find_role_by_id(std::string_view role_id) {
  for (const auto& role : k_roles) {
    if (role.role_id == role_id) return &role;
  }
  return nullptr;
}

const RoleInfo* find_role_by_key(std::string_view key) {
  for (const auto& role : k_roles) {
    if (role.key == key) return &role;
  }
  return nullptr;
}

std::string_view team_admin_role_id() {
  return k_roles[0].role_id;
}

}  // namespace roster::emulator
