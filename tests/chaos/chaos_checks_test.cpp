// The chaos checks themselves, on small hand-made inputs: each property they assert
// must be able to fail.
#include <catch2/catch.hpp>

#include "chaos_checks.hpp"

using namespace roster::chaos;

namespace {

const char* k_plan = R"({"refused": false, "warnings": [], "steps": [
  {"action": "invite", "email": "New@x.com", "team_member_id": null},
  {"action": "suspend", "email": "s@x.com", "team_member_id": "dbmid:s"}]})";

PlannedSteps plan() {
  Problems problems;
  auto p = read_plan(k_plan, problems);
  REQUIRE(problems.empty());
  return p;
}

std::string line(const std::string& event, const std::string& action, const std::string& email,
                 const std::string& id, const std::string& extra = "",
                 const std::string& run = "r") {
  return R"({"time":"t","run_id":")" + run + R"(","event":")" + event + R"(","action":")" + action +
         R"(","email":")" + email + R"(","team_member_id":)" +
         (id.empty() ? "null" : "\"" + id + "\"") + extra + "}\n";
}

std::string state(const std::string& members) {
  return R"({"format": "roster-emulator-state/1", "members": [)" + members + "]}";
}

}  // namespace

TEST_CASE("read_plan collects the named steps and rejects refused plans", "[chaos]") {
  auto p = plan();
  CHECK(p.total == 2);
  CHECK(p.keys == std::set<std::string>{"invite new@x.com", "suspend dbmid:s"});
  CHECK(p.member_ids == std::set<std::string>{"dbmid:s"});
  CHECK(p.invited_emails == std::set<std::string>{"new@x.com"});
  Problems problems;
  (void)read_plan(R"({"refused": true, "steps": []})", problems);
  CHECK(problems == Problems{"the first plan was refused by a guard"});
}

TEST_CASE("check_journal accepts planned steps and flags everything else", "[chaos]") {
  ChaosFigures f;
  Problems problems;
  std::string ok = R"({"time":"t","run_id":"r","event":"apply_started","steps":2})"
                   "\n" +
                   line("step_started", "suspend", "s@x.com", "dbmid:s") +
                   line("step_finished", "invite", "new@x.com", "", R"(,"error_tag":null)");
  check_journal(ok, plan(), f, problems);
  CHECK(problems.empty());
  CHECK(f.journal_lines == 3);
  CHECK(f.journal_runs == 1);

  SECTION("a torn or invalid line") {
    check_journal(ok + "{\"time\":\"t\",\"ev", plan(), f, problems);
    CHECK(f.journal_invalid_lines == 1);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == "the journal ends in an incomplete line: {\"time\":\"t\",\"ev");
    CHECK(problems[1] == "journal line 4 is not JSON: {\"time\":\"t\",\"ev");
  }
  SECTION("lines of a run that never started, and a run started twice") {
    std::string started = R"({"time":"t","run_id":"r","event":"apply_started","steps":2})"
                          "\n";
    check_journal(
        started + started + line("step_started", "suspend", "s@x.com", "dbmid:s", "", "q"), plan(),
        f, problems);
    CHECK(f.journal_invalid_lines == 2);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].rfind("journal line 2 is a second apply_started of its run: ", 0) == 0);
    CHECK(problems[1].rfind("journal line 3 is of a run that never started: ", 0) == 0);
  }
  SECTION("a step on a member the plan did not name") {
    check_journal(ok + line("step_started", "remove", "s@x.com", "dbmid:s"), plan(), f, problems);
    CHECK(f.steps_outside_plan == 1);
  }
  SECTION("an invitation the API refused as already sent") {
    check_journal(ok + line("step_finished", "invite", "new@x.com", "",
                            R"x(,"error_tag":null,"note":"done by an earlier attempt )x"
                            R"x((user_already_on_team on retry)")x"),
                  plan(), f, problems);
    CHECK(f.repeated_invitations == 1);
  }
}

TEST_CASE("check_records finds changed bystanders and extra invitation records", "[chaos]") {
  const std::string before = state(R"({"team_member_id": "dbmid:s", "email": "s@x.com"},
      {"team_member_id": "dbmid:b", "email": "b@x.com", "given_name": "Bea"})");
  ChaosFigures f;
  Problems problems;
  SECTION("one new record per invited email, bystanders untouched") {
    check_records(before, state(R"({"team_member_id": "dbmid:s", "email": "s@x.com", "x": 1},
        {"team_member_id": "dbmid:b", "email": "b@x.com", "given_name": "Bea"},
        {"team_member_id": "dbmid:n", "email": "NEW@x.com"})"),
                  plan(), f, problems);
    CHECK(problems.empty());
    CHECK(f.bystanders == 1);
  }
  SECTION("a bystander changed, an invitation twice, another never planned") {
    check_records(before, state(R"({"team_member_id": "dbmid:s", "email": "s@x.com"},
        {"team_member_id": "dbmid:b", "email": "b@x.com", "given_name": "Bee"},
        {"team_member_id": "dbmid:n1", "email": "new@x.com"},
        {"team_member_id": "dbmid:n2", "email": "new@x.com"},
        {"team_member_id": "dbmid:o", "email": "other@x.com"})"),
                  plan(), f, problems);
    CHECK(f.bystanders_changed == 1);
    CHECK(f.duplicate_invitations == 2);
    CHECK(problems.size() == 3);
  }
  SECTION("a planned invitation that never happened") {
    check_records(before, before, plan(), f, problems);
    CHECK(problems == Problems{"no invitation was recorded for new@x.com"});
  }
}

TEST_CASE("check_writes counts faults and successful writes beyond the plan", "[chaos]") {
  ChaosFigures f;
  Problems problems;
  check_writes(R"({"calls": {"team/members/suspend": 4, "team/get_info": 1},
                   "statuses": {"200": 3, "500": 1, "dropped": 1},
                   "route_statuses": {"team/members/suspend": {"200": 2, "500": 1}}})",
               plan(), f, problems);
  CHECK(f.requests == 5);
  CHECK(f.faults["500"] == 1);
  CHECK(f.faults["dropped"] == 1);
  CHECK(f.faults["429"] == 0);
  CHECK(f.writes_beyond_plan == 1);
  CHECK(problems ==
        Problems{"team/members/suspend succeeded 2 times; the plan has 1 suspend steps"});
}
