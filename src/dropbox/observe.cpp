#include "roster/dropbox/observe.hpp"

#include <algorithm>

#include "roster/dropbox/team_codec.hpp"
#include "roster/model/email.hpp"
#include "roster/model/roles.hpp"

namespace roster::dropbox {

namespace {

core::Result<void> read_members(TeamApi& api, model::ObservedTeam& team) {
  std::string cursor;
  do {
    std::string next;
    auto page = api.list_members_page(cursor, next);
    if (!page) {
      core::Error error = page.error();
      error.message = "listing the team failed after " + std::to_string(team.members.size()) +
                      " members, so no plan was made: " + error.message;
      return error;
    }
    team.members.insert(team.members.end(), std::make_move_iterator(page->begin()),
                        std::make_move_iterator(page->end()));
    cursor = std::move(next);
  } while (!cursor.empty());
  return {};
}

core::Error while_reading(const char* what, core::Error error) {
  error.message = std::string("reading ") + what + " failed, so no plan was made: " + error.message;
  return error;
}

bool matches(const model::ObservedGroup& group, const std::vector<GroupKey>& keys) {
  // ASCII lower case, as the planner compares group names.
  const std::string name = model::normalise_email(group.name);
  return std::any_of(keys.begin(), keys.end(), [&](const GroupKey& key) {
    if (!key.group_id.empty() && key.group_id == group.group_id) return true;
    if (key.external_id && !key.external_id->empty() && group.external_id == key.external_id) {
      return true;
    }
    return model::normalise_email(key.name) == name;
  });
}

// groups/list, then groups/members/list for the groups `options` names (never for
// system_managed groups: roster does not touch them).
core::Result<void> read_groups(TeamApi& api, const ObserveOptions& options,
                               model::ObservedTeam& team) {
  auto groups = api.list_groups();
  if (!groups) return while_reading("the team's groups", groups.error());
  team.groups = std::move(*groups);
  team.groups_read = true;
  for (auto& group : team.groups) {
    if (group.management == model::GroupManagement::system_managed) continue;
    if (!options.all_group_members && !matches(group, options.members_of)) continue;
    auto members = api.list_group_members(group.group_id);
    if (!members) {
      return while_reading(("the members of group \"" + group.name + "\"").c_str(),
                           members.error());
    }
    group.members = std::move(*members);
  }
  return {};
}

// Custom quotas of every live member, k_max_quota_users_per_call a call, then the excluded list.
core::Result<void> read_quotas(TeamApi& api, model::ObservedTeam& team) {
  std::vector<model::ObservedMember*> live;
  for (auto& m : team.members) {
    if (model::is_live(m)) live.push_back(&m);
  }
  for (std::size_t start = 0; start < live.size(); start += k_max_quota_users_per_call) {
    const std::size_t end = std::min(live.size(), start + k_max_quota_users_per_call);
    std::vector<UserRef> users;
    for (std::size_t i = start; i < end; ++i)
      users.push_back({live[i]->team_member_id, ""});
    auto quotas = api.get_custom_quotas(users);
    if (!quotas) return while_reading("custom quotas", quotas.error());
    for (std::size_t i = start; i < end; ++i)
      live[i]->custom_quota_gb = (*quotas)[i - start];
  }
  auto excluded = api.list_quota_excluded();
  if (!excluded) return while_reading("the space-limit excluded list", excluded.error());
  team.quota_excluded_ids = std::move(*excluded);
  team.quotas_read = true;
  return {};
}

}  // namespace

ObserveOptions ObserveOptions::everything() {
  ObserveOptions options;
  options.groups = true;
  options.all_group_members = true;
  options.quotas = true;
  return options;
}

core::Result<model::ObservedTeam> observe_team(TeamApi& api, const ObserveOptions& options) {
  model::ObservedTeam team;
  auto info = api.get_team_info();
  if (!info) return info.error();
  team.team_name = info->name;
  team.team_id = info->team_id;
  team.licenses = license_counts(*info);
  auto admin = api.get_authenticated_admin();
  if (!admin) return admin.error();
  team.authenticated_admin_email = admin->email;
  team.authenticated_admin_id = admin->team_member_id;
  auto roles = api.get_available_roles();
  if (!roles) return roles.error();
  team.available_roles = std::move(*roles);
  if (auto read = read_members(api, team); !read) return read.error();
  model::recognise_roles(team);
  if (options.groups) {
    if (auto read = read_groups(api, options, team); !read) return read.error();
  }
  if (options.quotas) {
    if (auto read = read_quotas(api, team); !read) return read.error();
  }
  return team;
}

}  // namespace roster::dropbox
