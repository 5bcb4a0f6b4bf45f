// Access steps (issue 9) in every format: privilege changes marked, and listed first in the
// pull-request comment; group steps named by their group; group drift named.
#include <catch2/catch.hpp>

#include <sstream>

#include "render_support.hpp"
#include "roster/plan/make_plan.hpp"
#include "roster/planfile/saved_plan.hpp"
#include "roster/render/render_plan.hpp"
#include "support/builders.hpp"
#include "support/golden.hpp"

using namespace roster;
using model::GroupAccess;
using model::Role;

namespace {

planfile::SavedPlan access_plan() {
  model::DesiredTeam desired;
  desired.policy.max_removal_fraction = 1.0;
  desired.manages_groups = true;
  auto admin = test::desired("admin@acme.com");
  admin.role = Role::team_admin;
  auto amy = test::desired("amy@acme.com");
  amy.role = Role::user_management_admin;
  amy.secondary_emails = std::vector<std::string>{"amy@old.acme.com"};
  amy.space_limit = model::SpaceLimit{false, 50};
  auto new_hire = test::desired("new@acme.com");
  new_hire.role = Role::member_only;
  auto leaver = test::desired("ops@acme.com", model::DesiredState::removed);
  desired.members = {admin, amy, new_hire, leaver};
  model::DesiredGroup eng;
  eng.name = "Eng";
  eng.members = {{"amy@acme.com", GroupAccess::owner, {}},
                 {"new@acme.com", GroupAccess::member, {}}};
  desired.groups = {eng};

  model::ObservedTeam observed;
  observed.team_name = "Acme Corp";
  observed.team_id = "dbtid:AAacme";
  observed.groups_read = true;
  observed.quotas_read = true;
  observed.members = {test::team_admin("admin@acme.com"), test::observed("amy@acme.com"),
                      test::team_admin("ops@acme.com")};
  model::ObservedGroup old;
  old.group_id = "g:old";
  old.name = "Old <team>";
  old.members = std::vector<model::ObservedGroupMember>{};
  observed.groups = {old};

  return test::saved_plan(desired, observed, plan::PlanOptions{0, {}, 2, {}});
}

}  // namespace

TEST_CASE("access steps match the golden files in every format", "[render][golden][access]") {
  auto saved = access_plan();
  std::ostringstream human, json, markdown;
  render::render_plan_human(saved.plan, render::Style{false}, human);
  render::render_plan(saved, render::Format::json, render::Style{false}, json);
  render::render_plan(saved, render::Format::markdown, render::Style{false}, markdown);
  CHECK(test::compare_golden("plan_access.human.txt", human.str()) == "");
  CHECK(test::compare_golden("plan_access.json", json.str()) == "");
  CHECK(test::compare_golden("plan_access.md", markdown.str()) == "");
  // The comment opens with the privilege changes, before the summary table.
  auto md = markdown.str();
  CHECK(md.find("Privilege changes (2)") < md.find("| action | steps |"));
}

TEST_CASE("a saved access plan round-trips and its stale steps name the field",
          "[planfile][access]") {
  auto saved = access_plan();
  auto text = planfile::to_json(saved);
  auto loaded = planfile::parse_saved_plan(text, "x.plan");
  REQUIRE(loaded.saved);
  auto again = planfile::to_json(*loaded.saved);
  CHECK(again == text);

  model::ObservedTeam live;
  live.groups_read = true;
  live.quotas_read = true;
  auto amy = test::observed("amy@acme.com");
  amy.secondary_emails = {{"amy@elsewhere.acme.com", true}};
  amy.custom_quota_gb = 50;
  live.members = {test::team_admin("admin@acme.com"), amy, test::team_admin("ops@acme.com")};
  std::vector<std::string> lines;
  for (const auto& s : planfile::find_stale_members(*loaded.saved, live))
    lines.push_back(s.email + ": " + s.change);
  // One line per member: its first step that no longer holds names the field.
  CHECK(lines == std::vector<std::string>{
                     "amy@acme.com: secondary_emails was \"\", is now \"amy@elsewhere.acme.com\""});

  model::ObservedGroup eng;  // created meanwhile by someone else
  eng.group_id = "g:eng";
  eng.name = "Eng";
  eng.members = std::vector<model::ObservedGroupMember>{};
  live.groups = {eng};
  live.members[1] = test::observed("amy@acme.com");
  live.members[1].custom_quota_gb = 50;
  lines.clear();
  for (const auto& s : planfile::find_stale_members(*loaded.saved, live))
    lines.push_back(s.email + ": " + s.change);
  CHECK(lines == std::vector<std::string>{
                     "group Eng: group Eng was \"not on the team\", is now \"id g:eng, name Eng, "
                     "external_id , company_managed\"",
                     "amy@acme.com: access in group Eng was \"group not on the team\", is now "
                     "\"none\"",
                     "new@acme.com: access in group Eng was \"group not on the team\", is now "
                     "\"none\""});
}
