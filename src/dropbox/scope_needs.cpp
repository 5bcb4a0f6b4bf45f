#include "scope_needs.hpp"

#include <algorithm>

namespace roster::dropbox {

namespace {

struct WriteRoute {
  Write write;
  const char* route;
  const char* scope;
};

// REFERENCE.md §6: recover needs members.delete, like remove.
constexpr WriteRoute k_routes[] = {
    {Write::add_members, "team/members/add_v2", "members.write"},
    {Write::suspend, "team/members/suspend", "members.write"},
    {Write::unsuspend, "team/members/unsuspend", "members.write"},
    {Write::set_profile, "team/members/set_profile_v2", "members.write"},
    {Write::remove, "team/members/remove", "members.delete"},
    {Write::recover, "team/members/recover", "members.delete"},
};

const char* probe_of(const std::string& scope) {
  return scope == "members.write" ? "members/add/job_status/get_v2"
                                  : "members/remove/job_status/get";
}

}  // namespace

std::vector<ScopeNeed> scope_needs(const std::vector<Write>& writes) {
  std::vector<ScopeNeed> needs;
  for (const auto& entry : k_routes) {
    if (std::find(writes.begin(), writes.end(), entry.write) == writes.end()) continue;
    auto need = std::find_if(needs.begin(), needs.end(),
                             [&](const ScopeNeed& n) { return n.scope == entry.scope; });
    if (need == needs.end()) {
      needs.push_back({entry.scope, entry.route, probe_of(entry.scope)});
    } else {
      need->routes += std::string(", ") + entry.route;
    }
  }
  return needs;
}

}  // namespace roster::dropbox
