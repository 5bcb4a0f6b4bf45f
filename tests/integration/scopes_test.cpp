// A token with only some scopes (roster-emulator --scopes): roster names the missing
// scope and the route, and a plan that needs it fails before its first write.
#include <catch2/catch.hpp>

#include "live_support.hpp"
#include "support/emulator_runner.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::EmulatorRunner;
using test::roster_cli;

namespace {

const char* k_manifest = R"(version: 1
policy: {max_removal_fraction: 1}
members:
  - email: admin@acme.com
  - email: a@acme.com
    given_name: Al
  - {email: b@acme.com, state: removed}
  - email: new@acme.com
)";

int writes(EmulatorRunner& emulator) {
  int n = 0;
  for (const char* route : {"team/members/add_v2", "team/members/set_profile_v2",
                            "team/members/remove", "team/members/suspend"}) {
    n += emulator.calls(route);
  }
  return n;
}

}  // namespace

TEST_CASE("a plan needing a scope the token lacks fails before its first write", "[live][scopes]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}, {"b@acme.com"}}), "test-token",
                          {"--scopes", "team_info.read,members.read,members.write"});
  test::TempDir dir;
  auto path = dir.write("team.yaml", k_manifest);
  auto plan = roster_cli(emulator, {"plan", "-f", path});
  CHECK(plan.code == cli::ExitCode::success);  // reading needs only the read scopes
  auto apply = roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  CHECK(apply.code == cli::ExitCode::error);
  CHECK(apply.err ==
        "roster: error: the Dropbox token lacks the scope members.delete, needed by "
        "team/members/remove (401 missing_scope); nothing was changed\n");
  CHECK(writes(emulator) == 0);
  CHECK(emulator.calls("team/members/remove/job_status/get") == 1);  // the one question asked
  CHECK(test::member_status(emulator.state(), "b@acme.com") == "active");
}

TEST_CASE("a token without a write scope is refused before the first invite too",
          "[live][scopes]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}, {"b@acme.com"}}), "test-token",
                          {"--scopes", "team_info.read,members.read,members.delete"});
  test::TempDir dir;
  auto apply =
      roster_cli(emulator, {"apply", "-f", dir.write("team.yaml", k_manifest), "--auto-approve"});
  CHECK(apply.code == cli::ExitCode::error);
  CHECK(apply.err ==
        "roster: error: the Dropbox token lacks the scope members.write, needed by "
        "team/members/add_v2, team/members/set_profile_v2 (401 missing_scope); nothing was "
        "changed\n");
  CHECK(writes(emulator) == 0);
}

TEST_CASE("a token without a read scope names it and the route it was refused on",
          "[live][scopes]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}), "test-token",
                          {"--scopes", "team_info.read,members.write,members.delete"});
  test::TempDir dir;
  auto plan = roster_cli(emulator, {"plan", "-f", dir.write("team.yaml", k_manifest)});
  CHECK(plan.code == cli::ExitCode::error);
  // The role list is the first members.read route roster reads (decision 0009).
  CHECK(plan.err ==
        "roster: error: the Dropbox token lacks the scope members.read needed by "
        "team/members/get_available_team_member_roles (401 missing_scope)\n");
}

TEST_CASE("with every scope the same plan applies", "[live][scopes]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}, {"b@acme.com"}}), "test-token",
                          {"--scopes", "team_info.read,members.read,members.write,members.delete"});
  test::TempDir dir;
  auto apply =
      roster_cli(emulator, {"apply", "-f", dir.write("team.yaml", k_manifest), "--auto-approve"});
  INFO(apply.out << apply.err);
  CHECK(apply.code == cli::ExitCode::success);
  CHECK(test::member_status(emulator.state(), "b@acme.com") == "removed");
}
