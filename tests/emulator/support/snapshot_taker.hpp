#pragma once

#include <nlohmann/json.hpp>

#include "support/test_team.hpp"

namespace roster::emulator::test {

/// Page sizes a snapshot is read with (small ones make the listing span several pages).
struct SnapshotLimits {
  int members = 20;
  int groups = 2;
  int group_members = 3;
  int excluded = 3;
};

/// A snapshot read from a team through its API, as `roster snapshot` reads one
/// (brief s13-format): `document` is the snapshot; `pages` every page each route answered,
/// cursors left out (they are opaque, and a team's own), to compare two teams' answers.
struct TakenSnapshot {
  nlohmann::json document;
  nlohmann::json pages;
};

/// Reads members/list_v2 (+ continue, include_removed), team/get_info,
/// get_authenticated_admin, get_available_team_member_roles, groups/list (+ continue),
/// groups/members/list (+ continue) of each group, get_custom_quota of every live member
/// and excluded_users/list (+ continue); throws when a call fails.
[[nodiscard]] TakenSnapshot take_snapshot(TestTeam& team, const SnapshotLimits& limits = {});

}  // namespace roster::emulator::test
