// Licenses (decision 0037) and --target (decision 0038) in every plan view, and through a
// saved plan and back.
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

namespace {

// A team at its license limit: one removal frees a license, three invitations want two more,
// so one invitation will fail; the plan is targeted at the leaver and two of the joiners.
planfile::SavedPlan scoped_plan() {
  model::DesiredTeam desired;
  desired.policy.max_removal_fraction = 1.0;
  desired.members.push_back(test::desired("admin@acme.com"));
  desired.members.push_back(test::desired("leaver@acme.com", DesiredState::removed));
  for (const char* e : {"ann@acme.com", "bob@acme.com", "cy@acme.com"})
    desired.members.push_back(test::desired(e));
  desired.members.push_back(test::desired("stray@acme.com", DesiredState::suspended));
  model::ObservedTeam observed;
  observed.team_name = "Acme Corp";
  observed.team_id = "dbtid:AAacme";
  observed.licenses = model::LicenseCounts{3, 3, 3};
  observed.members.push_back(test::team_admin("admin@acme.com"));
  observed.members.push_back(test::observed("leaver@acme.com"));
  observed.members.push_back(test::observed("stray@acme.com"));
  plan::PlanOptions options;
  options.now = *model::parse_timestamp("2026-11-26T12:00:00Z");  // recovery windows are dated
  options.targets = {"ann@acme.com", "bob@acme.com", "leaver@acme.com"};
  return test::saved_plan(desired, observed, options);
}

using test::rendered;

}  // namespace

TEST_CASE("licenses and targets show in every plan format", "[render][golden][licenses]") {
  auto saved = scoped_plan();
  REQUIRE(saved.plan.licenses);
  REQUIRE(saved.plan.targets);
  CHECK(saved.plan.targets->left_out == 2);  // cy's invitation, stray's suspension
  CHECK(saved.plan.licenses->failing == std::vector<std::string>{"bob@acme.com"});
  auto human = rendered(saved, render::Format::human);
  CHECK(human.find("Targeted plan (--target ann@acme.com, bob@acme.com, leaver@acme.com): 2 "
                   "other changes exist and were left out.") != std::string::npos);
  CHECK(human.find("Licenses: 3 licensed; 3 in use now, 4 after this plan, 0 free.") !=
        std::string::npos);
  CHECK(human.find("1 invitation will fail with team_license_limit") != std::string::npos);
  CHECK(test::compare_golden("plan_scope.human.txt", human) == "");
  CHECK(test::compare_golden("plan_scope.json", rendered(saved, render::Format::json)) == "");
  CHECK(test::compare_golden("plan_scope.md", rendered(saved, render::Format::markdown)) == "");
}

TEST_CASE("a saved plan keeps its licenses and targets", "[planfile][licenses][targets]") {
  auto saved = scoped_plan();
  auto text = planfile::to_json(saved);
  CHECK(text.find("\"format_version\": \"1.3\"") != std::string::npos);
  auto loaded = planfile::parse_saved_plan(text, "scoped.plan");
  REQUIRE(loaded.saved);
  const auto& back = loaded.saved->plan;
  REQUIRE(back.licenses);
  CHECK(back.licenses->removals_first);
  CHECK(back.licenses->failing == std::vector<std::string>{"bob@acme.com"});
  REQUIRE(back.targets);
  CHECK(back.targets->emails ==
        std::vector<std::string>{"ann@acme.com", "bob@acme.com", "leaver@acme.com"});
  CHECK(back.targets->left_out == 2);
  CHECK(planfile::to_json(*loaded.saved) == text);
  CHECK(rendered(*loaded.saved, render::Format::human) == rendered(saved, render::Format::human));
}

TEST_CASE("a 1.2 plan without licenses or targets still reads", "[planfile][licenses]") {
  auto saved = scoped_plan();
  saved.plan.licenses.reset();
  saved.plan.targets.reset();
  auto text = planfile::to_json(saved);
  const std::string scope = ",\n  \"licenses\": null,\n  \"targets\": null";
  auto cut = text.find(scope);
  REQUIRE(cut != std::string::npos);
  text.erase(cut, scope.size());
  auto loaded = planfile::parse_saved_plan(text, "old.plan");
  REQUIRE(loaded.saved);
  CHECK_FALSE(loaded.saved->plan.licenses);
  CHECK_FALSE(loaded.saved->plan.targets);
}

TEST_CASE("a plan file's targets must be emails", "[planfile][targets]") {
  auto text = planfile::to_json(scoped_plan());
  auto at = text.find("\"ann@acme.com\"", text.find("\"targets\""));
  REQUIRE(at != std::string::npos);
  text.replace(at, 14, "\"not an email\"");
  auto loaded = planfile::parse_saved_plan(text, "x.plan");
  REQUIRE_FALSE(loaded.saved);
  const auto message = core::format_diagnostic(loaded.diagnostics.items().at(0));
  const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  CHECK(message == "x.plan:" + std::to_string(line + 1) +
                       ":7: error: not a roster plan file: targets: \"emails\" must be a list "
                       "of email addresses");
}
