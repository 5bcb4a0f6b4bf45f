// Roles at apply: revoke_role and set_role through members/set_admin_permissions_v2, with
// the role ids of the team's own table, read once per apply.
#include <catch2/catch.hpp>

#include "apply_support.hpp"

using namespace roster;
using plan::Action;
using Status = apply::StepOutcome::Status;
using test::count;
using test::plan_of;
using test::Run;

namespace {

plan::PlanStep role_step(Action action, const std::string& email, model::Role role) {
  auto s = test::step(action, email);
  s.role = role;
  return s;
}

std::vector<model::TeamRole> dropbox_roles() {
  return {{"pid_dbtmr:team", "Team Admin"},
          {"pid_dbtmr:user", "User management admin"},
          {"pid_dbtmr:billing", "Billing admin"}};
}

}  // namespace

TEST_CASE("set_role sends the team's id for the role, revoke_role an empty role list",
          "[apply][roles]") {
  Run run;
  run.api.roles = dropbox_roles();
  auto report =
      run(plan_of({role_step(Action::revoke_role, "old@x.com", model::Role::member_only),
                   role_step(Action::set_role, "amy@x.com", model::Role::team_admin),
                   role_step(Action::set_role, "bob@x.com", model::Role::billing_admin),
                   role_step(Action::set_role, "cy@x.com", model::Role::user_management_admin)}));
  CHECK(report.all_succeeded());
  auto calls = run.api.calls();
  CHECK(count(calls, "get_available_roles") == 1);  // once per apply, not once per step
  CHECK(count(calls, "set_role id:old@x.com ") == 1);
  CHECK(count(calls, "set_role id:amy@x.com pid_dbtmr:team") == 1);
  CHECK(count(calls, "set_role id:bob@x.com pid_dbtmr:billing") == 1);
  CHECK(count(calls, "set_role id:cy@x.com pid_dbtmr:user") == 1);
  CHECK(calls.size() == 5);
}

TEST_CASE("a plan without set_role does not read the role table", "[apply][roles]") {
  Run run;
  auto report = run(plan_of({role_step(Action::revoke_role, "old@x.com", model::Role::member_only),
                             test::step(Action::suspend, "old@x.com")}));
  CHECK(report.all_succeeded());
  CHECK(run.api.calls() ==
        std::vector<std::string>{"set_role id:old@x.com ", "suspend id:old@x.com"});
}

TEST_CASE("a role the team does not offer fails its step clearly - the rest go on",
          "[apply][roles]") {
  Run run;
  run.api.roles = dropbox_roles();
  auto report = run(plan_of({role_step(Action::set_role, "amy@x.com", model::Role::content_admin),
                             role_step(Action::set_role, "bob@x.com", model::Role::team_admin)}));
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[0].error.message ==
        "the team does not offer the role content_admin "
        "(members/get_available_team_member_roles lists no such role)");
  CHECK(report.outcomes[1].status == Status::succeeded);
  CHECK(count(run.api.calls(), "set_role id:amy@x.com pid_dbtmr:content") == 0);
}

TEST_CASE("two ids for one role are not guessed between", "[apply][roles]") {
  Run run;
  run.api.roles = {{"pid:a", "Team admin"}, {"pid:b", "team admin"}};
  auto report = run(plan_of({role_step(Action::set_role, "amy@x.com", model::Role::team_admin)}));
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[0].error.message ==
        "the team lists more than one id for the role team_admin (pid:a, pid:b): roster will "
        "not guess which to set");
}

TEST_CASE("an unreadable role table fails the set_role steps only", "[apply][roles]") {
  Run run;
  auto refused = core::make_error(core::ErrorKind::forbidden, "403 access denied");
  run.api.script("get_available_roles", {refused});
  auto report = run(plan_of({role_step(Action::revoke_role, "old@x.com", model::Role::member_only),
                             role_step(Action::set_role, "amy@x.com", model::Role::team_admin)}));
  CHECK(report.outcomes[0].status == Status::succeeded);
  CHECK(report.outcomes[1].status == Status::failed);
  CHECK(report.outcomes[1].error.kind == core::ErrorKind::forbidden);
  CHECK(report.outcomes[1].error.message ==
        "cannot read the team's roles to set team_admin: 403 access denied");
}

TEST_CASE("Dropbox's refusals of a role change fail the step with their tag", "[apply][roles]") {
  Run run;
  run.api.roles = dropbox_roles();
  run.api.script("set_role id:last@x.com ", {test::conflict("last_admin")});
  run.api.script("set_role id:sus@x.com pid_dbtmr:team",
                 {test::conflict("cannot_set_permissions")});
  run.api.script("set_role id:slow@x.com pid_dbtmr:team", {test::rate_limited(2)});
  auto report = run(plan_of({role_step(Action::revoke_role, "last@x.com", model::Role::member_only),
                             role_step(Action::set_role, "sus@x.com", model::Role::team_admin),
                             role_step(Action::set_role, "slow@x.com", model::Role::team_admin)}));
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[0].error.api_tag == "last_admin");
  CHECK(report.outcomes[1].error.api_tag == "cannot_set_permissions");
  CHECK(report.outcomes[2].status == Status::succeeded);
  CHECK(report.outcomes[2].attempts == 2);
}

TEST_CASE("a member's role waits for its invite, and is skipped when the invite failed",
          "[apply][roles]") {
  Run run;
  run.api.roles = dropbox_roles();
  run.api.add_outcome("taken@x.com", "user_on_another_team");
  auto report = run(
      plan_of({test::step(Action::invite, "new@x.com"), test::step(Action::invite, "taken@x.com"),
               [] {
                 auto s = role_step(Action::set_role, "new@x.com", model::Role::billing_admin);
                 s.team_member_id.clear();
                 return s;
               }(),
               [] {
                 auto s = role_step(Action::set_role, "taken@x.com", model::Role::support_admin);
                 s.team_member_id.clear();
                 return s;
               }()}));
  CHECK(report.outcomes[1].status == Status::failed);
  CHECK(report.outcomes[2].status == Status::succeeded);
  CHECK(count(run.api.calls(), "set_role new@x.com pid_dbtmr:billing") == 1);  // by email
  CHECK(report.outcomes[3].status == Status::skipped);
  CHECK(report.outcomes[3].note == "needs invite taken@x.com, which failed");
}
