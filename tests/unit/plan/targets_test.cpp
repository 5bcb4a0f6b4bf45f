// --target (decision 0038): only the named members' steps, the rest counted; guards judge
// the kept steps against the whole team.
#include <catch2/catch.hpp>

#include "plan_test_support.hpp"
#include "roster/plan/targets.hpp"

using namespace roster;
using model::DesiredState;
using model::MemberStatus;
using test::desired;
using test::observed;

namespace {

plan::Plan targeted(const model::DesiredTeam& want, const model::ObservedTeam& team,
                    std::vector<std::string> targets) {
  return plan::make_plan(want, team, plan::PlanOptions{test::k_now, {}, {}, std::move(targets)});
}

// A team with ten pending changes besides leaver@acme.com's removal.
std::pair<model::DesiredTeam, model::ObservedTeam> busy_team() {
  auto want = test::permissive_team();
  auto team = test::team_with_admin();
  want.members.push_back(desired("leaver@acme.com", DesiredState::removed));
  team.members.push_back(observed("leaver@acme.com"));
  for (int i = 0; i < 10; ++i)
    want.members.push_back(desired("new" + std::to_string(i) + "@acme.com"));
  team.members.push_back(observed("stray@acme.com"));  // unmanaged: drift
  return {want, team};
}

}  // namespace

TEST_CASE("a targeted plan keeps the named member's steps and counts the others",
          "[plan][targets]") {
  auto [want, team] = busy_team();
  auto p = targeted(want, team, {"leaver@acme.com"});
  CHECK(test::steps_of(p) == std::vector<std::string>{"remove leaver@acme.com"});
  REQUIRE(p.targets);
  CHECK(p.targets->emails == std::vector<std::string>{"leaver@acme.com"});
  CHECK(p.targets->left_out == 10);
  CHECK(p.targets->left_out_drift == 1);
  CHECK(p.drift.empty());
  CHECK(p.summary.steps_by_action[static_cast<std::size_t>(plan::Action::invite)] == 0);
  auto whole = test::plan_of(want, team);
  CHECK_FALSE(whole.targets);
  CHECK(whole.steps.size() == 11);
}

TEST_CASE("a target matches by the declared or the observed email", "[plan][targets]") {
  auto want = test::permissive_team();
  auto team = test::team_with_admin();
  auto renamed = desired("ada.new@acme.com");
  renamed.external_id = "E1";
  want.members.push_back(renamed);
  auto old = observed("ada@acme.com");
  old.external_id = "E1";
  team.members.push_back(old);
  want.members.push_back(desired("other@acme.com"));
  for (const char* t : {"ada.new@acme.com", "ada@acme.com"}) {
    auto p = targeted(want, team, {t});
    CHECK(test::steps_of(p) == std::vector<std::string>{"update_profile ada.new@acme.com"});
    CHECK(p.targets->left_out == 1);
  }
}

TEST_CASE("group steps are left out, and so is a membership in a group the plan creates",
          "[plan][targets]") {
  auto want = test::permissive_team();
  want.manages_groups = true;
  want.members.push_back(desired("amy@acme.com", DesiredState::suspended));
  model::DesiredGroup eng;
  eng.name = "Eng";
  eng.members.push_back({"amy@acme.com", model::GroupAccess::member, {}});
  want.groups.push_back(eng);
  auto team = test::team_with_admin();
  team.groups_read = true;
  team.members.push_back(observed("amy@acme.com"));
  auto p = targeted(want, team, {"amy@acme.com"});
  CHECK(test::steps_of(p) == std::vector<std::string>{"suspend amy@acme.com"});
  CHECK(p.targets->left_out == 2);  // create_group Eng, add_to_group amy
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].email == "amy@acme.com");
  CHECK(p.warnings[0].message ==
        "add_to_group left out: it needs create_group \"Eng\", which --target leaves out");
}

TEST_CASE("guards judge the targeted steps against the whole team", "[plan][targets]") {
  auto want = test::permissive_team();
  want.policy.max_removal_fraction = 0.25;
  auto team = test::team_with_admin();
  for (int i = 0; i < 3; ++i) {
    auto email = "m" + std::to_string(i) + "@acme.com";
    want.members.push_back(desired(email, DesiredState::removed));
    team.members.push_back(observed(email));
  }
  // One removal of four live members passes; the whole plan (3 of 4) would not.
  auto p = targeted(want, team, {"m0@acme.com"});
  CHECK(test::guard(p, "removal_fraction").status == plan::GuardResult::Status::passed);
  CHECK(test::guard(p, "removal_fraction").message.find("1 of 4") != std::string::npos);
  CHECK(test::plan_of(want, team).is_refused());
  // The last admin is protected whatever the target.
  auto lone = test::permissive_team();
  lone.members.front().state = DesiredState::removed;
  auto q = targeted(lone, test::team_with_admin(), {"admin@acme.com"});
  CHECK(q.is_refused());
}

TEST_CASE("a target is known when the manifest declares it or the team lists it",
          "[plan][targets]") {
  auto want = test::permissive_team();
  want.members.push_back(desired("declared@acme.com"));
  auto team = test::team_with_admin();
  team.members.push_back(test::removed("gone@acme.com", true));
  CHECK(plan::unknown_targets(want, team,
                              {"declared@acme.com", "gone@acme.com", "admin@acme.com",
                               "nobody@acme.com"}) == std::vector<std::string>{"nobody@acme.com"});
}

TEST_CASE("a removal whose transfer destination arrives in a left-out step is left out",
          "[plan][targets]") {
  auto want = test::permissive_team();
  auto team = test::team_with_admin();
  want.members.push_back(desired("back@acme.com"));
  team.members.push_back(test::removed("back@acme.com", true));
  auto leaver = desired("leaver@acme.com", DesiredState::removed);
  leaver.remove.transfer_to = "back@acme.com";
  leaver.remove.transfer_admin = "admin@acme.com";
  want.members.push_back(leaver);
  team.members.push_back(observed("leaver@acme.com"));
  auto p = targeted(want, team, {"leaver@acme.com"});
  CHECK(p.steps.empty());
  CHECK(p.targets->left_out == 2);
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].message ==
        "remove left out: it needs recover of back@acme.com, which --target leaves out");
  // Both named: both kept.
  CHECK(targeted(want, team, {"leaver@acme.com", "back@acme.com"}).steps.size() == 2);
}

TEST_CASE("a targeted plan counts other members' scheduled removals instead of showing them",
          "[plan][targets]") {
  auto [want, team] = busy_team();
  auto staged = desired("later@acme.com", DesiredState::removed);
  staged.remove.after_suspended_days = 30;  // suspended now, removal scheduled in 30 days
  want.members.push_back(staged);
  team.members.push_back(observed("later@acme.com"));
  auto whole = test::plan_of(want, team);
  REQUIRE(whole.scheduled.size() == 1);
  auto p = targeted(want, team, {"leaver@acme.com"});
  CHECK(p.scheduled.empty());
  REQUIRE(p.targets);
  CHECK(p.targets->left_out_scheduled == 1);
  CHECK(p.targets->left_out == 11);  // the ten invitations and later@'s suspension
  auto own = targeted(want, team, {"later@acme.com"});
  CHECK(own.scheduled.size() == 1);
  CHECK(own.targets->left_out_scheduled == 0);
}
