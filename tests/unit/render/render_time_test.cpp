// Time in the plan (issue 10) in every format: scheduled removals with their date, recovery
// windows, resent and cancelled invitations; and a saved plan that keeps them.
#include <catch2/catch.hpp>

#include <sstream>

#include "render_support.hpp"
#include "roster/plan/make_plan.hpp"
#include "roster/planfile/saved_plan.hpp"
#include "roster/render/render_plan.hpp"
#include "support/builders.hpp"
#include "support/golden.hpp"

using namespace roster;
using model::DesiredState;
using model::MemberStatus;

namespace {

constexpr model::Timestamp k_now = 1'798'416'000;  // 2026-12-28T00:00:00Z
constexpr model::Timestamp k_day = model::k_seconds_per_day;

planfile::SavedPlan time_plan() {
  model::DesiredTeam desired;
  desired.policy.max_removal_fraction = 1.0;
  desired.policy.invitations = {7, 30};
  auto leaver = [](const std::string& email) {
    auto m = test::desired(email, DesiredState::removed);
    m.remove.after_suspended_days = 5;
    return m;
  };
  desired.members = {
      test::desired("admin@acme.com"), leaver("ada@acme.com"),
      leaver("bob@acme.com"),          leaver("cy@acme.com"),
      leaver("dee@acme.com"),          test::desired("ian@acme.com"),
      test::desired("joy@acme.com"),   test::desired("ray@acme.com", DesiredState::removed)};
  model::ObservedTeam observed;
  observed.team_name = "Acme Corp";
  observed.members = {test::team_admin("admin@acme.com"), test::observed("ada@acme.com")};
  auto suspended = [&](const std::string& email, std::optional<model::Timestamp> since) {
    auto m = test::observed(email, MemberStatus::suspended);
    m.suspended_on = since;
    observed.members.push_back(m);
  };
  suspended("bob@acme.com", k_now - 4 * k_day);  // one day left
  suspended("cy@acme.com", k_now - 6 * k_day);   // due: removed now
  suspended("dee@acme.com", std::nullopt);       // undated
  auto invited = [&](const std::string& email, model::Timestamp age) {
    auto m = test::observed(email, MemberStatus::invited);
    m.invited_on = k_now - age;
    observed.members.push_back(m);
  };
  invited("ian@acme.com", 7 * k_day);
  invited("joy@acme.com", 40 * k_day);
  observed.members.push_back(test::removed("ray@acme.com", true));
  observed.members.push_back(test::removed("oops@acme.com", true));

  auto saved = test::saved_plan(desired, observed, plan::PlanOptions{k_now, {}, {}, {}},
                                "2026-12-28T00:00:00Z");
  saved.team_id.reset();  // the golden files show a plan for a team known by name only
  return saved;
}

using test::rendered;

}  // namespace

TEST_CASE("time in the plan matches the golden files in every format", "[render][golden][time]") {
  auto saved = time_plan();
  auto human = rendered(saved, render::Format::human);
  auto json = rendered(saved, render::Format::json);
  auto md = rendered(saved, render::Format::markdown);
  CHECK(test::compare_golden("plan_time.human.txt", human) == "");
  CHECK(test::compare_golden("plan_time.json", json) == "");
  CHECK(test::compare_golden("plan_time.md", md) == "");
  // The wording the issue asks for, in every view.
  for (const auto* text : {&human, &md}) {
    bool dated =
        text->find("ada&#64;acme.com: remove on 2027-01-02, in 5 days") != std::string::npos ||
        text->find("ada@acme.com: remove on 2027-01-02, in 5 days") != std::string::npos;
    CHECK(dated);
    CHECK(text->find("remove on 2026-12-29, in 1 day") != std::string::npos);
    CHECK(text->find("recoverable until 2027-01-04 at the latest") != std::string::npos);
  }
  CHECK(human.find("  ◷ ada@acme.com: remove on 2027-01-02, in 5 days (declared removed; "
                   "remove.after_suspended_days: 5)\n") != std::string::npos);
  CHECK(human.find("  ◷ dee@acme.com: remove once the suspension date is known (declared "
                   "removed; remove.after_suspended_days: 5)\n") != std::string::npos);
  CHECK(human.find("? oops@acme.com: removed outside roster, not in the manifest; recoverable "
                   "until 2027-01-04 at the latest") != std::string::npos);
  CHECK(human.find("no device wipe, recoverable until 2027-01-04, suspended for 6 days "
                   "(remove.after_suspended_days: 5)") != std::string::npos);
  CHECK(human.find(" 3 removals scheduled.") != std::string::npos);
  CHECK(md.find("#### Scheduled for a later plan") != std::string::npos);
  CHECK(json.find("\"due\": \"2027-01-02T00:00:00Z\"") != std::string::npos);
  CHECK(json.find("\"recoverable_until_bound\": \"at_the_latest\"") != std::string::npos);
}

TEST_CASE("a saved plan keeps its scheduled removals and recovery windows", "[planfile][time]") {
  auto saved = time_plan();
  auto text = planfile::to_json(saved);
  auto loaded = planfile::parse_saved_plan(text, "time.plan");
  REQUIRE(loaded.saved);
  const auto& p = loaded.saved->plan;
  REQUIRE(p.scheduled.size() == saved.plan.scheduled.size());
  for (std::size_t i = 0; i < p.scheduled.size(); ++i) {
    CHECK(p.scheduled[i].email == saved.plan.scheduled[i].email);
    CHECK(p.scheduled[i].team_member_id == saved.plan.scheduled[i].team_member_id);
    CHECK(p.scheduled[i].due == saved.plan.scheduled[i].due);
    CHECK(p.scheduled[i].days_left == saved.plan.scheduled[i].days_left);
    CHECK(p.scheduled[i].after_suspended_days == saved.plan.scheduled[i].after_suspended_days);
    CHECK(p.scheduled[i].reason == saved.plan.scheduled[i].reason);
  }
  for (std::size_t i = 0; i < p.drift.size(); ++i)
    CHECK(p.drift[i].recoverable_until == saved.plan.drift[i].recoverable_until);
  for (std::size_t i = 0; i < p.steps.size(); ++i)
    CHECK(p.steps[i].recoverable_until == saved.plan.steps[i].recoverable_until);
  CHECK(planfile::to_json(*loaded.saved) == text);
  // A bad date is refused with its place.
  std::string bad = text;
  auto at = bad.find("\"due\": \"2027-01-02T00:00:00Z\"");
  REQUIRE(at != std::string::npos);
  bad.replace(at, 29, "\"due\": \"2027-02-30T00:00:00Z\"");
  auto refused = planfile::parse_saved_plan(bad, "time.plan");
  CHECK_FALSE(refused.saved);
  // A 1.2 file has no scheduled list: it still loads.
  std::string old = text;
  auto list = old.find("  \"scheduled\": [");
  old.erase(list, old.find("  ],\n", list) + 5 - list);
  auto loaded_old = planfile::parse_saved_plan(old, "old.plan");
  REQUIRE(loaded_old.saved);
  CHECK(loaded_old.saved->plan.scheduled.empty());
}
