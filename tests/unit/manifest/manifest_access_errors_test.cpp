// One table row per rule of the access keys (decision 0023/0024): the exact message at
// its file:line:col. Every problem of a manifest is reported in one run.
#include <catch2/catch.hpp>

#include "manifest_test_support.hpp"

using namespace roster;
using roster::test::load_text;
using roster::test::messages;

namespace {

struct Case {
  const char* rule;
  std::string text;
  std::vector<std::string> errors;
};

void check_cases(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(messages(load_text(c.text)) == c.errors);
  }
}

const std::string k_head = "version: 1\nmembers:\n";
const std::string k_groups = "version: 1\ngroups:\n  - name: Sales\n  - name: Eng\nmembers:\n";

}  // namespace

TEST_CASE("roles: known tags only, and only member_only off the active team",
          "[manifest][errors][access]") {
  const std::string expected_roles =
      "(expected one of: team_admin, user_management_admin, support_admin, billing_admin, "
      "content_admin, security_admin, compliance_admin, reporting_admin, member_only)";
  check_cases({
      {"unknown role",
       k_head + "  - {email: a@acme.com, role: admin}\n",
       {"team.yaml:3:31: error: unknown role \"admin\" " + expected_roles}},
      {"other_admin is not a manifest value",
       k_head + "  - {email: a@acme.com, role: other_admin}\n",
       {"team.yaml:3:31: error: unknown role \"other_admin\" " + expected_roles}},
      {"unknown default role",
       "version: 1\ndefaults: {role: Team Admin}\n",
       {"team.yaml:2:18: error: unknown defaults.role \"Team Admin\" " + expected_roles}},
      {"role must be a string",
       k_head + "  - {email: a@acme.com, role: [team_admin]}\n",
       {"team.yaml:3:31: error: \"role\" must be a string, found a list"}},
      {"admin role on a suspended member",
       k_head + "  - email: a@acme.com\n    state: suspended\n    role: support_admin\n",
       {"team.yaml:5:11: error: role \"support_admin\" is not allowed on a suspended member (only "
        "member_only: Dropbox cannot set a suspended member's permissions)"}},
      {"admin role on a removed member",
       k_head + "  - {email: a@acme.com, role: team_admin, state: removed}\n",
       {"team.yaml:3:31: error: role \"team_admin\" is not allowed on a removed member (only "
        "member_only: a removal takes the role with it)"}},
      {"member_only on a suspended member is fine",
       k_head + "  - {email: a@acme.com, role: member_only, state: suspended}\n",
       {}},
  });
}

TEST_CASE("group memberships have one answer", "[manifest][errors][access]") {
  check_cases({
      {"contradiction between a group's members and a member's groups",
       "version: 1\ngroups:\n  - {name: Sales, members: [{email: a@acme.com, access: owner}]}\n"
       "members:\n  - {email: a@acme.com, groups: [Sales]}\n",
       {"team.yaml:5:34: error: contradictory access for a@acme.com in group \"Sales\": member "
        "here, owner at team.yaml:3:29"}},
      {"contradiction within a member's groups",
       k_groups + "  - {email: a@acme.com, groups: [Eng, {name: eng, access: owner}]}\n",
       {"team.yaml:6:39: error: contradictory access for a@acme.com in group \"Eng\": owner "
        "here, member at team.yaml:6:34"}},
      {"contradiction with defaults.groups",
       "version: 1\ndefaults: {groups: [Sales]}\n"
       "groups:\n  - {name: Sales, members: [{email: a@acme.com, access: owner}]}\n"
       "members:\n  - email: a@acme.com\n",
       {"team.yaml:2:21: error: contradictory access for a@acme.com in group \"Sales\": member "
        "here, owner at team.yaml:4:29"}},
      {"undeclared group in a member's groups",
       k_groups + "  - {email: a@acme.com, groups: [Sles]}\n",
       {"team.yaml:6:34: error: group \"Sles\" is not declared in the groups section"}},
      {"undeclared group without a groups section",
       k_head + "  - {email: a@acme.com, groups: [Sales]}\n",
       {"team.yaml:3:34: error: group \"Sales\" is not declared in the manifest (it has no groups "
        "section)"}},
      {"undeclared group in defaults.groups, reported once",
       "version: 1\ndefaults: {groups: [Ops]}\ngroups: []\nmembers:\n  - email: a@acme.com\n"
       "  - email: b@acme.com\n",
       {"team.yaml:2:21: error: group \"Ops\" is not declared in the groups section"}},
      {"group member who is not a manifest member",
       "version: 1\ngroups:\n  - {name: Sales, members: [bob@acme.com]}\nmembers: []\n",
       {"team.yaml:3:29: error: group \"Sales\" lists bob@acme.com, who is not a member in this "
        "manifest"}},
      {"removed member in a group",
       "version: 1\ngroups:\n  - {name: Sales, members: [a@acme.com]}\n"
       "members:\n  - {email: a@acme.com, state: removed}\n",
       {"team.yaml:3:29: error: a@acme.com is declared removed at team.yaml:5:32 and cannot be in "
        "group \"Sales\" (the removal takes the member's groups with it)"}},
      {"removed member with its own groups",
       k_groups + "  - {email: a@acme.com, state: removed, groups: [Sales]}\n",
       {"team.yaml:6:50: error: a@acme.com is declared removed at team.yaml:6:32 and cannot be in "
        "group \"Sales\" (the removal takes the member's groups with it)"}},
      {"suspended member as owner",
       k_groups +
           "  - {email: a@acme.com, state: suspended, groups: [{name: Sales, access: owner}]}\n",
       {"team.yaml:6:52: error: a@acme.com is declared suspended at team.yaml:6:32 and cannot own "
        "group \"Sales\" (Dropbox: user_must_be_active_to_be_owner)"}},
      {"suspended member as plain member is fine",
       k_groups + "  - {email: a@acme.com, state: suspended, groups: [Sales]}\n",
       {}},
  });
}

