#pragma once

#include <vector>

#include "roster/core/json.hpp"
#include "roster/core/result.hpp"
#include "roster/dropbox/team_api.hpp"

namespace roster::dropbox {

/// The per-member outcomes of a finished `members/add_v2` (its `MemberAddV2Result` items),
/// one per requested member, in request order: matched by email, else by position when the
/// item names none. An item without a `.tag`, or a member without a result, is an internal
/// error naming the route.
[[nodiscard]] core::Result<std::vector<AddOutcome>> match_add_outcomes(
    const std::vector<NewMember>& requested, const core::json::Array& items);

}  // namespace roster::dropbox
