#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "render_support.hpp"
#include "roster/dropbox/snapshot.hpp"
#include "roster/manifest/load_manifest.hpp"
#include "roster/plan/make_plan.hpp"
#include "roster/render/render_plan.hpp"
#include "support/golden.hpp"

using namespace roster;

namespace {

// The demo: example.yaml planned against manifests/demo/observed.json on 2026-11-26.
plan::Plan demo_plan() {
  auto desired = manifest::load_manifest(test::test_path("../manifests/example.yaml"));
  auto observed = dropbox::read_snapshot(test::test_path("../manifests/demo/observed.json"));
  REQUIRE_FALSE(desired.diagnostics.has_errors());
  REQUIRE_FALSE(observed.diagnostics.has_errors());
  return plan::make_plan(
      desired.team, observed.team,
      plan::PlanOptions{*model::parse_timestamp("2026-11-26T12:00:00Z"), {}, {}, {}});
}

}  // namespace

TEST_CASE("human plan output of the demo matches the golden file", "[render][golden]") {
  std::ostringstream out;
  render::render_plan_human(demo_plan(), render::Style{false}, out);
  CHECK(test::compare_golden("plan_demo.human.txt", out.str()) == "");
}

TEST_CASE("human plan output with colour wraps symbols in ANSI codes", "[render][golden]") {
  std::ostringstream out;
  render::render_plan_human(demo_plan(), render::Style{true}, out);
  CHECK(test::compare_golden("plan_demo.color.txt", out.str()) == "");
}

TEST_CASE("an empty plan says there is nothing to change", "[render][golden]") {
  model::DesiredTeam desired;
  model::ObservedTeam observed;
  std::ostringstream out;
  render::render_plan_human(plan::make_plan(desired, observed, {}), render::Style{false}, out);
  CHECK(test::compare_golden("plan_empty.human.txt", out.str()) == "");
}

TEST_CASE("a refused plan says which guard refused and by how much", "[render][golden]") {
  model::DesiredTeam desired;
  model::ObservedTeam observed;
  for (int i = 0; i < 5; ++i) {
    model::ObservedMember m;
    m.email = "m" + std::to_string(i) + "@acme.com";
    m.team_member_id = "dbmid:" + std::to_string(i);
    observed.members.push_back(m);
  }
  desired.policy.unmanaged = model::UnmanagedPolicy::remove;
  std::ostringstream out;
  render::render_plan_human(plan::make_plan(desired, observed, {}), render::Style{false}, out);
  CHECK(test::compare_golden("plan_refused.human.txt", out.str()) == "");
}

#include "roster/render/render_diagnostics.hpp"
#include "roster/render/render_report.hpp"

TEST_CASE("validation and apply-report JSON match the golden files", "[render][golden]") {
  auto invalid = manifest::load_manifest(test::test_path("fixtures/manifests/typo.yaml"));
  std::ostringstream validation;
  render::render_validation_json(invalid.diagnostics, 0, {"typo.yaml"}, validation);
  std::string text = validation.str();
  const std::string dir = test::test_path("fixtures/manifests/");  // machine-dependent part
  for (auto at = text.find(dir); at != std::string::npos; at = text.find(dir)) {
    text.replace(at, dir.size(), "");
  }
  CHECK(test::compare_golden("validate_typo.json", text) == "");

  auto plan = demo_plan();
  apply::ApplyReport report;
  report.outcomes.resize(plan.steps.size());
  for (auto& o : report.outcomes) {
    o.status = apply::StepOutcome::Status::succeeded;
    o.attempts = 1;
  }
  // The first step of `action` for `email`, found by content so the demo may grow.
  auto index_of = [&plan](plan::Action action, const std::string& email) {
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
      if (plan.steps[i].action == action && plan.steps[i].email == email) return i;
    }
    FAIL("no " << plan::to_string(action) << " step for " << email);
    return std::size_t{0};
  };
  report.outcomes[index_of(plan::Action::remove, "carol.diaz@acme.com")].job_id = "dbjid:remove-9";
  auto& failed = report.outcomes[index_of(plan::Action::invite, "amy.smith@acme.com")];
  failed.status = apply::StepOutcome::Status::failed;
  failed.error = core::make_error(core::ErrorKind::conflict,
                                  "members/add_v2 refused amy.smith@acme.com: team_license_limit");
  failed.error.api_tag = "team_license_limit";
  auto& skipped = report.outcomes[index_of(plan::Action::add_to_group, "amy.smith@acme.com")];
  skipped.status = apply::StepOutcome::Status::skipped;
  skipped.note = "needs invite amy.smith@acme.com, which failed";
  std::ostringstream json, human;
  render::render_report_json(plan, report, json);
  render::render_report_human(plan, report, render::Style{false}, human);
  CHECK(test::compare_golden("apply_report.json", json.str()) == "");
  CHECK(test::compare_golden("apply_report.human.txt", human.str()) == "");
}

#include "roster/planfile/saved_plan.hpp"

TEST_CASE("a step on a record listed under another email names both, in every format",
          "[render][golden][identity]") {
  model::DesiredTeam desired;
  desired.policy.max_removal_fraction = 1.0;
  model::DesiredMember ada;
  ada.email = "ada.new@acme.com";
  ada.external_id = "E-ADMIN";
  ada.state = model::DesiredState::suspended;
  desired.members.push_back(ada);
  model::ObservedTeam observed;
  observed.team_name = "Acme Corp";
  observed.team_id = "dbtid:AAacme";
  model::ObservedMember admin;
  admin.email = "admin@acme.com";
  admin.team_member_id = "dbmid:AAadmin";
  admin.external_id = "E-ADMIN";
  admin.role = model::Role::team_admin;
  observed.members.push_back(admin);
  observed.authenticated_admin_email = "admin@acme.com";
  observed.authenticated_admin_id = "dbmid:AAadmin";

  auto saved = test::saved_plan(desired, observed, {});
  std::ostringstream human, json, markdown;
  render::render_plan_human(saved.plan, render::Style{false}, human);
  render::render_plan(saved, render::Format::json, render::Style{false}, json);
  render::render_plan(saved, render::Format::markdown, render::Style{false}, markdown);
  CHECK(std::regex_search(
      human.str(),
      std::regex(R"(suspend +ada\.new@acme\.com \(on the team as admin@acme\.com\))")));
  CHECK(test::compare_golden("plan_identity.human.txt", human.str()) == "");
  CHECK(test::compare_golden("plan_identity.json", json.str()) == "");
  CHECK(test::compare_golden("plan_identity.md", markdown.str()) == "");
}
