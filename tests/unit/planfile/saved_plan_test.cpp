#include <catch2/catch.hpp>

#include <sstream>

#include "roster/dropbox/snapshot.hpp"
#include "roster/manifest/load_manifest.hpp"
#include "roster/plan/make_plan.hpp"
#include "roster/planfile/saved_plan.hpp"
#include "roster/render/render_plan.hpp"
#include "support/golden.hpp"

using namespace roster;

namespace {

struct Demo {
  model::ObservedTeam observed;
  planfile::SavedPlan saved;
};

// The demo plan, saved as if made live against team "Acme Corp" on 2026-11-26.
Demo demo() {
  auto desired = manifest::load_manifest(test::test_path("../manifests/example.yaml"));
  auto snapshot = dropbox::read_snapshot(test::test_path("../manifests/demo/observed.json"));
  REQUIRE_FALSE(desired.diagnostics.has_errors());
  Demo d;
  d.observed = snapshot.team;
  d.observed.team_name = "Acme Corp";
  d.observed.team_id = "dbtid:AAacme-demo";
  d.observed.authenticated_admin_email = "it-admin@acme.com";
  auto& s = d.saved;
  s.roster_version = "0.1.0";
  s.created_at = "2026-11-26T12:00:00Z";
  s.source = "live";
  s.team_id = d.observed.team_id;
  s.team_name = d.observed.team_name;
  s.manifest_digest = desired.digest;
  s.plan = plan::make_plan(desired.team, d.observed,
                           {*model::parse_timestamp("2026-11-26T12:00:00Z"), {}, {}, {}});
  s.preconditions = planfile::make_preconditions(s.plan, d.observed);
  return d;
}

// The first diagnostic of a plan file that must not load.
std::string error_of(const std::string& text) {
  auto loaded = planfile::parse_saved_plan(text, "x.plan");
  REQUIRE_FALSE(loaded.saved);
  return core::format_diagnostic(loaded.diagnostics.items().at(0));
}

std::string rendered(const planfile::SavedPlan& saved, render::Format format) {
  std::ostringstream out;
  render::render_plan(saved, format, render::Style{false}, out);
  return out.str();
}

}  // namespace

TEST_CASE("a saved plan reads back as the same plan", "[planfile]") {
  auto d = demo();
  std::string text = planfile::to_json(d.saved);
  auto loaded = planfile::parse_saved_plan(text, "demo.plan");
  for (const auto& diagnostic : loaded.diagnostics.items())
    FAIL(core::format_diagnostic(diagnostic));
  REQUIRE(loaded.saved);
  const auto& back = *loaded.saved;
  CHECK(planfile::to_json(back) == text);  // every field survived
  CHECK(back.plan.steps.size() == 30);
  CHECK(back.preconditions.size() == 30);
  CHECK(rendered(back, render::Format::human) == rendered(d.saved, render::Format::human));
  CHECK(text.find("Bearer") == std::string::npos);
}

TEST_CASE("plan output matches the golden files in every format", "[planfile][golden]") {
  auto d = demo();
  CHECK(test::compare_golden("plan_demo.json", rendered(d.saved, render::Format::json)) == "");
  CHECK(test::compare_golden("plan_demo.md", rendered(d.saved, render::Format::markdown)) == "");
}

TEST_CASE("a plan made from an unchanged team is not stale", "[planfile]") {
  auto d = demo();
  CHECK(planfile::find_stale_members(d.saved, d.observed).empty());
}

TEST_CASE("staleness names each changed member and how it changed", "[planfile]") {
  auto d = demo();
  auto live = d.observed;
  for (auto& m : live.members) {
    if (m.email == "bob.johnson@acme.com") m.status = model::MemberStatus::suspended;
    if (m.email == "pat.kimura@acme.com") m.surname = "Kimura";
    if (m.email == "dan.brown@acme.com") m.is_recoverable = false;
  }
  model::ObservedMember amy;
  amy.email = "amy.smith@acme.com";
  amy.team_member_id = "dbmid:new";
  amy.status = model::MemberStatus::invited;
  live.members.push_back(amy);
  std::erase_if(live.members, [](const auto& m) { return m.email == "carol.diaz@acme.com"; });
  auto stale = planfile::find_stale_members(d.saved, live);
  std::vector<std::string> lines;
  for (const auto& s : stale)
    lines.push_back(s.email + ": " + s.change);
  std::sort(lines.begin(), lines.end());
  CHECK(lines == std::vector<std::string>{
                     "amy.smith@acme.com: now on the team (invited)",
                     "bob.johnson@acme.com: status was \"active\", is now \"suspended\"",
                     "carol.diaz@acme.com: no longer on the team",
                     "dan.brown@acme.com: is no longer recoverable",
                     "pat.kimura@acme.com: surname was \"Kim\", is now \"Kimura\""});
}

