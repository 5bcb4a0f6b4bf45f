// The schedule of a plan with access steps: what waits for what, what a failure skips.
#include <catch2/catch.hpp>

#include "apply/schedule.hpp"
#include "apply_support.hpp"

using namespace roster;
using plan::Action;
using Status = apply::StepOutcome::Status;
using test::plan_of;
using test::position;
using test::Run;

namespace {

plan::PlanStep in_group(Action action, const std::string& email, const std::string& group,
                        const std::string& id) {
  auto s = test::step(action, email);
  s.group_name = group;
  s.group_id = id;
  return s;
}

// "action email-or-group" of each step a step needs (its task's entry for it).
std::vector<std::string> needs_of(const plan::Plan& p, const std::vector<apply::Task>& tasks,
                                  std::size_t step) {
  for (const auto& t : tasks) {
    for (std::size_t j = 0; j < t.steps.size(); ++j) {
      if (t.steps[j] != step) continue;
      std::vector<std::string> out;
      for (auto n : t.step_needs[j]) {
        const auto& s = p.steps[n];
        out.push_back(std::string(plan::to_string(s.action)) + " " +
                      (s.email.empty() ? s.group_name : s.email));
      }
      return out;
    }
  }
  return {"?"};
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("membership waits for its group's creation, a member's steps for its arrival",
          "[apply][schedule]") {
  auto invited = [](plan::PlanStep s) {
    s.team_member_id.clear();
    return s;
  };
  plan::PlanStep create;
  create.action = Action::create_group;
  create.group_name = "New";
  auto role = invited(test::step(Action::set_role, "new@x.com"));
  role.role = model::Role::billing_admin;
  auto p = plan_of({
      test::step(Action::invite, "new@x.com"),                          // 0
      test::step(Action::unsuspend, "back@x.com"),                      // 1
      create,                                                           // 2
      role,                                                             // 3
      invited(in_group(Action::add_to_group, "new@x.com", "New", "")),  // 4
      in_group(Action::add_to_group, "back@x.com", "New", ""),          // 5
      in_group(Action::add_to_group, "back@x.com", "Old", "g:old"),     // 6
      [] {
        auto s = test::step(Action::add_secondary_email, "back@x.com");
        s.secondary_email = "b2@y.com";
        return s;
      }(),  // 7
  });
  auto tasks = apply::make_schedule(p, 20);
  REQUIRE(tasks.size() == 7);  // the two adds to New share one task
  CHECK(needs_of(p, tasks, 3) == Names{"invite new@x.com"});
  CHECK(needs_of(p, tasks, 4) == Names{"create_group New", "invite new@x.com"});
  CHECK(needs_of(p, tasks, 5) == Names{"create_group New", "unsuspend back@x.com"});
  CHECK(needs_of(p, tasks, 6) == Names{"unsuspend back@x.com"});  // not the add to New
  CHECK(needs_of(p, tasks, 7) == Names{"unsuspend back@x.com"});  // groups are not needed
  // ...but it still goes after them (a member's earlier steps first).
  const auto& emails = tasks.back();
  CHECK(emails.waiting_for == 3);  // unsuspend, the adds to New, the add to Old
}

TEST_CASE("a leaving member's privileges go first - without them it stays", "[apply][schedule]") {
  Run run;
  run.api.script("set_role id:amy@x.com ", {test::conflict("last_admin")});
  run.api.script("add_group_members g:s id:bob@x.com:member", {test::conflict("group_not_found")});
  auto revoke = test::step(Action::revoke_role, "amy@x.com");
  revoke.role = model::Role::member_only;
  auto owner = in_group(Action::set_group_access, "cy@x.com", "S", "g:s");
  auto report = run(plan_of({revoke, test::step(Action::suspend, "amy@x.com"),
                             in_group(Action::add_to_group, "bob@x.com", "S", "g:s"),
                             test::step(Action::remove, "bob@x.com"), owner,
                             test::step(Action::suspend, "cy@x.com")}));
  // Phase order: revoke amy, add bob, access cy, suspend amy, suspend cy, remove bob.
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[3].status == Status::skipped);
  CHECK(report.outcomes[3].note == "needs revoke_role amy@x.com, which failed");
  CHECK(report.outcomes[1].status == Status::failed);
  CHECK(report.outcomes[5].status == Status::succeeded);  // a failed group add does not hold it
  CHECK(report.outcomes[4].status == Status::succeeded);
  auto calls = run.api.calls();
  CHECK(position(calls, "set_group_access g:s id:cy@x.com member") <
        position(calls, "suspend id:cy@x.com"));
}

TEST_CASE("when licenses need it, invitations and recoveries wait for the removals that free them",
          "[apply][schedule][licenses]") {
  auto recover = test::step(Action::recover, "back@x.com");
  recover.observed_status = model::MemberStatus::removed;
  auto freeing = test::step(Action::remove, "leaver@x.com");
  auto transferring = test::step(Action::remove, "mover@x.com");
  transferring.transfer_to = "back@x.com";  // waits for the recovery: frees nothing in time
  transferring.transfer_admin = "admin@x.com";
  auto p = plan_of({test::step(Action::invite, "new@x.com"), recover,
                    test::step(Action::suspend, "sus@x.com"), freeing, transferring});
  // Plan order: recover back (0), invite new (1), suspend sus (2), remove leaver (3), mover (4).
  auto plain = apply::make_schedule(p, 20);
  CHECK(plain[0].waiting_for == 0);
  CHECK(plain[1].waiting_for == 0);

  p.licenses = plan::LicenseForecast{};
  p.licenses->removals_first = true;
  auto tasks = apply::make_schedule(p, 20);
  REQUIRE(tasks.size() == 5);
  CHECK(tasks[0].waiting_for == 1);  // the recovery waits for leaver's removal only
  CHECK(tasks[1].waiting_for == 1);  // so does the invitation
  CHECK(tasks[2].waiting_for == 0);  // a suspension frees nothing and waits for nothing
  CHECK(tasks[3].blocked_tasks == std::vector<std::size_t>{0, 1});
  CHECK(tasks[4].waiting_for == 1);     // mover's removal still waits for back's recovery
  CHECK(tasks[1].needs_steps.empty());  // order only: a failed removal skips nothing

  Run run;
  CHECK(run(p).all_succeeded());
  auto calls = run.api.calls();
  CHECK(position(calls, "remove id:leaver@x.com") < position(calls, "recover id:back@x.com"));
  CHECK(position(calls, "remove id:leaver@x.com") < position(calls, "add new@x.com"));
}
