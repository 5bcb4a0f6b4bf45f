// Access in the plan (issue 9, decision 0023): roles, groups, secondary emails and space
// limits, their phase order, and the guards that extend to demotions.
#include <catch2/catch.hpp>

#include "plan_test_support.hpp"
#include "roster/plan/guards.hpp"

using namespace roster;
using namespace roster::test;
using model::DesiredState;
using model::GroupAccess;
using model::MemberStatus;
using model::Role;
using Status = plan::GuardResult::Status;

namespace {

// "action email [group] detail" for every step, in plan order.
std::vector<std::string> lines_of(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const auto& s : p.steps) {
    std::string line = plan::to_string(s.action);
    if (!s.email.empty()) line += " " + s.email;
    if (!s.group_name.empty()) line += " [" + s.group_name + "]";
    if (s.role) line += std::string(" ") + model::to_string(*s.role);
    if (!s.secondary_email.empty()) line += " " + s.secondary_email;
    if (s.action == plan::Action::set_space_limit) line += " " + std::to_string(s.quota_gb);
    if (s.action == plan::Action::add_to_group || s.action == plan::Action::set_group_access) {
      line += std::string(" ") + model::to_string(s.group_access);
    }
    out.push_back(line);
  }
  return out;
}

model::DesiredMember with_role(std::string email, Role role,
                               DesiredState state = DesiredState::active) {
  auto m = desired(email, state);
  m.role = role;
  return m;
}

model::ObservedMember with_observed_role(std::string email, Role role,
                                         MemberStatus status = MemberStatus::active) {
  auto m = observed(email, status);
  m.role = role;
  return m;
}

model::ObservedGroup group(std::string id, std::string name,
                           std::vector<model::ObservedGroupMember> members = {}) {
  model::ObservedGroup g;
  g.group_id = std::move(id);
  g.name = std::move(name);
  g.members = std::move(members);
  return g;
}

model::ObservedGroupMember in_group(const std::string& email,
                                    GroupAccess access = GroupAccess::member) {
  return {"dbmid:" + email, email, access};
}

model::DesiredGroup declared(std::string name, std::vector<model::DesiredGroupMember> members) {
  model::DesiredGroup g;
  g.name = std::move(name);
  g.members = std::move(members);
  return g;
}

}  // namespace

TEST_CASE("roles: a declared role differing from the team's is one step, absent is unmanaged",
          "[plan][access][roles]") {
  auto team = permissive_team();
  team.members.push_back(with_role("amy@acme.com", Role::user_management_admin));
  team.members.push_back(with_role("bob@acme.com", Role::member_only));
  team.members.push_back(desired("cat@acme.com"));  // role not managed
  team.members.push_back(with_role("dan@acme.com", Role::billing_admin));
  auto observed_team = team_with_admin();
  observed_team.members.push_back(observed("amy@acme.com"));
  observed_team.members.push_back(with_observed_role("bob@acme.com", Role::support_admin));
  observed_team.members.push_back(with_observed_role("cat@acme.com", Role::team_admin));
  observed_team.members.push_back(with_observed_role("dan@acme.com", Role::billing_admin));

  auto p = plan_of(team, observed_team);
  CHECK(lines_of(p) == std::vector<std::string>{"revoke_role bob@acme.com member_only",
                                                "set_role amy@acme.com user_management_admin"});
  REQUIRE(p.steps.size() == 2);
  CHECK(plan::is_privilege_change(p.steps[0]));
  CHECK(p.steps[1].changes.at(0).before == "member_only");
  CHECK(p.steps[1].changes.at(0).after == "user_management_admin");
  CHECK(p.steps[1].team_member_id == "dbmid:amy@acme.com");
}

TEST_CASE("roles: an admin who is suspended or removed loses the role first, even unmanaged",
          "[plan][access][roles][order]") {
  auto team = permissive_team();
  team.members.push_back(desired("ops@acme.com", DesiredState::suspended));
  team.members.push_back(desired("old@acme.com", DesiredState::removed));
  team.members.push_back(desired("was@acme.com", DesiredState::removed));
  auto observed_team = team_with_admin();
  observed_team.members.push_back(with_observed_role("ops@acme.com", Role::team_admin));
  observed_team.members.push_back(with_observed_role("old@acme.com", Role::security_admin));
  // Already suspended: Dropbox cannot change its role; the removal takes it.
  observed_team.members.push_back(
      with_observed_role("was@acme.com", Role::team_admin, MemberStatus::suspended));

  auto p = plan_of(team, observed_team);
  CHECK(lines_of(p) == std::vector<std::string>{"revoke_role old@acme.com member_only",
                                                "revoke_role ops@acme.com member_only",
                                                "suspend ops@acme.com", "remove old@acme.com",
                                                "remove was@acme.com"});
  CHECK(p.steps[0].reason == plan::Reason::leaving_admin);
  CHECK(guard(p, "max_demotions").status ==
        Status::refused);  // 2 of 4 live admins (the suspended one counts), allows 1
  CHECK(guard(p, "max_demotions").message ==
        "demotes 2 of 4 admins; max(1, 10% of admins) allows 1");
}

