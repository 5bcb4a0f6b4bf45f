// Guards and steps judge the record that will change, never only the manifest's email
// (issue 8 §1, decision 0009).
#include <catch2/catch.hpp>

#include "plan_test_support.hpp"
#include "roster/plan/guards.hpp"

using namespace roster;
using namespace roster::test;
using model::DesiredState;
using model::MemberStatus;
using Status = plan::GuardResult::Status;

namespace {

// "action declared-email → observed-email [team_member_id]" for every step.
std::vector<std::string> subjects_of(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const auto& s : p.steps) {
    out.push_back(std::string(plan::to_string(s.action)) + " " + s.email + " → " +
                  (s.observed_email.empty() ? "-" : s.observed_email) + " [" + s.team_member_id +
                  "]");
  }
  return out;
}

model::DesiredMember with_external_id(std::string email, DesiredState state, std::string id) {
  auto m = desired(email, state);
  m.external_id = std::move(id);
  return m;
}

}  // namespace

TEST_CASE("a declaration matched only by external_id to the sole admin cannot remove that admin",
          "[plan][guards][identity]") {
  // The review's finding: "remove someone-else@acme.com" carried the admin's id while the
  // guards said ok last_admin / ok token_admin.
  model::DesiredTeam desired_team;
  desired_team.policy.max_removal_fraction = 1.0;
  desired_team.members.push_back(
      with_external_id("someone-else@acme.com", DesiredState::removed, "E-ADMIN"));
  model::ObservedTeam observed_team;
  auto admin = team_admin("admin@acme.com");
  admin.external_id = "E-ADMIN";
  observed_team.members.push_back(admin);
  observed_team.authenticated_admin_email = "admin@acme.com";
  observed_team.authenticated_admin_id = admin.team_member_id;

  auto p = plan_of(desired_team, observed_team);
  CHECK(subjects_of(p) ==
        std::vector<std::string>{
            "revoke_role someone-else@acme.com → admin@acme.com [dbmid:admin@acme.com]",
            "remove someone-else@acme.com → admin@acme.com [dbmid:admin@acme.com]"});
  CHECK(p.is_refused());
  CHECK(guard(p, "last_admin").status == Status::refused);
  CHECK(guard(p, "last_admin").message ==
        "the plan suspends or removes every active team admin (1); at least one must remain");
  CHECK(guard(p, "token_admin").message ==
        "the plan would remove admin@acme.com (declared as someone-else@acme.com), the admin "
        "whose token roster uses");
  CHECK(guard(p, "external_id_match").message ==
        "someone-else@acme.com is declared removed but only its external_id matches "
        "admin@acme.com on the team; roster does not remove an account under another email "
        "(declare admin@acme.com itself)");
}

TEST_CASE("the token's admin matched by external_id and declared suspended is refused by id",
          "[plan][guards][identity]") {
  auto desired_team = permissive_team();  // declares admin@acme.com active
  desired_team.members.push_back(
      with_external_id("ada.new@acme.com", DesiredState::suspended, "E7"));
  auto observed_team = team_with_admin();
  auto robot = team_admin("robot@acme.com");
  robot.external_id = "E7";
  observed_team.members.push_back(robot);
  // The token's admin is known by id; its email as listed by get_authenticated_admin may be
  // spelled differently, the id decides.
  observed_team.authenticated_admin_id = robot.team_member_id;
  observed_team.authenticated_admin_email = "ROBOT@acme.com";

  auto p = plan_of(desired_team, observed_team);
  CHECK(subjects_of(p) ==
        std::vector<std::string>{
            "revoke_role ada.new@acme.com → robot@acme.com [dbmid:robot@acme.com]",
            "update_profile ada.new@acme.com → robot@acme.com [dbmid:robot@acme.com]",
            "suspend ada.new@acme.com → robot@acme.com [dbmid:robot@acme.com]"});
  CHECK(guard(p, "token_admin").status == Status::refused);
  CHECK(guard(p, "token_admin").message ==
        "the plan would suspend robot@acme.com (declared as ada.new@acme.com), the admin whose "
        "token roster uses");
  CHECK(guard(p, "external_id_match").status == Status::refused);
  CHECK(guard(p, "last_admin").status == Status::passed);  // admin@acme.com stays
}

namespace {

struct IdentityCell {
  DesiredState want;
  MemberStatus seen;
  bool recoverable;
  std::vector<std::string> actions;
  Status external_id_match;
};

}  // namespace

