// A manifest with every access key, planned and applied end to end by the real CLI against
// roster-emulator: the steps succeed, each route is called at the floor, and planning
// again finds nothing to change.
#include "access_support.hpp"
#include "live_support.hpp"

using namespace roster;
using test::EmulatorRunner;
using test::roster_cli;

namespace {

const char* k_manifest = R"(version: 1
groups:
  - name: Sales
    external_id: sales
    members:
      - {email: amy@acme.com, access: owner}
      - bob@acme.com
  - name: Eng
    management_type: user_managed
    members: [bob@acme.com, new@acme.com]
  - name: Ops
    external_id: ops
members:
  - email: admin@acme.com
    role: team_admin
    space_limit: 20
  - email: amy@acme.com
    role: user_management_admin
    groups: [Ops]
    secondary_emails: [amy@new.acme.com]
    space_limit: team_default
  - email: bob@acme.com
    secondary_emails: [bob2@acme.com, bob3@acme.com]
  - email: ian@acme.com
  - email: sue@acme.com
    state: suspended
  - email: new@acme.com
)";

}  // namespace

TEST_CASE("a manifest with every access key applies at the floor and then plans no changes",
          "[live][apply][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  test::TempDir dir;
  auto path = dir.write("team.yaml", k_manifest);
  auto apply = roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  INFO(apply.out << apply.err);
  REQUIRE(apply.code == cli::ExitCode::success);
  CHECK(apply.out.find("Apply: 12 steps: 12 succeeded, 0 failed, 0 skipped.") != std::string::npos);
  // One call per role change; one per new group; one groups/members/add per group that
  // gains members (Sales: bob; Eng: new@, by email; Ops: amy); every secondary email of
  // the run in one add and one delete call; one quota call per direction.
  CHECK(emulator.calls("team/members/set_admin_permissions_v2") == 1);
  // The role table read to plan is the one apply sends role ids from: read once.
  CHECK(emulator.calls("team/members/get_available_team_member_roles") == 1);
  CHECK(emulator.calls("team/members/add_v2") == 1);
  CHECK(emulator.calls("team/groups/create") == 1);
  CHECK(emulator.calls("team/groups/members/add") == 3);
  CHECK(emulator.calls("team/groups/members/remove") == 0);
  CHECK(emulator.calls("team/members/secondary_emails/add") == 1);
  CHECK(emulator.calls("team/members/secondary_emails/delete") == 1);
  CHECK(emulator.calls("team/member_space_limits/set_custom_quota") == 1);
  CHECK(emulator.calls("team/member_space_limits/remove_custom_quota") == 1);

  auto again = roster_cli(emulator, {"plan", "-f", path, "--detailed-exitcode"});
  INFO(again.out << again.err);
  CHECK(again.code == cli::ExitCode::success);
  CHECK(again.out.find("No changes: the team matches the manifest.") != std::string::npos);
}
