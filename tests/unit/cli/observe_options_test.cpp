// What the CLI reads beyond the members, from the manifest or a saved plan (decision 0023).
#include <catch2/catch.hpp>

#include "cli/observe_options.hpp"

using namespace roster;

TEST_CASE("a manifest without access keys reads nothing beyond the members", "[cli][observe]") {
  model::DesiredTeam desired;
  desired.members.push_back({});
  auto options = cli::observe_options_for(desired);
  CHECK_FALSE(options.groups);
  CHECK(options.members_of.empty());
  CHECK_FALSE(options.all_group_members);
  CHECK_FALSE(options.quotas);
}

TEST_CASE("a groups section reads the groups and the declared groups' members", "[cli][observe]") {
  model::DesiredTeam desired;
  desired.manages_groups = true;
  desired.groups.push_back({});
  desired.groups.back().name = "Sales";
  desired.groups.back().external_id = "sales";
  auto options = cli::observe_options_for(desired);
  CHECK(options.groups);
  REQUIRE(options.members_of.size() == 1);
  CHECK(options.members_of[0].name == "Sales");
  CHECK(options.members_of[0].external_id == "sales");
  CHECK_FALSE(options.quotas);
  // An empty section still reads groups/list (undeclared groups follow the policy).
  model::DesiredTeam empty;
  empty.manages_groups = true;
  CHECK(cli::observe_options_for(empty).groups);
}

TEST_CASE("a managed space limit reads quotas", "[cli][observe]") {
  model::DesiredTeam desired;
  desired.members.push_back({});
  desired.members.push_back({});
  desired.members.back().space_limit = model::SpaceLimit{true, 0};
  auto options = cli::observe_options_for(desired);
  CHECK(options.quotas);
  CHECK_FALSE(options.groups);
}

TEST_CASE("a saved plan reads what its steps depend on", "[cli][observe]") {
  plan::Plan saved;
  CHECK_FALSE(cli::observe_options_for(saved).groups);
  plan::PlanStep add;
  add.action = plan::Action::add_to_group;
  add.group_name = "Sales";
  add.group_id = "g:1";
  saved.steps.push_back(add);
  plan::PlanStep quota;
  quota.action = plan::Action::set_space_limit;
  saved.steps.push_back(quota);
  auto options = cli::observe_options_for(saved);
  CHECK(options.groups);
  REQUIRE(options.members_of.size() == 1);
  CHECK(options.members_of[0].name == "Sales");
  CHECK(options.members_of[0].group_id == "g:1");
  CHECK(options.quotas);
}
