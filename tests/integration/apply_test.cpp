// roster plan/apply end to end: the real CLI and client against roster-emulator.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sstream>
#include <thread>

#include "live_support.hpp"
#include "roster/core/file.hpp"
#include "support/emulator_runner.hpp"
#include "support/golden.hpp"
#include "support/process.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::CliRun;
using test::EmulatorRunner;
using test::roster_cli;
using test::SeedMember;

namespace {

const std::string k_example = test::test_path("../manifests/example.yaml");

std::string demo_seed() {
  auto seed = core::read_file(test::test_path("../manifests/demo/team-seed.json"));
  REQUIRE(seed);
  return *seed;
}

// The record of `email` in the emulator's state that is not removed (nullptr when none).
const core::json::Value* live_record(const core::json::Value& state, const std::string& email) {
  for (const auto& m : state.find("members")->as_array()) {
    const auto* status = m.find("status");
    if (m.find("email")->as_string() == email &&
        (status == nullptr || status->as_string() != "removed"))
      return &m;
  }
  return nullptr;
}

std::string field_of(const core::json::Value& state, const std::string& email,
                     const std::string& key) {
  const auto* member = live_record(state, email);
  const auto* value = member == nullptr ? nullptr : member->find(key);
  if (value == nullptr) return "";
  return value->is_string() ? value->as_string() : std::to_string(int(value->as_number()));
}

// `email`'s access in the live group `name`: "owner", "member", "" (not in it) or "no group".
std::string group_access(const core::json::Value& state, const std::string& name,
                         const std::string& email) {
  const std::string id = field_of(state, email, "team_member_id");
  for (const auto& g : state.find("groups")->as_array()) {
    const auto* deleted = g.find("deleted");
    if (g.find("group_name")->as_string() != name || (deleted && deleted->as_bool())) continue;
    for (const auto& m : g.find("members")->as_array()) {
      if (m.find("team_member_id")->as_string() == id) return m.find("access_type")->as_string();
    }
    return "";
  }
  return "no group";
}

}  // namespace

