// resend_welcome_email (decision 0033): one step, one members/send_welcome_email call.
#include <catch2/catch.hpp>

#include "apply/schedule.hpp"
#include "apply_support.hpp"
#include "roster/apply/apply_plan.hpp"

using namespace roster;
using plan::Action;

TEST_CASE("each resend is its own call and its own outcome", "[apply][invitations]") {
  auto p = test::plan_of({test::step(Action::resend_welcome_email, "ian@x.com"),
                          test::step(Action::resend_welcome_email, "joy@x.com")});
  CHECK(apply::make_schedule(p, 20).size() == 2);
  test::Run run;
  auto report = run(p);
  CHECK(report.all_succeeded());
  auto calls = run.api.calls();
  CHECK(std::count(calls.begin(), calls.end(), "send_welcome_email id:ian@x.com") == 1);
  CHECK(std::count(calls.begin(), calls.end(), "send_welcome_email id:joy@x.com") == 1);
}
