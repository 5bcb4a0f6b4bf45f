// Every cell of PRODUCT.md §4: desired state × observed status → steps.
#include <catch2/catch.hpp>

#include "plan_test_support.hpp"

using namespace roster;
using namespace roster::test;
using model::DesiredState;
using model::MemberStatus;

namespace {

enum class Seen { not_on_team, invited, active, suspended, recoverable, unrecoverable, converted };

struct Cell {
  Seen seen;
  DesiredState want;
  std::vector<std::string> steps;
  std::size_t warnings;
  std::size_t drift;
};

std::string name_of(Seen s) {
  const char* names[] = {"not on team",
                         "invited",
                         "active",
                         "suspended",
                         "removed (recoverable)",
                         "removed (unrecoverable)",
                         "removed (converted)"};
  return names[static_cast<int>(s)];
}

}  // namespace

TEST_CASE("every cell of the lifecycle table gives its steps", "[plan][lifecycle]") {
  const std::string e = "x@acme.com";
  auto cell = GENERATE_COPY(values<Cell>({
      {Seen::not_on_team, DesiredState::active, {"invite " + e}, 0, 0},
      {Seen::not_on_team, DesiredState::suspended, {}, 1, 0},
      {Seen::not_on_team, DesiredState::removed, {}, 0, 0},
      {Seen::invited, DesiredState::active, {}, 0, 1},
      {Seen::invited, DesiredState::suspended, {}, 1, 0},
      {Seen::invited, DesiredState::removed, {"remove " + e}, 0, 0},
      {Seen::active, DesiredState::active, {}, 0, 0},
      {Seen::active, DesiredState::suspended, {"suspend " + e}, 0, 0},
      {Seen::active, DesiredState::removed, {"remove " + e}, 0, 0},
      {Seen::suspended, DesiredState::active, {"unsuspend " + e}, 0, 0},
      {Seen::suspended, DesiredState::suspended, {}, 0, 0},
      {Seen::suspended, DesiredState::removed, {"remove " + e}, 0, 0},
      {Seen::recoverable, DesiredState::active, {"recover " + e}, 0, 0},
      {Seen::recoverable, DesiredState::suspended, {"recover " + e, "suspend " + e}, 0, 0},
      {Seen::recoverable, DesiredState::removed, {}, 0, 1},  // removed_recoverable (0032)
      {Seen::unrecoverable, DesiredState::active, {"invite " + e}, 0, 0},
      {Seen::unrecoverable, DesiredState::suspended, {}, 1, 0},
      {Seen::unrecoverable, DesiredState::removed, {}, 0, 0},
      {Seen::converted, DesiredState::active, {"invite " + e}, 0, 0},
  }));
  DYNAMIC_SECTION(name_of(cell.seen) << " → " << model::to_string(cell.want)) {
    auto desired_team = permissive_team();
    desired_team.members.push_back(desired(e, cell.want));
    auto observed_team = team_with_admin();
    switch (cell.seen) {
      case Seen::not_on_team:
        break;
      case Seen::invited:
        observed_team.members.push_back(observed(e, MemberStatus::invited));
        break;
      case Seen::active:
        observed_team.members.push_back(observed(e));
        break;
      case Seen::suspended:
        observed_team.members.push_back(observed(e, MemberStatus::suspended));
        break;
      case Seen::recoverable:
        observed_team.members.push_back(removed(e, true));
        break;
      case Seen::unrecoverable:
        observed_team.members.push_back(removed(e, false));
        break;
      case Seen::converted: {
        auto m = removed(e, true);
        m.is_disconnected =
            true;  // a Basic account now: members/recover answers user_unrecoverable
        observed_team.members.push_back(m);
        break;
      }
    }
    auto p = plan_of(desired_team, observed_team);
    CHECK(steps_of(p) == cell.steps);
    CHECK(p.warnings.size() == cell.warnings);
    CHECK(p.drift.size() == cell.drift);
    CHECK_FALSE(p.is_refused());
  }
}

TEST_CASE("a recoverable member is recovered, never re-invited", "[plan][lifecycle]") {
  auto desired_team = permissive_team();
  desired_team.members.push_back(desired("dan@acme.com"));
  auto observed_team = team_with_admin();
  observed_team.members.push_back(removed("dan@acme.com", true));
  auto p = plan_of(desired_team, observed_team);
  REQUIRE(p.steps.size() == 1);
  CHECK(p.steps[0].action == plan::Action::recover);
  CHECK(p.steps[0].team_member_id == "dbmid:dan@acme.com");
}

TEST_CASE("suspending an invited member is a warning that says why, not a step",
          "[plan][lifecycle]") {
  auto desired_team = permissive_team();
  desired_team.members.push_back(desired("hana@acme.com", DesiredState::suspended));
  auto observed_team = team_with_admin();
  observed_team.members.push_back(observed("hana@acme.com", MemberStatus::invited));
  auto p = plan_of(desired_team, observed_team);
  CHECK(p.steps.empty());
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].email == "hana@acme.com");
  CHECK(p.warnings[0].message ==
        "declared suspended but only invited: Dropbox cannot suspend an invited member; declare "
        "it removed to cancel the invitation");
}

TEST_CASE("a pending invitation is reported with its age", "[plan][lifecycle]") {
  auto desired_team = permissive_team();
  desired_team.members.push_back(desired("ivan@acme.com"));
  auto observed_team = team_with_admin();
  auto ivan = observed("ivan@acme.com", MemberStatus::invited);
  ivan.invited_on = k_now - 12 * 86400 - 3600;
  observed_team.members.push_back(ivan);
  auto p = plan_of(desired_team, observed_team);
  CHECK(p.steps.empty());
  REQUIRE(p.drift.size() == 1);
  CHECK(p.drift[0].kind == plan::DriftItem::Kind::pending_invite);
  CHECK(p.drift[0].age_days == 12);
}
