// Secondary emails (20 a call) and custom quotas (1,000 members a call) at apply: each step
// of a batch gets the outcome of its own item.
#include <catch2/catch.hpp>

#include "apply_support.hpp"

using namespace roster;
using plan::Action;
using Status = apply::StepOutcome::Status;
using test::count;
using test::plan_of;
using test::Run;

namespace {

plan::PlanStep email_step(Action action, const std::string& member, const std::string& email) {
  auto s = test::step(action, member);
  s.secondary_email = email;
  return s;
}

plan::PlanStep quota_step(Action action, const std::string& member, std::uint32_t gb = 0) {
  auto s = test::step(action, member);
  s.quota_gb = gb;
  return s;
}

std::size_t calls_starting(const std::vector<std::string>& calls, const std::string& prefix) {
  return static_cast<std::size_t>(std::count_if(
      calls.begin(), calls.end(), [&](const auto& c) { return c.rfind(prefix, 0) == 0; }));
}

}  // namespace

TEST_CASE("secondary emails go 20 to a call, a member's emails together", "[apply][emails]") {
  std::vector<plan::PlanStep> steps;
  for (int i = 0; i < 45; ++i) {
    auto member = "m" + std::to_string(i / 3) + "@x.com";  // three emails each
    steps.push_back(
        email_step(Action::add_secondary_email, member, "alt" + std::to_string(i) + "@y.com"));
  }
  steps.push_back(email_step(Action::delete_secondary_email, "m0@x.com", "old@y.com"));
  Run run;
  auto report = run(plan_of(steps));
  CHECK(report.all_succeeded());
  auto calls = run.api.calls();
  CHECK(calls_starting(calls, "add_secondary_emails ") == 3);  // 20 + 20 + 5
  CHECK(count(calls,
              "add_secondary_emails id:m0@x.com:alt0@y.com id:m0@x.com:alt1@y.com "
              "id:m0@x.com:alt2@y.com id:m1@x.com:alt3@y.com id:m1@x.com:alt4@y.com "
              "id:m1@x.com:alt5@y.com id:m2@x.com:alt6@y.com id:m2@x.com:alt7@y.com "
              "id:m2@x.com:alt8@y.com id:m3@x.com:alt9@y.com id:m3@x.com:alt10@y.com "
              "id:m3@x.com:alt11@y.com id:m4@x.com:alt12@y.com id:m4@x.com:alt13@y.com "
              "id:m4@x.com:alt14@y.com id:m5@x.com:alt15@y.com id:m5@x.com:alt16@y.com "
              "id:m5@x.com:alt17@y.com id:m6@x.com:alt18@y.com id:m6@x.com:alt19@y.com") == 1);
  CHECK(count(calls, "delete_secondary_emails id:m0@x.com:old@y.com") == 1);
  CHECK(calls.size() == 4);
}

TEST_CASE("each secondary email has its own outcome", "[apply][emails]") {
  Run run;
  run.api.item_outcome("id:a@x.com:taken@y.com", "unavailable");
  run.api.item_outcome("id:b@x.com:b2@y.com", "placeholder_user");
  run.api.item_outcome("id:c@x.com:gone@y.com", "not_found");
  auto report = run(plan_of({email_step(Action::add_secondary_email, "a@x.com", "a2@y.com"),
                             email_step(Action::add_secondary_email, "a@x.com", "taken@y.com"),
                             email_step(Action::add_secondary_email, "b@x.com", "b2@y.com"),
                             email_step(Action::delete_secondary_email, "c@x.com", "gone@y.com")}));
  CHECK(report.outcomes[0].status == Status::succeeded);
  CHECK(report.outcomes[1].status == Status::failed);
  CHECK(report.outcomes[1].error.api_tag == "unavailable");
  CHECK(report.outcomes[1].error.message ==
        "members/secondary_emails/add refused taken@y.com for a@x.com: unavailable");
  CHECK(report.outcomes[2].status == Status::skipped);
  CHECK(report.outcomes[2].note ==
        "b@x.com has not joined the team yet (placeholder_user): secondary emails wait until "
        "they do");
  CHECK(report.outcomes[3].status == Status::failed);  // not after a lost answer
  CHECK(report.outcomes[3].error.api_tag == "not_found");
}

TEST_CASE("after a lost answer, an email already there counts as added", "[apply][emails]") {
  Run run;
  run.api.script("add_secondary_emails id:a@x.com:a2@y.com id:a@x.com:a3@y.com",
                 {test::unavailable()});
  run.api.item_outcome("id:a@x.com:a2@y.com", "already_owned_by_user");
  run.api.item_outcome("id:a@x.com:a3@y.com", "unavailable");
  auto report = run(plan_of({email_step(Action::add_secondary_email, "a@x.com", "a2@y.com"),
                             email_step(Action::add_secondary_email, "a@x.com", "a3@y.com")}));
  CHECK(report.outcomes[0].status == Status::succeeded);
  CHECK(report.outcomes[0].note == "done by an earlier attempt (already_owned_by_user on retry)");
  CHECK(report.outcomes[0].attempts == 2);
  CHECK(report.outcomes[1].status == Status::failed);
}

