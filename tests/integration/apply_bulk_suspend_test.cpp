// Bulk suspension (issue 10) through the real client against roster-emulator: the calls
// each apply makes (the emulator's per-route counts), and the true outcome of each member.
#include <catch2/catch.hpp>

#include "access_support.hpp"
#include "live_support.hpp"
#include "roster/apply/apply_plan.hpp"
#include "roster/core/file.hpp"
#include "support/seed.hpp"

using namespace roster;
using Status = apply::StepOutcome::Status;
using test::AccessClient;
using test::EmulatorRunner;
using test::roster_cli;
using test::SeedMember;

namespace {

std::string email(int i) {
  return "m" + std::to_string(i) + "@acme.com";
}

// `n` active members m0..m(n-1), plus `extra`.
std::string seed(int n, std::vector<SeedMember> extra = {}) {
  for (int i = 0; i < n; ++i)
    extra.push_back({email(i)});
  return test::make_seed(extra);
}

// A manifest declaring m0..m(n-1) suspended, the first `wiped` of them with wipe_data.
std::string manifest(int n, int wiped = 0) {
  std::string text =
      "version: 1\npolicy: {max_removal_fraction: 1}\nmembers:\n  - email: admin@acme.com\n";
  for (int i = 0; i < n; ++i) {
    text += "  - {email: " + email(i) + ", state: suspended" +
            (i < wiped ? ", suspend: {wipe_data: true}}\n" : "}\n");
  }
  return text;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

// A hand-built plan suspending `emails` (the guards would refuse some of them).
plan::Plan suspensions(AccessClient& client, const std::vector<std::string>& emails) {
  plan::Plan p;
  for (const auto& e : emails) {
    plan::PlanStep s;
    s.action = plan::Action::suspend;
    s.email = e;
    s.team_member_id = client.id_of(e);
    p.steps.push_back(s);
  }
  return p;
}

apply::ApplyReport apply_hand_plan(AccessClient& client, const plan::Plan& p) {
  apply::NullProgress progress;
  return apply::apply_plan(p, *client.api, apply::ApplyOptions{}, client.stop, client.gate,
                           progress);
}

}  // namespace

TEST_CASE("25 suspensions go as one bulk job, read back, with a line each in report and journal",
          "[live][bulk]") {
  EmulatorRunner emulator(seed(25));
  test::TempDir dir;
  auto path = dir.write("team.yaml", manifest(25));
  auto apply = roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  INFO(apply.out << apply.err);
  REQUIRE(apply.code == cli::ExitCode::success);
  CHECK(apply.out.find("Apply: 25 steps: 25 succeeded, 0 failed, 0 skipped.") != std::string::npos);
  CHECK(occurrences(apply.out, ": bulk job ") == 25);
  CHECK(emulator.calls("team/members/bulk_suspend") == 1);
  // The emulator answers in_progress once per job; one more poll is the scope check.
  CHECK(emulator.calls("team/members/bulk_suspend/job_status/check") == 2);
  CHECK(emulator.calls("team/members/get_info_v2") == 1);
  CHECK(emulator.calls("team/members/suspend") == 0);
  CHECK(test::member_status(emulator.state(), email(24)) == "suspended");

  auto journal = core::read_file(emulator.dir().file("journal.jsonl"));
  REQUIRE(journal);
  CHECK(occurrences(*journal, "\"event\":\"step_started\"") == 25);
  CHECK(occurrences(*journal, "\"event\":\"step_finished\"") == 25);
  CHECK(occurrences(*journal, "\"result\":\"succeeded\"") == 25);

  auto again = roster_cli(emulator, {"plan", "-f", path, "--detailed-exitcode"});
  CHECK(again.code == cli::ExitCode::success);
}

TEST_CASE("a lost launch answer and a dropped read-back are retried, one job suspends all",
          "[live][bulk]") {
  EmulatorRunner emulator(seed(25));
  emulator.fault(R"({"route": "team/members/bulk_suspend", "kind": "503", "count": 1})");
  emulator.fault(R"({"route": "team/members/get_info_v2", "kind": "drop", "count": 1})");
  test::TempDir dir;
  auto apply =
      roster_cli(emulator, {"apply", "-f", dir.write("team.yaml", manifest(25)), "--auto-approve"});
  INFO(apply.out << apply.err);
  CHECK(apply.code == cli::ExitCode::success);
  CHECK(apply.out.find("Apply: 25 steps: 25 succeeded, 0 failed, 0 skipped.") != std::string::npos);
  CHECK(emulator.calls("team/members/bulk_suspend") == 2);  // the 503, then the job
  CHECK(emulator.calls("team/members/get_info_v2") == 2);   // the dropped one, then the read
  CHECK(emulator.calls("team/members/suspend") == 0);
  const auto stats = emulator.stats();
  CHECK(stats.find("statuses")->find("503")->as_number() == 1);
  CHECK(stats.find("statuses")->find("dropped")->as_number() == 1);
}

TEST_CASE("below the threshold, and with --no-bulk, each member is one members/suspend",
          "[live][bulk]") {
  test::TempDir dir;
  SECTION("19 suspensions") {
    EmulatorRunner emulator(seed(19));
    auto apply = roster_cli(
        emulator, {"apply", "-f", dir.write("team.yaml", manifest(19)), "--auto-approve"});
    CHECK(apply.code == cli::ExitCode::success);
    CHECK(emulator.calls("team/members/suspend") == 19);
    CHECK(emulator.calls("team/members/bulk_suspend") == 0);
    CHECK(emulator.calls("team/members/get_info_v2") == 0);
  }
  SECTION("25 suspensions with --no-bulk") {
    EmulatorRunner emulator(seed(25));
    auto apply = roster_cli(emulator, {"apply", "-f", dir.write("team.yaml", manifest(25)),
                                       "--auto-approve", "--no-bulk"});
    CHECK(apply.code == cli::ExitCode::success);
    CHECK(emulator.calls("team/members/suspend") == 25);
    CHECK(emulator.calls("team/members/bulk_suspend") == 0);
  }
}

TEST_CASE("suspensions with different wipe_data go as two bulk jobs", "[live][bulk]") {
  EmulatorRunner emulator(seed(45));
  test::TempDir dir;
  auto apply = roster_cli(
      emulator, {"apply", "-f", dir.write("team.yaml", manifest(45, 22)), "--auto-approve"});
  INFO(apply.out << apply.err);
  CHECK(apply.code == cli::ExitCode::success);
  CHECK(emulator.calls("team/members/bulk_suspend") == 2);
  CHECK(emulator.calls("team/members/get_info_v2") == 2);
  CHECK(emulator.calls("team/members/suspend") == 0);
}

TEST_CASE("rows the job refuses are retried alone and reported with their true outcome",
          "[live][bulk]") {
  // ian is invited and sue already suspended: the emulator refuses both rows
  // (suspend_inactive_user). The read-back finds sue suspended and ian not.
  EmulatorRunner emulator(seed(23, {{"ian@acme.com", "invited"}, {"sue@acme.com", "suspended"}}));
  AccessClient client(emulator);
  std::vector<std::string> emails{"ian@acme.com", "sue@acme.com"};
  for (int i = 0; i < 23; ++i)
    emails.push_back(email(i));
  auto report = apply_hand_plan(client, suspensions(client, emails));
  CHECK(emulator.calls("team/members/bulk_suspend") == 1);
  CHECK(emulator.calls("team/members/get_info_v2") == 1);
  CHECK(emulator.calls("team/members/suspend") == 1);  // ian alone
  REQUIRE(report.outcomes.size() == 25);
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[0].error.api_tag == "suspend_inactive_user");
  CHECK(report.outcomes[1].status == Status::succeeded);
  CHECK(report.outcomes[1].note.find("read back suspended (2 of 25 rows failed, 0 unknown)") !=
        std::string::npos);
  CHECK(report.count(Status::succeeded) == 24);
}

TEST_CASE("a refused launch falls back to one call per member", "[live][bulk]") {
  // The token's admin among the rows: the launch is refused (acting_admin), nothing is
  // suspended by it; alone, the admin is refused as the last admin, the others suspended.
  EmulatorRunner emulator(seed(24));
  AccessClient client(emulator);
  std::vector<std::string> emails{"admin@acme.com"};
  for (int i = 0; i < 24; ++i)
    emails.push_back(email(i));
  auto report = apply_hand_plan(client, suspensions(client, emails));
  CHECK(emulator.calls("team/members/bulk_suspend") == 1);
  CHECK(emulator.calls("team/members/get_info_v2") == 0);
  CHECK(emulator.calls("team/members/suspend") == 25);
  CHECK(report.outcomes[0].status == Status::failed);
  CHECK(report.outcomes[0].error.api_tag == "suspend_last_admin");
  CHECK(report.outcomes[1].status == Status::succeeded);
  CHECK(report.outcomes[1].note == "sent alone: members/bulk_suspend refused (acting_admin)");
  CHECK(report.count(Status::succeeded) == 24);
  CHECK(test::member_status(emulator.state(), "admin@acme.com") == "active");
}
