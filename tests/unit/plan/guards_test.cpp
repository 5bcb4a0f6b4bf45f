#include <catch2/catch.hpp>

#include "plan_test_support.hpp"

using namespace roster;
using namespace roster::test;
using model::DesiredState;
using Status = plan::GuardResult::Status;

namespace {

// A team of `live` active members plus the admin; the manifest removes `removals` of them.
struct Fixture {
  model::DesiredTeam desired_team = permissive_team();
  model::ObservedTeam observed_team = team_with_admin();

  Fixture(int live, int removals, double fraction) {
    desired_team.policy.max_removal_fraction = fraction;
    for (int i = 0; i < live; ++i) {
      std::string email = "m" + std::to_string(i) + "@acme.com";
      observed_team.members.push_back(observed(email));
      desired_team.members.push_back(
          desired(email, i < removals ? DesiredState::removed : DesiredState::active));
    }
  }
};

}  // namespace

TEST_CASE("the removal guard refuses a plan removing more than the allowed fraction",
          "[plan][guards]") {
  Fixture f(19, 3, 0.10);  // 20 live members with the admin: 2 allowed
  auto p = plan_of(f.desired_team, f.observed_team);
  CHECK(p.steps.size() == 3);  // the plan stays intact for review
  CHECK(p.is_refused());
  const auto& g = guard(p, "removal_fraction");
  CHECK(g.status == Status::refused);
  CHECK(g.message ==
        "suspends or removes 3 of 20 live members (15.0%); max_removal_fraction 0.1 allows 2");
  CHECK(p.summary.removals == 3);
}

TEST_CASE("the removal guard passes at exactly the limit", "[plan][guards]") {
  Fixture f(19, 2, 0.10);
  auto p = plan_of(f.desired_team, f.observed_team);
  CHECK_FALSE(p.is_refused());
  CHECK(guard(p, "removal_fraction").status == Status::passed);
}

TEST_CASE("the removal guard counts suspends and can be overridden for one run", "[plan][guards]") {
  Fixture f(9, 0, 0.10);
  f.desired_team.members[1].state = DesiredState::suspended;
  f.desired_team.members[2].state = DesiredState::suspended;
  auto p = plan_of(f.desired_team, f.observed_team);
  CHECK(guard(p, "removal_fraction").status == Status::refused);
  auto overridden = plan_of(f.desired_team, f.observed_team, 0.2);
  CHECK(guard(overridden, "removal_fraction").status == Status::passed);
  CHECK(guard(overridden, "removal_fraction").message ==
        "suspends or removes 2 of 10 live members (20.0%); max_removal_fraction 0.2 allows 2");
}

TEST_CASE("recovering then suspending a removed member does not count as a removal",
          "[plan][guards]") {
  Fixture f(0, 0, 0.0);
  f.desired_team.members.push_back(desired("kim@acme.com", DesiredState::suspended));
  f.observed_team.members.push_back(removed("kim@acme.com", true));
  auto p = plan_of(f.desired_team, f.observed_team);
  CHECK(steps_of(p) == std::vector<std::string>{"recover kim@acme.com", "suspend kim@acme.com"});
  CHECK_FALSE(p.is_refused());
}

TEST_CASE("the last active team admin is never suspended or removed", "[plan][guards]") {
  auto desired_team = permissive_team();
  desired_team.members[0].state = DesiredState::suspended;
  auto observed_team = team_with_admin();
  auto p = plan_of(desired_team, observed_team);
  CHECK(p.is_refused());
  CHECK(guard(p, "last_admin").message ==
        "the plan suspends or removes every active team admin (1); at least one must remain");

  observed_team.members.push_back(team_admin("second@acme.com"));
  desired_team.members.push_back(desired("second@acme.com"));
  p = plan_of(desired_team, observed_team);
  CHECK_FALSE(p.is_refused());
  CHECK(guard(p, "last_admin").message == "1 of 2 active team admins remain after the plan");
}

TEST_CASE("the admin whose token roster uses is never suspended or removed", "[plan][guards]") {
  auto desired_team = permissive_team();
  desired_team.members.push_back(desired("robot@acme.com", DesiredState::removed));
  auto observed_team = team_with_admin();
  observed_team.members.push_back(observed("robot@acme.com"));
  observed_team.authenticated_admin_email = "robot@acme.com";
  auto p = plan_of(desired_team, observed_team);
  CHECK(p.is_refused());
  CHECK(guard(p, "token_admin").message ==
        "the plan would remove robot@acme.com, the admin whose token roster uses");
  observed_team.authenticated_admin_email.reset();
  CHECK(guard(plan_of(desired_team, observed_team), "token_admin").status == Status::not_checked);
}

TEST_CASE("the team-name guard compares team.name with the live team", "[plan][guards]") {
  auto desired_team = permissive_team();
  auto observed_team = team_with_admin();
  CHECK(guard(plan_of(desired_team, observed_team), "team_name").status == Status::not_checked);
  desired_team.team_name = "Acme Corp";
  CHECK(guard(plan_of(desired_team, observed_team), "team_name").status == Status::not_checked);
  observed_team.team_name = "Acme Corp";
  CHECK(guard(plan_of(desired_team, observed_team), "team_name").status == Status::passed);
  observed_team.team_name = "Other Inc";
  auto p = plan_of(desired_team, observed_team);
  CHECK(p.is_refused());
  CHECK(guard(p, "team_name").message ==
        "the manifest is for team \"Acme Corp\" but the token belongs to team \"Other Inc\"");
}
