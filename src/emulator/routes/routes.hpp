#pragma once

#include <span>
#include <string_view>

#include <nlohmann/json.hpp>

#include "server/http_types.hpp"
#include "store/team_store.hpp"
#include "wire/arg_reader.hpp"

namespace roster::emulator {

/// What a route function may touch: the store (already locked by the router) and the
/// emulator's current time. `route` names the route in 400 messages ("team/members/add_v2").
struct RouteContext {
  TeamStore& store;
  UnixSeconds now;
  std::string_view route;
};

/// A route: request argument (already parsed JSON; `null` for Void) → response.
using RouteFunction = HttpResponse (*)(RouteContext& context, const nlohmann::json& arg);

struct RouteSpec {
  std::string_view path;   // after "/2/", e.g. "team/members/list_v2"
  std::string_view scope;  // the OAuth scope the token needs, e.g. "members.read"
  RouteFunction run;
  bool void_arg;  // Void argument: no body or `null`
  bool writes;    // needs the exclusive lock and may change persisted state
};

/// Every Dropbox route the emulator serves (route_table.cpp).
[[nodiscard]] std::span<const RouteSpec> api_routes();
[[nodiscard]] const RouteSpec* find_route(std::string_view path);

/// The 400 answer for a request body that failed to decode.
[[nodiscard]] HttpResponse decode_failure(const RouteContext& context, const DecodeStatus& status);

// routes_team.cpp
HttpResponse route_get_info(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_get_authenticated_admin(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_get_available_roles(RouteContext& context, const nlohmann::json& arg);
// routes_members_read.cpp
HttpResponse route_members_list(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_members_list_continue(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_members_get_info(RouteContext& context, const nlohmann::json& arg);
// routes_members_write.cpp
HttpResponse route_members_add(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_members_suspend(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_members_unsuspend(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_members_remove(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_members_recover(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_members_send_welcome_email(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_members_set_profile(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_members_set_permissions(RouteContext& context, const nlohmann::json& arg);
// routes_jobs.cpp
HttpResponse route_add_job_status(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_remove_job_status(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_groups_job_status(RouteContext& context, const nlohmann::json& arg);
// routes_groups.cpp
HttpResponse route_groups_list(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_groups_list_continue(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_groups_get_info(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_groups_create(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_groups_update(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_groups_delete(RouteContext& context, const nlohmann::json& arg);
// routes_group_members.cpp
HttpResponse route_groups_members_add(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_groups_members_remove(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_groups_members_set_access_type(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_groups_members_list(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_groups_members_list_continue(RouteContext& context, const nlohmann::json& arg);
// routes_secondary_emails.cpp
HttpResponse route_secondary_emails_add(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_secondary_emails_delete(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_secondary_emails_resend(RouteContext& context, const nlohmann::json& arg);
// routes_space_limits.cpp
HttpResponse route_set_custom_quota(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_remove_custom_quota(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_get_custom_quota(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_excluded_users_add(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_excluded_users_remove(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_excluded_users_list(RouteContext& context, const nlohmann::json& arg);
HttpResponse route_excluded_users_list_continue(RouteContext& context, const nlohmann::json& arg);

}  // namespace roster::emulator
