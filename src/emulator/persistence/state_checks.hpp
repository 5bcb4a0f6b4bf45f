#pragma once

#include <optional>
#include <string>

#include "store/team_state.hpp"

namespace roster::emulator {

/// Rules across records of a seed or state document that the routes keep by
/// construction: one live member per address (primary or secondary), secondary emails
/// only for joined members, custom quotas only on a team with a member space limit and
/// never for excluded members, deleted groups without members. The first problem, as
/// "members[3].secondary_emails[0]: ...", or nullopt.
[[nodiscard]] std::optional<std::string> check_state(const TeamState& state);

}  // namespace roster::emulator
