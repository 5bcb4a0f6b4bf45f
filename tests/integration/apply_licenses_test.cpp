// Licenses at plan and apply time (decision 0037): the real CLI against roster-emulator,
// whose team has a fixed number of licenses (num_licensed_users in its seed).
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

}  // namespace

TEST_CASE("a team at its limit fits an invitation because the removal runs first",
          "[live][apply][licenses]") {
  // Two licenses, both held: the invitation fits only in the one the removal frees.
  EmulatorRunner emulator(test::make_seed({{"leaver@acme.com"}}, "admin@acme.com", "Acme Corp", 2));
  test::TempDir dir;
  auto path = dir.write("team.yaml", R"(version: 1
policy: {max_removal_fraction: 0.5}
members:
  - email: admin@acme.com
  - email: leaver@acme.com
    state: removed
  - email: joiner@acme.com
)");
  auto plan = roster_cli(emulator, {"plan", "-f", path});
  CHECK(contains(plan.out, "Licenses: 2 licensed; 2 in use now, 2 after this plan, 0 free."));
  CHECK(contains(plan.out, "Removals run before invitations and recoveries"));
  // Slow removals: were the invitation sent alongside, it would find no free license.
  emulator.fault(R"({"route": "team/members/remove", "kind": "latency", "latency_ms": 300,
                     "count": 1})");
  auto apply = roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  INFO(apply.out << apply.err);
  CHECK(apply.code == cli::ExitCode::success);
  CHECK(contains(apply.out, "Apply: 2 steps: 2 succeeded, 0 failed, 0 skipped."));
  auto state = emulator.state();
  CHECK(test::member_status(state, "joiner@acme.com") == "invited");
  CHECK(test::member_status(state, "leaver@acme.com") == "removed");
}

TEST_CASE("a plan short of two licenses names the two invitations that then fail",
          "[live][apply][licenses]") {
  EmulatorRunner emulator(test::make_seed({{"leaver@acme.com"}}, "admin@acme.com", "Acme Corp", 2));
  test::TempDir dir;
  auto path = dir.write("team.yaml", R"(version: 1
policy: {max_removal_fraction: 0.5}
members:
  - email: admin@acme.com
  - {email: leaver@acme.com, state: removed}
  - email: ann@acme.com
  - email: bob@acme.com
  - email: cy@acme.com
)");
  const std::string warning =
      "2 invitations will fail with team_license_limit: the plan needs 3 licenses and 1 will "
      "be free once its removals have run; in plan order, these get none: bob@acme.com, "
      "cy@acme.com";
  auto plan = roster_cli(emulator, {"plan", "-f", path});
  CHECK(plan.code == cli::ExitCode::success);  // a warning, not a refusal
  CHECK(contains(plan.out, "  ! " + warning + "\n"));
  auto json = roster_cli(emulator, {"plan", "-f", path, "--format", "json"});
  CHECK(contains(json.out, R"("failing": [
      "bob@acme.com",
      "cy@acme.com"
    ])"));
  auto markdown = roster_cli(emulator, {"plan", "-f", path, "--format", "markdown"});
  CHECK(contains(markdown.out, "2 invitations will fail"));

  auto apply = roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  INFO(apply.out << apply.err);
  CHECK(apply.code == cli::ExitCode::partial);
  CHECK(contains(apply.out,
                 "FAIL + invite bob@acme.com: members/add_v2 refused bob@acme.com: "
                 "team_license_limit"));
  CHECK(contains(apply.out,
                 "FAIL + invite cy@acme.com: members/add_v2 refused cy@acme.com: "
                 "team_license_limit"));
  CHECK(contains(apply.out, "Apply: 4 steps: 2 succeeded, 2 failed, 0 skipped."));
  CHECK(test::member_status(emulator.state(), "ann@acme.com") == "invited");
}