TEST_CASE("the demo applies, and planning again finds nothing to change", "[live][apply]") {
  EmulatorRunner emulator(demo_seed(), "demo-token");
  auto plan = roster_cli(emulator, {"plan", "-f", k_example, "--detailed-exitcode"});
  CHECK(plan.code == cli::ExitCode::changes);
  CHECK(plan.out.find("ok team_name: team \"Acme Corp\" matches team.name") != std::string::npos);
  CHECK(plan.out.find("ok token_admin: it-admin@acme.com (the token's admin) is not suspended") !=
        std::string::npos);

  auto apply = roster_cli(emulator, {"apply", "-f", k_example, "--auto-approve"});
  CHECK(apply.code == cli::ExitCode::success);
  CHECK(apply.err.empty());
  CHECK(apply.out.find("Apply: 30 steps: 30 succeeded, 0 failed, 0 skipped.") != std::string::npos);

  // Nothing left to change; ray.chen and the Contractors group (not in the manifest) are
  // drift, and the nightly check (--detailed-exitcode) reports drift with exit 2.
  auto again = roster_cli(emulator, {"plan", "-f", k_example, "--detailed-exitcode"});
  CHECK(again.code == cli::ExitCode::changes);
  CHECK(again.out.find("No changes: the team matches the manifest.") != std::string::npos);
  CHECK(again.out.find("? ray.chen@acme.com: active on the team, not in the manifest") !=
        std::string::npos);
  CHECK(again.out.find("? group \"Contractors\": group on the team, not in the manifest") !=
        std::string::npos);
  // Time (issue 10): tom.hill is suspended and his removal waits 30 days from his suspension
  // (dated by the emulator's clock; roster_cli plans at 2026-11-26T12:00:00Z); uma.patel,
  // removed in the console, can still be recovered, and the plan says until when.
  CHECK(again.out.find("  ◷ tom.hill@acme.com: remove on ") != std::string::npos);
  CHECK(again.out.find("? uma.patel@acme.com: removed outside roster, not in the manifest; "
                       "recoverable until 2026-12-03 at the latest") != std::string::npos);

  auto state = emulator.state();
  CHECK(test::member_status(state, "quinn.baker@acme.com") == "active");
  CHECK(test::member_status(state, "quinn.adams@acme.com").empty());
  CHECK(test::member_status(state, "kim.ng@acme.com") == "suspended");
  CHECK(test::member_status(state, "amy.smith@acme.com") == "invited");
  CHECK(test::member_status(state, "mia.lopez@acme.com") == "removed");
  CHECK(test::member_status(state, "ray.chen@acme.com") == "active");  // unmanaged: reported only
  CHECK(test::member_status(state, "tom.hill@acme.com") == "suspended");  // staged removal

  // Access: every kind of step the demo plans reached the team.
  CHECK(field_of(state, "sam.taylor@acme.com", "role") == "support_admin");
  CHECK(field_of(state, "it-admin@acme.com", "role") == "team_admin");
  CHECK(group_access(state, "Support", "sam.taylor@acme.com") == "owner");  // created
  CHECK(group_access(state, "Support", "erin.lee@acme.com") == "member");
  CHECK(group_access(state, "Sales", "sam.taylor@acme.com").empty());     // moved out
  CHECK(group_access(state, "Sales", "amy.smith@acme.com") == "member");  // an invitee
  CHECK(group_access(state, "Everyone", "frank.moore@acme.com") == "member");
  CHECK(group_access(state, "Design", "pat.kimura@acme.com") == "owner");
  CHECK(group_access(state, "Contractors", "ray.chen@acme.com") == "owner");  // undeclared
  CHECK(field_of(state, "pat.kimura@acme.com", "custom_quota_gb") == "200");
  CHECK(field_of(state, "archive@acme.com", "custom_quota_gb") == "1000");
  const auto* quinn = live_record(state, "quinn.baker@acme.com");
  REQUIRE(quinn != nullptr);
  REQUIRE(quinn->find("secondary_emails") != nullptr);
  CHECK(quinn->find("secondary_emails")->as_array().at(0).find("email")->as_string() ==
        "quinn.adams@acme.com");
}

TEST_CASE("an apply makes the calls it needs and no more", "[live][apply]") {
  std::vector<SeedMember> members;
  for (int i = 0; i < 2100; ++i)
    members.push_back({"m" + std::to_string(i) + "@acme.com"});
  for (int i = 0; i < 3; ++i)
    members.push_back({"s" + std::to_string(i) + "@acme.com", "suspended"});
  EmulatorRunner emulator(test::make_seed(members, "admin@acme.com", "Acme Corp", 5000));
  std::string manifest =
      "version: 1\npolicy: {max_removal_fraction: 0.5}\nmembers:\n"
      "  - email: admin@acme.com\n";
  for (int i = 0; i < 2100; ++i) {
    const char* state = i < 5 ? "suspended" : i < 9 ? "removed" : "active";
    manifest += "  - {email: m" + std::to_string(i) + "@acme.com, state: " + state + "}\n";
  }
  for (int i = 0; i < 3; ++i)
    manifest += "  - email: s" + std::to_string(i) + "@acme.com\n";
  for (int i = 0; i < 45; ++i)
    manifest += "  - email: new" + std::to_string(i) + "@acme.com\n";
  test::TempDir dir;
  auto path = dir.write("team.yaml", manifest);

  auto apply = roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  INFO(apply.out);
  REQUIRE(apply.code == cli::ExitCode::success);
  CHECK(apply.out.find("Apply: 57 steps: 57 succeeded") != std::string::npos);
  // ceil(2104 members / 1000) list pages, ceil(45 / 20) add calls, one call per other
  // step, job polls (the emulator answers in_progress once per job), a constant 3.
  CHECK(emulator.calls("team/members/list_v2") == 1);
  CHECK(emulator.calls("team/members/list/continue_v2") == 2);
  CHECK(emulator.calls("team/get_info") == 1);
  CHECK(emulator.calls("team/token/get_authenticated_admin") == 1);
  CHECK(emulator.calls("team/members/get_available_team_member_roles") == 1);
  CHECK(emulator.calls("team/members/add_v2") == 3);
  // Two batches of 20 are async; one more poll asks whether the token has members.write.
  CHECK(emulator.calls("team/members/add/job_status/get_v2") == 1 + 4);
  CHECK(emulator.calls("team/members/suspend") == 5);
  CHECK(emulator.calls("team/members/unsuspend") == 3);
  CHECK(emulator.calls("team/members/remove") == 4);
  CHECK(emulator.calls("team/members/remove/job_status/get") == 1 + 8);  // + members.delete
  auto stats = emulator.stats();
  double total = 0;
  for (const auto& [route, n] : stats.find("calls")->as_object())
    total += n.as_number();
  CHECK(total == 1 + 2 + 1 + 1 + 1 + 3 + (1 + 4) + 5 + 3 + 4 + (1 + 8));
}

