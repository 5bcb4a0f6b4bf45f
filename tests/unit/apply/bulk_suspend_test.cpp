// Bulk suspension in the executor (issue 10, decision 0035) against FakeTeamApi: which
// suspensions share a members/bulk_suspend job, the read-back, and every fallback.
#include <catch2/catch.hpp>

#include <algorithm>

#include "apply/bulk_suspend.hpp"
#include "apply/schedule.hpp"
#include "apply_support.hpp"

using namespace roster;
using plan::Action;
using Status = apply::StepOutcome::Status;
using test::count;
using test::plan_of;
using test::Run;
using test::step;

namespace {

std::vector<plan::PlanStep> suspensions(int n, bool wipe_data = false, const char* prefix = "m") {
  std::vector<plan::PlanStep> steps;
  for (int i = 0; i < n; ++i) {
    steps.push_back(step(Action::suspend, prefix + std::to_string(i) + "@x.com"));
    steps.back().wipe_data = wipe_data;
  }
  return steps;
}

std::vector<std::size_t> task_sizes(const std::vector<apply::Task>& tasks) {
  std::vector<std::size_t> sizes;
  for (const auto& t : tasks)
    sizes.push_back(t.steps.size());
  return sizes;
}

}  // namespace

TEST_CASE("suspensions with the same options go in bulk from the threshold, in even jobs",
          "[apply][bulk]") {
  using Sizes = std::vector<std::size_t>;
  CHECK(task_sizes(apply::make_schedule(plan_of(suspensions(19)), 20, 20)) == Sizes(19, 1));
  CHECK(task_sizes(apply::make_schedule(plan_of(suspensions(20)), 20, 20)) == Sizes{20});
  CHECK(task_sizes(apply::make_schedule(plan_of(suspensions(1001)), 20, 20)) ==
        Sizes{334, 334, 333});
  CHECK(task_sizes(apply::make_schedule(plan_of(suspensions(25)), 20, 0)) == Sizes(25, 1));

  // Mixed options: one job per wipe_data value that reaches the threshold, the rest alone.
  auto steps = suspensions(20, false, "keep");
  auto wiped = suspensions(20, true, "wipe");
  auto few = suspensions(3, true, "few");
  steps.insert(steps.end(), wiped.begin(), wiped.end());
  auto p = plan_of(steps);
  CHECK(task_sizes(apply::make_schedule(p, 20, 20)) == Sizes{20, 20});
  p.steps.insert(p.steps.end(), few.begin(), few.end());
  CHECK(task_sizes(apply::make_schedule(p, 20, 20)) == Sizes{20, 23});
  Sizes alone_then_bulk(20, 1);  // 20 keep their data: below 23; 23 wipe it: one job
  alone_then_bulk.push_back(23);
  CHECK(task_sizes(apply::make_schedule(p, 20, 23)) == alone_then_bulk);
}

TEST_CASE("25 suspensions are one bulk job, read back in one call, no members/suspend",
          "[apply][bulk]") {
  Run run;
  auto report = run(plan_of(suspensions(25)));
  CHECK(report.all_succeeded());
  auto calls = run.api.calls();
  CHECK(calls == std::vector<std::string>{"bulk_suspend", "bulk_status", "get_members"});
  REQUIRE(run.api.bulk_batches().size() == 1);
  const auto batch = run.api.bulk_batches().front();
  CHECK(batch.size() == 25);
  CHECK(batch.front().client_item_id == "step-0");
  CHECK(batch.front().team_member_id == "id:m0@x.com");
  CHECK_FALSE(batch.front().wipe_data);
  CHECK(report.outcomes[3].note == "bulk job job:bulk 1");
  CHECK(report.outcomes[3].job_id == "job:bulk 1");
}

TEST_CASE("members read back in batches of 100", "[apply][bulk]") {
  Run run;
  auto report = run(plan_of(suspensions(250)));
  CHECK(report.all_succeeded());
  auto batches = run.api.get_batches();  // read concurrently: in any order
  std::sort(batches.begin(), batches.end());
  CHECK(batches == std::vector<std::size_t>{50, 100, 100});
}

