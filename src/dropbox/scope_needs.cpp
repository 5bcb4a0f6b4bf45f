#include "roster/dropbox/scope_needs.hpp"

#include <algorithm>

namespace roster::dropbox {

namespace {

struct WriteRoute {
  Write write;
  const char* route;
  const char* scope;
};

// team.stone's `scope` attributes. REFERENCE.md §6: recover needs members.delete, like
// remove. member_space_limits/set_custom_quota needs only members.read (team.stone), which
// reading the team has already proved (members/list_v2): it is not asked again.
constexpr WriteRoute k_routes[] = {
    {Write::add_members, "team/members/add_v2", "members.write"},
    {Write::suspend, "team/members/suspend", "members.write"},
    {Write::unsuspend, "team/members/unsuspend", "members.write"},
    {Write::send_welcome_email, "team/members/send_welcome_email", "members.write"},
    {Write::set_profile, "team/members/set_profile_v2", "members.write"},
    {Write::set_role, "team/members/set_admin_permissions_v2", "members.write"},
    {Write::secondary_emails, "team/members/secondary_emails/add", "members.write"},
    {Write::secondary_emails, "team/members/secondary_emails/delete", "members.write"},
    {Write::space_limits, "team/member_space_limits/remove_custom_quota", "members.write"},
    {Write::remove, "team/members/remove", "members.delete"},
    {Write::recover, "team/members/recover", "members.delete"},
    {Write::groups, "team/groups/create", "groups.write"},
    {Write::groups, "team/groups/update", "groups.write"},
    {Write::groups, "team/groups/delete", "groups.write"},
    {Write::groups, "team/groups/members/add", "groups.write"},
    {Write::groups, "team/groups/members/remove", "groups.write"},
    {Write::groups, "team/groups/members/set_access_type", "groups.write"},
};

// A job poll needing the same scope: read-only, and 409 invalid_async_job_id once granted.
const char* probe_of(const std::string& scope) {
  if (scope == "members.write") return "members/add/job_status/get_v2";
  if (scope == "groups.write") return "groups/job_status/get";
  return "members/remove/job_status/get";
}

}  // namespace

std::vector<ScopeNeed> scope_needs(const std::vector<Write>& writes) {
  std::vector<ScopeNeed> needs;
  for (const auto& entry : k_routes) {
    if (std::find(writes.begin(), writes.end(), entry.write) == writes.end()) continue;
    auto need = std::find_if(needs.begin(), needs.end(),
                             [&](const ScopeNeed& n) { return n.scope == entry.scope; });
    if (need == needs.end()) {
      needs.push_back({entry.scope, entry.route, probe_of(entry.scope), {entry.write}});
      continue;
    }
    need->routes += std::string(", ") + entry.route;
    if (std::find(need->writes.begin(), need->writes.end(), entry.write) == need->writes.end()) {
      need->writes.push_back(entry.write);
    }
  }
  return needs;
}

}  // namespace roster::dropbox
