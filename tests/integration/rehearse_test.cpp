// roster rehearse against roster-emulator: the manifest is applied to an emulated copy of
// the team (a second emulator, in-process), and the team itself only sees reads.
#include <catch2/catch.hpp>

#include <set>

#include "live_support.hpp"
#include "roster/core/file.hpp"
#include "support/emulator_runner.hpp"

using namespace roster;
using test::EmulatorRunner;

namespace {

std::string seed(int licenses) {
  return R"({"team_name": "Acme Corp", "team_id": "dbtid:AAtest", "num_licensed_users": )" +
         std::to_string(licenses) + R"(, "admin_email": "admin@acme.com",
  "members": [
    {"email": "admin@acme.com", "role": "team_admin", "team_member_id": "dbmid:AAadmin"},
    {"email": "amy@acme.com", "given_name": "Amy", "team_member_id": "dbmid:AAamy"},
    {"email": "bob@acme.com", "team_member_id": "dbmid:AAbob"}]})";
}

// Invites cy@, suspends bob@.
const char* k_manifest = R"(version: 1
team: {name: Acme Corp}
policy: {max_removal_fraction: 1.0}
members:
  - email: admin@acme.com
  - {email: amy@acme.com, given_name: Amy}
  - {email: bob@acme.com, state: suspended}
  - {email: cy@acme.com, given_name: Cy}
)";

// The routes `roster snapshot` reads: the only calls a rehearsal may make to the team.
const std::set<std::string> k_reads = {
    "team/get_info",
    "team/token/get_authenticated_admin",
    "team/members/get_available_team_member_roles",
    "team/members/list_v2",
    "team/members/list/continue_v2",
    "team/groups/list",
    "team/groups/list/continue",
    "team/groups/members/list",
    "team/groups/members/list/continue",
    "team/member_space_limits/get_custom_quota",
    "team/member_space_limits/excluded_users/list",
    "team/member_space_limits/excluded_users/list/continue",
};

void check_only_reads(EmulatorRunner& team) {
  const auto stats = team.stats();  // the loop reads into it: keep it alive
  int calls = 0;
  for (const auto& [route, n] : stats.find("calls")->as_object()) {
    INFO(route);
    CHECK(k_reads.count(route) == 1);
    calls += static_cast<int>(n.as_number());
  }
  CHECK(calls > 0);
  const auto state = team.state();
  CHECK(test::member_status(state, "bob@acme.com") == "active");
  CHECK(test::member_status(state, "cy@acme.com").empty());
}

}  // namespace

TEST_CASE("rehearse applies the manifest to an emulated copy and only reads the team",
          "[live][rehearse]") {
  EmulatorRunner team(seed(10));
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", k_manifest);
  auto run = test::roster_cli(team, {"rehearse", "-f", manifest});
  INFO(run.out << run.err);
  CHECK(run.code == cli::ExitCode::success);
  CHECK(run.out.rfind("Rehearsal on an emulated copy of team \"Acme Corp\": the team itself is "
                      "not changed.\n",
                      0) == 0);
  CHECK(run.out.find("+ invite") != std::string::npos);
  CHECK(run.out.find("Applying 2 steps:") != std::string::npos);
  CHECK(run.out.find("Team before: 3 live (3 active, 0 invited, 0 suspended), 0 removed; roles "
                     "of live members: 2 member_only, 1 team_admin\n"
                     "Team after:  4 live (2 active, 1 invited, 1 suspended), 0 removed; roles "
                     "of live members: 3 member_only, 1 team_admin\n"
                     "Second plan: no changes (the manifest converges)\n") != std::string::npos);
  CHECK(run.out.find("Not rehearsed (the emulator cannot know Dropbox's answer):\n  - "
                     "invitations: no email is delivered") != std::string::npos);
  CHECK(run.out.find("(cy@acme.com)\n") != std::string::npos);
  CHECK(run.out.find(team.token()) == std::string::npos);
  check_only_reads(team);
}

TEST_CASE("a rehearsal whose invitations run out of licenses exits 4 with that step failed",
          "[live][rehearse]") {
  EmulatorRunner team(seed(3));  // three members, three licenses
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", k_manifest);
  auto run = test::roster_cli(team, {"rehearse", "-f", manifest});
  INFO(run.out << run.err);
  CHECK(run.code == cli::ExitCode::partial);
  CHECK(run.out.find("team_license_limit") != std::string::npos);
  CHECK(run.out.find(
            "Second plan: 1 change remains (the manifest does not converge in one apply)\n") !=
        std::string::npos);
  check_only_reads(team);
}

TEST_CASE("a rehearsal refused by a safety guard exits 3 and applies nothing", "[live][rehearse]") {
  EmulatorRunner team(seed(10));
  test::TempDir dir;
  auto manifest = dir.write("team.yaml",
                            "version: 1\npolicy: {max_removal_fraction: 1.0}\nmembers:\n"
                            "  - {email: admin@acme.com, state: suspended}\n"
                            "  - email: amy@acme.com\n  - email: bob@acme.com\n");
  auto run = test::roster_cli(team, {"rehearse", "-f", manifest});
  INFO(run.out << run.err);
  CHECK(run.code == cli::ExitCode::refused);
  CHECK(run.err.find("roster: error: plan refused by safety guard") != std::string::npos);
  CHECK(run.out.find("Applying") == std::string::npos);
  const auto stats = team.stats();
  for (const auto& [route, n] : stats.find("calls")->as_object())
    CHECK(k_reads.count(route) == 1);
}

TEST_CASE("rehearse --observed works offline from a snapshot, and refuses a hand-made listing",
          "[live][rehearse]") {
  EmulatorRunner team(seed(10));
  test::TempDir dir;
  auto snapshot = dir.file("team.snapshot.json");
  REQUIRE(test::roster_cli(team, {"snapshot", "-o", snapshot}).code == cli::ExitCode::success);
  auto manifest = dir.write("team.yaml", k_manifest);
  // No token and no URL: the snapshot is all it reads.
  auto run = test::run_cli({"rehearse", "-f", manifest, "--observed", snapshot}, {});
  INFO(run.out << run.err);
  CHECK(run.code == cli::ExitCode::success);
  CHECK(run.out.find("Second plan: no changes (the manifest converges)") != std::string::npos);

  auto hand_made = dir.write("hand.json", R"({"members": []})");
  run = test::run_cli({"rehearse", "-f", manifest, "--observed", hand_made}, {});
  CHECK(run.code == cli::ExitCode::error);
  CHECK(run.err == "roster: error: " + hand_made +
                       " is not a snapshot written by `roster snapshot` (no snapshot_format); "
                       "rehearse needs the team's facts it records\n");
}
