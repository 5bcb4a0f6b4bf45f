// The parts of rehearse's report beside the plan and the apply report.
#include <catch2/catch.hpp>

#include "cli/rehearsal_text.hpp"

using namespace roster;

namespace {

model::ObservedMember member(model::MemberStatus status, model::Role role) {
  model::ObservedMember m;
  m.status = status;
  m.role = role;
  return m;
}

plan::PlanStep step(plan::Action action, const std::string& email) {
  plan::PlanStep s;
  s.action = action;
  s.email = email;
  return s;
}

}  // namespace

TEST_CASE("team_counts counts members by state, and live members by role", "[cli][rehearse]") {
  using model::MemberStatus;
  using model::Role;
  model::ObservedTeam team;
  team.members = {member(MemberStatus::active, Role::team_admin),
                  member(MemberStatus::active, Role::member_only),
                  member(MemberStatus::invited, Role::member_only),
                  member(MemberStatus::suspended, Role::support_admin),
                  member(MemberStatus::removed, Role::member_only)};
  CHECK(cli::team_counts(team) ==
        "4 live (2 active, 1 invited, 1 suspended), 1 removed; roles of live members: 2 "
        "member_only, 1 support_admin, 1 team_admin");
  CHECK(cli::team_counts(model::ObservedTeam{}) ==
        "0 live (0 active, 0 invited, 0 suspended), 0 removed; roles of live members: none");
}

TEST_CASE("rehearsal_limits names what the emulator cannot know, per kind of step",
          "[cli][rehearse]") {
  plan::Plan plan;
  CHECK(cli::rehearsal_limits(plan).empty());
  for (int i = 1; i <= 7; ++i)
    plan.steps.push_back(step(plan::Action::invite, "new" + std::to_string(i) + "@acme.com"));
  plan.steps.push_back(step(plan::Action::unsuspend, "bob@acme.com"));  // fully emulated
  auto leaver = step(plan::Action::remove, "leaver@acme.com");
  leaver.transfer_to = "boss@acme.com";
  plan.steps.push_back(leaver);
  plan.steps.push_back(step(plan::Action::remove, "plain@acme.com"));  // fully emulated
  auto wiped = step(plan::Action::suspend, "lost@acme.com");
  wiped.wipe_data = true;
  plan.steps.push_back(wiped);
  plan.steps.push_back(step(plan::Action::recover, "back@acme.com"));
  auto limits = cli::rehearsal_limits(plan);
  REQUIRE(limits.size() == 4);
  CHECK(limits[0] ==
        "invitations: no email is delivered, and the emulator knows no other team, SSO or "
        "domain policy, so user_on_another_team and similar refusals cannot show "
        "(new1@acme.com, new2@acme.com, new3@acme.com, new4@acme.com, new5@acme.com and 2 "
        "more)");
  CHECK(limits[1] ==
        "removals with a file transfer: the files are not moved, so transfers in progress, "
        "legal holds and the transfer's duration cannot show (leaver@acme.com)");
  CHECK(limits[2] == "suspensions that wipe devices: no device is wiped (lost@acme.com)");
  CHECK(limits[3] ==
        "recoveries: Dropbox does not say when a member was removed, so the copy keeps the "
        "7-day window open from the snapshot's time (back@acme.com)");
}
