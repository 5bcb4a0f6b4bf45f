#pragma once

#include "roster/core/result.hpp"
#include "roster/dropbox/team_api.hpp"
#include "roster/model/observed.hpp"

namespace roster::dropbox {

/// Reads the whole live team: team/get_info (name, id), the token's admin, and every
/// members/list_v2 page with removed members. If any page fails (after retries), the
/// whole read fails: no plan is ever made from part of a team.
[[nodiscard]] core::Result<model::ObservedTeam> observe_team(TeamApi& api);

}  // namespace roster::dropbox
