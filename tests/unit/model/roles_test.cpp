// Roles are recognised by role_id through the team's role table (decision 0009).
#include <catch2/catch.hpp>

#include "roster/model/roles.hpp"

using namespace roster;
using model::Role;
using model::TeamRole;

namespace {

const std::vector<TeamRole> k_dropbox_roles = {
    {"pid_dbtmr:ta", "Team admin"},
    {"pid_dbtmr:uma", "User management admin"},
    {"pid_dbtmr:sa", "Support admin"},
    {"pid_dbtmr:ba", "Billing admin"},
};

}  // namespace

TEST_CASE("role names map to roles once, case and spacing aside", "[model][roles]") {
  CHECK(model::role_from_name("Team admin") == Role::team_admin);
  CHECK(model::role_from_name("  TEAM ADMIN ") == Role::team_admin);
  CHECK(model::role_from_name("User management admin") == Role::user_management_admin);
  CHECK(model::role_from_name("Support admin") == Role::support_admin);
  CHECK(model::role_from_name("Billing admin") == Role::billing_admin);
  CHECK(model::role_from_name("Reporting admin") == Role::reporting_admin);
  CHECK(model::role_from_name("Custom auditor") == Role::other_admin);
  CHECK(model::role_from_name("") == Role::member_only);
}

TEST_CASE("a member is judged by the ids it holds, not the names its entry carries",
          "[model][roles]") {
  model::RoleTable table(k_dropbox_roles);
  CHECK(table.classify({}) == Role::member_only);
  // The team-admin id under another display name (renamed, or localised) is still team admin.
  CHECK(table.classify({{"pid_dbtmr:ta", "Administrateur d'équipe"}}) == Role::team_admin);
  // A name that says "Team admin" on an id the table does not know is not trusted.
  CHECK(table.classify({{"pid_dbtmr:forged", "Team admin"}}) == Role::other_admin);
  CHECK(table.classify({{"pid_dbtmr:ba", "Billing admin"}, {"pid_dbtmr:ta", "x"}}) ==
        Role::team_admin);
  CHECK(table.classify({{"pid_dbtmr:sa", "Support admin"}}) == Role::support_admin);
}

TEST_CASE("an ambiguous role table recognises no team admin", "[model][roles]") {
  auto roles = k_dropbox_roles;
  roles.push_back({"pid_dbtmr:ta2", "Team admin"});  // two ids claim team admin
  model::RoleTable table(roles);
  CHECK(table.classify({{"pid_dbtmr:ta", "Team admin"}}) == Role::other_admin);
  CHECK(table.classify({{"pid_dbtmr:ta2", "Team admin"}}) == Role::other_admin);
  CHECK(table.classify({{"pid_dbtmr:uma", ""}}) == Role::user_management_admin);
  model::RoleTable split({{"pid_dbtmr:x", "Team admin"}, {"pid_dbtmr:x", "Support admin"}});
  CHECK(split.classify({{"pid_dbtmr:x", "Team admin"}}) == Role::other_admin);
}

TEST_CASE("recognise_roles uses the team's role list, else the members' own entries",
          "[model][roles]") {
  model::ObservedTeam team;
  model::ObservedMember a;
  a.email = "a@acme.com";
  a.roles = {{"pid_dbtmr:ta", "Team admin"}};
  model::ObservedMember b;
  b.email = "b@acme.com";
  b.role = Role::support_admin;  // decoded from a v1 AdminTier: no roles to judge
  team.members = {a, b};
  model::recognise_roles(team);
  CHECK(team.members[0].role == Role::team_admin);
  CHECK(team.members[1].role == Role::support_admin);

  team.available_roles = {{"pid_dbtmr:other", "Team admin"}};  // the team says otherwise
  model::recognise_roles(team);
  CHECK(team.members[0].role == Role::other_admin);
}

TEST_CASE("every role has one tag, read back by role_from_tag", "[model][roles]") {
  for (auto role :
       {Role::member_only, Role::team_admin, Role::user_management_admin, Role::support_admin,
        Role::billing_admin, Role::content_admin, Role::security_admin, Role::compliance_admin,
        Role::reporting_admin, Role::other_admin}) {
    CHECK(model::role_from_tag(model::to_string(role)) == role);
  }
  CHECK_FALSE(model::role_from_tag("Team admin"));
  CHECK_FALSE(model::role_from_tag(""));
}