TEST_CASE("a member the job left active is suspended alone, with its own outcome",
          "[apply][bulk]") {
  Run run;
  run.api.bulk_row_fails("id:m3@x.com");
  run.api.bulk_row_fails("id:m4@x.com");
  run.api.script("suspend id:m4@x.com", {test::conflict("suspend_last_admin")});
  auto report = run(plan_of(suspensions(25)));
  auto calls = run.api.calls();
  CHECK(count(calls, "suspend id:m3@x.com") == 1);
  CHECK(count(calls, "suspend id:m4@x.com") == 1);
  CHECK(count(calls, "bulk_suspend") == 1);
  CHECK(report.count(Status::succeeded) == 24);
  CHECK(report.outcomes[3].status == Status::succeeded);
  CHECK(report.outcomes[3].note == "sent alone: not suspended by bulk job job:bulk 1");
  CHECK(report.outcomes[3].attempts == 2);
  CHECK(report.outcomes[4].status == Status::failed);
  CHECK(report.outcomes[4].error.api_tag == "suspend_last_admin");
  // The others are suspended, but the counts no longer say it was this job for each.
  CHECK(report.outcomes[0].note ==
        "bulk job job:bulk 1; read back suspended (2 of 25 rows failed, 0 unknown)");
}

TEST_CASE("a refused launch falls back to one call per member", "[apply][bulk]") {
  Run run;
  run.api.script("bulk_suspend", {test::conflict("last_admin")});
  run.api.script("suspend id:m7@x.com", {test::conflict("suspend_last_admin")});
  auto report = run(plan_of(suspensions(25)));
  auto calls = run.api.calls();
  CHECK(count(calls, "bulk_suspend") == 1);
  CHECK(count(calls, "get_members") == 0);
  CHECK(calls.size() == 1 + 25);
  CHECK(report.count(Status::succeeded) == 24);
  CHECK(report.outcomes[0].note == "sent alone: members/bulk_suspend refused (last_admin)");
  CHECK(report.outcomes[7].error.api_tag == "suspend_last_admin");
}

TEST_CASE("a launch whose answer was lost is retried, and the read-back decides", "[apply][bulk]") {
  Run run;
  run.api.script("bulk_suspend", {test::unavailable()});
  auto report = run(plan_of(suspensions(25)));
  CHECK(report.all_succeeded());
  CHECK(count(run.api.calls(), "bulk_suspend") == 2);
  CHECK(report.outcomes[0].attempts == 2);
}

TEST_CASE("a read-back that fails sends every member alone, 'already' counting as done",
          "[apply][bulk]") {
  Run run;
  run.api.script("get_members", {test::unavailable()});
  // The job suspended everyone; a member answered suspend_inactive_user is then done.
  run.api.script("suspend id:m1@x.com", {test::conflict("suspend_inactive_user")});
  auto report = run(plan_of(suspensions(25)));
  CHECK(report.all_succeeded());
  CHECK(count(run.api.calls(), "suspend id:m1@x.com") == 1);
  CHECK(report.outcomes[1].note == "done by an earlier attempt (suspend_inactive_user on retry)");
}

TEST_CASE("a member whose revoke_role failed is skipped, the rest still go in bulk",
          "[apply][bulk]") {
  Run run;
  auto steps = suspensions(25);
  steps.push_back(step(Action::revoke_role, "m2@x.com"));
  run.api.script("set_role id:m2@x.com ", {test::conflict("last_admin")});
  auto report = run(plan_of(steps));
  auto calls = run.api.calls();
  CHECK(count(calls, "bulk_suspend") == 1);
  REQUIRE(run.api.bulk_batches().size() == 1);
  CHECK(run.api.bulk_batches().front().size() == 24);
  CHECK(report.outcomes[3].status == Status::skipped);  // revoke_role sorts first
  CHECK(report.outcomes[3].note == "needs revoke_role m2@x.com, which failed");
}

TEST_CASE("a run stopped during a bulk job fails its unread members, sending nothing more",
          "[apply][bulk][stop]") {
  Run run;
  run.api.on_call([&](const std::string& call) {
    if (call == "bulk_status") run.stop.request(core::StopReason::interrupted);
  });
  auto not_sent = core::make_error(core::ErrorKind::unavailable, "not sent: interrupted");
  not_sent.not_sent = not_sent.gave_up = true;
  run.api.script("get_members", {not_sent});
  auto report = run(plan_of(suspensions(25)));
  CHECK(report.count(Status::failed) == 25);
  CHECK(report.outcomes[0].error.message ==
        "members/bulk_suspend job job:bulk 1 was launched; the run stopped before this member "
        "was read back: plan again to see");
  CHECK(count(run.api.calls(), "suspend id:m0@x.com") == 0);
}