TEST_CASE("per-member invite failures name the member and the tag, the rest goes on",
          "[live][apply]") {
  EmulatorRunner emulator(test::make_seed({{"bob@acme.com"}}, "admin@acme.com", "Acme Corp", 3,
                                          {"someone@partner.example.com"}));
  test::TempDir dir;
  auto path = dir.write("team.yaml", R"(version: 1
members:
  - email: admin@acme.com
  - email: bob@acme.com
    given_name: Robert
  - email: someone@partner.example.com
  - email: new1@acme.com
  - email: new2@acme.com
)");
  auto apply = roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  CHECK(apply.code == cli::ExitCode::partial);
  CHECK(apply.out.find("FAIL + invite someone@partner.example.com: members/add_v2 refused "
                       "someone@partner.example.com: user_on_another_team") != std::string::npos);
  CHECK(apply.out.find("FAIL + invite new2@acme.com: members/add_v2 refused new2@acme.com: "
                       "team_license_limit") != std::string::npos);
  CHECK(apply.out.find("Apply: 4 steps: 2 succeeded, 2 failed, 0 skipped.") != std::string::npos);
  auto state = emulator.state();
  CHECK(test::member_status(state, "new1@acme.com") == "invited");
}

TEST_CASE("a failed step fails alone, the steps that need it are skipped", "[live][apply]") {
  // Two licenses, both used: recovering dan needs a third (team_license_limit).
  EmulatorRunner emulator(test::make_seed({{"bob@acme.com"}, {"dan@acme.com", "removed"}},
                                          "admin@acme.com", "Acme Corp", 2));
  test::TempDir dir;
  auto path = dir.write("team.yaml", R"(version: 1
policy: {max_removal_fraction: 1}
members:
  - email: admin@acme.com
  - email: dan@acme.com
    given_name: Daniel
  - email: bob@acme.com
    state: suspended
)");
  auto apply = roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  CHECK(apply.code == cli::ExitCode::partial);
  CHECK(apply.out.find("FAIL ↺ recover dan@acme.com: team/members/recover failed: "
                       "team_license_limit") != std::string::npos);
  CHECK(apply.out.find("skip ~ update dan@acme.com: skipped: needs recover dan@acme.com, which "
                       "failed") != std::string::npos);
  CHECK(apply.out.find("Apply: 3 steps: 1 succeeded, 1 failed, 1 skipped.") != std::string::npos);
  CHECK(test::member_status(emulator.state(), "bob@acme.com") == "suspended");
  CHECK(emulator.calls("team/members/set_profile_v2") == 0);
}

