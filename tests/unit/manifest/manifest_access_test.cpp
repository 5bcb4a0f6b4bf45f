// The access keys of issue 9 (decision 0023/0024) load into the model, defaults applied.
#include <catch2/catch.hpp>

#include "manifest_test_support.hpp"

using namespace roster;
using model::GroupAccess;
using model::Role;
using roster::test::load_text;
using roster::test::messages;

namespace {

const model::DesiredMember& member(const model::DesiredTeam& team, const std::string& email) {
  for (const auto& m : team.members) {
    if (m.email == email) return m;
  }
  FAIL("no member " << email);
  throw;
}

// "email:access" for each member of a group, in model order.
std::vector<std::string> members_of(const model::DesiredGroup& group) {
  std::vector<std::string> out;
  for (const auto& m : group.members)
    out.push_back(m.email + ":" + model::to_string(m.access));
  return out;
}

}  // namespace

TEST_CASE("every access key loads, with defaults for members without their own",
          "[manifest][access]") {
  auto loaded = load_text(R"(version: 1
defaults:
  role: member_only
  groups: [Everyone]
  space_limit: team_default
policy:
  unmanaged_groups: delete
  max_demotions: 2
groups:
  - name: Everyone
  - name: Sales
    external_id: sales
    management_type: user_managed
    members:
      - Cid@acme.com
      - {email: bob@acme.com, access: owner}
  - name: Eng
    external_id: ""
members:
  - email: amy@acme.com
    role: team_admin
    groups: [Sales, {name: eng, access: owner}]
    secondary_emails: [Amy@Old.acme.com, a.smith@acme.com]
    space_limit: 50
  - email: bob@acme.com
  - email: cid@acme.com
    state: suspended
    secondary_emails: []
  - email: dan@acme.com
    state: removed
    groups: []
)");
  REQUIRE(messages(loaded).empty());
  const auto& team = loaded.team;
  CHECK(team.manages_groups);
  CHECK(team.policy.unmanaged_groups == model::UnmanagedGroupsPolicy::remove);
  CHECK(team.policy.max_demotions == 2u);

  const auto& amy = member(team, "amy@acme.com");
  CHECK(amy.role == Role::team_admin);
  CHECK(amy.secondary_emails == std::vector<std::string>{"a.smith@acme.com", "amy@old.acme.com"});
  CHECK(amy.space_limit == model::SpaceLimit{false, 50});
  const auto& bob = member(team, "bob@acme.com");
  CHECK(bob.role == Role::member_only);
  CHECK_FALSE(bob.secondary_emails.has_value());
  CHECK(bob.space_limit == model::SpaceLimit{true, 0});
  const auto& cid = member(team, "cid@acme.com");
  CHECK_FALSE(cid.role.has_value());  // defaults.role is for active members only
  CHECK(cid.secondary_emails == std::vector<std::string>{});
  CHECK(cid.space_limit == model::SpaceLimit{true, 0});
  const auto& dan = member(team, "dan@acme.com");
  CHECK_FALSE(dan.role.has_value());
  CHECK_FALSE(dan.space_limit.has_value());

  REQUIRE(team.groups.size() == 3);
  const auto& everyone = team.groups[0];
  CHECK(everyone.name == "Everyone");
  CHECK_FALSE(everyone.external_id.has_value());
  CHECK(everyone.management == model::GroupManagement::company_managed);
  // amy has her own groups; dan is removed: neither joins the default group.
  CHECK(members_of(everyone) ==
        std::vector<std::string>{"bob@acme.com:member", "cid@acme.com:member"});
  const auto& sales = team.groups[1];
  CHECK(sales.external_id == "sales");
  CHECK(sales.management == model::GroupManagement::user_managed);
  CHECK(members_of(sales) == std::vector<std::string>{"amy@acme.com:member", "bob@acme.com:owner",
                                                      "cid@acme.com:member"});
  CHECK(sales.members[1].location.line == 16);
  CHECK(sales.members[1].location.column == 9);
  const auto& eng = team.groups[2];
  CHECK(eng.external_id == "");
  CHECK(members_of(eng) == std::vector<std::string>{"amy@acme.com:owner"});
  CHECK(eng.location.line == 17);
}

