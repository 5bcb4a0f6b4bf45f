// roster export with access (decision 0025): observed → export → YAML/JSON → load gives
// back the same desired access, and the written manifest stays short and readable.
#include <catch2/catch.hpp>

#include <sstream>

#include "roster/manifest/load_manifest.hpp"
#include "roster/plan/export_manifest.hpp"
#include "roster/plan/make_plan.hpp"
#include "roster/render/render_manifest.hpp"
#include "support/builders.hpp"
#include "support/diagnostics.hpp"

using namespace roster;
using model::GroupAccess;
using model::Role;

namespace {

model::ObservedGroupMember in_group(const model::ObservedMember& m, GroupAccess access) {
  return {m.team_member_id, m.email, access};
}

model::ObservedTeam access_team() {
  model::ObservedTeam team;
  team.team_name = "Acme";
  auto amy = test::team_admin("amy@acme.com");
  amy.secondary_emails = {{"amy@old.acme.com", true}, {"a.smith@acme.com", false}};
  amy.custom_quota_gb = 50;
  auto bob = test::observed("bob@acme.com");
  bob.role = Role::billing_admin;
  auto cid = test::observed("cid@acme.com", model::MemberStatus::suspended);
  cid.role = Role::support_admin;  // a suspended admin: the role is left unmanaged
  auto dan = test::observed("dan@acme.com", model::MemberStatus::invited);
  auto eve = test::observed("eve@acme.com");
  eve.role = Role::other_admin;  // a role roster cannot name: unmanaged
  auto old = test::removed("old@acme.com", true);
  team.members = {amy, bob, cid, dan, eve, old};
  team.quotas_read = true;
  team.groups_read = true;
  model::ObservedGroup sales{
      "g:1", "sales", std::string("s-1"), model::GroupManagement::user_managed, 3, std::nullopt};
  sales.members = std::vector<model::ObservedGroupMember>{
      in_group(bob, GroupAccess::owner), in_group(amy, GroupAccess::member),
      in_group(cid, GroupAccess::member), in_group(dan, GroupAccess::member)};
  model::ObservedGroup eng{"g:2",
                           "Eng",
                           std::nullopt,
                           model::GroupManagement::company_managed,
                           0,
                           std::vector<model::ObservedGroupMember>{}};
  model::ObservedGroup everyone{
      "g:3", "Everyone", std::nullopt, model::GroupManagement::system_managed, 6, std::nullopt};
  team.groups = {sales, eng, everyone};
  return team;
}

std::string yaml_of(const model::DesiredTeam& team) {
  std::ostringstream out;
  render::render_manifest_yaml(team, "exported", out);
  return out.str();
}

std::string json_of(const model::DesiredTeam& team) {
  std::ostringstream out;
  render::render_manifest_json(team, out);
  return out.str();
}

void check_same_access(const model::DesiredTeam& a, const model::DesiredTeam& b) {
  CHECK(a.manages_groups == b.manages_groups);
  REQUIRE(a.members.size() == b.members.size());
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    INFO(a.members[i].email);
    CHECK(a.members[i].email == b.members[i].email);
    CHECK(a.members[i].state == b.members[i].state);
    CHECK(a.members[i].role == b.members[i].role);
    CHECK(a.members[i].secondary_emails == b.members[i].secondary_emails);
    CHECK(a.members[i].space_limit == b.members[i].space_limit);
  }
  REQUIRE(a.groups.size() == b.groups.size());
  for (std::size_t g = 0; g < a.groups.size(); ++g) {
    INFO(a.groups[g].name);
    CHECK(a.groups[g].name == b.groups[g].name);
    CHECK(a.groups[g].external_id == b.groups[g].external_id);
    CHECK(a.groups[g].management == b.groups[g].management);
    REQUIRE(a.groups[g].members.size() == b.groups[g].members.size());
    for (std::size_t m = 0; m < a.groups[g].members.size(); ++m) {
      CHECK(a.groups[g].members[m].email == b.groups[g].members[m].email);
      CHECK(a.groups[g].members[m].access == b.groups[g].members[m].access);
    }
  }
}