TEST_CASE("groups entries: names, external ids, keys and values", "[manifest][errors][access]") {
  check_cases({
      {"duplicate group name, ignoring case",
       "version: 1\ngroups:\n  - name: Sales\n  - name: SALES\n",
       {"team.yaml:4:11: error: duplicate group \"SALES\" (first declared as \"Sales\" at "
        "team.yaml:3:11; Dropbox compares group names ignoring case)"}},
      {"duplicate group external_id",
       "version: 1\ngroups:\n  - {name: A, external_id: x1}\n  - {name: B, external_id: x1}\n",
       {"team.yaml:4:28: error: duplicate group external_id \"x1\" (also group \"A\" at "
        "team.yaml:3:28)"}},
      {"two groups may both clear their external_id",
       "version: 1\ngroups:\n  - {name: A, external_id: \"\"}\n  - {name: B, external_id: \"\"}\n",
       {}},
      {"unknown key in a group",
       "version: 1\ngroups:\n  - {name: A, owners: []}\n",
       {"team.yaml:3:15: error: unknown key \"owners\" in group (expected one of: name, "
        "external_id, management_type, members)"}},
      {"unknown key in a group member",
       "version: 1\ngroups:\n  - {name: A, members: [{email: a@acme.com, acess: owner}]}\n"
       "members: [{email: a@acme.com}]\n",
       {"team.yaml:3:45: error: unknown key \"acess\" in group member (did you mean \"access\"?)"}},
      {"unknown key in a member's groups entry",
       k_groups + "  - {email: a@acme.com, groups: [{group: Sales}]}\n",
       {"team.yaml:6:34: error: groups entry has no \"name\"",
        "team.yaml:6:35: error: unknown key \"group\" in groups entry (expected one of: name, "
        "access)"}},
      {"group without a name",
       "version: 1\ngroups:\n  - external_id: x\n",
       {"team.yaml:3:5: error: group has no \"name\""}},
      {"empty group name",
       "version: 1\ngroups:\n  - name: \"\"\n",
       {"team.yaml:3:11: error: \"group name\" must not be empty"}},
      {"unknown access",
       "version: 1\ngroups:\n  - {name: A, members: [{email: a@acme.com, access: admin}]}\n",
       {"team.yaml:3:53: error: unknown access \"admin\" (expected member or owner)"}},
      {"system_managed is not a manifest value",
       "version: 1\ngroups:\n  - {name: A, management_type: system_managed}\n",
       {"team.yaml:3:32: error: unknown management_type \"system_managed\" (expected "
        "company_managed or user_managed; roster never manages system_managed groups)"}},
      {"invalid email in a group's members",
       "version: 1\ngroups:\n  - {name: A, members: [bob]}\n",
       {"team.yaml:3:25: error: invalid email \"bob\" in group members (Dropbox expects "
        "name@domain.tld)"}},
      {"groups must be a list",
       "version: 1\ngroups: {name: A}\n",
       {"team.yaml:2:9: error: \"groups\" must be a list, found a mapping"}},
      {"defaults.groups entries are names",
       "version: 1\ndefaults:\n  groups: [{name: A, access: owner}]\ngroups: [{name: A}]\n",
       {"team.yaml:3:12: error: \"defaults.groups entry\" must be a string, found a mapping"}},
  });
}

