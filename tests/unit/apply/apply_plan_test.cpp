// The executor with an in-memory TeamApi and a manual clock: ordering, batching,
// retries, partial failure. No HTTP here (that is tests/integration/).
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <optional>

#include "apply/schedule.hpp"
#include "apply_support.hpp"
#include "roster/apply/apply_plan.hpp"

using namespace roster;
using plan::Action;
using Status = apply::StepOutcome::Status;

using test::plan_of;
using test::position;
using test::Run;
using test::step;

TEST_CASE("invites go 20 to a call, the schedule follows members and transfers", "[apply]") {
  std::vector<plan::PlanStep> steps;
  for (int i = 0; i < 45; ++i)
    steps.push_back(step(Action::invite, "n" + std::to_string(i) + "@x.com"));
  steps.push_back(step(Action::recover, "kim@x.com"));
  steps.push_back(step(Action::suspend, "kim@x.com"));
  steps.push_back(step(Action::unsuspend, "amy@x.com"));
  auto removal = step(Action::remove, "carol@x.com");
  removal.transfer_to = "amy@x.com";
  removal.transfer_admin = "it@x.com";
  steps.push_back(removal);
  steps.push_back(step(Action::suspend, "bob@x.com"));
  auto p = plan_of(steps);
  auto tasks = apply::make_schedule(p, 20);
  REQUIRE(tasks.size() == 1 + 3 + 1 + 2 + 1);  // recover, 3 batches, unsuspend, 2 suspends, remove
  CHECK(tasks[1].steps.size() == 20);
  CHECK(tasks[3].steps.size() == 5);
  auto needs = [&](const std::string& email, Action action) {
    for (const auto& t : tasks) {
      const auto& s = p.steps[t.steps.front()];
      if (s.email == email && s.action == action) {
        std::vector<std::string> out;
        for (auto n : t.needs_steps)
          out.push_back(p.steps[n].email + " " + plan::to_string(p.steps[n].action));
        return out;
      }
    }
    return std::vector<std::string>{"?"};
  };
  CHECK(needs("kim@x.com", Action::suspend) == std::vector<std::string>{"kim@x.com recover"});
  CHECK(needs("carol@x.com", Action::remove) == std::vector<std::string>{"amy@x.com unsuspend"});
  CHECK(needs("bob@x.com", Action::suspend).empty());

  Run run;
  auto report = run(p);
  CHECK(report.all_succeeded());
  CHECK(run.api.add_batches().size() == 3);
  auto calls = run.api.calls();
  CHECK(position(calls, "recover id:kim@x.com") < position(calls, "suspend id:kim@x.com"));
  CHECK(position(calls, "unsuspend id:amy@x.com") < position(calls, "remove id:carol@x.com"));
}

TEST_CASE("no more than the configured number of tasks run at once", "[apply]") {
  std::vector<plan::PlanStep> steps;
  for (int i = 0; i < 60; ++i)
    steps.push_back(step(Action::suspend, "m" + std::to_string(i) + "@x.com"));
  Run run;
  run.options.bulk_suspend_threshold = 0;  // one task per suspension
  run.options.workers = 3;
  auto report = run(plan_of(steps));
  CHECK(report.all_succeeded());
  CHECK(run.api.max_in_flight() <= 3);
  CHECK(run.api.max_in_flight() >= 2);  // it does run concurrently
}

TEST_CASE("rate limits wait Retry-After, unavailability backs off, within bounded attempts",
          "[apply]") {
  Run run;
  run.api.script("suspend id:a@x.com", {test::rate_limited(3), test::rate_limited(3)});
  run.api.script("unsuspend id:b@x.com", std::vector<core::Error>(10, test::unavailable()));
  auto report =
      run(plan_of({step(Action::suspend, "a@x.com"), step(Action::unsuspend, "b@x.com")}));
  const auto& b = report.outcomes[0];  // unsuspend comes first in phase order
  const auto& a = report.outcomes[1];
  CHECK(a.status == Status::succeeded);
  CHECK(a.attempts == 3);
  CHECK(b.status == Status::failed);
  CHECK(b.attempts == run.options.retry.max_attempts);
  CHECK(b.error.kind == core::ErrorKind::unavailable);
  CHECK(run.clock.slept() >= std::chrono::seconds(6));  // 2 × Retry-After 3 s
}

TEST_CASE("a non-retryable error fails its step only, steps needing it are skipped", "[apply]") {
  Run run;
  run.api.script("recover id:dan@x.com", {test::conflict("team_license_limit")});
  auto report = run(plan_of({step(Action::recover, "dan@x.com"), step(Action::suspend, "dan@x.com"),
                             step(Action::suspend, "eve@x.com")}));
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[0].attempts == 1);
  CHECK(report.outcomes[0].error.api_tag == "team_license_limit");
  CHECK(report.outcomes[1].status == Status::skipped);
  CHECK(report.outcomes[1].note == "needs recover dan@x.com, which failed");
  CHECK(report.outcomes[2].status == Status::succeeded);
  CHECK(report.count(Status::failed) == 1);
  CHECK(report.count(Status::skipped) == 1);
  auto calls = run.api.calls();
  CHECK(std::count(calls.begin(), calls.end(), "suspend id:dan@x.com") == 0);
}

