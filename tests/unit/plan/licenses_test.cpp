// Licenses before and after a plan (decision 0037): counted from the listing, judged against
// num_licensed_users, with the invitations that will fail named in plan order.
#include <catch2/catch.hpp>

#include "plan_test_support.hpp"

using namespace roster;
using model::DesiredState;
using model::MemberStatus;
using test::desired;
using test::observed;
using test::plan_of;

namespace {

model::ObservedTeam licensed_team(std::uint32_t licensed, std::uint32_t used = 0) {
  auto team = test::team_with_admin();
  team.licenses = model::LicenseCounts{licensed, 0, used};
  return team;
}

std::vector<std::string> messages(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const auto& w : p.warnings)
    out.push_back(w.email.empty() ? w.message : w.email + ": " + w.message);
  return out;
}

}  // namespace

TEST_CASE("without the team's license counts the plan says nothing about licenses",
          "[plan][licenses]") {
  auto want = test::permissive_team();
  want.members.push_back(desired("new@acme.com"));
  auto p = plan_of(want, test::team_with_admin());
  CHECK_FALSE(p.licenses);
  CHECK(p.warnings.empty());
}

TEST_CASE("invited, active and suspended members hold a license, removed ones do not",
          "[plan][licenses]") {
  auto team = licensed_team(10);
  team.members.push_back(observed("inv@acme.com", MemberStatus::invited));
  team.members.push_back(observed("sus@acme.com", MemberStatus::suspended));
  team.members.push_back(test::removed("gone@acme.com", false));
  auto want = test::permissive_team();
  want.members.push_back(desired("inv@acme.com"));
  want.members.push_back(desired("sus@acme.com", DesiredState::suspended));
  want.members.push_back(desired("new@acme.com"));
  auto p = plan_of(want, team);
  REQUIRE(p.licenses);
  CHECK(p.licenses->licensed == 10);
  CHECK(p.licenses->before == 3);  // admin, inv, sus
  CHECK(p.licenses->after == 4);
  CHECK(p.licenses->free == 6);
  CHECK_FALSE(p.licenses->removals_first);
  CHECK(p.licenses->failing.empty());
  CHECK(p.warnings.empty());
}

TEST_CASE("a suspension frees no license, a removal frees one", "[plan][licenses]") {
  auto team = licensed_team(3);
  team.members.push_back(observed("sue@acme.com"));
  team.members.push_back(observed("rob@acme.com"));
  auto want = test::permissive_team();
  want.members.push_back(desired("sue@acme.com", DesiredState::suspended));
  want.members.push_back(desired("rob@acme.com", DesiredState::removed));
  auto p = plan_of(want, team);
  REQUIRE(p.licenses);
  CHECK(p.licenses->before == 3);
  CHECK(p.licenses->after == 2);
  CHECK(p.licenses->free == 1);
}

TEST_CASE("invitations that fit only after removals make the removals go first",
          "[plan][licenses]") {
  auto team = licensed_team(2);
  team.members.push_back(observed("leaver@acme.com"));
  auto want = test::permissive_team();
  want.members.push_back(desired("leaver@acme.com", DesiredState::removed));
  want.members.push_back(desired("joiner@acme.com"));
  auto p = plan_of(want, team);
  REQUIRE(p.licenses);
  CHECK(p.licenses->before == 2);
  CHECK(p.licenses->after == 2);
  CHECK(p.licenses->free == 0);
  CHECK(p.licenses->removals_first);
  CHECK(p.licenses->failing.empty());
  CHECK(p.warnings.empty());
}

TEST_CASE("a plan short of licenses names the invitations that will fail, in plan order",
          "[plan][licenses]") {
  auto team = licensed_team(3);
  team.members.push_back(observed("leaver@acme.com"));
  auto want = test::permissive_team();
  want.members.push_back(desired("leaver@acme.com", DesiredState::removed));
  for (const char* e : {"d@acme.com", "a@acme.com", "c@acme.com", "b@acme.com"})
    want.members.push_back(desired(e));
  auto p = plan_of(want, team);  // 1 free now + 1 freed = 2 for 4 invitations
  REQUIRE(p.licenses);
  CHECK(p.licenses->removals_first);
  CHECK(p.licenses->failing == std::vector<std::string>{"c@acme.com", "d@acme.com"});
  CHECK(p.licenses->after == 5);
  CHECK(p.licenses->free == 0);
  CHECK(messages(p) == std::vector<std::string>{
                           "2 invitations will fail with team_license_limit: the plan needs 4 "
                           "licenses and 2 will be free once its removals have run; in plan "
                           "order, these get none: c@acme.com, d@acme.com"});
  CHECK_FALSE(p.is_refused());
}

TEST_CASE("recoveries take licenses before invitations", "[plan][licenses]") {
  auto team = licensed_team(2);
  team.members.push_back(test::removed("back@acme.com", true));
  auto want = test::permissive_team();
  want.members.push_back(desired("back@acme.com"));
  want.members.push_back(desired("new@acme.com"));
  auto p = plan_of(want, team);
  REQUIRE(p.licenses);
  CHECK_FALSE(p.licenses->removals_first);  // nothing to remove
  CHECK(p.licenses->failing == std::vector<std::string>{"new@acme.com"});
  CHECK(messages(p).front().rfind("1 invitation will fail with team_license_limit: the plan "
                                  "needs 2 licenses and 1 will be free;",
                                  0) == 0);
}

TEST_CASE("a removal that transfers files to a recovered member does not make room for it",
          "[plan][licenses]") {
  auto team = licensed_team(2);
  team.members.push_back(test::removed("back@acme.com", true));
  team.members.push_back(observed("leaver@acme.com"));
  auto want = test::permissive_team();
  want.members.push_back(desired("back@acme.com"));
  auto leaver = desired("leaver@acme.com", DesiredState::removed);
  leaver.remove.transfer_to = "back@acme.com";
  leaver.remove.transfer_admin = "admin@acme.com";
  want.members.push_back(leaver);
  auto p = plan_of(want, team);
  REQUIRE(p.licenses);
  CHECK(test::steps_of(p) ==
        std::vector<std::string>{"recover back@acme.com", "remove leaver@acme.com"});
  CHECK_FALSE(p.licenses->removals_first);
  CHECK(p.licenses->failing == std::vector<std::string>{"back@acme.com"});
  CHECK(messages(p).front().rfind("1 invitation or recovery will fail", 0) == 0);
}

TEST_CASE("a disagreement with num_used_licenses is said, and the larger count is used",
          "[plan][licenses]") {
  auto team = licensed_team(3, 3);  // the listing holds only the admin
  auto want = test::permissive_team();
  want.members.push_back(desired("new@acme.com"));
  auto p = plan_of(want, team);
  REQUIRE(p.licenses);
  CHECK(p.licenses->before == 1);
  CHECK(p.licenses->reported_used == 3);
  CHECK(p.licenses->failing == std::vector<std::string>{"new@acme.com"});
  CHECK(messages(p).at(0) ==
        "team/get_info reports 3 licenses in use but the listing counts 1: free licenses are "
        "judged from the larger number");
}