TEST_CASE(
    "roles: a suspended member is unsuspended before its role is set - invitees after "
    "their invitation",
    "[plan][access][roles][order]") {
  auto team = permissive_team();
  team.members.push_back(with_role("back@acme.com", Role::support_admin));
  team.members.push_back(with_role("new@acme.com", Role::reporting_admin));
  team.members.push_back(with_role("plain@acme.com", Role::member_only));  // invite only
  auto observed_team = team_with_admin();
  observed_team.members.push_back(observed("back@acme.com", MemberStatus::suspended));

  auto p = plan_of(team, observed_team);
  CHECK(lines_of(p) == std::vector<std::string>{"invite new@acme.com", "invite plain@acme.com",
                                                "unsuspend back@acme.com",
                                                "set_role back@acme.com support_admin",
                                                "set_role new@acme.com reporting_admin"});
  // The invitee has no record yet: apply selects it by email once invited.
  CHECK(p.steps[4].team_member_id.empty());
  CHECK(p.steps[4].changes.at(0).before == "member_only");
}

TEST_CASE(
    "roles: guards refuse demoting the last admin, the token's admin or a protected "
    "member",
    "[plan][access][roles][guards]") {
  auto observed_team = team_with_admin();
  observed_team.authenticated_admin_id = "dbmid:admin@acme.com";
  observed_team.authenticated_admin_email = "admin@acme.com";

  SECTION("member_only for the only team admin") {
    model::DesiredTeam team;
    team.policy.max_removal_fraction = 1.0;
    team.members.push_back(with_role("admin@acme.com", Role::member_only));
    auto p = plan_of(team, observed_team);
    CHECK(lines_of(p) == std::vector<std::string>{"revoke_role admin@acme.com member_only"});
    CHECK(guard(p, "last_admin").message ==
          "the plan suspends, removes or demotes every active team admin (1); at least one must "
          "remain");
    CHECK(guard(p, "token_admin").message ==
          "the plan would demote admin@acme.com, the admin whose token roster uses");
    CHECK(p.is_refused());
  }
  SECTION("team_admin lowered to another admin role for the token's admin") {
    model::DesiredTeam team;
    team.policy.max_removal_fraction = 1.0;
    team.members.push_back(with_role("admin@acme.com", Role::user_management_admin));
    team.members.push_back(with_role("two@acme.com", Role::team_admin));
    observed_team.members.push_back(with_observed_role("two@acme.com", Role::team_admin));
    auto p = plan_of(team, observed_team);
    CHECK(lines_of(p) == std::vector<std::string>{"set_role admin@acme.com user_management_admin"});
    CHECK(guard(p, "last_admin").status == Status::passed);
    CHECK(guard(p, "token_admin").status == Status::refused);
  }
  SECTION("a protected admin's role is not lowered") {
    auto team = permissive_team();
    team.policy.protected_emails = {"sec@acme.com"};
    team.members.push_back(with_role("sec@acme.com", Role::member_only));
    observed_team.members.push_back(with_observed_role("sec@acme.com", Role::security_admin));
    auto p = plan_of(team, observed_team);
    CHECK(guard(p, "protected").message ==
          "the plan would demote sec@acme.com, which policy.protected lists");
    CHECK(guard(p, "max_demotions").status == Status::passed);
  }
}

TEST_CASE("roles: max_demotions defaults to 1 or 10% of admins, policy and flag override",
          "[plan][access][roles][guards]") {
  auto team = permissive_team();
  auto observed_team = team_with_admin();
  for (int i = 0; i < 20; ++i) {
    auto email = "a" + std::to_string(i) + "@acme.com";
    observed_team.members.push_back(with_observed_role(email, Role::support_admin));
    team.members.push_back(with_role(email, i < 3 ? Role::member_only : Role::support_admin));
  }
  // 21 admins: 10% is 2; the plan demotes 3.
  auto p = plan_of(team, observed_team);
  CHECK(guard(p, "max_demotions").message ==
        "demotes 3 of 21 admins; max(1, 10% of admins) allows 2");
  CHECK(guard(p, "max_demotions").status == Status::refused);
  team.policy.max_demotions = 3;
  CHECK(guard(plan_of(team, observed_team), "max_demotions").status == Status::passed);
  auto flagged = plan::make_plan(team, observed_team, plan::PlanOptions{k_now, {}, 2, {}});
  CHECK(guard(flagged, "max_demotions").message ==
        "demotes 3 of 21 admins; --max-demotions allows 2");
}

