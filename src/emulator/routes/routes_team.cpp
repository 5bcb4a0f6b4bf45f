// team/get_info, team/token/get_authenticated_admin, members/get_available_team_member_roles.
#include "routes/routes.hpp"
#include "store/roles.hpp"
#include "wire/member_json.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

// team_policies.TeamMemberPolicies with the spec's example values.
nlohmann::json default_policies() {
  return {{"sharing",
           {{"shared_folder_member_policy", tag_only("team")},
            {"shared_folder_join_policy", tag_only("from_anyone")},
            {"shared_link_create_policy", tag_only("team_only")},
            {"group_creation_policy", tag_only("admins_only")},
            {"shared_folder_link_restriction_policy", tag_only("anyone")},
            {"enforce_link_password_policy", tag_only("optional")},
            {"default_link_expiration_days_policy", tag_only("none")},
            {"shared_link_default_permissions_policy", tag_only("default")}}},
          {"emm_state", tag_only("disabled")},
          {"office_addin", tag_only("disabled")},
          {"suggest_members_policy", tag_only("enabled")},
          {"top_level_content_policy", tag_only("admin_only")}};
}

}  // namespace

HttpResponse route_get_info(RouteContext& context, const nlohmann::json&) {
  const auto& store = context.store;
  const auto& info = store.state().info;
  return json_response({{"name", info.name},
                        {"team_id", info.team_id},
                        {"num_licensed_users", info.num_licensed_users},
                        {"num_provisioned_users", store.provisioned_users()},
                        {"num_used_licenses", store.used_licenses()},
                        {"policies", default_policies()}});
}

HttpResponse route_get_authenticated_admin(RouteContext& context, const nlohmann::json&) {
  const auto admin = context.store.token_admin();
  if (!admin) return route_error({"mapping_not_found", std::nullopt});
  const auto& member = context.store.member(*admin);
  if (member.status != MemberStatus::active || !context.store.is_team_admin(member)) {
    return route_error({"admin_not_active", std::nullopt});
  }
  return json_response(
      {{"admin_profile", team_member_profile_json(context.store, *admin, context.now)}});
}

HttpResponse route_get_available_roles(RouteContext& context, const nlohmann::json&) {
  auto roles = nlohmann::json::array();
  for (const auto& role : context.store.state().info.roles) {
    roles.push_back(
        {{"role_id", role.role_id}, {"name", role.name}, {"description", role.description}});
  }
  return json_response({{"roles", std::move(roles)}});
}

}  // namespace roster::emulator