TEST_CASE("a repeated request answered 'already so' counts as done, only after a retry",
          "[apply]") {
  Run run;
  // The first suspend was sent but its answer lost; the retry finds the member suspended.
  run.api.script("suspend id:a@x.com",
                 {test::unavailable(), test::conflict("suspend_inactive_user")});
  // Without a lost answer, the same tag is a real failure: someone else changed the member.
  run.api.script("suspend id:b@x.com", {test::conflict("suspend_inactive_user")});
  run.api.script("remove id:c@x.com", {test::unavailable(), test::conflict("user_not_found")});
  auto report = run(plan_of({step(Action::suspend, "a@x.com"), step(Action::suspend, "b@x.com"),
                             step(Action::remove, "c@x.com")}));
  CHECK(report.outcomes[0].status == Status::succeeded);
  CHECK(report.outcomes[0].note == "done by an earlier attempt (suspend_inactive_user on retry)");
  CHECK(report.outcomes[1].status == Status::failed);
  CHECK(report.outcomes[2].status == Status::succeeded);
}

TEST_CASE("each invite of a batch has its own outcome", "[apply]") {
  Run run;
  run.api.add_outcome("taken@x.com", "user_on_another_team");
  run.api.add_outcome("again@x.com", "user_already_on_team");
  auto report = run(plan_of({step(Action::invite, "ok@x.com"), step(Action::invite, "taken@x.com"),
                             step(Action::invite, "again@x.com")}));
  CHECK(report.outcomes[0].status == Status::succeeded);
  CHECK(report.outcomes[1].status == Status::failed);
  CHECK(report.outcomes[1].error.api_tag == "user_on_another_team");
  CHECK(report.outcomes[1].error.message ==
        "members/add_v2 refused taken@x.com: user_on_another_team");
  CHECK(report.outcomes[2].status == Status::failed);  // not a retry: a real conflict

  Run retried;
  retried.api.add_outcome("again@x.com", "user_already_on_team");
  retried.api.script("add again@x.com", {test::unavailable()});
  auto second = retried(plan_of({step(Action::invite, "again@x.com")}));
  CHECK(second.outcomes[0].status == Status::succeeded);
  CHECK(second.outcomes[0].attempts == 2);
}

TEST_CASE("'already done' on a retry counts only after an attempt that may have taken effect",
          "[apply]") {
  // After a 429 the first attempt did nothing: an "already so" answer means someone else
  // changed the member since the plan, and that is reported as the failure it is.
  Run run;
  run.api.script("suspend id:a@x.com",
                 {test::rate_limited(1), test::conflict("suspend_inactive_user")});
  run.api.script("suspend id:b@x.com",
                 {test::unavailable(), test::conflict("suspend_inactive_user")});
  run.api.script("remove id:c@x.com",
                 {test::rate_limited(1), test::rate_limited(1), test::conflict("user_not_found")});
  run.api.script("remove id:d@x.com",
                 {test::rate_limited(1), test::unavailable(), test::conflict("user_not_found")});
  auto report = run(plan_of({step(Action::suspend, "a@x.com"), step(Action::suspend, "b@x.com"),
                             step(Action::remove, "c@x.com"), step(Action::remove, "d@x.com")}));
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[0].attempts == 2);
  CHECK(report.outcomes[0].error.api_tag == "suspend_inactive_user");
  CHECK(report.outcomes[1].status == Status::succeeded);
  CHECK(report.outcomes[1].note == "done by an earlier attempt (suspend_inactive_user on retry)");
  CHECK(report.outcomes[2].status == Status::failed);
  CHECK(report.outcomes[2].error.api_tag == "user_not_found");
  CHECK(report.outcomes[3].status == Status::succeeded);

  Run invites;
  invites.api.add_outcome("limited@x.com", "user_already_on_team");
  invites.api.script("add limited@x.com", {test::rate_limited(1)});
  auto batch = invites(plan_of({step(Action::invite, "limited@x.com")}));
  CHECK(batch.outcomes[0].status == Status::failed);
  CHECK(batch.outcomes[0].attempts == 2);
  CHECK(batch.outcomes[0].error.api_tag == "user_already_on_team");
}