TEST_CASE("secondary emails: the declared list is the whole list - invitees wait",
          "[plan][access][secondary]") {
  auto team = permissive_team();
  auto amy = desired("amy@acme.com");
  amy.secondary_emails = std::vector<std::string>{"amy@new.acme.com", "amy@old.acme.com"};
  auto bob = desired("bob@acme.com");
  bob.secondary_emails = std::vector<std::string>{};
  auto cat = desired("cat@acme.com");
  cat.secondary_emails = std::vector<std::string>{"cat@x.acme.com"};
  auto dan = desired("dan@acme.com");  // not managed
  team.members.insert(team.members.end(), {amy, bob, cat, dan});
  auto observed_team = team_with_admin();
  auto amy_seen = observed("amy@acme.com");
  amy_seen.secondary_emails = {{"amy@old.acme.com", true}, {"amy@gone.acme.com", true}};
  auto bob_seen = observed("bob@acme.com");
  bob_seen.secondary_emails = {{"bob@b.acme.com", false}};
  auto dan_seen = observed("dan@acme.com");
  dan_seen.secondary_emails = {{"dan@d.acme.com", true}};
  observed_team.members.insert(
      observed_team.members.end(),
      {amy_seen, bob_seen, observed("cat@acme.com", MemberStatus::invited), dan_seen});

  auto p = plan_of(team, observed_team);
  CHECK(lines_of(p) ==
        std::vector<std::string>{"add_secondary_email amy@acme.com amy@new.acme.com",
                                 "delete_secondary_email amy@acme.com amy@gone.acme.com",
                                 "delete_secondary_email bob@acme.com bob@b.acme.com"});
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].email == "cat@acme.com");
  CHECK(p.warnings[0].message ==
        "secondary emails wait until the member joins: Dropbox answers placeholder_user for "
        "invited members");
}

TEST_CASE("space limits: set, back to the team default, excluded members warned",
          "[plan][access][quota]") {
  auto team = permissive_team();
  auto limit = [](std::string email, model::SpaceLimit l) {
    auto m = desired(email);
    m.space_limit = l;
    return m;
  };
  team.members.push_back(limit("amy@acme.com", {false, 50}));
  team.members.push_back(limit("bob@acme.com", {true, 0}));
  team.members.push_back(limit("cat@acme.com", {false, 10}));
  team.members.push_back(limit("dan@acme.com", {false, 20}));  // same as now
  auto observed_team = team_with_admin();
  observed_team.quotas_read = true;
  auto bob_seen = observed("bob@acme.com");
  bob_seen.custom_quota_gb = 30;
  auto dan_seen = observed("dan@acme.com");
  dan_seen.custom_quota_gb = 20;
  observed_team.members.insert(observed_team.members.end(), {observed("amy@acme.com"), bob_seen,
                                                             observed("cat@acme.com"), dan_seen});
  observed_team.quota_excluded_ids = {"dbmid:cat@acme.com"};

  auto p = plan_of(team, observed_team);
  CHECK(lines_of(p) == std::vector<std::string>{"set_space_limit amy@acme.com 50",
                                                "remove_space_limit bob@acme.com"});
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].email == "cat@acme.com");

  observed_team.quotas_read = false;  // not read: nothing can be judged, nothing planned
  CHECK(plan_of(team, observed_team).steps.empty());
}