TEST_CASE("rate limits, server errors and dropped connections are retried", "[live][apply]") {
  EmulatorRunner emulator(
      test::make_seed({{"a@acme.com"}, {"b@acme.com"}, {"c@acme.com", "suspended"}}));
  emulator.fault(
      R"({"route": "team/members/suspend", "kind": "429", "count": 2, "retry_after": 1})");
  emulator.fault(R"({"route": "team/members/unsuspend", "kind": "503", "count": 1})");
  emulator.fault(R"({"route": "team/members/add_v2", "kind": "drop", "count": 1})");
  test::TempDir dir;
  auto path = dir.write("team.yaml", R"(version: 1
policy: {max_removal_fraction: 1}
members:
  - email: admin@acme.com
  - {email: a@acme.com, state: suspended}
  - {email: b@acme.com, state: suspended}
  - email: c@acme.com
  - email: new@acme.com
)");
  auto apply = roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  CHECK(apply.code == cli::ExitCode::success);
  CHECK(apply.out.find("Apply: 4 steps: 4 succeeded, 0 failed, 0 skipped.") != std::string::npos);
  // Keep the document alive: find() points into it.
  const auto stats = emulator.stats();
  const auto* statuses = stats.find("statuses");
  REQUIRE(statuses != nullptr);
  CHECK(statuses->find("429")->as_number() == 2);
  CHECK(statuses->find("503")->as_number() == 1);
  CHECK(statuses->find("dropped")->as_number() == 1);
  auto again = roster_cli(emulator, {"plan", "-f", path, "--detailed-exitcode"});
  CHECK(again.code == cli::ExitCode::success);
}

TEST_CASE("apply asks on a terminal, and refuses without --auto-approve elsewhere",
          "[live][apply]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  test::TempDir dir;
  auto path = dir.write("team.yaml",
                        "version: 1\nmembers:\n  - email: admin@acme.com\n"
                        "  - email: a@acme.com\n  - email: new@acme.com\n");
  auto piped = roster_cli(emulator, {"apply", "-f", path});
  CHECK(piped.code == cli::ExitCode::error);
  CHECK(piped.err ==
        "roster: error: apply asks for confirmation on a terminal; pass "
        "--auto-approve to apply without one (nothing was changed)\n");
  auto declined = roster_cli(emulator, {"apply", "-f", path}, "no\n", true);
  CHECK(declined.code == cli::ExitCode::error);
  CHECK(declined.out.find("Apply 1 change to team \"Acme Corp\"? Only 'yes' will be accepted: ") !=
        std::string::npos);
  CHECK(declined.err == "roster: error: apply cancelled (nothing was changed)\n");
  CHECK(emulator.calls("team/members/add_v2") == 0);
  auto accepted = roster_cli(emulator, {"apply", "-f", path}, "yes\n", true);
  CHECK(accepted.code == cli::ExitCode::success);
  CHECK(emulator.calls("team/members/add_v2") == 1);
}

TEST_CASE("guards refuse before anything is written", "[live][apply][guards]") {
  std::vector<SeedMember> members;
  for (int i = 0; i < 9; ++i)
    members.push_back({"m" + std::to_string(i) + "@acme.com"});
  EmulatorRunner emulator(test::make_seed(members));
  test::TempDir dir;
  auto write_manifest = [&](const std::string& extra, const std::string& admin_state) {
    std::string text = "version: 1\n" + extra +
                       "members:\n  - {email: admin@acme.com, state: " + admin_state + "}\n";
    for (int i = 0; i < 9; ++i) {
      text += "  - {email: m" + std::to_string(i) +
              "@acme.com, state: " + (i < 2 ? "removed" : "active") + "}\n";
    }
    return dir.write("team.yaml", text);
  };
  SECTION("removal fraction") {
    auto r = roster_cli(emulator, {"apply", "-f", write_manifest("", "active"), "--auto-approve"});
    CHECK(r.code == cli::ExitCode::refused);
    CHECK(r.err ==
          "roster: error: plan refused by safety guard removal_fraction: suspends or "
          "removes 2 of 10 live members (20.0%); max_removal_fraction 0.1 allows 1\n");
  }
  SECTION("team name") {
    auto r = roster_cli(emulator, {"apply", "-f",
                                   write_manifest("team: {name: Other Inc}\npolicy: "
                                                  "{max_removal_fraction: 0.5}\n",
                                                  "active"),
                                   "--auto-approve"});
    CHECK(r.code == cli::ExitCode::refused);
    CHECK(r.err.find("team_name: the manifest is for team \"Other Inc\" but the token belongs "
                     "to team \"Acme Corp\"") != std::string::npos);
  }
  SECTION("the token's admin, who is also the last admin") {
    auto r =
        roster_cli(emulator, {"apply", "-f",
                              write_manifest("policy: {max_removal_fraction: 0.5}\n", "suspended"),
                              "--auto-approve"});
    CHECK(r.code == cli::ExitCode::refused);
    CHECK(r.err.find("token_admin: the plan would suspend admin@acme.com, the admin whose token "
                     "roster uses") != std::string::npos);
    CHECK(r.err.find("last_admin: the plan suspends or removes every active team admin") !=
          std::string::npos);
  }
  for (const char* route : {"team/members/remove", "team/members/suspend", "team/members/add_v2"}) {
    CHECK(emulator.calls(route) == 0);
  }
}

