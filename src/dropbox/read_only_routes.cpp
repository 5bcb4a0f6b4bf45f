#include "dropbox/read_only_routes.hpp"

#include <algorithm>
#include <iterator>

namespace roster::dropbox {

namespace {

// Routes below /2/team/ that change nothing (team.stone). Kept as a list of exact names,
// not a pattern: a write must never pass for a read because of its name.
constexpr std::string_view k_read_only[] = {
    "get_info",
    "token/get_authenticated_admin",
    "members/list_v2",
    "members/list/continue_v2",
    "members/get_info_v2",
    "members/get_available_team_member_roles",
    "members/add/job_status/get_v2",
    "members/remove/job_status/get",
    "members/bulk_suspend/job_status/check",
    "groups/list",
    "groups/list/continue",
    "groups/members/list",
    "groups/members/list/continue",
    "groups/job_status/get",
    "member_space_limits/get_custom_quota",
    "member_space_limits/excluded_users/list",
    "member_space_limits/excluded_users/list/continue",
    "features/get_values",
    "groups/get_info",
};

}  // namespace

bool is_read_only_route(std::string_view route) noexcept {
  return std::find(std::begin(k_read_only), std::end(k_read_only), route) != std::end(k_read_only);
}

}  // namespace roster::dropbox