TEST_CASE(
    "groups: created before members join, invitees added after their invitation, a "
    "removal takes its memberships",
    "[plan][access][groups][order]") {
  auto team = permissive_team();
  team.manages_groups = true;
  team.members.push_back(desired("amy@acme.com"));
  team.members.push_back(desired("new@acme.com"));
  team.members.push_back(desired("gone@acme.com", DesiredState::removed));
  team.members.push_back(desired("sus@acme.com", DesiredState::suspended));
  team.groups.push_back(declared("Eng", {{"amy@acme.com", GroupAccess::owner, {}},
                                         {"new@acme.com", GroupAccess::member, {}}}));
  team.groups.push_back(declared("Sales", {{"amy@acme.com", GroupAccess::member, {}},
                                           {"sus@acme.com", GroupAccess::member, {}}}));
  auto observed_team = team_with_admin();
  observed_team.groups_read = true;
  observed_team.members.push_back(observed("amy@acme.com"));
  observed_team.members.push_back(observed("gone@acme.com"));
  observed_team.members.push_back(observed("sus@acme.com"));
  observed_team.members.push_back(observed("stray@acme.com"));
  observed_team.groups.push_back(
      group("g:sales", "Sales",
            {in_group("amy@acme.com", GroupAccess::owner), in_group("gone@acme.com"),
             in_group("stray@acme.com"), in_group("sus@acme.com", GroupAccess::owner)}));
  team.policy.unmanaged = model::UnmanagedPolicy::report;

  auto p = plan_of(team, observed_team);
  CHECK(lines_of(p) == std::vector<std::string>{"invite new@acme.com", "create_group [Eng]",
                                                "add_to_group amy@acme.com [Eng] owner",
                                                "add_to_group new@acme.com [Eng] member",
                                                "set_group_access amy@acme.com [Sales] member",
                                                "set_group_access sus@acme.com [Sales] member",
                                                "remove_from_group stray@acme.com [Sales]",
                                                "suspend sus@acme.com", "remove gone@acme.com"});
  // A member of a group the plan creates, and an invitee, are found by name and email.
  CHECK(p.steps[2].group_id.empty());
  CHECK(p.steps[3].team_member_id.empty());
  CHECK(p.steps[4].group_id == "g:sales");
}

TEST_CASE("groups: undeclared groups are drift or deleted by policy - system groups never",
          "[plan][access][groups][guards]") {
  auto team = permissive_team();
  team.manages_groups = true;
  team.groups.push_back(declared("Eng", {}));
  team.groups.back().external_id = "eng";
  auto observed_team = team_with_admin();
  observed_team.groups_read = true;
  auto eng = group("g:eng", "Engineering");
  eng.external_id = "eng";
  observed_team.groups.push_back(eng);
  observed_team.groups.push_back(group("g:old", "Old"));
  auto everyone = group("g:all", "Everyone at Acme");
  everyone.management = model::GroupManagement::system_managed;
  observed_team.groups.push_back(everyone);

  auto p = plan_of(team, observed_team);
  // Matched by external_id: renamed, not recreated.
  CHECK(lines_of(p) == std::vector<std::string>{"update_group [Eng]"});
  CHECK(p.steps[0].changes.at(0).field == "name");
  CHECK(p.steps[0].changes.at(0).before == "Engineering");
  REQUIRE(p.drift.size() == 1);
  CHECK(p.drift[0].kind == plan::DriftItem::Kind::unmanaged_group);
  CHECK(p.drift[0].group_name == "Old");
  CHECK(p.has_drift());

  team.policy.unmanaged_groups = model::UnmanagedGroupsPolicy::remove;
  team.policy.max_removal_fraction = 0.3;
  p = plan_of(team, observed_team);
  CHECK(lines_of(p) == std::vector<std::string>{"update_group [Eng]", "delete_group [Old]"});
  // 1 of 2 non-system groups is more than 30%.
  CHECK(guard(p, "removal_fraction").status == Status::refused);
  CHECK(guard(p, "removal_fraction").message.find("deletes 1 of 2 groups, allows 0") !=
        std::string::npos);
}

TEST_CASE("groups: without a groups section the team's groups are left alone",
          "[plan][access][groups]") {
  auto team = permissive_team();
  auto observed_team = team_with_admin();
  observed_team.groups_read = true;
  observed_team.groups.push_back(group("g:old", "Old", {in_group("admin@acme.com")}));
  auto p = plan_of(team, observed_team);
  CHECK(p.steps.empty());
  CHECK(p.drift.empty());
}

TEST_CASE("roles: a demotion that rests on an external_id match alone is refused",
          "[plan][access][roles][guards][identity]") {
  // A declaration about one email must not take the admin role of another person.
  auto team = permissive_team();
  auto imposter = with_role("someone@acme.com", Role::member_only);
  imposter.external_id = "E-OPS";
  team.members.push_back(imposter);
  auto observed_team = team_with_admin();
  auto ops = with_observed_role("ops@acme.com", Role::security_admin);
  ops.external_id = "E-OPS";
  observed_team.members.push_back(ops);

  auto p = plan_of(team, observed_team);
  CHECK(guard(p, "external_id_match").status == Status::refused);
  CHECK(guard(p, "external_id_match").message ==
        "someone@acme.com is declared with role member_only but only its external_id matches "
        "ops@acme.com on the team; roster does not demote an account under another email "
        "(declare ops@acme.com itself)");
  CHECK(p.is_refused());
}
