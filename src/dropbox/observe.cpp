#include "roster/dropbox/observe.hpp"

#include "roster/model/roles.hpp"

namespace roster::dropbox {

core::Result<model::ObservedTeam> observe_team(TeamApi& api) {
  model::ObservedTeam team;
  auto info = api.get_team_info();
  if (!info) return info.error();
  team.team_name = info->name;
  team.team_id = info->team_id;
  auto admin = api.get_authenticated_admin();
  if (!admin) return admin.error();
  team.authenticated_admin_email = admin->email;
  team.authenticated_admin_id = admin->team_member_id;
  auto roles = api.get_available_roles();
  if (!roles) return roles.error();
  team.available_roles = std::move(*roles);
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
  model::recognise_roles(team);
  return team;
}

}  // namespace roster::dropbox