TEST_CASE("without access keys nothing new is managed", "[manifest][access]") {
  auto loaded = load_text("version: 1\nmembers:\n  - email: a@acme.com\n");
  REQUIRE(messages(loaded).empty());
  const auto& team = loaded.team;
  CHECK_FALSE(team.manages_groups);
  CHECK(team.groups.empty());
  CHECK(team.policy.unmanaged_groups == model::UnmanagedGroupsPolicy::report);
  CHECK_FALSE(team.policy.max_demotions.has_value());
  const auto& a = team.members[0];
  CHECK_FALSE(a.role.has_value());
  CHECK_FALSE(a.secondary_emails.has_value());
  CHECK_FALSE(a.space_limit.has_value());
}

TEST_CASE("an empty groups section manages groups and declares none", "[manifest][access]") {
  for (const char* text : {"version: 1\ngroups:\n", "version: 1\ngroups: []\n"}) {
    auto loaded = load_text(text);
    REQUIRE(messages(loaded).empty());
    CHECK(loaded.team.manages_groups);
    CHECK(loaded.team.groups.empty());
  }
}

TEST_CASE("a membership said twice with the same access is one membership", "[manifest][access]") {
  auto loaded = load_text(R"(version: 1
defaults: {groups: [All]}
groups:
  - {name: All, members: [a@acme.com, b@acme.com]}
  - {name: Ops, members: [{email: a@acme.com, access: owner}]}
members:
  - {email: a@acme.com, groups: [{name: Ops, access: owner}, all]}
  - {email: b@acme.com}
)");
  REQUIRE(messages(loaded).empty());
  const auto& groups = loaded.team.groups;
  CHECK(members_of(groups[0]) ==
        std::vector<std::string>{"a@acme.com:member", "b@acme.com:member"});
  CHECK(members_of(groups[1]) == std::vector<std::string>{"a@acme.com:owner"});
  CHECK(groups[0].members[0].location.line == 4);  // where it was said first
}

TEST_CASE("groups may be declared in any file of a multi-file manifest", "[manifest][access]") {
  auto loaded = manifest::load_manifest_sources(
      {{"a.yaml",
        "version: 1\ndefaults: {groups: [Eng]}\ngroups:\n  - name: Sales\n"
        "members:\n  - {email: amy@acme.com, groups: [Eng, Sales]}\n"},
       {"b.yaml",
        "version: 1\ngroups:\n  - {name: Eng, members: [bob@acme.com]}\n"
        "members:\n  - email: bob@acme.com\n"}});
  REQUIRE(messages(loaded).empty());
  const auto& team = loaded.team;
  REQUIRE(team.groups.size() == 2);
  CHECK(team.groups[0].name == "Sales");
  CHECK(team.groups[1].name == "Eng");
  CHECK(members_of(team.groups[1]) ==
        std::vector<std::string>{"amy@acme.com:member", "bob@acme.com:member"});
  CHECK(team.groups[1].location.file == "b.yaml");
}

TEST_CASE("space limits and max_demotions take whole numbers", "[manifest][access]") {
  auto loaded = load_text(
      "version: 1\npolicy: {max_demotions: 0}\nmembers:\n"
      "  - {email: a@acme.com, space_limit: 2}\n  - {email: b@acme.com, space_limit: "
      "4294967295}\n");
  REQUIRE(messages(loaded).empty());
  CHECK(loaded.team.policy.max_demotions == 0u);
  CHECK(loaded.team.members[0].space_limit == model::SpaceLimit{false, 2});
  CHECK(loaded.team.members[1].space_limit == model::SpaceLimit{false, 4294967295u});
}

TEST_CASE("every role tag of Dropbox loads", "[manifest][access]") {
  const std::vector<std::pair<std::string, Role>> roles = {
      {"team_admin", Role::team_admin},
      {"user_management_admin", Role::user_management_admin},
      {"support_admin", Role::support_admin},
      {"billing_admin", Role::billing_admin},
      {"content_admin", Role::content_admin},
      {"security_admin", Role::security_admin},
      {"compliance_admin", Role::compliance_admin},
      {"reporting_admin", Role::reporting_admin},
      {"member_only", Role::member_only}};
  for (const auto& [tag, role] : roles) {
    auto loaded = load_text("version: 1\nmembers:\n  - {email: a@acme.com, role: " + tag + "}\n");
    REQUIRE(messages(loaded).empty());
    CHECK(loaded.team.members[0].role == role);
  }
}