// "action email group" for every step.
std::vector<std::string> steps_of(const plan::Plan& plan) {
  std::vector<std::string> out;
  for (const auto& s : plan.steps)
    out.push_back(std::string(plan::to_string(s.action)) + " " + s.email + " " + s.group_name);
  return out;
}

}  // namespace

TEST_CASE("export writes roles, groups, secondary emails and space limits readably",
          "[export][access]") {
  auto exported = plan::export_manifest(access_team());
  CHECK(yaml_of(exported) == R"(# exported
version: 1
team:
  name: Acme
defaults:
  space_limit: team_default
policy:
  unmanaged: report
  unmanaged_groups: report
groups:
  - name: Eng
    members: []
  - name: sales
    external_id: s-1
    management_type: user_managed
    members:
      - amy@acme.com
      - {email: bob@acme.com, access: owner}
      - cid@acme.com
      - dan@acme.com
members:
  - email: amy@acme.com
    role: team_admin
    secondary_emails: [a.smith@acme.com, amy@old.acme.com]
    space_limit: 50
  - {email: bob@acme.com, role: billing_admin}
  - {email: cid@acme.com, state: suspended}
  - {email: dan@acme.com, role: member_only}
  - {email: eve@acme.com}
  - {email: old@acme.com, state: removed}
)");
}

TEST_CASE("without custom roles, member_only is written once as a default", "[export][access]") {
  auto team = access_team();
  team.members[4].role = Role::member_only;  // eve
  auto text = yaml_of(plan::export_manifest(team));
  CHECK(text.find("defaults:\n  role: member_only\n  space_limit: team_default\n") !=
        std::string::npos);
  CHECK(text.find("    role: member_only") == std::string::npos);
}

TEST_CASE("observed → export → load gives the same desired access, in YAML and JSON",
          "[export][access]") {
  for (bool custom_role : {true, false}) {
    auto team = access_team();
    if (!custom_role) team.members[4].role = Role::member_only;
    auto exported = plan::export_manifest(team);
    for (const auto& text : {yaml_of(exported), json_of(exported)}) {
      INFO(text);
      auto loaded = manifest::load_manifest_sources({{"export.yaml", text}});
      REQUIRE(test::printed(loaded.diagnostics).empty());
      check_same_access(exported, loaded.team);
      auto again = plan::make_plan(loaded.team, team, {});
      CHECK(steps_of(again) == std::vector<std::string>{});
    }
  }
}

TEST_CASE("a suspended group owner is exported as a member: the one change such an export plans",
          "[export][access]") {
  auto team = access_team();
  (*team.groups[0].members)[2].access = GroupAccess::owner;  // cid, suspended
  auto exported = plan::export_manifest(team);
  CHECK(exported.groups[1].members[2].email == "cid@acme.com");
  CHECK(exported.groups[1].members[2].access == GroupAccess::member);
  auto loaded = manifest::load_manifest_sources({{"export.yaml", yaml_of(exported)}});
  REQUIRE(test::printed(loaded.diagnostics).empty());
  CHECK(steps_of(plan::make_plan(loaded.team, team, {})) ==
        std::vector<std::string>{"set_group_access cid@acme.com sales"});
}

TEST_CASE("export leaves what was not read unmanaged", "[export][access]") {
  auto team = access_team();
  team.quotas_read = false;
  team.groups[1].members.reset();  // Eng's members were not read: no groups section
  auto exported = plan::export_manifest(team);
  CHECK_FALSE(exported.manages_groups);
  CHECK(exported.groups.empty());
  for (const auto& m : exported.members)
    CHECK_FALSE(m.space_limit.has_value());
  auto text = yaml_of(exported);
  CHECK(text.find("groups") == std::string::npos);
  CHECK(text.find("space_limit") == std::string::npos);

  team.groups_read = false;
  CHECK_FALSE(plan::export_manifest(team).manages_groups);
}