TEST_CASE("every cell of a match by external_id: renames are allowed, taking access is refused",
          "[plan][guards][identity]") {
  auto cell = GENERATE(values<IdentityCell>({
      {DesiredState::active, MemberStatus::active, false, {"update_profile"}, Status::passed},
      {DesiredState::active, MemberStatus::invited, false, {"update_profile"}, Status::passed},
      {DesiredState::active,
       MemberStatus::suspended,
       false,
       {"unsuspend", "update_profile"},
       Status::passed},
      {DesiredState::active,
       MemberStatus::removed,
       true,
       {"recover", "update_profile"},
       Status::passed},
      {DesiredState::active, MemberStatus::removed, false, {"invite"}, Status::passed},
      {DesiredState::suspended,
       MemberStatus::active,
       false,
       {"update_profile", "suspend"},
       Status::refused},
      {DesiredState::suspended, MemberStatus::invited, false, {"update_profile"}, Status::passed},
      {DesiredState::suspended, MemberStatus::suspended, false, {"update_profile"}, Status::passed},
      {DesiredState::suspended,
       MemberStatus::removed,
       true,
       {"recover", "update_profile", "suspend"},
       Status::passed},
      {DesiredState::suspended, MemberStatus::removed, false, {}, Status::passed},
      {DesiredState::removed, MemberStatus::active, false, {"remove"}, Status::refused},
      {DesiredState::removed, MemberStatus::invited, false, {"remove"}, Status::refused},
      {DesiredState::removed, MemberStatus::suspended, false, {"remove"}, Status::refused},
      {DesiredState::removed, MemberStatus::removed, true, {}, Status::passed},
      {DesiredState::removed, MemberStatus::removed, false, {}, Status::passed},
  }));
  INFO("declared " << model::to_string(cell.want) << ", observed " << model::to_string(cell.seen)
                   << (cell.recoverable ? " (recoverable)" : ""));
  auto desired_team = permissive_team();
  desired_team.members.push_back(with_external_id("new@acme.com", cell.want, "E1"));
  auto observed_team = team_with_admin();
  auto old = observed("old@acme.com", cell.seen);
  old.is_recoverable = cell.recoverable;
  old.external_id = "E1";
  observed_team.members.push_back(old);

  auto p = plan_of(desired_team, observed_team);
  std::vector<std::string> actions;
  for (const auto& s : p.steps) {
    actions.push_back(plan::to_string(s.action));
    CHECK(s.email == "new@acme.com");
    if (s.action != plan::Action::invite) {
      // Every step that acts on the old record names it.
      CHECK(s.team_member_id == "dbmid:old@acme.com");
      CHECK(s.observed_email == "old@acme.com");
    }
  }
  CHECK(actions == cell.actions);
  CHECK(guard(p, "external_id_match").status == cell.external_id_match);
  CHECK(p.is_refused() == (cell.external_id_match == Status::refused));
}

TEST_CASE("a protected account matched by external_id under another email is not removed",
          "[plan][guards][identity]") {
  auto desired_team = permissive_team();
  desired_team.policy.protected_emails = {"it-admin@acme.com"};
  desired_team.members.push_back(with_external_id("x@acme.com", DesiredState::removed, "E9"));
  auto observed_team = team_with_admin();
  auto it_admin = observed("it-admin@acme.com");
  it_admin.external_id = "E9";
  observed_team.members.push_back(it_admin);
  auto p = plan_of(desired_team, observed_team);
  CHECK(guard(p, "protected").status == Status::refused);
  CHECK(guard(p, "protected").message ==
        "the plan would remove it-admin@acme.com (declared as x@acme.com), which "
        "policy.protected lists");
  desired_team.members.back().state = DesiredState::active;
  CHECK(guard(plan_of(desired_team, observed_team), "protected").message ==
        "no member of policy.protected (1 listed) is suspended or removed");
}

TEST_CASE("last_admin fails closed when no active team admin can be recognised",
          "[plan][guards][identity]") {
  model::DesiredTeam desired_team;
  desired_team.policy.max_removal_fraction = 1.0;
  desired_team.members.push_back(desired("a@acme.com"));
  desired_team.members.push_back(desired("b@acme.com", DesiredState::suspended));
  model::ObservedTeam observed_team;
  auto a = observed("a@acme.com");
  a.role = model::Role::other_admin;  // e.g. a role_id roster cannot read
  observed_team.members.push_back(a);
  observed_team.members.push_back(observed("b@acme.com"));
  auto p = plan_of(desired_team, observed_team);
  CHECK(p.is_refused());
  CHECK(guard(p, "last_admin").message ==
        "no active team admin can be recognised in the listing (roles are read by role_id), so "
        "roster cannot tell whether the plan's 1 suspension or removal leave one");
  desired_team.members.back().state = DesiredState::active;
  auto quiet = plan_of(desired_team, observed_team);
  CHECK(guard(quiet, "last_admin").status == Status::passed);
  CHECK(guard(quiet, "last_admin").message ==
        "no active team admin is recognised in the listing; the plan takes access from nobody");
}

TEST_CASE("recheck_guards judges a saved plan against the team at apply time",
          "[plan][guards][identity]") {
  auto desired_team = permissive_team();
  desired_team.members.push_back(desired("second@acme.com", DesiredState::removed));
  auto observed_team = team_with_admin();
  observed_team.members.push_back(team_admin("second@acme.com"));
  auto p = plan_of(desired_team, observed_team);
  REQUIRE_FALSE(p.is_refused());  // two admins when planned

  auto live = observed_team;  // since then admin@acme.com was demoted in the console
  live.members[0].role = model::Role::member_only;
  auto verdicts = plan::recheck_guards(p, live);
  REQUIRE(verdicts.size() == 2);
  CHECK(verdicts[0].name == "last_admin");
  CHECK(verdicts[0].status == Status::refused);

  live = observed_team;  // or the apply runs with the token of the admin being removed
  live.authenticated_admin_id = "dbmid:second@acme.com";
  live.authenticated_admin_email = "second@acme.com";
  verdicts = plan::recheck_guards(p, live);
  CHECK(verdicts[1].status == Status::refused);
  CHECK(verdicts[1].message ==
        "the plan would remove second@acme.com, the admin whose token roster uses");
  CHECK(plan::recheck_guards(p, observed_team)[0].status == Status::passed);
}