TEST_CASE("a broken or foreign plan file is a located error", "[planfile]") {
  auto d = demo();
  std::string text = planfile::to_json(d.saved);
  CHECK(error_of("{\"format_version\": ") == "x.plan:1:20: error: malformed JSON: invalid value");
  std::string v2 = text;
  v2.replace(v2.find("\"1.3\""), 5, "\"2.0\"");
  CHECK(error_of(v2) ==
        "x.plan:2:21: error: not a roster plan file: plan: unsupported format_version "
        "\"2.0\" (this roster reads 1.x)");
  std::string tampered = text;
  tampered.replace(tampered.find("\"status\": \"active\""), 18, "\"status\": \"suspended\"");
  CHECK(error_of(tampered).find("the fingerprint does not match the recorded observed state") !=
        std::string::npos);
  CHECK(error_of("{\"format_version\": \"1.0\"}").find("missing required field") !=
        std::string::npos);
  auto missing = planfile::read_saved_plan("/nonexistent.plan");
  CHECK(core::format_diagnostic(missing.diagnostics.items().at(0)) ==
        "/nonexistent.plan: error: cannot read plan file: No such file or directory");
}

TEST_CASE("Markdown escapes user data and folds long plans", "[planfile][markdown]") {
  model::DesiredTeam desired;
  model::ObservedTeam observed;
  for (int i = 0; i < 25; ++i) {
    model::DesiredMember m;
    m.email = "m" + std::to_string(i) + "@acme.com";
    m.given_name = i == 0 ? "<script>alert(1)</script> | **bold** @team" : "N";
    desired.members.push_back(m);
  }
  planfile::SavedPlan saved;
  saved.source = "observed";
  saved.team_name = "Acme | <Corp>";
  saved.plan = plan::make_plan(desired, observed, {});
  auto md = rendered(saved, render::Format::markdown);
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("&lt;script&gt;") != std::string::npos);
  CHECK(md.find("\\| \\*\\*bold\\*\\* &#64;team") != std::string::npos);
  CHECK(md.find("### roster plan for Acme \\| &lt;Corp&gt;") != std::string::npos);
  CHECK(md.find("<details><summary>All 25 steps</summary>") != std::string::npos);
}

TEST_CASE("a plan file's observed_email must be the account its precondition records",
          "[planfile][identity]") {
  auto d = demo();
  std::string text = planfile::to_json(d.saved);
  // A reviewer reads observed_email; an edit that hides the real account is refused.
  std::string hidden = text;
  const std::string real = "\"observed_email\": \"quinn.adams@acme.com\"";
  REQUIRE(hidden.find(real) != std::string::npos);
  hidden.replace(hidden.find(real), real.size(), "\"observed_email\": \"quinn.baker@acme.com\"");
  CHECK(error_of(hidden).find("not a roster plan file: steps[9]: observed_email "
                              "\"quinn.baker@acme.com\" differs from the precondition's email "
                              "\"quinn.adams@acme.com\"") != std::string::npos);

  // Format 1.0 files had no observed_email: it comes from the precondition.
  std::string old = text;
  for (auto at = old.find("\"observed_email\": "); at != std::string::npos;
       at = old.find("\"observed_email\": ")) {
    old.erase(at, old.find('\n', at) - at + 1);
  }
  old.replace(old.find("\"1.3\""), 5, "\"1.0\"");
  auto loaded = planfile::parse_saved_plan(old, "old.plan");
  REQUIRE(loaded.saved);
  CHECK(loaded.saved->plan.steps[9].observed_email == "quinn.adams@acme.com");
  CHECK(loaded.saved->plan.steps[3].observed_email.empty());  // an invite
}
