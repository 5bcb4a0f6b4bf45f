// --target (decision 0038): an urgent offboarding applies alone while other changes wait.
// The real CLI against roster-emulator; its call counts prove nothing else was written.
#include <catch2/catch.hpp>

#include "live_support.hpp"
#include "support/emulator_runner.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::EmulatorRunner;
using test::roster_cli;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A team of twelve and a manifest with ten changes pending besides the leaver's removal:
// six renames and four invitations.
struct BusyTeam {
  EmulatorRunner emulator;
  test::TempDir dir;
  std::string manifest;

  BusyTeam() : emulator(seed()) {
    std::string text =
        "version: 1\nmembers:\n  - email: admin@acme.com\n"
        "  - {email: leaver@acme.com, state: removed}\n";
    for (int i = 0; i < 6; ++i)
      text += "  - {email: m" + std::to_string(i) + "@acme.com, given_name: Renamed}\n";
    for (int i = 6; i < 10; ++i)
      text += "  - email: m" + std::to_string(i) + "@acme.com\n";
    for (int i = 0; i < 4; ++i)
      text += "  - email: new" + std::to_string(i) + "@acme.com\n";
    manifest = dir.write("team.yaml", text);
  }

  static std::string seed() {
    std::vector<test::SeedMember> members{{"leaver@acme.com"}};
    for (int i = 0; i < 10; ++i)
      members.push_back({"m" + std::to_string(i) + "@acme.com"});
    return test::make_seed(members);
  }
};

int writes(EmulatorRunner& emulator) {
  int n = 0;
  for (const char* route :
       {"team/members/add_v2", "team/members/set_profile_v2", "team/members/suspend",
        "team/members/unsuspend", "team/members/remove", "team/members/recover"})
    n += emulator.calls(route);
  return n;
}

}  // namespace

TEST_CASE("an urgent offboarding with --target applies only that member",
          "[live][apply][targets]") {
  BusyTeam team;
  auto whole = roster_cli(team.emulator, {"plan", "-f", team.manifest});
  CHECK(contains(whole.out, "Plan: 4 to invite, 6 to update, 1 to remove."));

  auto plan =
      roster_cli(team.emulator, {"plan", "-f", team.manifest, "--target", "LEAVER@acme.com"});
  CHECK(plan.code == cli::ExitCode::success);
  CHECK(contains(plan.out,
                 "Targeted plan (--target leaver@acme.com): 10 other changes exist "
                 "and were left out.\n"));
  CHECK(contains(plan.out, "Plan: 1 to remove."));
  // The removal guard judges one removal against all twelve live members.
  CHECK(contains(plan.out, "suspends or removes 1 of 12 live members"));

  auto apply = roster_cli(team.emulator, {"apply", "-f", team.manifest, "--target",
                                          "leaver@acme.com", "--auto-approve"});
  INFO(apply.out << apply.err);
  CHECK(apply.code == cli::ExitCode::success);
  CHECK(contains(apply.out, "Apply: 1 step: 1 succeeded, 0 failed, 0 skipped."));
  CHECK(team.emulator.calls("team/members/remove") == 1);
  CHECK(writes(team.emulator) == 1);
  CHECK(test::member_status(team.emulator.state(), "leaver@acme.com") == "removed");
  // The JSON report says what the run was restricted to.
  auto json = roster_cli(team.emulator, {"apply", "-f", team.manifest, "--target", "m0@acme.com",
                                         "--auto-approve", "--format", "json"});
  CHECK(json.code == cli::ExitCode::success);
  CHECK(contains(json.out, R"("targets": {
    "emails": [
      "m0@acme.com"
    ],
    "left_out": 9
  })"));
  // The rest is still pending.
  auto after = roster_cli(team.emulator, {"plan", "-f", team.manifest});
  CHECK(contains(after.out, "Plan: 4 to invite, 5 to update."));
}

TEST_CASE("a saved targeted plan records its targets, and show and apply print them",
          "[live][apply][targets]") {
  BusyTeam team;
  auto plan_file = team.dir.file("urgent.plan");
  auto plan = roster_cli(team.emulator, {"plan", "-f", team.manifest, "--target", "leaver@acme.com",
                                         "--out", plan_file});
  REQUIRE(plan.code == cli::ExitCode::success);
  const std::string line =
      "Targeted plan (--target leaver@acme.com): 10 other changes exist and were left out.";
  auto show = test::run_cli({"show", plan_file}, {});
  CHECK(contains(show.out, line));
  auto json = test::run_cli({"show", plan_file, "--format", "json"}, {});
  CHECK(contains(json.out, R"("targets": {
    "emails": [
      "leaver@acme.com"
    ],
    "left_out": 10,)"));
  auto apply = roster_cli(team.emulator, {"apply", plan_file});
  INFO(apply.out << apply.err);
  CHECK(apply.code == cli::ExitCode::success);
  CHECK(contains(apply.err, "roster: " + line + "\n"));
  CHECK(writes(team.emulator) == 1);
}

TEST_CASE("a target nobody answers to is a usage error and nothing is planned", "[live][targets]") {
  BusyTeam team;
  auto plan = roster_cli(team.emulator, {"plan", "-f", team.manifest, "--target", "leaver@acme.com",
                                         "--target", "nobody@acme.com"});
  CHECK(plan.code == cli::ExitCode::error);
  CHECK(plan.out.empty());
  CHECK(plan.err ==
        "roster: error: --target nobody@acme.com is neither in the manifest nor on the team; "
        "nothing was planned\n");
  auto apply = roster_cli(team.emulator, {"apply", "-f", team.manifest, "--target",
                                          "nobody@acme.com", "--auto-approve"});
  CHECK(apply.code == cli::ExitCode::error);
  CHECK(writes(team.emulator) == 0);
  auto bad = roster_cli(team.emulator, {"plan", "-f", team.manifest, "--target", "nobody"});
  CHECK(bad.code == cli::ExitCode::error);
  CHECK(bad.err ==
        "roster: error: --target: \"nobody\" is not an email address (see 'roster --help')\n");
  auto saved = roster_cli(team.emulator, {"apply", "x.plan", "--target", "leaver@acme.com"});
  CHECK(saved.code == cli::ExitCode::error);
  CHECK(saved.err ==
        "roster: error: --target applies to planning: a saved plan keeps the "
        "targets it was made with (see 'roster --help')\n");
}
