#include <array>

#include "routes/routes.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

constexpr bool k_void = true;
constexpr bool k_struct = false;
constexpr bool k_writes = true;
constexpr bool k_reads = false;

// Scopes are team.stone's `scope` attribute of each route (REFERENCE §6-§8).
const std::array<RouteSpec, 38> k_routes{{
    {"team/get_info", "team_info.read", route_get_info, k_void, k_reads},
    {"team/token/get_authenticated_admin", "team_info.read", route_get_authenticated_admin, k_void,
     k_reads},
    {"team/members/get_available_team_member_roles", "members.read", route_get_available_roles,
     k_void, k_reads},
    {"team/members/list_v2", "members.read", route_members_list, k_struct, k_reads},
    {"team/members/list/continue_v2", "members.read", route_members_list_continue, k_struct,
     k_reads},
    {"team/members/get_info_v2", "members.read", route_members_get_info, k_struct, k_reads},
    {"team/members/add_v2", "members.write", route_members_add, k_struct, k_writes},
    {"team/members/add/job_status/get_v2", "members.write", route_add_job_status, k_struct,
     k_writes},
    {"team/members/suspend", "members.write", route_members_suspend, k_struct, k_writes},
    {"team/members/unsuspend", "members.write", route_members_unsuspend, k_struct, k_writes},
    {"team/members/remove", "members.delete", route_members_remove, k_struct, k_writes},
    {"team/members/remove/job_status/get", "members.delete", route_remove_job_status, k_struct,
     k_writes},
    {"team/members/recover", "members.delete", route_members_recover, k_struct, k_writes},
    {"team/members/set_profile_v2", "members.write", route_members_set_profile, k_struct, k_writes},
    {"team/members/send_welcome_email", "members.write", route_members_send_welcome_email, k_struct,
     k_reads},
    {"team/members/set_admin_permissions_v2", "members.write", route_members_set_permissions,
     k_struct, k_writes},
    {"team/members/secondary_emails/add", "members.write", route_secondary_emails_add, k_struct,
     k_writes},
    {"team/members/secondary_emails/delete", "members.write", route_secondary_emails_delete,
     k_struct, k_writes},
    {"team/members/secondary_emails/resend_verification_emails", "members.write",
     route_secondary_emails_resend, k_struct, k_reads},
    {"team/groups/list", "groups.read", route_groups_list, k_struct, k_reads},
    {"team/groups/list/continue", "groups.read", route_groups_list_continue, k_struct, k_reads},
    {"team/groups/get_info", "groups.read", route_groups_get_info, k_struct, k_reads},
    {"team/groups/create", "groups.write", route_groups_create, k_struct, k_writes},
    {"team/groups/update", "groups.write", route_groups_update, k_struct, k_writes},
    {"team/groups/delete", "groups.write", route_groups_delete, k_struct, k_writes},
    {"team/groups/members/add", "groups.write", route_groups_members_add, k_struct, k_writes},
    {"team/groups/members/remove", "groups.write", route_groups_members_remove, k_struct, k_writes},
    {"team/groups/members/set_access_type", "groups.write", route_groups_members_set_access_type,
     k_struct, k_writes},
    {"team/groups/members/list", "groups.read", route_groups_members_list, k_struct, k_reads},
    {"team/groups/members/list/continue", "groups.read", route_groups_members_list_continue,
     k_struct, k_reads},
    {"team/groups/job_status/get", "groups.write", route_groups_job_status, k_struct, k_writes},
    // set_custom_quota's scope is members.read in team.stone (sic); the others are as expected.
    {"team/member_space_limits/set_custom_quota", "members.read", route_set_custom_quota, k_struct,
     k_writes},
    {"team/member_space_limits/remove_custom_quota", "members.write", route_remove_custom_quota,
     k_struct, k_writes},
    {"team/member_space_limits/get_custom_quota", "members.read", route_get_custom_quota, k_struct,
     k_reads},
    {"team/member_space_limits/excluded_users/add", "members.write", route_excluded_users_add,
     k_struct, k_writes},
    {"team/member_space_limits/excluded_users/remove", "members.write", route_excluded_users_remove,
     k_struct, k_writes},
    {"team/member_space_limits/excluded_users/list", "members.read", route_excluded_users_list,
     k_struct, k_reads},
    {"team/member_space_limits/excluded_users/list/continue", "members.read",
     route_excluded_users_list_continue, k_struct, k_reads},
}};

}  // namespace

std::span<const RouteSpec> api_routes() {
  return k_routes;
}

const RouteSpec* find_route(std::string_view path) {
  for (const auto& route : api_routes()) {
    if (route.path == path) return &route;
  }
  return nullptr;
}

HttpResponse decode_failure(const RouteContext& context, const DecodeStatus& status) {
  return bad_request(context.route, status.message());
}

}  // namespace roster::emulator