namespace {

struct StopRecorder final : apply::ProgressSink {
  std::optional<core::StopReason> reason;
  std::size_t not_started = 0;
  std::atomic<int> finished{0};
  void step_started(std::size_t, const plan::PlanStep&) override {}
  void step_finished(std::size_t, const plan::PlanStep&, const apply::StepOutcome&) override {
    ++finished;
  }
  void run_stopped(core::StopReason r, std::size_t n) override {
    reason = r;
    not_started = n;
  }
};

plan::Plan suspends(int n) {
  std::vector<plan::PlanStep> steps;
  for (int i = 0; i < n; ++i)
    steps.push_back(step(Action::suspend, "m" + std::to_string(i) + "@x.com"));
  return plan_of(steps);
}

}  // namespace

TEST_CASE("at the run's deadline no step starts, and the rest are skipped (timeout)",
          "[apply][stop]") {
  Run run;
  run.options.bulk_suspend_threshold = 0;  // one task per suspension
  run.options.workers = 1;
  run.stop.set_deadline(run.clock.now() + std::chrono::seconds(100));
  // Each call takes 10 s of the manual clock.
  run.api.on_call([&](const std::string&) { run.clock.sleep_for(std::chrono::seconds(10), {}); });
  StopRecorder recorder;
  auto report = apply::apply_plan(suspends(60), run.api, run.options, run.stop, run.gate, recorder);
  CHECK(report.stopped == core::StopReason::timeout);
  CHECK(report.count(Status::succeeded) == 10);
  CHECK(report.count(Status::failed) == 0);
  CHECK(report.count(Status::skipped) == 50);
  CHECK(report.not_started == 50);
  CHECK(run.api.calls().size() == 10);
  CHECK(report.outcomes[59].note == "timeout (not started before the run's time limit, --timeout)");
  CHECK(recorder.reason == core::StopReason::timeout);
  CHECK(recorder.not_started == 50);
  CHECK(recorder.finished == 10);  // no step_finished for steps never started
}

TEST_CASE("an interruption stops starting steps - a step waiting to retry fails with why",
          "[apply][stop]") {
  Run run;
  run.options.bulk_suspend_threshold = 0;  // one task per suspension
  run.options.workers = 2;
  run.api.script("suspend id:m3@x.com", {test::rate_limited(30)});
  run.api.on_call([&](const std::string& call) {
    if (call == "suspend id:m3@x.com") run.stop.request(core::StopReason::interrupted);
  });
  StopRecorder recorder;
  auto report = apply::apply_plan(suspends(40), run.api, run.options, run.stop, run.gate, recorder);
  CHECK(report.stopped == core::StopReason::interrupted);
  const auto& waiting = report.outcomes[3];
  CHECK(waiting.status == Status::failed);
  CHECK(waiting.attempts == 1);
  CHECK(waiting.error.message == "rate limited; not retried: roster was interrupted");
  auto started = run.api.calls().size();
  CHECK(started <= 6);  // the steps already in flight at most
  CHECK(report.count(Status::skipped) == 40 - started);
  CHECK(report.not_started == 40 - started);
  CHECK(report.outcomes[39].note == "interrupted (not started before roster was interrupted)");
  CHECK(run.clock.slept() <= std::chrono::seconds(30));
}

TEST_CASE("the token's scopes are asked for once per plan, before any write", "[apply][scopes]") {
  Run run;
  auto p = plan_of({step(Action::suspend, "a@x.com"), step(Action::remove, "b@x.com")});
  CHECK(apply::check_token_scopes(p, run.api));
  CHECK(run.api.calls() == std::vector<std::string>{"check_scopes"});
  auto missing = core::make_error(core::ErrorKind::unauthorized, "lacks members.delete");
  missing.api_tag = "missing_scope";
  run.api.deny_scopes(missing);
  auto refused = apply::check_token_scopes(p, run.api);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message == "lacks members.delete");
  CHECK(apply::check_token_scopes(plan::Plan{}, run.api));  // nothing to write, nothing asked
}

TEST_CASE("a write refused with 401 stops the run: nothing else starts", "[apply][scopes]") {
  Run run;
  run.options.bulk_suspend_threshold = 0;  // one task per suspension
  run.options.workers = 1;
  auto missing = core::make_error(core::ErrorKind::unauthorized,
                                  "the Dropbox token lacks the scope members.write needed by "
                                  "team/members/suspend (401 missing_scope)");
  missing.api_tag = "missing_scope";
  run.api.script("suspend id:m2@x.com", {missing});
  StopRecorder recorder;
  auto report = apply::apply_plan(suspends(20), run.api, run.options, run.stop, run.gate, recorder);
  CHECK(report.stopped == core::StopReason::refused);
  CHECK(report.outcomes[2].status == Status::failed);
  CHECK(report.outcomes[2].attempts == 1);  // a 401 is not retried
  CHECK(report.outcomes[2].error.api_tag == "missing_scope");
  CHECK(report.count(Status::succeeded) == 2);
  CHECK(report.count(Status::skipped) == 17);
  CHECK(report.outcomes[19].note ==
        "token refused (not started: Dropbox refused the token on an earlier step)");
  CHECK(run.api.calls().size() == 3);
  CHECK(recorder.reason == core::StopReason::refused);
}