TEST_CASE("a refused secondary-email call fails each of its steps", "[apply][emails]") {
  Run run;
  run.api.script("add_secondary_emails id:a@x.com:a2@y.com id:b@x.com:b2@y.com",
                 {test::conflict("secondary_emails_disabled")});
  auto report = run(plan_of({email_step(Action::add_secondary_email, "a@x.com", "a2@y.com"),
                             email_step(Action::add_secondary_email, "b@x.com", "b2@y.com")}));
  CHECK(report.count(Status::failed) == 2);
  CHECK(report.outcomes[1].error.api_tag == "secondary_emails_disabled");
}

TEST_CASE("custom quotas go 1,000 members to a call", "[apply][quotas]") {
  std::vector<plan::PlanStep> steps;
  for (int i = 0; i < 2500; ++i)
    steps.push_back(quota_step(Action::set_space_limit, "m" + std::to_string(i) + "@x.com", 10));
  for (int i = 0; i < 3; ++i)
    steps.push_back(quota_step(Action::remove_space_limit, "r" + std::to_string(i) + "@x.com"));
  Run run;
  auto report = run(plan_of(steps));
  CHECK(report.all_succeeded());
  auto calls = run.api.calls();
  CHECK(calls.size() == 4);
  CHECK(calls_starting(calls, "set_custom_quotas ") == 3);  // 1,000 + 1,000 + 500
  CHECK(count(calls, "remove_custom_quotas id:r0@x.com id:r1@x.com id:r2@x.com") == 1);
}

TEST_CASE("each quota has its own outcome - an excluded member fails alone", "[apply][quotas]") {
  Run run;
  run.api.item_outcome("id:b@x.com", "invalid_user");
  run.api.script("set_custom_quotas id:c@x.com:5 id:d@x.com:6",
                 {test::conflict("some_users_are_excluded")});
  run.api.script("set_custom_quotas id:d@x.com:6", {test::conflict("some_users_are_excluded")});
  auto report = run(plan_of({quota_step(Action::remove_space_limit, "a@x.com"),
                             quota_step(Action::remove_space_limit, "b@x.com"),
                             quota_step(Action::set_space_limit, "c@x.com", 5),
                             quota_step(Action::set_space_limit, "d@x.com", 6)}));
  // Phase order: set_space_limit before remove_space_limit.
  CHECK(report.outcomes[0].status == Status::succeeded);
  CHECK(report.outcomes[0].attempts == 2);
  CHECK(report.outcomes[1].status == Status::failed);
  CHECK(report.outcomes[1].error.api_tag == "some_users_are_excluded");
  CHECK(report.outcomes[2].status == Status::succeeded);
  CHECK(report.outcomes[3].status == Status::failed);
  CHECK(report.outcomes[3].error.api_tag == "invalid_user");
  CHECK(report.outcomes[3].error.message ==
        "member_space_limits/remove_custom_quota refused b@x.com: invalid_user");
  CHECK(run.api.calls().size() == 1 + 2 + 1);
}

TEST_CASE("emails Dropbox asks to retry are sent again alone - the others keep their answer",
          "[apply][emails]") {
  Run run;
  run.api.item_outcomes("id:a@x.com:a2@y.com", {"rate_limited", "too_many_updates", ""});
  run.api.item_outcome("id:b@x.com:b2@y.com", "unavailable");
  run.api.item_outcome("id:c@x.com:c2@y.com", "rate_limited");  // every time
  auto report = run(plan_of({email_step(Action::add_secondary_email, "a@x.com", "a2@y.com"),
                             email_step(Action::add_secondary_email, "b@x.com", "b2@y.com"),
                             email_step(Action::add_secondary_email, "c@x.com", "c2@y.com")}));
  CHECK(report.outcomes[0].status == Status::succeeded);
  CHECK(report.outcomes[0].attempts == 3);
  CHECK(report.outcomes[1].status == Status::failed);
  CHECK(report.outcomes[1].error.api_tag == "unavailable");
  CHECK(report.outcomes[1].attempts == 1);
  CHECK(report.outcomes[2].status == Status::failed);
  CHECK(report.outcomes[2].error.api_tag == "rate_limited");
  CHECK(report.outcomes[2].attempts == run.options.retry.max_attempts);
  auto calls = run.api.calls();
  CHECK(calls.front() ==
        "add_secondary_emails id:a@x.com:a2@y.com id:b@x.com:b2@y.com id:c@x.com:c2@y.com");
  CHECK(calls[1] == "add_secondary_emails id:a@x.com:a2@y.com id:c@x.com:c2@y.com");
  CHECK(calls.back() == "add_secondary_emails id:c@x.com:c2@y.com");
  CHECK(calls.size() == static_cast<std::size_t>(run.options.retry.max_attempts));
  CHECK(run.clock.slept() > std::chrono::milliseconds(0));  // with the run's backoff
}