TEST_CASE("an apply killed part-way converges on the next run without duplicate invites",
          "[live][apply][crash]") {
  EmulatorRunner emulator(test::make_seed({}), "test-token", {"--latency-ms", "40"});
  test::TempDir dir;
  std::string manifest = "version: 1\nmembers:\n  - email: admin@acme.com\n";
  for (int i = 0; i < 200; ++i)
    manifest += "  - email: n" + std::to_string(i) + "@acme.com\n";
  auto path = dir.write("team.yaml", manifest);
  const std::string journal = dir.file("journal.jsonl");
  std::vector<std::string> argv = {
      ROSTER_BINARY,  "apply",         "-f", path,        "--auto-approve", "--api-url",
      emulator.url(), "--parallelism", "1",  "--journal", journal};
  const int quiet = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  REQUIRE(quiet >= 0);
  test::ChildStdio stdio;
  stdio.out = quiet;
  const pid_t pid =
      test::spawn_child(argv, test::environment_with({{"DROPBOX_TOKEN", emulator.token()}}), stdio);
  ::close(quiet);
  // Kill it once some invitations are done (journaled) and others not yet sent: with one
  // request slot, four tasks at a time, ten batches of twenty.
  for (int i = 0; i < 1000; ++i) {
    auto so_far = core::read_file(journal);
    if (so_far && so_far->find("step_finished") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  test::kill_child(pid, SIGKILL);
  int first_run_adds = emulator.calls("team/members/add_v2");
  REQUIRE(first_run_adds >= 1);
  REQUIRE(first_run_adds < 10);
  // The killed run's journal is valid JSON up to its last line.
  auto text = core::read_file(journal);
  REQUIRE(text);
  REQUIRE(!text->empty());
  CHECK(text->back() == '\n');
  std::istringstream lines(*text);
  std::string line;
  int finished = 0;
  for (int n = 0; std::getline(lines, line); ++n) {
    core::json::Value value;
    std::string error;
    INFO(line);
    REQUIRE(core::json::parse(line, value, error));
    if (n == 0) CHECK(value.find("event")->as_string() == "apply_started");
    finished += value.find("event")->as_string() == "step_finished" ? 1 : 0;
  }
  CHECK(finished >= 1);
  CHECK(text->find("apply_finished") == std::string::npos);

  auto rerun = roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  CHECK(rerun.code == cli::ExitCode::success);
  auto plan = roster_cli(emulator, {"plan", "-f", path, "--detailed-exitcode"});
  CHECK(plan.code == cli::ExitCode::success);
  // Every invitation exists exactly once, and no add was refused as a duplicate.
  auto state = emulator.state();
  int records = 0;
  for (const auto& m : state.find("members")->as_array()) {
    records += m.find("email")->as_string().rfind("n", 0) == 0 ? 1 : 0;
  }
  CHECK(records == 200);
  CHECK(rerun.out.find("user_already_on_team") == std::string::npos);
  CHECK(emulator.calls("team/members/add_v2") <= first_run_adds + 10);
}
