// Journal lines of access steps (issue 9) name their group, role, email or quota.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "roster/apply/journal.hpp"
#include "roster/core/file.hpp"

using namespace roster;
using plan::Action;

namespace {

std::string journal_of(const plan::Plan& p, const std::vector<apply::StepOutcome>& outcomes) {
  auto path = (std::filesystem::temp_directory_path() /
               ("roster-journal-" + std::to_string(::getpid()) + ".jsonl"))
                  .string();
  std::filesystem::remove(path);
  {
    auto file = core::AppendFile::open(path);
    REQUIRE(file);
    apply::Journal journal(std::move(*file), p, {"run", "planfile", "", "", ""},
                           [] { return std::int64_t{0}; });
    for (std::size_t i = 0; i < p.steps.size(); ++i)
      journal.step_finished(i, p.steps[i], outcomes[i]);
  }
  auto text = core::read_file(path);
  std::filesystem::remove(path);
  REQUIRE(text);
  return *text;
}

}  // namespace

TEST_CASE("journal lines of access steps say which group, role, email or quota",
          "[apply][journal]") {
  plan::Plan p;
  plan::PlanStep create;
  create.action = Action::create_group;
  create.group_name = "Ops";
  plan::PlanStep join;
  join.action = Action::add_to_group;
  join.email = "amy@x.com";
  join.team_member_id = "dbmid:a";
  join.group_name = "Sales";
  join.group_id = "g:s";
  plan::PlanStep role;
  role.action = Action::set_role;
  role.email = "amy@x.com";
  role.role = model::Role::billing_admin;
  plan::PlanStep alias;
  alias.action = Action::add_secondary_email;
  alias.email = "amy@x.com";
  alias.secondary_email = "a2@x.com";
  plan::PlanStep quota;
  quota.action = Action::set_space_limit;
  quota.email = "amy@x.com";
  quota.quota_gb = 50;
  p.steps = {create, join, role, alias, quota};
  std::vector<apply::StepOutcome> outcomes(5);
  outcomes[0].status = apply::StepOutcome::Status::succeeded;
  outcomes[0].group_id = "g:new";
  auto text = journal_of(p, outcomes);
  CHECK(text.find(R"("action":"create_group","email":"","team_member_id":null,)"
                  R"("observed_email":null,"group":"Ops","group_id":"g:new","result":)") !=
        std::string::npos);
  CHECK(text.find(R"("group":"Sales","group_id":"g:s","result")") != std::string::npos);
  CHECK(text.find(R"("observed_email":null,"role":"billing_admin","result")") != std::string::npos);
  CHECK(text.find(R"("secondary_email":"a2@x.com","result")") != std::string::npos);
  CHECK(text.find(R"("quota_gb":50,"result")") != std::string::npos);
}