TEST_CASE("groups are declared once across the files of a manifest", "[manifest][errors][access]") {
  auto loaded =
      manifest::load_manifest_sources({{"a.yaml", "version: 1\ngroups:\n  - name: Sales\n"},
                                       {"b.yaml", "version: 1\ngroups:\n  - name: sales\n"}});
  CHECK(messages(loaded) ==
        std::vector<std::string>{
            "b.yaml:3:11: error: duplicate group \"sales\" (first declared as \"Sales\" at "
            "a.yaml:3:11; Dropbox compares group names ignoring case)"});
}

TEST_CASE("secondary emails: valid, distinct, nobody else's", "[manifest][errors][access]") {
  check_cases({
      {"invalid secondary email",
       k_head + "  - {email: a@acme.com, secondary_emails: [a@]}\n",
       {"team.yaml:3:44: error: invalid email \"a@\" in secondary_emails (Dropbox expects "
        "name@domain.tld)"}},
      {"duplicate secondary email, ignoring case",
       k_head + "  - email: a@acme.com\n    secondary_emails:\n      - x@acme.com\n"
                "      - X@acme.com\n",
       {"team.yaml:6:9: error: duplicate secondary email \"x@acme.com\" (first at line 5)"}},
      {"the member's own email",
       k_head + "  - {email: a@acme.com, secondary_emails: [A@acme.com]}\n",
       {"team.yaml:3:44: error: secondary email \"a@acme.com\" is the member's own email"}},
      {"another member's email",
       k_head + "  - {email: a@acme.com, secondary_emails: [b@acme.com]}\n  - email: b@acme.com\n",
       {"team.yaml:3:44: error: secondary email \"b@acme.com\" is the email of member b@acme.com "
        "at team.yaml:4:12"}},
      {"another member's secondary email",
       k_head + "  - {email: a@acme.com, secondary_emails: [x@acme.com]}\n"
                "  - {email: b@acme.com, secondary_emails: [x@acme.com]}\n",
       {"team.yaml:4:44: error: secondary email \"x@acme.com\" is also a secondary email of "
        "a@acme.com at team.yaml:3:44"}},
      {"secondary_emails must be a list",
       k_head + "  - {email: a@acme.com, secondary_emails: x@acme.com}\n",
       {"team.yaml:3:43: error: \"secondary_emails\" must be a list, found \"x@acme.com\""}},
  });
}

TEST_CASE("space limits and policy values", "[manifest][errors][access]") {
  const std::string space = "must be a whole number of GB (at least 2) or team_default, found ";
  check_cases({
      {"space limit below 2",
       k_head + "  - {email: a@acme.com, space_limit: 1}\n",
       {"team.yaml:3:38: error: \"space_limit\" " + space + "\"1\""}},
      {"space limit not whole",
       k_head + "  - {email: a@acme.com, space_limit: 2.5}\n",
       {"team.yaml:3:38: error: \"space_limit\" " + space + "\"2.5\""}},
      {"space limit negative",
       k_head + "  - {email: a@acme.com, space_limit: -5}\n",
       {"team.yaml:3:38: error: \"space_limit\" " + space + "\"-5\""}},
      {"space limit quoted number",
       k_head + "  - {email: a@acme.com, space_limit: \"50\"}\n",
       {"team.yaml:3:38: error: \"space_limit\" " + space + "\"50\""}},
      {"space limit beyond UInt32",
       k_head + "  - {email: a@acme.com, space_limit: 4294967296}\n",
       {"team.yaml:3:38: error: \"space_limit\" " + space + "\"4294967296\""}},
      {"space limit word",
       "version: 1\ndefaults: {space_limit: default}\n",
       {"team.yaml:2:25: error: \"defaults.space_limit\" " + space + "\"default\""}},
      {"unmanaged_groups value",
       "version: 1\npolicy: {unmanaged_groups: remove}\n",
       {"team.yaml:2:28: error: unknown policy.unmanaged_groups value \"remove\" (expected report "
        "or delete)"}},
      {"max_demotions negative",
       "version: 1\npolicy: {max_demotions: -1}\n",
       {"team.yaml:2:25: error: \"policy.max_demotions\" must be a whole number (0 or more), "
        "found \"-1\""}},
      {"max_demotions a fraction",
       "version: 1\npolicy: {max_demotions: 0.1}\n",
       {"team.yaml:2:25: error: \"policy.max_demotions\" must be a whole number (0 or more), "
        "found \"0.1\""}},
  });
}

TEST_CASE("every access problem of a manifest is reported in one run",
          "[manifest][errors][access]") {
  auto e = messages(load_text(k_groups + "  - {email: a@acme.com, role: boss, space_limit: 1}\n"
                                         "  - {email: b@acme.com, groups: [Ops]}\n"));
  CHECK(e.size() == 3);
}
